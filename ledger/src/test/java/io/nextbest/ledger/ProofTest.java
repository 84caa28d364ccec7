package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.Reason;
import io.nextbest.ledger.ProgramReport.Counts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs whose true effect is known: the report must tell them apart, and its 95% intervals must hold
 * the true lift about 95 times in 100.
 */
class ProofTest {
    /** A program's true success rates: without the offer (held out) and with it (contacted). */
    private record Truth(String program, double heldOutRate, double contactedRate) {
        double lift() {
            return contactedRate - heldOutRate;
        }
    }

    private static final Truth WORKS = new Truth("works", 0.10, 0.15);
    private static final Truth NOTHING = new Truth("nothing", 0.12, 0.12);
    private static final Truth HURTS = new Truth("hurts", 0.12, 0.08);

    @TempDir
    Path folder;

    @Test
    void aProgramThatWorksOneThatDoesNothingAndOneThatHurtsGetTheirVerdictsFromTheLedger() {
        // A month of 20,000 customers a program, 5% held out: about 1,000 held out and 19,000 contacted.
        Random random = new Random(13);
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        Map<String, ProgramReport> programs = new java.util.HashMap<>();
        try (Ledger ledger = Ledger.builder().file(folder.resolve("ledger.db")).whenFull(WhenFull.WAIT).build()) {
            for (Truth truth : new Truth[] {WORKS, NOTHING, HURTS}) {
                DecisionEngine engine = ledger.engine(new OneOfferEngine(truth.program()));
                for (int i = 0; i < 20_000; i++) {
                    Instant time = start.plus(Duration.ofSeconds(i * 120L));
                    Decision d = engine.decide(OneOfferEngine.call("C" + i, time));
                    boolean heldOut = d.reason().code().equals(Reason.HELD_OUT);
                    double rate = heldOut ? truth.heldOutRate() : truth.contactedRate();
                    if (random.nextDouble() < rate) {
                        ledger.record(new Outcome(d.decisionId(), OutcomeType.ACCEPTED, 25, heldOut ? 0 : 45));
                    } else if (!heldOut) {
                        ledger.record(new Outcome(d.decisionId(), OutcomeType.DECLINED, 0, 30));
                    }
                }
            }
            ledger.report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).programs()
                    .forEach(p -> programs.put(p.program(), p));
        }
        assertThat(programs.get("works").verdict()).isEqualTo(Verdict.WORKING);
        assertThat(programs.get("nothing").verdict()).isEqualTo(Verdict.NOT_PROVEN);
        assertThat(programs.get("hurts").verdict()).isEqualTo(Verdict.RETIRE);
        for (Truth truth : new Truth[] {WORKS, NOTHING, HURTS}) {
            ProgramReport p = programs.get(truth.program());
            assertThat(p.heldOut()).as(truth.program() + ": about 5% held out").isBetween(850L, 1_150L);
            assertThat(p.contacts() + p.heldOut()).isEqualTo(20_000);
            assertThat(p.lift().covers(truth.lift())).as(truth.program() + " " + p.lift().text()).isTrue();
        }
        ProgramReport works = programs.get("works");
        assertThat(works.incrementalSuccesses()).isCloseTo(works.lift().difference() * works.contacts(), within(1e-9));
        assertThat(works.costPerIncrementalSuccess())
                .isCloseTo(works.agentHours() * ReportSettings.DEFAULTS.costPerAgentHour() / works.incrementalSuccesses(),
                        within(1e-9));
    }

    @Test
    void theNinetyFivePercentIntervalsHoldTheTrueLiftIn93To97PercentOf1000Runs() {
        // Counts drawn directly, at a month's size for a smaller program: 3,800 contacted, 200 held out.
        Random random = new Random(2026);
        for (Truth truth : new Truth[] {WORKS, NOTHING, HURTS, new Truth("rare", 0.02, 0.04)}) {
            int covered = 0;
            for (int run = 0; run < 1_000; run++) {
                long successes = binomial(random, 3_800, truth.contactedRate());
                long heldOutSuccesses = binomial(random, 200, truth.heldOutRate());
                if (Lift.between(successes, 3_800, heldOutSuccesses, 200).covers(truth.lift())) {
                    covered++;
                }
            }
            assertThat(covered).as(truth.program() + ": runs of 1,000 whose interval held the true lift")
                    .isBetween(930, 970);
        }
    }

    @Test
    void theIntervalIsNewcombesHybridScoreInterval() {
        // Newcombe (1998), "Interval estimation for the difference between independent proportions",
        // example (a): 56/70 against 48/80, method 10 gives 0.0524 to 0.3339.
        Lift lift = Lift.between(56, 70, 48, 80);
        assertThat(lift.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(lift.low()).isCloseTo(0.0524, within(1e-4));
        assertThat(lift.high()).isCloseTo(0.3339, within(1e-4));
        assertThat(lift.text()).isEqualTo("lift +20.0 points, 95% CI 5.2 to 33.4");
    }

    @Test
    void staffingIsContactsADayTimesTheHandleTimeEachAdds() {
        // 300 contacts in 30 days, 10 minutes each: 10 a day, 100 minutes, 0.28 of a six-hour agent.
        ProgramReport p = ProgramReport.of("welcome", OutcomeType.ACCEPTED, new Counts(300, 60, 200, 40, 0, 1_200, 180_000),
                new Counts(20, 2, 0, 0, 0, 0, 0), 0, 30, ReportSettings.DEFAULTS);
        assertThat(p.staffing().contactsPerDay()).isEqualTo(10.0);
        assertThat(p.staffing().handleSecondsPerContact()).isEqualTo(600.0);
        assertThat(p.staffing().agentHoursPerDay()).isCloseTo(100.0 / 60, within(1e-9));
        assertThat(p.staffing().fullTimeAgents()).isCloseTo(100.0 / 60 / 6, within(1e-9));
        assertThat(p.agentHours()).isEqualTo(50.0);
        assertThat(p.verdict()).as("20 held out is under the minimum of 200").isEqualTo(Verdict.TOO_EARLY);
    }

    private static long binomial(Random random, int n, double p) {
        long k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
