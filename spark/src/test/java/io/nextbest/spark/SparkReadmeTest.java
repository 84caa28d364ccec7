package io.nextbest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.nightly.NightlyPlan;
import io.nextbest.outbound.PlanSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What spark/README.md shows is what runs: the local command and what it prints, the job's options, the Java. */
class SparkReadmeTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path README = Path.of("README.md");

    /** The code block after {@code <!-- spark: NAME -->}. */
    static String block(String name) throws IOException {
        String readme = Files.readString(README);
        int marker = readme.indexOf("<!-- spark: " + name + " -->");
        assertThat(marker).as("the README's %s block", name).isNotNegative();
        int start = readme.indexOf('\n', readme.indexOf("```", marker)) + 1;
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** The block after the local command's: what the command prints first. */
    static List<String> printedBlock() throws IOException {
        String readme = Files.readString(README);
        int marker = readme.indexOf("<!-- spark: local -->");
        int end = readme.indexOf("```", readme.indexOf('\n', readme.indexOf("```", marker)) + 1);
        int start = readme.indexOf('\n', readme.indexOf("```", end + 3)) + 1;
        return List.of(readme.substring(start, readme.indexOf("```", start)).strip().split("\n"));
    }

    @Test
    void theLocalCommandPlansGeneratedCustomersAndPrintsWhatTheReadmeShows() throws Exception {
        String command = block("local").strip();
        Path out = ROOT.resolve("plan-locally-out");
        delete(out);
        Process p = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        try {
            assertThat(p.exitValue()).as(printed).isZero();
            List<String> lines = List.of(printed.strip().split("\n"));
            assertThat(lines.subList(0, 2)).isEqualTo(printedBlock());
            List<String> header = new ArrayList<>();
            try (Stream<Path> parts = Files.list(out.resolve("plan"))) {
                Path first = parts.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
                header.addAll(Arrays.asList(Files.readAllLines(first).get(0).split(",")));
            }
            assertThat(header).containsExactly(PlanTables.PLAN.fieldNames());
        } finally {
            delete(out);
        }
    }

    @Test
    void theSparkSubmitCommandRunsTheJobsMainWithOptionsItKnows() throws IOException {
        String submit = block("submit").replace("\\\n", " ");
        List<String> words = List.of(submit.strip().split("\\s+"));
        assertThat(words.get(words.indexOf("--class") + 1)).isEqualTo(PlanJob.class.getName());
        String pom = Files.readString(Path.of("pom.xml"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String version = parent.substring(parent.indexOf("<version>") + 9, parent.indexOf("</version>"));
        int jar = words.indexOf("spark/target/nextbest-spark-" + version + "-job.jar");
        assertThat(jar).as("the job's jar, as the shade plugin names it").isPositive();
        assertThat(pom).contains("<artifactId>nextbest-spark</artifactId>", "<shadedClassifierName>job</shadedClassifierName>");
        PlanJob job = PlanJob.parse(words.subList(jar + 1, words.size()).toArray(String[]::new));
        assertThat(job.customers).endsWith("customers.parquet");
    }

    @Test
    void theJavaExampleIsTheCompiledOneAndPlansTheCommandsSample(@TempDir Path dir) throws IOException {
        assertThat(block("java")).isEqualTo(Files.readString(Path.of("src/test/java/com/example/nightly/NightlyPlan.java")));
        LocalSpark.session();
        PlanSummary summary = NightlyPlan.plan(LocalSpark.session(),
                InputsAndRulesTest.SAMPLE.resolve("customers.csv").toString(),
                InputsAndRulesTest.goodEvents(dir).toString(),
                InputsAndRulesTest.SAMPLE.resolve("history.csv").toString(), dir.resolve("out").toString());

        // As the top README's summary of nextbest outbound on the same files.
        assertThat(summary.planned()).isEqualTo(7);
        assertThat(summary.deferred()).isEqualTo(2);
        assertThat(summary.moved()).isEqualTo(1);
        assertThat(Files.isDirectory(dir.resolve("out/plan"))).isTrue();
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
