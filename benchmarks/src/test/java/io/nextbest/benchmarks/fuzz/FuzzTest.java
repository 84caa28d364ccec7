package io.nextbest.benchmarks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.InvalidRequestException;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.benchmarks.fuzz.Verdict.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the fuzzer over every reader, and the oracle and the time limit shown to catch a
 * reader that fails otherwise than documented. The long run is {@code benchmarks/fuzz}.
 */
class FuzzTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void quiet() {
        Fuzz.quiet();
    }

    @Test
    void everyReaderRefusesMutatedInputsOnlyWithItsDocumentedError() {
        Fuzz.Settings settings = Fuzz.Settings.parse("--inputs", "300", "--inputs", "table-csv=40",
                "--inputs", "table-xlsx=24", "--out", out.toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // Drools logs every pack it cannot build, and its DRL lexer prints what it cannot read, on standard
        // error; the inputs are broken on purpose, and loggers made by earlier tests are not quiet.
        PrintStream err = System.err;
        List<Campaign.Figures> figures;
        try {
            System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            figures = Fuzz.run(settings, new PrintStream(log, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
        Fuzz.print(figures, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(figures).extracting(Campaign.Figures::target).containsExactlyElementsOf(Fuzz.READERS);
        assertThat(figures).as(log.toString(StandardCharsets.UTF_8)).allSatisfy(f -> {
            assertThat(f.failed()).isZero();
            assertThat(f.inputs()).isEqualTo(settings.inputs().get(f.target()));
            // The mutations must reach both sides of every reader, or the run proves little.
            for (int c = 0; c < f.consumers().size(); c++) {
                assertThat(f.accepted()[c]).isPositive();
                assertThat(f.rejected()[c]).isPositive();
            }
        });
    }

    @Test
    void anotherExceptionIsAWrongRefusal() {
        assertThat(Oracle.request("reader", new NullPointerException()).outcome()).isEqualTo(Outcome.WRONG);
        assertThat(Oracle.ruleSet("reader", new IllegalStateException("x"), Set.of("f"), Oracle.CSV_PLACE).outcome())
                .isEqualTo(Outcome.WRONG);
        assertThat(Oracle.request("reader", new InvalidRequestException("$.customer.id", "is required", null))
                .outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aProblemThatNamesNoPlaceIsAWrongRefusal() {
        assertThat(Oracle.request("reader", new InvalidRequestException("customer.id", "is required", null))
                .outcome()).isEqualTo(Outcome.WRONG);
        assertThat(Oracle.request("reader", new InvalidRequestException("$", "malformed JSON: bad", null))
                .outcome()).isEqualTo(Outcome.WRONG);
        RuleSetException unplaced = new RuleSetException(List.of(new RuleProblem("t.drl.csv", "", "mismatched input")));
        assertThat(Oracle.ruleSet("reader", unplaced, Set.of("t.drl.csv"), Oracle.TABLE_PLACE).outcome())
                .isEqualTo(Outcome.WRONG);
        RuleSetException placed = new RuleSetException(List.of(new RuleProblem("t.drl.csv", "row 9", "mismatched input")));
        assertThat(Oracle.ruleSet("reader", placed, Set.of("t.drl.csv"), Oracle.TABLE_PLACE).outcome())
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void anExceptionsTextInAMessageIsAWrongRefusal() {
        for (String message : List.of("cannot be read: Cannot invoke \"org.apache.poi.ss.usermodel.Cell.getColumnIndex()\"",
                "is not valid: Index 3 out of bounds for length 3", "org.apache.xmlbeans.XmlException: error",
                "java.lang.NullPointerException", "null", "is not valid CSV: x (through reference chain: java.lang.Object[][8])")) {
            RuleSetException e = new RuleSetException(List.of(new RuleProblem("t.drl.csv", "row 2", message)));
            assertThat(Oracle.ruleSet("reader", e, Set.of("t.drl.csv"), Oracle.TABLE_PLACE).outcome()).as(message)
                    .isEqualTo(Outcome.WRONG);
        }
        assertThat(Oracle.leak("Unable to Analyse Expression x: [Error: Index 3 out of bounds for length 2]")).isNull();
    }

    /** A reader of one-byte inputs with no seeds, named by what it does with them. */
    abstract static class OneByteReader implements Target {
        private final String name;

        OneByteReader(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> consumers() {
            return List.of(name);
        }

        @Override
        public List<Input> seeds() {
            return List.of();
        }

        @Override
        public Input mutate(SplittableRandom random) {
            return new Input("x", new byte[] {(byte) random.nextInt()}, "one byte");
        }
    }

    /** A reader that works on its input until it is interrupted. */
    static final class Spinning extends OneByteReader {
        Spinning() {
            super("spinning");
        }

        @Override
        public List<Verdict> read(Input input) {
            long spins = 0;
            while (!Thread.currentThread().isInterrupted()) {
                spins++;
            }
            return List.of(Verdict.accepted("spin " + spins));
        }
    }

    @Test
    void aReaderStillBusyAfterTheTimeLimitIsAHang() {
        Campaign.Figures f = new Campaign(new Spinning(), 1, 200, out).run(0, 2, null);

        assertThat(f.hangs()).isEqualTo(2);
        assertThat(f.failed()).isEqualTo(2);
        assertThat(f.failures()).containsOnlyKeys("hang: over 200 ms");
        assertThat(f.failures().get("hang: over 200 ms")).allSatisfy(h -> assertThat(h.saved()).exists());
    }

    @Test
    void aReaderThatWaitsTenTimesTheLimitIsAHangThoughItUsesNoCpu() {
        Campaign.Figures f = new Campaign(new Waiting(), 1, 50, out).run(0, 1, null);

        assertThat(f.hangs()).isEqualTo(1);
        assertThat(f.failures()).containsOnlyKeys("hang: over 50 ms");
    }

    /** A reader that waits, taking no CPU time, until it is interrupted. */
    static final class Waiting extends OneByteReader {
        Waiting() {
            super("waiting");
        }

        @Override
        public List<Verdict> read(Input input) {
            try {
                new java.util.concurrent.CountDownLatch(1).await();
                return List.of(Verdict.accepted("woken"));
            } catch (InterruptedException e) {
                return List.of(Verdict.accepted("interrupted"));
            }
        }
    }

    @Test
    void anInputIsMadeAgainFromItsNumberAlone() {
        Target tables = TableTarget.csv();
        Campaign campaign = new Campaign(tables, 42, 1000, out);

        Input again = new Campaign(TableTarget.csv(), 42, 1000, out).input(17);
        assertThat(again.content()).isEqualTo(campaign.input(17).content());
        assertThat(again.how()).isEqualTo(campaign.input(17).how());
        assertThat(campaign.input(18).content()).isNotEqualTo(again.content());
    }

    @Test
    void aWorkbookInputIsMadeAgainWithTheSameBytesAtAnotherTime() throws InterruptedException {
        Campaign first = new Campaign(TableTarget.xlsx(), 42, 1000, out);
        List<byte[]> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            made.add(first.input(i).content());
        }
        Thread.sleep(2_100); // zip entries keep their time to 2 s, a workbook's properties to the second

        Campaign later = new Campaign(TableTarget.xlsx(), 42, 1000, out);
        for (int i = 0; i < 40; i++) {
            assertThat(later.input(i).content()).as("input %d, %s", i, later.input(i).how()).isEqualTo(made.get(i));
        }
    }

    @Test
    void aSavedInputIsReadAgainFromItsFileUnderTheNameItWasReadUnder() throws Exception {
        Input made = new Campaign(TableTarget.csv(), 42, 1000, out).input(17);
        Path file = out.resolve("table-csv-42-17-" + made.name());
        Files.write(file, made.content());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        boolean fine = Fuzz.replay(Fuzz.Settings.parse("--readers", "table-csv", "--file", file.toString()),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("(" + made.name() + ", " + made.content().length + " bytes)")
                .contains("Validator.validate: ").contains("NextBest.engine().build: ");
        assertThat(fine).as(printed).isTrue();
    }
}
