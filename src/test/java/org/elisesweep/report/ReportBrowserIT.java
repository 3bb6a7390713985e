package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The report as a reader sees it: generated from the analytics fixture, opened from disk in a
 * real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them), every
 * image decoded by the browser. An integration test, so that {@code mvn test} needs no browser.
 * Paths can be changed with -Dchromium.binary and -Dchromedriver.binary.
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    @TempDir
    Path dir;

    @Test
    void reportLoadsInHeadlessChromiumWithEveryImageDecoded() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser test needs "
                + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (as .ci/run does)");
        SweepReport.Result report = SweepReport.write(SharedSpark.get(), new SweepReport.Options(
                AnalyticsTables.output().toString(), null, dir.resolve("report"), true, false));

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                        "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(60));
        try {
            browser.get(report.html().toUri().toString());
            // get() may return at "interactive" on a loaded machine: wait (bounded) for the load event
            long deadline = System.nanoTime() + 60_000_000_000L;
            Object readyState = browser.executeScript("return document.readyState");
            while (!"complete".equals(readyState) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                readyState = browser.executeScript("return document.readyState");
            }
            assertEquals("complete", readyState, "the page did not finish loading within 60 s");

            assertEquals("Sweep report: analytics", browser.getTitle());
            assertEquals("Sweep report: analytics", browser.findElement(By.tagName("h1")).getText());
            List<String> headings = browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("Swept parameters", "Status", "Replay quality against the swept parameters",
                    "Learning curves", "Points", "Robustness to disturbances",
                    "Target versus replay: the best and the worst point"),
                    headings);

            List<WebElement> images = browser.findElements(By.tagName("img"));
            assertEquals(report.figures().size(), images.size());
            for (int k = 0; k < images.size(); k++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> state = (Map<String, Object>) browser.executeScript(
                        "const i = arguments[0]; return {complete: i.complete, width: i.naturalWidth, "
                                + "height: i.naturalHeight, alt: i.alt};", images.get(k));
                Figure f = report.figures().get(k);
                assertEquals(Boolean.TRUE, state.get("complete"), f.file() + " not loaded");
                int width = ((Number) state.get("width")).intValue();
                assertEquals(PngAssertions.read(report.figure(f)).getWidth(), width, f.file() + ": naturalWidth");
                assertTrue(((Number) state.get("height")).intValue() > 0, f.file() + ": naturalHeight");
                assertEquals(f.title(), state.get("alt"));
            }
            // a picture of the page for people (target/failsafe-reports keeps the test's output)
            Files.write(dir.resolve("page.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertTrue(Files.size(dir.resolve("page.png")) > 10_000);
        } finally {
            browser.quit();
        }
    }
}
