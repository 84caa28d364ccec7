package io.nextbest.validation.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.RulePack;
import io.nextbest.validation.Finding;
import io.nextbest.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code nextbest validate} agrees with Drools 10.2 on every table of the corpus ({@link Corpus}): it
 * rejects what Drools' own build rejects, accepts what it compiles, and names the cell each error is at.
 * Drools' verdicts are recorded in {@code src/test/resources/conformance/verdicts.csv}, with the first
 * thing Drools says and the cell that breaks each table Drools rejects; this test asks Drools again, so
 * the record cannot drift from the Drools on the class path. After changing the corpus, record Drools'
 * verdicts again with
 * {@code ./mvnw -o -pl core test -Dtest=ConformanceTest -Dconformance.record=true}
 * and fill in the cell of each new table Drools rejects.
 */
class ConformanceTest {
    static final Path VERDICTS = Corpus.FOLDER.resolve("verdicts.csv");

    /** A recorded verdict: the place is {@code B10}, {@code Sheet!B10}, or empty when the file has no table Drools reads. */
    record Recorded(String entry, boolean compiles, String place, String droolsSays) {
    }

    record Result(Corpus.Entry entry, DroolsJudge.Verdict drools, List<Finding> findings) {
        boolean nextbestCompiles() {
            return findings.stream().noneMatch(Finding::isError);
        }

        List<Finding> errors() {
            return findings.stream().filter(Finding::isError).toList();
        }
    }

    static final Map<String, Result> RESULTS = new LinkedHashMap<>();
    static Map<String, Recorded> recorded;

    @BeforeAll
    static void judgeEveryTableOnce() throws IOException {
        ClassLoader loader = ConformanceTest.class.getClassLoader();
        Validator validator = new Validator(loader);
        for (Corpus.Entry entry : Corpus.entries()) {
            DroolsJudge.Verdict drools = DroolsJudge.judge(entry.files(), loader);
            List<Finding> findings = validator.validate(RulePack.of(entry.name(), entry.files()));
            RESULTS.put(entry.name(), new Result(entry, drools, findings));
        }
        recorded = read();
        if (Boolean.getBoolean("conformance.record")) {
            record();
            recorded = read();
        }
    }

    @Test
    void theCorpusHasARecordedVerdictForEveryTableAndNoOther() {
        assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(RESULTS.keySet());
    }

    @Test
    void droolsStillGivesTheRecordedVerdictOnEveryTable() {
        List<String> changed = new ArrayList<>();
        for (Result r : RESULTS.values()) {
            Recorded rec = recorded.get(r.entry().name());
            if (rec != null && rec.compiles() != r.drools().compiles()) {
                changed.add(r.entry().name() + ": recorded " + verdict(rec.compiles()) + ", Drools now "
                        + verdict(r.drools().compiles()) + " " + r.drools().errors());
            }
        }
        assertThat(changed).as("tables whose Drools verdict changed: record them again").isEmpty();
    }

    @Test
    void nextbestRejectsWhatDroolsRejectsAndAcceptsWhatItCompiles() {
        List<String> disagreements = new ArrayList<>();
        for (Result r : RESULTS.values()) {
            if (r.nextbestCompiles() != r.drools().compiles()) {
                disagreements.add(r.entry().name() + ": Drools " + verdict(r.drools().compiles()) + " "
                        + r.drools().errors() + ", nextbest " + verdict(r.nextbestCompiles()) + " " + r.errors());
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(RESULTS.values()).filteredOn(r -> r.drools().compiles()).isNotEmpty();
        assertThat(RESULTS.values()).filteredOn(r -> !r.drools().compiles()).isNotEmpty();
    }

    @Test
    void everyErrorNamesItsCellOrItsFileWhenDroolsReadsNoTableThere() {
        List<String> unplaced = new ArrayList<>();
        for (Result r : RESULTS.values()) {
            Recorded rec = recorded.get(r.entry().name());
            boolean noTable = rec != null && !rec.compiles() && rec.place().isEmpty();
            for (Finding f : r.errors()) {
                if (!(f.cell().matches("[A-Z]+\\d+") || noTable && f.cell().isEmpty())) {
                    unplaced.add(r.entry().name() + ": " + f);
                }
            }
        }
        assertThat(unplaced).isEmpty();
    }

    @Test
    void eachTableDroolsRejectsIsReportedAtTheCellThatBreaksIt() {
        List<String> misplaced = new ArrayList<>();
        for (Result r : RESULTS.values()) {
            Recorded rec = recorded.get(r.entry().name());
            if (rec == null || rec.compiles()) {
                continue;
            }
            List<String> places = r.errors().stream().map(ConformanceTest::place).toList();
            if (!places.contains(rec.place())) {
                misplaced.add(r.entry().name() + ": expected an error at '" + rec.place() + "', got " + r.errors());
            }
        }
        assertThat(misplaced).isEmpty();
    }

    private static String place(Finding f) {
        return f.cell().isEmpty() ? "" : (f.sheet().isEmpty() ? "" : f.sheet() + "!") + f.cell();
    }

    private static String verdict(boolean compiles) {
        return compiles ? "compiles" : "rejects";
    }

    private static Map<String, Recorded> read() throws IOException {
        Map<String, Recorded> verdicts = new LinkedHashMap<>();
        if (!Files.exists(VERDICTS)) {
            return verdicts;
        }
        CsvLineParser parser = new CsvLineParser();
        List<String> lines = Files.readAllLines(VERDICTS, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = parser.parse(line);
            verdicts.put(cells.get(0), new Recorded(cells.get(0), cells.get(1).equals("compiles"),
                    cells.size() > 2 ? cells.get(2) : "", cells.size() > 3 ? cells.get(3) : ""));
        }
        return verdicts;
    }

    /** Writes Drools' verdicts, keeping the cells already recorded for the tables it rejects. */
    private static void record() throws IOException {
        StringBuilder out = new StringBuilder("entry,drools,cell that breaks it,Drools says first\n");
        for (Result r : RESULTS.values()) {
            Recorded before = recorded.get(r.entry().name());
            String says = r.drools().errors().isEmpty() ? "" : r.drools().errors().get(0).lines().findFirst()
                    .orElse("").replaceAll("^(\\w+Exception: )?\\[corpus\\d+/[^]]*] ", "").strip();
            out.append(csv(r.entry().name())).append(',').append(verdict(r.drools().compiles())).append(',')
                    .append(csv(r.drools().compiles() || before == null ? "" : before.place())).append(',')
                    .append(csv(says.length() > 160 ? says.substring(0, 160) + "..." : says)).append('\n');
        }
        Files.writeString(VERDICTS, out, StandardCharsets.UTF_8);
    }

    private static String csv(String v) {
        return v.matches(".*[,\"].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
