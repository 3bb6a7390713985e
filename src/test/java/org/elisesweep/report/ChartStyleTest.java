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
}
