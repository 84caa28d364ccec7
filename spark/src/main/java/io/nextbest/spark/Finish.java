package io.nextbest.spark;

import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.PlannedContact;
import java.time.Instant;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;

/**
 * Decided rows into the plan's tables, after the capacity: a contact at the time the capacity holds it (moved with
 * the core's own {@link PlannedContact#movedForCapacity}), a contact the capacity gave up as the core tells it
 * ({@link NoContact#capacityFull}), an event without a contact as it is.
 */
final class Finish {
    private Finish() {
    }

    /** The contact the capacity holds at its {@code k}th time, or a contact of a channel without a capacity. */
    static PlannedContact placed(Row r) {
        PlannedContact c = PlanTables.contact(r);
        int k = r.<Integer>getAs("k");
        return k == 0 ? c : c.movedForCapacity(Instant.parse(PlanTables.candidates(r).get(k).getString(0)));
    }

    /** A contact that found every one of its days full: told at its last time, with the days it tried. */
    static NoContact givenUp(Row r) {
        int k = r.<Integer>getAs("k");
        return NoContact.capacityFull(placed(r), PlanTables.days(r, k + 1));
    }

    static final class Placed implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String version;

        Placed(String version) {
            this.version = version;
        }

        @Override
        public Row call(Row r) {
            return PlanTables.plan(placed(r), version);
        }
    }

    static final class GivenUp implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String version;

        GivenUp(String version) {
            this.version = version;
        }

        @Override
        public Row call(Row r) {
            return PlanTables.notPlanned(givenUp(r), version);
        }
    }

    static final class Unplanned implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String version;

        Unplanned(String version) {
            this.version = version;
        }

        @Override
        public Row call(Row r) {
            return PlanTables.notPlanned(PlanTables.noContact(r), version);
        }
    }
}
