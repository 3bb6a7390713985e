package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartStyleTest {
    private static XYChart panel(int k) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("panel " + k).build();
        ChartStyle.apply(chart.getStyler());
        chart.addSeries("s", new double[] {0, 1, 2}, new double[] {k, 2 * k, k});
        return chart;
    }

    @Test
    void aGridWhoseLastRowIsNotFullLeavesItsEmptyCellWhite(@TempDir Path dir) throws Exception {
        List<XYChart> charts = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            charts.add(panel(k));
        }
        Path png = dir.resolve("grid.png");
        ChartStyle.save(png, charts, 2);

        BufferedImage img = PngAssertions.read(png);
        int w = ChartStyle.PANEL_WIDTH;
        int h = ChartStyle.PANEL_HEIGHT;
        assertEquals(2 * w, img.getWidth());
        assertEquals(2 * h, img.getHeight());
        assertArrayEquals(new double[] {255, 255, 255}, PngAssertions.meanColour(img, w, h, 2 * w, 2 * h), 0.0);
        // the third chart is drawn in the first cell of the second row
        assertTrue(PngAssertions.distinctColours(img.getSubimage(0, h, w, h)) > 10);
    }

    @Test
    void oneChartIsAPngOfItsOwnSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("one.png");
        ChartStyle.save(png, List.of(panel(1)), 1);
        BufferedImage img = PngAssertions.read(png);
        assertEquals(ChartStyle.PANEL_WIDTH, img.getWidth());
        assertEquals(ChartStyle.PANEL_HEIGHT, img.getHeight());
    }

    /** A chart whose legend names {@code n} series {@code label + k}. */
    private static XYChart legend(int n, String label) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("legend").build();
        ChartStyle.apply(chart.getStyler());
        for (int k = 0; k < n; k++) {
            chart.addSeries(label + k, new double[] {0, 1, 2}, new double[] {k, k + 1, k});
        }
        return chart;
    }

    /** Whether every pixel of the image's outermost {@code px} columns and rows is white (nothing cut off there). */
    private static boolean whiteBorder(BufferedImage img, int px) {
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                boolean border = x < px || y < px || x >= img.getWidth() - px || y >= img.getHeight() - px;
                if (border && (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aLegendTooLongForItsRowIsMovedWhereItFitsInsteadOfBeingCutOff(@TempDir Path dir) throws Exception {
        // eight entries of about 45 characters: a row under the plot would be some 2 800 px wide
        XYChart chart = legend(8, "latent neurons N_lat = 30, dendritic noise σ_d = ");
        Path png = dir.resolve("long.png");
        ChartStyle.save(png, List.of(chart), 1);
        assertTrue(whiteBorder(PngAssertions.read(png), 3), "a legend entry runs into the image's edge");
        assertEquals(org.knowm.xchart.style.Styler.LegendLayout.Vertical, chart.getStyler().getLegendLayout());

        // short entries keep their row under the plot
        XYChart shortOnes = legend(3, "N_lat = ");
        ChartStyle.save(dir.resolve("short.png"), List.of(shortOnes), 1);
        assertEquals(org.knowm.xchart.style.Styler.LegendLayout.Horizontal, shortOnes.getStyler().getLegendLayout());
        assertTrue(whiteBorder(PngAssertions.read(dir.resolve("short.png")), 3));
    }

    @Test
    void withoutTheMoveTheSameLegendIsCutOffAtTheEdge(@TempDir Path dir) throws Exception {
        // the test above is not vacuous: XChart itself draws the row past the image's edge
        XYChart chart = legend(8, "latent neurons N_lat = 30, dendritic noise σ_d = ");
        Path png = dir.resolve("cut.png");
        javax.imageio.ImageIO.write(org.knowm.xchart.BitmapEncoder.getBufferedImage(chart), "png", png.toFile());
        assertTrue(!whiteBorder(PngAssertions.read(png), 3), "XChart now fits a long legend row itself");
    }
}
