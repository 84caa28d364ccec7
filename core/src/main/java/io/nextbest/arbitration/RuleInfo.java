package io.nextbest.arbitration;

import io.nextbest.Offer;
import io.nextbest.Reason;
import io.nextbest.Stage;
import java.util.List;
import java.util.Objects;

/**
 * A rule of a compiled rule set, as decisions report it: its name, reason code, stage and place.
 * The reasons it gives for leaving out each offer are made once per rule set and shared by every
 * decision, since a decision that leaves out thirty offers would otherwise build thirty of them.
 */
public final class RuleInfo {
    private final String name;
    private final String code;
    private final Stage stage;
    private final int order;
    private final String source;
    /** By catalog position; filled as offers are first left out. Reasons are immutable, so a race only repeats work. */
    private volatile Reason[] leftOut;

    /**
     * @param name   the rule's name
     * @param code   its reason code
     * @param stage  its engagement stage
     * @param order  its position in the rule set, in file order
     * @param source where it is written: {@code suitability.drl.csv row 12} or {@code applicability.drl line 8}
     */
    public RuleInfo(String name, String code, Stage stage, int order, String source) {
        this.name = Objects.requireNonNull(name, "name");
        this.code = Objects.requireNonNull(code, "code");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.order = order;
        this.source = Objects.requireNonNull(source, "source");
    }

    public String name() {
        return name;
    }

    public String code() {
        return code;
    }

    public Stage stage() {
        return stage;
    }

    public int order() {
        return order;
    }

    public String source() {
        return source;
    }

    /** True if this rule's reason should be reported ahead of the other's: an earlier stage, or earlier in it. */
    public boolean precedes(RuleInfo other) {
        return stage != other.stage ? stage.ordinal() < other.stage.ordinal() : order < other.order;
    }

    /** The reason this rule gives for leaving out the offer at this catalog position. */
    Reason leftOut(int position, Offer offer, int catalogSize) {
        Reason[] reasons = leftOut;
        if (reasons == null) {
            reasons = new Reason[catalogSize];
            leftOut = reasons;
        }
        Reason reason = reasons[position];
        if (reason == null) {
            reason = new Reason(code, stage, name, source, List.of(offer.id()), name);
            reasons[position] = reason;
        }
        return reason;
    }

    /** Rules are equal if they are described alike; the reasons made so far are not part of it. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RuleInfo r && r.name.equals(name) && r.code.equals(code) && r.stage == stage
                && r.order == order && r.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, code, stage, order, source);
    }

    @Override
    public String toString() {
        return stage.label() + ": " + name + " [" + code + "] (" + source + ")";
    }
}
