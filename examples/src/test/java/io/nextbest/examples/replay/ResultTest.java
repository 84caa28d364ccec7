package io.nextbest.examples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTest {

    /** A scorer that gives each customer the priority written in its id ("p7") and never calls "p0". */
    static final Scorer BY_ID = new Scorer() {
        @Override
        public String mode() {
            return "test";
        }

        @Override
        public Score score(Case c) {
            double p = Double.parseDouble(c.id().substring(c.id().indexOf('p') + 1));
            return p == 0 ? new Score(false, 0, "SUPPRESSED") : new Score(true, p, "OFFER_CHOSEN");
        }
    };

    static Case customer(String id, boolean positive, String day) {
        return new Case(1, DecisionRequest.builder(Customer.builder(id).build(),
                Interaction.builder(Channel.OUTBOUND_VOICE, Intent.CAMPAIGN).build()).build(), positive, day);
    }

    static Result replay(DataSet set, List<Case> report) {
        List<Result.Scored> scored = new ArrayList<>();
        report.forEach(c -> scored.add(new Result.Scored(c, BY_ID.score(c))));
        return new Result(set, BY_ID.mode(), 0, scored, new Tally());
    }

    @Test
    void theBestRankedCallsReachTheirShareOfPositivesAndSuppressedCustomersAreNeverCalled() {
        List<Case> report = new ArrayList<>();
        // Ten customers: priorities 1 to 9 and one suppressed; the positives are priorities 9, 8 and 2, and the suppressed one.
        for (int p = 9; p >= 0; p--) {
            report.add(customer("p" + p, p == 9 || p == 8 || p == 2 || p == 0, ""));
        }
        Result r = replay(DataSet.TELCO, report);
        assertThat(r.positives()).isEqualTo(4);
        assertThat(r.contacted()).isEqualTo(9);
        assertThat(r.notContacted()).isEqualTo(Map.of("SUPPRESSED", 1));
        assertThat(r.capture(0.1)).isEqualTo(0.25);
        assertThat(r.capture(0.2)).isEqualTo(0.5);
        assertThat(r.precision(0.2)).isEqualTo(1.0);
        assertThat(r.capture(0.5)).isEqualTo(0.5);
        assertThat(r.capture(1.0)).as("the suppressed positive is never reached").isEqualTo(0.75);
        assertThat(r.dailyCapacityCapture()).as("telco has no days").isNull();
    }

    @Test
    void theDailyCapacityCallsTheBestHalfOfEachDaysList() {
        List<Case> report = List.of(
                customer("a-p1", true, "may mon"), customer("b-p5", false, "may mon"),
                customer("c-p3", true, "may mon"), customer("d-p2", false, "may mon"),
                customer("e-p4", true, "may tue"), customer("f-p0", true, "may tue"), customer("g-p1", false, "may tue"));
        Result r = replay(DataSet.BANK, report);
        // Monday: the best two of four are p5 (no) and p3 (yes). Tuesday: one call of three, p4 (yes).
        assertThat(r.daily()).hasValue(new Result.Daily(2, 3, 2));
        assertThat(r.dailyCapacityCapture()).isEqualTo(0.5);
    }

    @Test
    void equalPrioritiesAreCalledInReplayOrder() {
        List<Case> report = List.of(customer("x-p5", false, ""), customer("y-p5", true, ""));
        Result r = replay(DataSet.TELCO, report);
        assertThat(r.reached(1)).isZero();
        assertThat(r.reached(2)).isEqualTo(1);
    }
}
