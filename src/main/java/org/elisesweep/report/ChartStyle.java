package org.elisesweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;

/** One look for every chart of the sweep report: fonts large enough to read, a white page, a colour-blind-safe palette. */
final class ChartStyle {
    /** Size of one chart panel in pixels. */
    static final int PANEL_WIDTH = 640;
    static final int PANEL_HEIGHT = 440;

    /** Okabe–Ito colours, distinguishable with colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)
    };

    private ChartStyle() {
    }

    /** The viridis colour scale (low = dark violet, high = yellow), readable in grey and with colour-vision deficiencies. */
    static Color[] viridis() {
        return new Color[] {
            new Color(0x44, 0x01, 0x54), new Color(0x3B, 0x52, 0x8B), new Color(0x21, 0x91, 0x8C),
            new Color(0x5E, 0xC9, 0x62), new Color(0xFD, 0xE7, 0x25)
        };
    }

    /** The i-th series colour (cycling). */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * A light sequential scale (YlGnBu without its darkest stops) for heat maps that print their
     * values in black: the text stays readable on every cell.
     */
    static Color[] lightScale() {
        return new Color[] {
            new Color(0xFF, 0xFF, 0xD9), new Color(0xC7, 0xE9, 0xB4), new Color(0x7F, 0xCD, 0xBB),
            new Color(0x41, 0xB6, 0xC4), new Color(0x1D, 0x91, 0xC0)
        };
    }

    /** Fonts, colours and legend of an axes chart (XY or category). */
    static void apply(AxesChartStyler s) {
        common(s);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setErrorBarsColorSeriesColor(true);
        s.setSeriesColors(PALETTE);
        s.setLegendPosition(LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setMarkerSize(8);
        s.setYAxisDecimalPattern("0.####");   // "0.02", not ".02"
    }

    static void common(Styler s) {
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setChartTitleBoxVisible(false);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x99, 0x99, 0x99));
        s.setLegendBorderColor(Color.WHITE);
        s.setAntiAlias(true);
    }

    /**
     * Moves a legend whose entries would not fit to where they do: XChart neither wraps a legend in
     * a row under the plot nor shortens one at its side, it cuts them off at the image's edge. A row
     * too long for the chart becomes a column at the side when its longest entry is short enough
     * (under a third of the width), else a column under the plot; a side column too wide (over
     * 45 % of the width) goes under the plot.
     */
    static void fitLegend(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        List<String> entries = chart.getSeriesMap().values().stream().filter(x -> x.isShowInLegend())
                .map(x -> x.getName()).toList();
        if (!(s instanceof AxesChartStyler) || !s.isLegendVisible() || entries.isEmpty()) {
            return;   // a heat map's legend is its colour scale
        }
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        java.awt.FontMetrics metrics = g.getFontMetrics(s.getLegendFont());
        g.dispose();
        int marker = 40;   // the entry's line or marker sample and the gaps around it
        int row = entries.stream().mapToInt(e -> metrics.stringWidth(e) + marker).sum() + 2 * s.getLegendPadding();
        int widest = entries.stream().mapToInt(metrics::stringWidth).max().orElse(0) + marker + 2 * s.getLegendPadding();
        int width = chart.getWidth();
        boolean below = s.getLegendPosition() == LegendPosition.OutsideS;
        if (below && s.getLegendLayout() == Styler.LegendLayout.Horizontal && row > width - 20) {
            s.setLegendLayout(Styler.LegendLayout.Vertical);
            s.setLegendPosition(widest < width / 3 ? LegendPosition.OutsideE : LegendPosition.OutsideS);
        } else if (s.getLegendPosition() == LegendPosition.OutsideE && widest > width * 0.45) {
            s.setLegendPosition(LegendPosition.OutsideS);
            s.setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    /**
     * Writes charts as one PNG, {@code columns} panels per row, each in a cell the size of the largest;
     * a last row that is not full stays white. (XChart's own grid, {@code BitmapEncoder.saveBitmap}
     * with rows and columns, fails unless there are exactly rows × columns charts.)
     */
    static void save(Path png, List<? extends Chart<?, ?>> charts, int columns) {
        int rows = (charts.size() + columns - 1) / columns;
        int cellWidth = charts.stream().mapToInt(Chart::getWidth).max().orElse(1);
        int cellHeight = charts.stream().mapToInt(Chart::getHeight).max().orElse(1);
        BufferedImage page = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            fitLegend(charts.get(i));
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * cellWidth,
                    (i / columns) * cellHeight, null);
        }
        g.dispose();
        try {
            ImageIO.write(page, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
