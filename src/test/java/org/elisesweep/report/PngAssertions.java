package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Reading back and measuring the PNGs the plots write. */
final class PngAssertions {

  private PngAssertions() {}

  /** Reads png, failing if it is missing or not a decodable image. */
  static BufferedImage read(Path png) throws IOException {
    assertTrue(Files.isRegularFile(png), "no file written at " + png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, "not a readable image: " + png);
    return img;
  }

  /** Number of distinct RGB colours in the image. */
  static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        colours.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  /** Mean colour {r, g, b} of the rectangle [x0, x1) × [y0, y1). */
  static double[] meanColour(BufferedImage img, int x0, int y0, int x1, int y1) {
    double r = 0;
    double g = 0;
    double b = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        Color c = new Color(img.getRGB(x, y));
        r += c.getRed();
        g += c.getGreen();
        b += c.getBlue();
      }
    }
    double n = (double) (x1 - x0) * (y1 - y0);
    return new double[] {r / n, g / n, b / n};
  }

  /** Euclidean distance of two RGB colours. */
  static double distance(double[] a, double[] b) {
    return Math.sqrt(
        (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
  }

  /** Number of pixels within tolerance (per channel) of colour c. */
  static int pixelsNear(BufferedImage img, Color c, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (near(new Color(img.getRGB(x, y)), c, tolerance)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Largest number of pixels within tolerance of colour c found in any one row. */
  static int maxPixelsNearInOneRow(BufferedImage img, Color c, int tolerance) {
    int best = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      int n = 0;
      for (int x = 0; x < img.getWidth(); x++) {
        if (near(new Color(img.getRGB(x, y)), c, tolerance)) {
          n++;
        }
      }
      best = Math.max(best, n);
    }
    return best;
  }

  private static boolean near(Color a, Color b, int tolerance) {
    return Math.abs(a.getRed() - b.getRed()) <= tolerance
        && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
        && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
  }
}
