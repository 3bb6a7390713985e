package org.elisesweep.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.elisesweep.model.Clamp;
import org.elisesweep.model.ScenarioResult;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Teacher;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * PNG of the target pattern above the replayed patterns of one simulation, one heat map per
 * panel (like the paper's target-vs-replay figure): x = time within the cycle (ms), y = visible
 * neuron index, colour = rate in [0, 1] on one shared scale (dark = 0, yellow = 1).
 *
 * <p>The time axis is averaged down to at most {@value #MAX_COLUMNS} columns, so a 1250-sample
 * cycle becomes 250 columns of 1 ms each.
 */
public final class ReplayRasterPlot {

  /** Size of one panel in pixels; the image is PANEL_WIDTH × (PANEL_HEIGHT · number of panels). */
  public static final int PANEL_WIDTH = 900;

  public static final int PANEL_HEIGHT = 230;

  /** Most time columns drawn per panel. */
  public static final int MAX_COLUMNS = 250;

  /** Title of the first panel. */
  public static final String TARGET_TITLE = "target";

  public static final String X_LABEL = "time in cycle (ms)";
  public static final String Y_LABEL = "visible neuron";

  private ReplayRasterPlot() {}

  /**
   * Writes the target and each replayed pattern as a column of heat maps into one PNG.
   *
   * <p>Every array is [neuron][sample] with the same neuron count and sample count; sample k lies
   * at time k·sampleMs. Panel 0 is titled {@value #TARGET_TITLE}, panel i + 1 is names.get(i)
   * showing replayed.get(i). Each column is the mean of its samples, NaN samples left out; a
   * column with no finite sample is left blank (background colour).
   *
   * @param png file to write (created or replaced; its parent directory must exist)
   * @param target target rates φ(u_tgt) over one cycle, [neuron][sample], in [0, 1]
   * @param names panel title of each replayed pattern, e.g. "replay: silence-cycle"
   * @param replayed replayed rates, one [neuron][sample] array per name, in [0, 1]
   * @param sampleMs time between two samples in ms (0.2 in the paper's setting)
   * @throws IllegalArgumentException if shapes differ, names and replayed differ in size, an
   *     array is empty or null, or sampleMs is not a positive finite number; the message names
   *     the offending scenario
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(
      Path png, double[][] target, List<String> names, List<double[][]> replayed, double sampleMs) {
    Objects.requireNonNull(png, "png");
    validate(target, names, replayed, sampleMs);
    List<HeatMapChart> panels = new ArrayList<>();
    panels.add(panel(TARGET_TITLE, target, sampleMs));
    for (int i = 0; i < names.size(); i++) {
      panels.add(panel(names.get(i), replayed.get(i), sampleMs));
    }
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(panels, panels.size(), 1, out, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write replay raster to " + png, e);
    }
  }

  /**
   * Writes one simulation's target above its replays: each scenario's last scored replay cycle,
   * aligned at its best shift ({@link ScenarioResult#lastAligned()}), titled "replay: " and the
   * scenario's name. Scenarios that diverged are left out.
   *
   * @return false, writing nothing, when no scenario has a replay to show (training failed or every replay diverged)
   */
  public static boolean write(Path png, SimulationSpec spec, SimulationResult result) {
    List<String> names = new ArrayList<>();
    List<double[][]> replayed = new ArrayList<>();
    for (ScenarioResult s : result.scenarios()) {
      if (s.lastAligned() != null) {
        names.add("replay: " + (Clamp.UNDISTURBED.equals(s.name()) ? "undisturbed" : s.name()));
        replayed.add(s.lastAligned());
      }
    }
    if (names.isEmpty()) {
      return false;
    }
    double[][] target =
        new Teacher(spec.pattern(), spec.model(), spec.protocol().stepMs()).sampledTargetRates();
    write(png, target, names, replayed, 2 * spec.model().dt()); // one sample every second Euler step
    return true;
  }

  private static void validate(
      double[][] target, List<String> names, List<double[][]> replayed, double sampleMs) {
    if (!(sampleMs > 0 && Double.isFinite(sampleMs))) {
      throw new IllegalArgumentException("replay raster: sampleMs must be > 0 and finite, was " + sampleMs);
    }
    if (names == null || replayed == null) {
      throw new IllegalArgumentException("replay raster: names and replayed must not be null");
    }
    if (names.size() != replayed.size()) {
      throw new IllegalArgumentException(
          "replay raster: "
              + names.size()
              + " names but "
              + replayed.size()
              + " replayed arrays; need one name per replayed array");
    }
    if (target == null || target.length == 0) {
      throw new IllegalArgumentException("replay raster: target has no neurons");
    }
    if (target[0] == null || target[0].length == 0) {
      throw new IllegalArgumentException("replay raster: target has no samples");
    }
    int nNeurons = target.length;
    int nSamples = target[0].length;
    checkShape("target", target, nNeurons, nSamples);
    for (int i = 0; i < replayed.size(); i++) {
      checkShape(
          "scenario " + i + " ('" + names.get(i) + "')", replayed.get(i), nNeurons, nSamples);
    }
  }

  private static void checkShape(String what, double[][] a, int nNeurons, int nSamples) {
    if (a == null) {
      throw new IllegalArgumentException("replay raster: " + what + " is null");
    }
    if (a.length != nNeurons) {
      throw new IllegalArgumentException(
          "replay raster: " + what + " has " + a.length + " neurons, target has " + nNeurons);
    }
    for (int n = 0; n < nNeurons; n++) {
      int len = a[n] == null ? 0 : a[n].length;
      if (len != nSamples) {
        throw new IllegalArgumentException(
            "replay raster: "
                + what
                + ", neuron "
                + n
                + " has "
                + len
                + " samples, target has "
                + nSamples);
      }
    }
  }

  /** One heat-map panel of a [neuron][sample] array; colour scale fixed to [0, 1]. */
  static HeatMapChart panel(String title, double[][] rates, double sampleMs) {
    int nNeurons = rates.length;
    int nSamples = rates[0].length;
    int bin = (nSamples + MAX_COLUMNS - 1) / MAX_COLUMNS; // samples per column
    int nColumns = (nSamples + bin - 1) / bin;

    List<String> xs = timeLabels(nColumns, bin * sampleMs, nSamples * sampleMs);
    List<Number> ys = new ArrayList<>(nNeurons);
    for (int n = 0; n < nNeurons; n++) {
      ys.add(n);
    }
    List<Number[]> cells = new ArrayList<>(nColumns * nNeurons);
    for (int n = 0; n < nNeurons; n++) {
      for (int c = 0; c < nColumns; c++) {
        double mean = finiteMean(rates[n], c * bin, Math.min((c + 1) * bin, nSamples));
        if (!Double.isNaN(mean)) {
          cells.add(new Number[] {c, n, mean});
        }
      }
    }

    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(PANEL_WIDTH)
            .height(PANEL_HEIGHT)
            .title(title)
            .xAxisTitle(X_LABEL)
            .yAxisTitle(Y_LABEL)
            .build();
    HeatMapSeries series = chart.addSeries(title, xs, ys, cells);
    series.setMin(0.0); // the same colour scale in every panel, whatever the data
    series.setMax(1.0);

    HeatMapStyler styler = chart.getStyler();
    styler.setRangeColors(ChartStyle.viridis()); // rate 0 … 1
    styler.setPiecewise(false);
    styler.setShowValue(false);
    styler.setDrawBorder(false);
    styler.setPlotContentSize(1.0);
    styler.setPlotGridLinesVisible(false);
    styler.setLegendPosition(LegendPosition.OutsideE);
    styler.setGradientColorColumnHeight(PANEL_HEIGHT - 90);
    styler.setGradientColorColumnWeight(16);
    styler.setYAxisDecimalPattern("0");
    styler.setAxisTicksMarksVisible(false); // a category axis would mark every column
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setChartTitlePadding(4);
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setAntiAlias(false); // anti-aliased cells leave hairline seams between them
    return chart;
  }

  /**
   * Time-axis labels, one per column: a column holding a tick time m·step (ms) is labelled with
   * it, the others with a blank, so that the category axis shows about ten round times. A label
   * sits at its column's centre, at most half a column from the exact time.
   */
  static List<String> timeLabels(int nColumns, double columnMs, double cycleMs) {
    String[] labels = new String[nColumns];
    Arrays.fill(labels, " ");
    double step = niceStep(cycleMs / 10);
    for (int m = 0; m * step < cycleMs; m++) {
      int c = (int) Math.floor(m * step / columnMs + 1e-9);
      if (c < nColumns) {
        labels[c] = BigDecimal.valueOf(m * step).setScale(6, RoundingMode.HALF_EVEN)
            .stripTrailingZeros().toPlainString();
      }
    }
    return List.of(labels);
  }

  /** Smallest of 1, 2, 2.5, 5 × 10^k that is ≥ raw (raw &gt; 0). */
  static double niceStep(double raw) {
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * decade >= raw * (1 - 1e-9)) {
        return f * decade;
      }
    }
    return 10 * decade;
  }

  /** Mean of a[from..to) over its finite entries; NaN if there are none. */
  private static double finiteMean(double[] a, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int k = from; k < to; k++) {
      if (Double.isFinite(a[k])) {
        sum += a[k];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
