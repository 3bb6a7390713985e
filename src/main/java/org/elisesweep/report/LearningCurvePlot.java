package org.elisesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG of one simulation's learning curve (docs/model.md §7): Σcorr and MSE of every free-run
 * validation cycle against the training cycle, with the "learned" threshold Σcorr = 0.9·N_vis
 * (the learning-speed criterion of §7) as a dashed reference line.
 *
 * <p>Σcorr uses the left y axis (0 … N_vis), MSE the right one (linear from 0: XChart 3.8 can
 * only make every y axis logarithmic at once, and Σcorr may be ≤ 0).
 */
public final class LearningCurvePlot {

  /** Image size in pixels. */
  public static final int WIDTH = 900;

  public static final int HEIGHT = 500;

  public static final String TITLE = "Learning curve (free-run validation cycles)";
  public static final String X_LABEL = "training cycle";
  public static final String SUMCORR_LABEL = "Σcorr (max = N_vis)";
  public static final String MSE_LABEL = "MSE";
  public static final String THRESHOLD_LABEL = "learned (0.9·N_vis)";

  /** Fraction of N_vis at which a network counts as learned (docs/model.md §7). */
  static final double LEARNED_FRACTION = 0.9;

  /** Above this many points the series are drawn as plain lines, without markers. */
  private static final int MAX_POINTS_WITH_MARKERS = 100;

  static final Color SUMCORR_COLOR = new Color(0x1F, 0x77, 0xB4);
  static final Color MSE_COLOR = new Color(0xD6, 0x27, 0x28);
  static final Color THRESHOLD_COLOR = new Color(0x55, 0x55, 0x55);

  private LearningCurvePlot() {}

  /**
   * Writes the learning curve as a {@value #WIDTH}×{@value #HEIGHT} PNG.
   *
   * <p>Point i is (cycles[i], sumCorr[i]) on the left axis and (cycles[i], mse[i]) on the right
   * one; points are drawn in ascending cycle order. A non-finite value (NaN, ±∞) leaves out that
   * one point of that one series; a series with no finite value is left out altogether.
   *
   * @param png file to write (created or replaced; its parent directory must exist)
   * @param cycles training cycle of each validation run (x)
   * @param mse free-run MSE of each validation run (dimensionless, ≥ 0)
   * @param sumCorr free-run Σcorr of each validation run (at most nVis)
   * @param nVis number of visible neurons N_vis, the maximum of Σcorr
   * @throws IllegalArgumentException if the arrays are empty or differ in length, or nVis &lt; 1
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path png, int[] cycles, double[] mse, double[] sumCorr, int nVis) {
    Objects.requireNonNull(png, "png");
    validate(cycles, mse, sumCorr, nVis);
    XYChart chart = chart(cycles, mse, sumCorr, nVis);
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write learning curve to " + png, e);
    }
  }

  private static void validate(int[] cycles, double[] mse, double[] sumCorr, int nVis) {
    if (cycles == null || mse == null || sumCorr == null) {
      throw new IllegalArgumentException("learning curve: cycles, mse and sumCorr must not be null");
    }
    if (cycles.length != mse.length || cycles.length != sumCorr.length) {
      throw new IllegalArgumentException(
          "learning curve: arrays differ in length: cycles has "
              + cycles.length
              + ", mse has "
              + mse.length
              + ", sumCorr has "
              + sumCorr.length);
    }
    if (cycles.length == 0) {
      throw new IllegalArgumentException("learning curve: no validation cycles to plot");
    }
    if (nVis < 1) {
      throw new IllegalArgumentException("learning curve: nVis must be ≥ 1, was " + nVis);
    }
  }

  /** Builds the chart; the arrays have been validated. */
  static XYChart chart(int[] cycles, double[] mse, double[] sumCorr, int nVis) {
    XYChart chart =
        new XYChartBuilder().width(WIDTH).height(HEIGHT).title(TITLE).xAxisTitle(X_LABEL).build();
    chart.setYAxisGroupTitle(0, SUMCORR_LABEL);
    chart.setYAxisGroupTitle(1, MSE_LABEL);

    Integer[] order = ascendingCycleOrder(cycles);
    double[] x = new double[order.length];
    for (int k = 0; k < order.length; k++) {
      x[k] = cycles[order[k]];
    }
    double[] sortedSumCorr = permute(sumCorr, order);
    double[] sortedMse = permute(mse, order);
    boolean markers = order.length <= MAX_POINTS_WITH_MARKERS;

    double sumCorrMin = 0;
    double sumCorrMax = nVis;
    double[][] sc = finitePoints(x, sortedSumCorr);
    if (sc[0].length > 0) {
      XYSeries s = chart.addSeries(SUMCORR_LABEL, sc[0], sc[1]);
      style(s, 0, SUMCORR_COLOR, markers);
      sumCorrMin = Math.min(sumCorrMin, Arrays.stream(sc[1]).min().getAsDouble());
      sumCorrMax = Math.max(sumCorrMax, Arrays.stream(sc[1]).max().getAsDouble());
    }
    double[][] m = finitePoints(x, sortedMse);
    if (m[0].length > 0) {
      XYSeries s = chart.addSeries(MSE_LABEL, m[0], m[1]);
      style(s, 1, MSE_COLOR, markers);
    }

    double threshold = LEARNED_FRACTION * nVis;
    double xMin = x[0];
    double xMax = x[x.length - 1];
    if (xMin == xMax) { // one cycle only: give the reference line some length
      xMin -= 1;
      xMax += 1;
    }
    XYSeries ref =
        chart.addSeries(THRESHOLD_LABEL, new double[] {xMin, xMax}, new double[] {threshold, threshold});
    ref.setYAxisGroup(0);
    ref.setLineColor(THRESHOLD_COLOR);
    ref.setLineStyle(
        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    ref.setMarker(SeriesMarkers.NONE);

    XYStyler styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    styler.setYAxisGroupPosition(1, YAxisPosition.Right);
    styler.setYAxisMin(0, sumCorrMin);
    styler.setYAxisMax(0, sumCorrMax);
    styler.setYAxisMin(1, 0.0);
    styler.setYAxisGroupTitleColor(0, SUMCORR_COLOR);
    styler.setYAxisGroupTickLabelsColorMap(0, SUMCORR_COLOR);
    styler.setYAxisGroupTitleColor(1, MSE_COLOR);
    styler.setYAxisGroupTickLabelsColorMap(1, MSE_COLOR);
    styler.setXAxisDecimalPattern("0");
    // one pattern for both y axes (3.8.8 ignores per-group patterns here): "2", "0.05", "0.005"
    styler.setYAxisDecimalPattern("0.#####");
    styler.setLegendPosition(LegendPosition.OutsideS);
    styler.setLegendLayout(LegendLayout.Horizontal);
    styler.setMarkerSize(5);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setAntiAlias(true);
    return chart;
  }

  private static void style(XYSeries s, int yGroup, Color color, boolean markers) {
    s.setYAxisGroup(yGroup);
    s.setLineColor(color);
    s.setLineWidth(1.8f);
    s.setMarkerColor(color);
    s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
  }

  private static Integer[] ascendingCycleOrder(int[] cycles) {
    Integer[] order = new Integer[cycles.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> cycles[i])); // stable
    return order;
  }

  private static double[] permute(double[] values, Integer[] order) {
    double[] out = new double[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = values[order[k]];
    }
    return out;
  }

  /** The (x, y) pairs whose y is finite, as {xs, ys}. */
  private static double[][] finitePoints(double[] x, double[] y) {
    int n = 0;
    for (double v : y) {
      if (Double.isFinite(v)) {
        n++;
      }
    }
    double[] xs = new double[n];
    double[] ys = new double[n];
    int k = 0;
    for (int i = 0; i < y.length; i++) {
      if (Double.isFinite(y[i])) {
        xs[k] = x[i];
        ys[k++] = y[i];
      }
    }
    return new double[][] {xs, ys};
  }
}
