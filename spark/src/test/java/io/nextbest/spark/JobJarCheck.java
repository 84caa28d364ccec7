package io.nextbest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.RulePack;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.rules.DefaultRules;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's jar runs as {@code spark-submit} runs it on a cluster: Spark's {@code SparkSubmit} on Spark's own jars,
 * at the versions Spark's build chose (spark/cluster resolves them), and the jar; nothing of this build's class path.
 * It plans generated customers and makes the plan one machine makes, with the default pack precompiled into the jar
 * and with a pack that the Drools inside the jar compiles. The build runs it once the jar is made (in
 * {@code verify}'s integration-test phase); a run of the module's unit tests alone does not.
 */
class JobJarCheck {
    static final int CUSTOMERS = 2_000;

    @Test
    void theJobsJarPlansOnSparksOwnJarsAsOneMachineDoes(@TempDir Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Map<Channel, Integer> capacity = SamePlanAsOneMachineTest.smallCenter(CUSTOMERS);
        List<String> printed = submit(dir, "--generate", String.valueOf(CUSTOMERS), "--format", "parquet",
                "--out", out.toString(), "--capacity", capacity(capacity));

        String version = DefaultRules.pack().contentHash();
        PlanSummary summary = new PlanSummary();
        SamePlanAsOneMachineTest.Lines expected = SamePlanAsOneMachineTest.oneMachine(CUSTOMERS, capacity, version,
                summary);
        List<String> expectedPrinted = new ArrayList<>();
        expectedPrinted.add("rule set version: " + version + ", plan from " + GeneratedPopulation.AT);
        expectedPrinted.addAll(summary.lines());
        assertThat(printed).isEqualTo(expectedPrinted);

        SparkSession spark = LocalSpark.session();
        SamePlanAsOneMachineTest.Lines written = new SamePlanAsOneMachineTest.Lines(
                sorted(spark.read().parquet(out.resolve("plan").toString()).collectAsList()),
                sorted(spark.read().parquet(out.resolve("not-planned").toString()).collectAsList()));
        assertThat(SamePlanAsOneMachineTest.difference(expected, written)).isNull();
        assertThat(summary.moved()).as("contacts moved for capacity, so that the capacity's order counts").isPositive();
    }

    /**
     * The default pack is precompiled into the jar; a pack of the user's own is compiled where it is read, by the
     * Drools compiler inside the jar (on the driver and in every executor). A copy of the default pack with one
     * comment more is not the precompiled one: it is compiled, and makes the default pack's plan.
     */
    @Test
    void aPackFromAFolderIsCompiledByTheJarsDroolsAndPlansAsTheSameRulesDo(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        try (Stream<Path> files = Files.list(SparkReadmeTest.ROOT.resolve("rules/pack"))) {
            for (Path f : files.toList()) {
                Files.copy(f, pack.resolve(f.getFileName()));
            }
        }
        Files.writeString(pack.resolve("applicability.drl"), "\n// A copy: compiled where it is read.\n",
                StandardOpenOption.APPEND);
        int customers = 500;
        Map<Channel, Integer> capacity = SamePlanAsOneMachineTest.smallCenter(customers);
        List<String> printed = submit(dir, "--rules", pack.toString(), "--generate", String.valueOf(customers),
                "--out", dir.resolve("out").toString(), "--capacity", capacity(capacity));

        String version = RulePack.directory(pack).contentHash();
        assertThat(version).isNotEqualTo(DefaultRules.pack().contentHash());
        PlanSummary summary = new PlanSummary();
        SamePlanAsOneMachineTest.oneMachine(customers, capacity, version, summary);
        List<String> expectedPrinted = new ArrayList<>();
        expectedPrinted.add("rule set version: " + version + ", plan from " + GeneratedPopulation.AT);
        expectedPrinted.addAll(summary.lines());
        assertThat(printed).isEqualTo(expectedPrinted);
    }

    /** Submits the job's jar as spark-submit would, in local mode on two threads; what it printed, line by line. */
    private static List<String> submit(Path dir, String... jobArguments) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("nextbest.spark.job.jar"));
        Path classpath = Path.of(System.getProperty("nextbest.spark.cluster.classpath"));
        assertThat(jar).as("the job's jar; the build makes it in 'package'").isRegularFile();
        assertThat(classpath).as("Spark's class path; spark/cluster resolves it").isRegularFile();
        List<String> sparkJars = List.of(Files.readString(classpath).strip().split(File.pathSeparator));
        String sparkSql = "spark-sql_" + System.getProperty("nextbest.scala.version") + "-"
                + System.getProperty("nextbest.spark.version") + ".jar";
        assertThat(sparkJars).as("spark/cluster/pom.xml resolves the Spark the module builds against")
                .anyMatch(j -> j.endsWith(File.separator + sparkSql));
        assertThat(sparkJars).as("Spark's jars alone")
                .noneMatch(j -> j.contains("nextbest") || j.contains("drools") || j.contains("kie-"));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("nextbest.spark.jvm.options").strip().split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-cp", String.join(File.pathSeparator, sparkJars),
                "org.apache.spark.deploy.SparkSubmit", "--class", PlanJob.class.getName(), "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.sql.shuffle.partitions=4",
                "--conf", "spark.checkpoint.dir=" + dir.resolve("checkpoints"), jar.toString()));
        command.addAll(List.of(jobArguments));
        Path stderr = dir.resolve("stderr.txt");
        Process submit = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String printed = new String(submit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(submit.waitFor(5, TimeUnit.MINUTES)).as("spark-submit ends").isTrue();
        assertThat(submit.exitValue()).as("spark-submit's exit code; it printed:%n%s%nand on standard error:%n%s",
                printed, tail(stderr)).isZero();
        return List.of(printed.strip().split("\n"));
    }

    private static String capacity(Map<Channel, Integer> capacity) {
        return capacity.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static List<String> sorted(List<Row> rows) {
        List<String> lines = new ArrayList<>(rows.stream().map(r -> r.mkString("\t")).toList());
        lines.sort(null);
        return lines;
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
