package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.Requests;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleSetException;
import io.nextbest.arbitration.RuleInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packs compiled at build time load in place of compiling, decide the same, and never stand in for other files. */
class PrecompilerTest {
    static final Path BASIC = Path.of("src/test/resources/packs/basic");
    static final Path NEXT_LINE = Path.of("src/test/resources/packs/next-line");
    static final EngineSettings SETTINGS = new EngineSettings(
            Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), 2, 1.0, 10_000);

    @TempDir
    Path out;

    ClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, PrecompilerTest.class.getClassLoader());
    }

    static List<DecisionRequest> requests(int n) {
        return Requests.requests().sampleStream().limit(n).toList();
    }

    /** The same decisions, ids and versions included: a version is the pack's content, however it was loaded. */
    static void assertSameDecisions(CompiledRuleSet expected, CompiledRuleSet actual, List<DecisionRequest> requests) {
        for (DecisionRequest request : requests) {
            assertThat(actual.decide(request)).as("%s", request).isEqualTo(expected.decide(request));
        }
    }

    @Test
    void aPrecompiledPackLoadsInsteadOfCompilingAndDecidesAsTheCompiledOne() throws IOException {
        for (Path folder : List.of(BASIC, NEXT_LINE)) {
            RulePack pack = RulePack.directory(folder);
            Path index = Precompiler.precompile(pack, out, getClass().getClassLoader());
            assertThat(index).exists().hasFileName(pack.contentHash() + ".properties");

            CompiledRuleSet precompiled = RuleSetCompiler.compile(pack, SETTINGS, loader());
            CompiledRuleSet compiled = RuleSetCompiler.compile(pack, SETTINGS.compilingAlways(), loader());
            assertThat(precompiled.info().precompiled()).as(folder.toString()).isTrue();
            assertThat(compiled.info().precompiled()).isFalse();
            assertThat(precompiled.version()).isEqualTo(pack.contentHash()).isEqualTo(compiled.version());
            // The rules keep their names, stages and the rows and lines they are written at.
            assertThat(precompiled.rules()).isEqualTo(compiled.rules());
            assertSameDecisions(compiled, precompiled, requests(400));
            // explain() names the rows that fired, as it does for a compiled pack.
            DecisionRequest request = requests(1).get(0);
            assertThat(precompiled.explain(request).fired()).isEqualTo(compiled.explain(request).fired());
        }
    }

    @Test
    void concurrentDecisionsOnPrecompiledRulesAreTheDecisionsOfOneThread() throws Exception {
        // The executable model shares state among a rule base's sessions unless they are thread-safe:
        // decisions on several threads at once must not borrow each other's facts.
        RulePack pack = RulePack.directory(BASIC);
        Precompiler.precompile(pack, out, getClass().getClassLoader());
        CompiledRuleSet ruleSet = RuleSetCompiler.compile(pack, SETTINGS, loader());
        assertThat(ruleSet.info().precompiled()).isTrue();
        List<DecisionRequest> requests = requests(500);
        List<Decision> alone = requests.stream().map(ruleSet::decide).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Decision>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    List<Decision> decided = new ArrayList<>();
                    for (int round = 0; round < 25; round++) {
                        for (DecisionRequest request : requests) {
                            decided.add(ruleSet.decide(request));
                        }
                    }
                    return decided;
                }));
            }
            for (Future<List<Decision>> run : runs) {
                List<Decision> decided = run.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < decided.size(); i++) {
                    assertThat(decided.get(i)).isEqualTo(alone.get(i % requests.size()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPackEditedSinceItWasPrecompiledIsCompiled() throws IOException {
        RulePack pack = RulePack.directory(BASIC);
        Precompiler.precompile(pack, out, getClass().getClassLoader());
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : pack.files()) {
            files.add(f.name().equals("eligibility.drl") ? RuleFile.of(f.name(), f.text() + "\n// edited\n") : f);
        }
        RulePack edited = RulePack.of("edited", files);
        assertThat(RuleSetCompiler.compile(edited, SETTINGS, loader()).info().precompiled()).isFalse();

        // The same files in another order may decide ties otherwise: compiled too.
        List<RuleFile> reversed = new ArrayList<>(pack.files());
        java.util.Collections.reverse(reversed);
        RulePack reordered = RulePack.of("reordered", reversed);
        assertThat(reordered.contentHash()).isEqualTo(pack.contentHash());
        assertThat(RuleSetCompiler.compile(reordered, SETTINGS, loader()).info().precompiled()).isFalse();
    }

    @Test
    void rulesPrecompiledByAnotherDroolsAreCompiledInstead() throws IOException {
        RulePack pack = RulePack.directory(BASIC);
        Path index = Precompiler.precompile(pack, out, getClass().getClassLoader());
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(index)) {
            p.load(in);
        }
        assertThat(p.getProperty("drools")).isEqualTo(org.drools.base.util.Drools.getFullVersion());
        p.setProperty("drools", "9.44.0.Final");
        try (OutputStream o = Files.newOutputStream(index)) {
            p.store(o, null);
        }
        assertThat(RuleSetCompiler.compile(pack, SETTINGS, loader()).info().precompiled()).isFalse();
    }

    @Test
    void precompiledRulesThatCannotLoadFallBackToCompilingAndStillDecide() throws IOException {
        RulePack pack = RulePack.directory(BASIC);
        Precompiler.precompile(pack, out, getClass().getClassLoader());
        List<Path> models;
        try (Stream<Path> files = Files.walk(out)) {
            models = files.filter(f -> f.getFileName().toString().matches("Rules[0-9A-F]+\\.class")).toList();
        }
        assertThat(models).isNotEmpty();
        Files.delete(models.get(0));
        CompiledRuleSet ruleSet = RuleSetCompiler.compile(pack, SETTINGS, loader());
        assertThat(ruleSet.info().precompiled()).isFalse();
        assertSameDecisions(RuleSetCompiler.compile(pack, SETTINGS.compilingAlways()), ruleSet, requests(50));
    }

    @Test
    void aBrokenPackIsNotPrecompiledAndEveryProblemIsPlaced() throws IOException {
        List<RuleFile> files = new ArrayList<>(RulePack.directory(BASIC).files());
        files.add(RuleFile.of("broken.drl", "package io.nextbest.rules.eligibility\n"
                + "import io.nextbest.facts.Situation;\n"
                + "rule \"Nobody\"\nwhen\n  $s : Situation( tenureMonth < 3 )\nthen\n  $s.leaveOutAll(drools);\nend\n"));
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> Precompiler.precompile(RulePack.of("broken", files), out, getClass().getClassLoader()));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("broken.drl");
            assertThat(p.location()).isEqualTo("line 5");
        });
        try (Stream<Path> written = Files.walk(out)) {
            assertThat(written.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void theCommandLineWritesThePackOrListsItsProblems() throws IOException {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(Precompiler.run(new String[] {out.toString()})).isEqualTo(2);
            assertThat(Precompiler.run(new String[] {out.toString(), BASIC.toString(), "catalog.json",
                    "eligibility.drl", "suitability.drl.csv", "arbitration.drl"})).isEqualTo(0);
            assertThat(Precompiler.run(new String[] {out.toString(), BASIC.toString(), "catalog.json",
                    "no-such.drl"})).isEqualTo(1);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("usage: Precompiler OUTPUT_FOLDER PACK_FOLDER [FILE ...]")
                .contains("Precompiled " + BASIC + " (4 files) into META-INF/nextbest/precompiled/")
                .contains("no-such.drl: cannot be read");
        RulePack named = RulePack.of("named", List.of(file("catalog.json"), file("eligibility.drl"),
                file("suitability.drl.csv"), file("arbitration.drl")));
        assertThat(RuleSetCompiler.compile(named, SETTINGS, loader()).info().precompiled()).isTrue();
    }

    static RuleFile file(String name) throws IOException {
        return new RuleFile(name, Files.readAllBytes(BASIC.resolve(name)));
    }
}
