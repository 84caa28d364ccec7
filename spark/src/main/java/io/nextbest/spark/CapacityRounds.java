package io.nextbest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.nextbest.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The center's daily capacity per channel, filled across the whole population in rounds of window functions.
 *
 * <p>Why rounds give the one-machine plan: every channel and day ranks contacts by the same order (the planner's
 * best first: program priority, then the rules' score, higher first; then customer id, program and event), and
 * time does not enter it. The one-machine planner streams contacts into the days and lets the worst give way;
 * with one ranking shared by every day, that is deferred acceptance, whose result is the same whatever the order
 * contacts arrive in: each contact, best first, takes the first of its times (its own, then each later one on a
 * later day of the center) whose day has room. Here every contact not yet held proposes its next time at once; each
 * channel and day keeps the best of those it held and those proposing, up to its capacity ({@code row_number} over
 * the day, in the shared order), and the rest try their next time in the next round. A contact tries at most one
 * time per day, so the rounds end after as many as the most times a contact has (the days it may move, plus one);
 * nothing is collected to the driver.
 *
 * <p>Strings are ordered as Spark orders them (by their UTF-8 bytes) and the one-machine planner as Java does (by
 * UTF-16 units): the two agree except between characters above U+FFFF and those from U+E000 to U+FFFF, which
 * customer ids, programs and event kinds do not hold.
 */
final class CapacityRounds {
    /** The planner's best first, the order every channel and day ranks its contacts by. */
    static final List<Column> BEST_FIRST = List.of(col("priority").desc(), col("score").desc(), col("customerId"),
            col("program"), col("event"));
    /** More than any contact's times: its own and one a day for a week at most. */
    private static final int MAX_ROUNDS = 9;

    /** The contacts the capacity holds, at their {@code k}th time, and those it gave up, at their last. */
    record Allocation(Dataset<Row> placed, Dataset<Row> givenUp, List<Dataset<Row>> cached) {
    }

    private final List<Column> order;

    /**
     * A step's result, computed now and kept, its lineage cut: each round is read twice (what stays and what moves
     * on) and builds on the last, and a plan that grew with every round would cost Spark's planner more each time.
     * Kept reliably in the checkpoint folder when the job has one ({@code spark.checkpoint.dir}), so that a lost
     * executor costs a recomputation, not the job; in the executors' storage otherwise.
     */
    static Dataset<Row> kept(Dataset<Row> step) {
        return step.sparkSession().sparkContext().getCheckpointDir().isDefined() ? step.checkpoint(true)
                : step.localCheckpoint(true);
    }

    CapacityRounds(List<Column> order) {
        this.order = List.copyOf(order);
    }

    /**
     * Allocates the capacity to decided contacts ({@link PlanTables#DECIDED} rows of channels with a capacity).
     * Both results have a column {@code k}: the index of the time the contact is held at, or of the last time it
     * tried.
     */
    Allocation allocate(Dataset<Row> contacts, Map<Channel, Integer> perDay) {
        Column limit = lit(0);
        for (Map.Entry<Channel, Integer> e : perDay.entrySet()) {
            limit = when(col("channel").equalTo(e.getKey().name()), lit(e.getValue())).otherwise(limit);
        }
        Column day = element_at(col("candidates"), col("k").plus(1)).getField("day");
        List<Dataset<Row>> cached = new ArrayList<>();
        Dataset<Row> proposing = contacts.withColumn("k", lit(0));
        Dataset<Row> held = proposing.limit(0);
        Dataset<Row> givenUp = proposing.limit(0);
        for (int round = 0; ; round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("the capacity took more than " + MAX_ROUNDS + " rounds: a contact has "
                        + "more times than a week of days");
            }
            Dataset<Row> ranked = held.unionByName(proposing)
                    .withColumn("day", day)
                    .withColumn("rank", row_number().over(Window.partitionBy(col("channel"), col("day"))
                            .orderBy(order.toArray(Column[]::new))))
                    .withColumn("held", col("rank").leq(limit))
                    .drop("rank", "day");
            ranked = kept(ranked);
            cached.add(ranked);
            held = ranked.filter(col("held")).drop("held");
            Dataset<Row> refused = ranked.filter(col("held").equalTo(false)).drop("held");
            givenUp = givenUp.unionByName(refused.filter(col("k").plus(1).geq(size(col("candidates")))));
            proposing = refused.filter(col("k").plus(1).lt(size(col("candidates")))).withColumn("k", col("k").plus(1));
            if (proposing.isEmpty()) {
                return new Allocation(held, givenUp, cached);
            }
        }
    }
}
