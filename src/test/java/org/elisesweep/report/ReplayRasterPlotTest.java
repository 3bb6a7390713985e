package org.elisesweep.report;

import static org.elisesweep.report.PngAssertions.distance;
import static org.elisesweep.report.PngAssertions.distinctColours;
import static org.elisesweep.report.PngAssertions.meanColour;
import static org.elisesweep.report.PngAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRasterPlotTest {

  @TempDir Path dir;

  private static final int NEURONS = 13;
  private static final int SAMPLES = 1250;
  private static final double SAMPLE_MS = 0.2;

  /** Each neuron fires a 40-ms bump at its own time: rates between 0.05 and 0.95. */
  private static double[][] target() {
    double[][] t = new double[NEURONS][SAMPLES];
    for (int n = 0; n < NEURONS; n++) {
      double centre = 10 + 18 * n;
      for (int k = 0; k < SAMPLES; k++) {
        double ms = k * SAMPLE_MS;
        t[n][k] = 0.05 + 0.9 * Math.exp(-Math.pow((ms - centre) / 20, 2));
      }
    }
    return t;
  }

  private static double[][] scaled(double[][] a, double f) {
    double[][] out = new double[a.length][];
    for (int n = 0; n < a.length; n++) {
      out[n] = a[n].clone();
      for (int k = 0; k < out[n].length; k++) {
        out[n][k] *= f;
      }
    }
    return out;
  }

  /** Mean colour of the inside of panel i's heat map (away from titles, axes and legend). */
  private static double[] panelMean(BufferedImage img, int panel) {
    int top = panel * ReplayRasterPlot.PANEL_HEIGHT;
    return meanColour(img, 100, top + 45, 750, top + 165);
  }

  @Test
  void oneNonBlankPanelPerPatternStackedVertically() throws Exception {
    double[][] t = target();
    Path two = dir.resolve("two.png");
    ReplayRasterPlot.write(two, t, List.of("replay: none"), List.<double[][]>of(t), SAMPLE_MS);
    Path four = dir.resolve("four.png");
    ReplayRasterPlot.write(
        four,
        t,
        List.of("replay: none", "replay: silence-cycle", "replay: tonic-cycle"),
        List.of(t, scaled(t, 0), scaled(t, 0)),
        SAMPLE_MS);

    BufferedImage img2 = read(two);
    BufferedImage img4 = read(four);
    assertEquals(ReplayRasterPlot.PANEL_WIDTH, img2.getWidth());
    assertEquals(2 * ReplayRasterPlot.PANEL_HEIGHT, img2.getHeight());
    assertEquals(ReplayRasterPlot.PANEL_WIDTH, img4.getWidth());
    assertEquals(4 * ReplayRasterPlot.PANEL_HEIGHT, img4.getHeight());
    assertTrue(distinctColours(img2) > 50, "image looks blank: " + distinctColours(img2) + " colours");
  }

  @Test
  void silentReplayLooksDifferentFromTargetAndFaithfulReplayLooksAlike() throws Exception {
    double[][] t = target();
    Path png = dir.resolve("raster.png");
    ReplayRasterPlot.write(
        png, t, List.of("replay: same", "replay: zero"), List.of(t, scaled(t, 0)), SAMPLE_MS);
    BufferedImage img = read(png);

    double[] target = panelMean(img, 0);
    double[] same = panelMean(img, 1);
    double[] zero = panelMean(img, 2);
    assertTrue(distance(target, same) < 2, "identical data drawn differently: " + distance(target, same));
    assertTrue(distance(target, zero) > 30, "silent replay looks like the target: " + distance(target, zero));
  }

  @Test
  void allPanelsShareOneColourScale() throws Exception {
    // with a per-panel scale, half the target would look exactly like the target
    double[][] t = target();
    Path png = dir.resolve("half.png");
    ReplayRasterPlot.write(png, t, List.of("replay: half"), List.<double[][]>of(scaled(t, 0.5)), SAMPLE_MS);
    BufferedImage img = read(png);
    assertTrue(
        distance(panelMean(img, 0), panelMean(img, 1)) > 10,
        "half-rate replay drawn like the target");
  }

  @Test
  void shortRecordingsAndNanSamplesAreDrawn() throws Exception {
    double[][] t = {{0, 0.5, 1, 0.5, 0, 0.25, 0.75}, {1, 1, 1, 0, 0, 0, 0}};
    double[][] r = {{Double.NaN, 0.5, 1, 0.5, 0, 0.25, 0.75}, {1, Double.NaN, 1, 0, 0, 0, 0}};
    Path png = dir.resolve("short.png");
    ReplayRasterPlot.write(png, t, List.of("replay: nan"), List.<double[][]>of(r), 1.0);
    BufferedImage img = read(png);
    assertEquals(2 * ReplayRasterPlot.PANEL_HEIGHT, img.getHeight());
    assertTrue(distinctColours(img) > 10);
  }

  @Test
  void timeAxisIsDownsampledToRoundTickLabels() {
    List<String> labels = ReplayRasterPlot.timeLabels(250, 1.0, 250.0);
    assertEquals(250, labels.size());
    assertEquals("0", labels.get(0));
    assertEquals("25", labels.get(25));
    assertEquals("225", labels.get(225));
    assertEquals(" ", labels.get(1));
    assertEquals(10, labels.stream().filter(s -> !s.isBlank()).count());
    assertEquals(25.0, ReplayRasterPlot.niceStep(25.0));
    assertEquals(0.5, ReplayRasterPlot.niceStep(0.31), 1e-12);
  }

  @Test
  void mismatchedNamesAndArraysAreRejected() {
    double[][] t = target();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReplayRasterPlot.write(dir.resolve("x.png"), t, List.of("a", "b"), List.<double[][]>of(t), SAMPLE_MS));
    assertTrue(e.getMessage().contains("2 names but 1"), e.getMessage());
  }

  @Test
  void wrongShapeIsRejectedNamingTheScenario() {
    double[][] t = target();
    double[][] fewerNeurons = new double[NEURONS - 1][SAMPLES];
    double[][] shorter = new double[NEURONS][SAMPLES];
    shorter[4] = new double[SAMPLES - 1];
    Path png = dir.resolve("x.png");

    IllegalArgumentException neurons =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReplayRasterPlot.write(
                    png, t, List.of("replay: none", "replay: tonic"), List.of(t, fewerNeurons), SAMPLE_MS));
    assertTrue(neurons.getMessage().contains("replay: tonic"), neurons.getMessage());
    assertTrue(neurons.getMessage().contains("12 neurons"), neurons.getMessage());

    IllegalArgumentException samples =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReplayRasterPlot.write(png, t, List.of("replay: short"), List.<double[][]>of(shorter), SAMPLE_MS));
    assertTrue(samples.getMessage().contains("replay: short"), samples.getMessage());
    assertTrue(samples.getMessage().contains("neuron 4"), samples.getMessage());

    double[][] raggedTarget = target();
    raggedTarget[2] = new double[10];
    assertThrows(
        IllegalArgumentException.class,
        () -> ReplayRasterPlot.write(png, raggedTarget, List.of(), List.of(), SAMPLE_MS));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReplayRasterPlot.write(png, t, List.of(), List.of(), 0.0));
  }
}
