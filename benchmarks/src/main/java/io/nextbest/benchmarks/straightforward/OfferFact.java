package io.nextbest.benchmarks.straightforward;

import io.nextbest.Channel;
import io.nextbest.Reason;
import io.nextbest.Stage;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.Offer;
import io.nextbest.OfferKind;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.type.Modifies;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One offer of the catalog in one decision: the offer, its score so far, and whether a rule left it
 * out. Rules match it, join it with the customer and the interaction, and modify it.
 */
public final class OfferFact {
    private final int index;
    private final Offer offer;
    private final boolean modelScored;
    private double propensity;
    private double weight = 1.0;
    private double lever = 1.0;
    private RuleInfo leftOut;
    /** The engine's descriptions of its rules, by stage and name, shared by every offer fact. */
    private final Map<String, RuleInfo> rules;
    private boolean chosen;

    /**
     * @param index          the offer's position in the catalog, which breaks ties in priority
     * @param modelPropensity the propensity a model gave with the request, or {@code null}
     * @param rules          the engine's descriptions of its rules, filled as rules first leave offers out
     */
    public OfferFact(int index, Offer offer, Double modelPropensity, Map<String, RuleInfo> rules) {
        this.index = index;
        this.rules = rules;
        this.offer = offer;
        this.modelScored = modelPropensity != null;
        this.propensity = modelScored ? modelPropensity : offer.propensity();
    }

    public int getIndex() {
        return index;
    }

    public Offer offer() {
        return offer;
    }

    public String getId() {
        return offer.id();
    }

    public OfferKind getKind() {
        return offer.kind();
    }

    public String getProgram() {
        return offer.program();
    }

    public String getProduct() {
        return offer.product();
    }

    public Set<Channel> getChannels() {
        return offer.channels();
    }

    public int getCoolDownDays() {
        return offer.coolDownDays();
    }

    /** The first day the offer may be made, or {@code null}. */
    public LocalDate getValidFrom() {
        return offer.validFrom();
    }

    /** The last day the offer may be made, or {@code null}. */
    public LocalDate getValidTo() {
        return offer.validTo();
    }

    /** True if the propensity came with the request: rules do not change it. */
    public boolean isModelScored() {
        return modelScored;
    }

    public double getPropensity() {
        return propensity;
    }

    @Modifies({"propensity", "priority"})
    public void setPropensity(double propensity) {
        this.propensity = propensity;
    }

    public double getWeight() {
        return weight;
    }

    @Modifies({"weight", "priority"})
    public void setWeight(double weight) {
        this.weight = weight;
    }

    public double getLever() {
        return lever;
    }

    @Modifies({"lever", "priority"})
    public void setLever(double lever) {
        this.lever = lever;
    }

    /** propensity x context weight x business value x lever. */
    public double getPriority() {
        return propensity * weight * offer.value() * lever;
    }

    /** The rule that left the offer out, or {@code null} while it is in play. */
    public RuleInfo getLeftOut() {
        return leftOut;
    }

    /** Leaves the offer out, naming the rule that does and its stage. */
    @Modifies({"leftOut"})
    public void leaveOut(String stage, RuleContext rule) {
        String name = rule.getRule().getName();
        this.leftOut = rules.computeIfAbsent(stage + "|" + name, k -> new RuleInfo(name, Reason.codeOf(name),
                Stage.valueOf(stage.toUpperCase(Locale.ROOT)), 0, StraightforwardEngine.RULES));
    }

    public boolean isChosen() {
        return chosen;
    }

    public void setChosen(boolean chosen) {
        this.chosen = chosen;
    }
}
