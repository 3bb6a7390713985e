package org.elisesweep.report;

import static org.elisesweep.report.PngAssertions.distinctColours;
import static org.elisesweep.report.PngAssertions.maxPixelsNearInOneRow;
import static org.elisesweep.report.PngAssertions.pixelsNear;
import static org.elisesweep.report.PngAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvePlotTest {

  @TempDir Path dir;

  /** A typical curve: 501 validation cycles, Σcorr rising to ≈12.5, MSE falling to ≈0.007. */
  private static final int N = 501;

  private static int[] cycles() {
    int[] c = new int[N];
    for (int i = 0; i < N; i++) {
      c[i] = 20 * i;
    }
    return c;
  }

  private static double learned(int cycle) {
    return 1 / (1 + Math.exp(-(cycle - 2500) / 400.0));
  }

  private static double[] sumCorr(int[] cycles) {
    return Arrays.stream(cycles).mapToDouble(c -> 1 + 11.5 * learned(c)).toArray();
  }

  private static double[] mse(int[] cycles) {
    return Arrays.stream(cycles).mapToDouble(c -> 0.007 + 0.07 * (1 - learned(c))).toArray();
  }

  @Test
  void writesNonBlankPngOfTheDocumentedSize() throws Exception {
    int[] c = cycles();
    Path png = dir.resolve("curve.png");
    LearningCurvePlot.write(png, c, mse(c), sumCorr(c), 13);

    BufferedImage img = read(png);
    assertEquals(LearningCurvePlot.WIDTH, img.getWidth());
    assertEquals(LearningCurvePlot.HEIGHT, img.getHeight());
    assertTrue(distinctColours(img) > 50, "image looks blank: " + distinctColours(img) + " colours");
  }

  @Test
  void drawsBothCurvesAndTheDashedThreshold() throws Exception {
    int[] c = cycles();
    Path png = dir.resolve("curve.png");
    LearningCurvePlot.write(png, c, mse(c), sumCorr(c), 13);
    BufferedImage img = read(png);

    assertTrue(pixelsNear(img, LearningCurvePlot.SUMCORR_COLOR, 10) > 500, "Σcorr curve missing");
    assertTrue(pixelsNear(img, LearningCurvePlot.MSE_COLOR, 10) > 500, "MSE curve missing");
    // the dashed line spans the plot width in one pixel row: ≈ 8/14 of ≈ 700 px are line
    assertTrue(
        maxPixelsNearInOneRow(img, LearningCurvePlot.THRESHOLD_COLOR, 12) > 250,
        "no horizontal reference line");
  }

  @Test
  void nonFiniteValuesAreSkippedAndAllNanSeriesLeftOut() throws Exception {
    int[] c = cycles();
    double[] sc = sumCorr(c);
    double[] m = mse(c);
    sc[10] = Double.NaN;
    sc[200] = Double.POSITIVE_INFINITY;
    m[300] = Double.NaN;
    Path withGaps = dir.resolve("gaps.png");
    LearningCurvePlot.write(withGaps, c, m, sc, 13);
    assertTrue(pixelsNear(read(withGaps), LearningCurvePlot.MSE_COLOR, 10) > 500);

    double[] allNan = new double[N];
    Arrays.fill(allNan, Double.NaN);
    Path noMse = dir.resolve("nomse.png");
    LearningCurvePlot.write(noMse, c, allNan, sc, 13);
    BufferedImage img = read(noMse);
    assertTrue(pixelsNear(img, LearningCurvePlot.SUMCORR_COLOR, 10) > 500, "Σcorr curve missing");
    assertTrue(
        pixelsNear(img, LearningCurvePlot.MSE_COLOR, 10) < 50, "an all-NaN MSE series was drawn");
  }

  @Test
  void singleValidationCycleIsPlotted() throws Exception {
    Path png = dir.resolve("one.png");
    LearningCurvePlot.write(png, new int[] {0}, new double[] {0.08}, new double[] {0.4}, 13);
    BufferedImage img = read(png);
    assertEquals(LearningCurvePlot.WIDTH, img.getWidth());
    assertTrue(pixelsNear(img, LearningCurvePlot.SUMCORR_COLOR, 10) > 5, "Σcorr marker missing");
    assertTrue(pixelsNear(img, LearningCurvePlot.MSE_COLOR, 10) > 5, "MSE marker missing");
  }

  @Test
  void mismatchedLengthsAreRejectedNamingTheLengths() {
    Path png = dir.resolve("bad.png");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LearningCurvePlot.write(png, new int[] {0, 20}, new double[] {0.1}, new double[] {1, 2}, 13));
    assertTrue(e.getMessage().contains("mse has 1"), e.getMessage());
    assertTrue(e.getMessage().contains("cycles has 2"), e.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> LearningCurvePlot.write(png, new int[] {0}, new double[] {0.1}, new double[] {1, 2}, 13));
  }

  @Test
  void emptyCurveAndNonPositiveNVisAreRejected() {
    Path png = dir.resolve("bad.png");
    assertThrows(
        IllegalArgumentException.class,
        () -> LearningCurvePlot.write(png, new int[0], new double[0], new double[0], 13));
    assertThrows(
        IllegalArgumentException.class,
        () -> LearningCurvePlot.write(png, new int[] {0}, new double[] {0.1}, new double[] {1}, 0));
  }
}
