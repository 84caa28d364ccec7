package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndTestCommandsTest {
    static final Path PACK = Path.of("../rules/pack");
    static final Path SCENARIOS = Path.of("../rules/scenarios");
    static final Path DROOLS_EXAMPLES = Path.of("target/third-party/drools-examples.jar");

    @TempDir
    Path dir;

    @Test
    void theDefaultPackValidatesCleanWithExitCodeZero() {
        Run run = Run.nextbest("validate", PACK.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("OK: no problems found");
    }

    @Test
    void aMistakeIsReportedAtItsCellWithExitCodeOne() throws IOException {
        Path copy = copyPack();
        Path table = copy.resolve("suitability.drl.csv");
        Files.writeString(table, Files.readString(table).replace("A complaint call gets no sales offer,COMPLAINT_NO_SALES,COMPLAINT",
                "A complaint call gets no sales offer,COMPLAINT_NO_SALES,COMPLIANT"));
        Run run = Run.nextbest("validate", copy.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("error: suitability.drl.csv, cell C10 (column \"Intent\"): 'COMPLIANT' is "
                + "not one of").contains("did you mean COMPLAINT?").contains("1 error, 0 warnings");
    }

    @Test
    void strictTurnsWarningsIntoErrors() throws IOException {
        Path copy = copyPack();
        Path table = copy.resolve("suitability.drl.csv");
        String text = Files.readString(table);
        String row = text.lines().filter(l -> l.startsWith("Negative sentiment: no sales")).findFirst().orElseThrow();
        Files.writeString(table, text.replace(row, row + "\n" + row.replace("Negative sentiment: no sales",
                "Negative sentiment: no sales again")));
        Run lenient = Run.nextbest("validate", copy.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("warning: suitability.drl.csv, row 13: rule 'Negative sentiment: no "
                + "sales again' duplicates row 12: same conditions and same actions");
        assertThat(Run.nextbest("validate", "--strict", copy.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void droolsOwnPricingTablesValidateWithTheirFactJarOnTheClassPath() throws IOException {
        Path table = extract("org/drools/examples/decisiontable/ExamplePolicyPricing.drl.xls");
        Run with = Run.nextbest("validate", "--classpath", DROOLS_EXAMPLES.toString(), table.toString());
        assertThat(with.out()).isEqualTo("OK: no problems found\n");
        assertThat(with.exitCode()).isZero();

        Run without = Run.nextbest("validate", table.toString());
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.out()).contains("ExamplePolicyPricing.drl.xls, sheet Tables, cell C7 "
                + "(column \"Age Bracket\"): the fact class 'Driver' is not found: import it in the RuleSet and put "
                + "its class on the class path (nextbest validate --classpath)");
    }

    @Test
    void theCommandPrintsNoLoggingNoticeWhenItReadsAWorkbook() throws IOException, InterruptedException {
        // In a JVM of its own, as the command runs: SLF4J, and the Log4j API that POI logs through when it
        // opens a workbook, each print a notice at start-up when they find no provider on the class path.
        Path workbook = dir.resolve("empty.drl.xlsx");
        try (XSSFWorkbook xlsx = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            xlsx.createSheet("Tables").createRow(0).createCell(0).setCellValue("RuleSet");
            xlsx.write(out);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "validate", workbook.toString())
                .redirectOutput(out.toFile()).start();
        String err = utf8(process.getErrorStream().readAllBytes());

        assertThat(process.waitFor()).as("the workbook has no rule table").isEqualTo(1);
        assertThat(err).isEmpty();
        // The Log4j API prints its notice on standard output, among the command's own lines.
        assertThat(Files.readString(out)).isEqualTo("error: empty.drl.xlsx, sheet Tables: has no RuleTable, so Drools "
                + "would make no rules of it (the data of a rule template needs its template, which packs do not use). "
                + "Drools says: No RuleTable cells in spreadsheet.\n1 error, 0 warnings\n");
    }

    @Test
    void theDefaultScenariosPass() throws IOException {
        long scenarios;
        try (var files = Files.list(SCENARIOS)) {
            scenarios = files.filter(f -> f.toString().endsWith(".csv")).mapToLong(f -> {
                try {
                    return Files.readAllLines(f).stream().skip(1).filter(l -> !l.isBlank()).count();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        Run run = Run.nextbest("test", SCENARIOS.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(scenarios).isGreaterThanOrEqualTo(50);
        assertThat(run.out()).contains("PASS  A complaint caller is never offered a sale")
                .endsWith(scenarios + " passed, 0 failed\n");
    }

    @Test
    void aFailingScenarioShowsTheRulesAndRowsThatFired() throws IOException {
        Path scenarios = dir.resolve("wrong.csv");
        Files.writeString(scenarios, "scenario,interaction.intent,expect.program\n"
                + "A complaint caller is offered a cross-sell,COMPLAINT,cross-sell\n");
        Run run = Run.nextbest("test", scenarios.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  A complaint caller is offered a cross-sell  (wrong.csv line 2)")
                .contains("expected an offer of program cross-sell, got ")
                .contains("suitability: A complaint call gets no sales offer [COMPLAINT_NO_SALES] (suitability.drl.csv row 10)")
                .endsWith("0 passed, 1 failed\n");
    }

    private Path copyPack() throws IOException {
        Path copy = dir.resolve("pack");
        Files.createDirectories(copy);
        try (var files = Files.list(PACK)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private Path extract(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(DROOLS_EXAMPLES.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            Path target = dir.resolve(Path.of(entry).getFileName().toString());
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, target);
            }
            return target;
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
