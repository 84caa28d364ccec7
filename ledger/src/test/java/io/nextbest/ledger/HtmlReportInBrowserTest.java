package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.ledger.ProgramReport.Counts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's page in a real browser: Debian's chromium, headless, with no network. It must parse into
 * the three charts and render them: the working program's interval in green, the one to retire in red.
 * Where no chromium is installed the test is skipped and says so ({@code .ci/run} installs it).
 */
class HtmlReportInBrowserTest {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    @TempDir
    Path folder;

    private String browser;
    private Path page;

    @BeforeEach
    void writeThePage() throws IOException {
        browser = BROWSERS.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElse(null);
        Assumptions.assumeTrue(browser != null, "no chromium on this machine (looked for " + BROWSERS
                + "): apt-get install chromium");
        ReportSettings settings = ReportSettings.DEFAULTS;
        List<ProgramReport> programs = List.of(
                ProgramReport.of("retention", OutcomeType.SAVED, new Counts(7_860, 3_964, 3_896, 0, 6_302, 2.1e6, 1.9e6),
                        new Counts(447, 0, 0, 0, 314, 0, 0), 0, 30, settings),
                ProgramReport.of("cross-sell", OutcomeType.ACCEPTED, new Counts(1_129, 75, 1_054, 0, 0, 13_650, 169_000),
                        new Counts(262, 21, 0, 0, 0, 0, 0), 0, 30, settings),
                ProgramReport.of("upsell <pushy>", OutcomeType.ACCEPTED, new Counts(5_590, 270, 5_320, 0, 0, 50_000, 1.1e6),
                        new Counts(270, 40, 0, 0, 0, 0, 0), 0, 30, settings));
        page = folder.resolve("report.html");
        Files.writeString(page, new Report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), settings, programs, 0)
                .html());
    }

    @Test
    void thePageParsesIntoItsThreeChartsInARealBrowser() throws Exception {
        String dom = run("--dump-dom", page.toUri().toString());
        assertThat(dom).contains("<svg id=\"effort\"", "<svg id=\"lift\"", "<svg id=\"staffing\"")
                .contains("upsell &lt;pushy&gt;").contains("retire").contains("working");
        assertThat(count(dom, "<circle")).as("a point for each program's lift").isEqualTo(3);
    }

    @Test
    void thePageRendersTheVerdictsInTheirColours() throws Exception {
        Path png = folder.resolve("report.png");
        run("--screenshot=" + png, "--window-size=800,1300", page.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(pixels(image, 0x2f8a3e)).as("the working program's interval, green").isGreaterThan(100);
        assertThat(pixels(image, 0xb23b3b)).as("the retired program's interval, red").isGreaterThan(100);
        Files.copy(png, Path.of("target", "report-in-chromium.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(folder, "profile")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as("chromium's exit code").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
