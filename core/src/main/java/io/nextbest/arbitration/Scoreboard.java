package io.nextbest.arbitration;

import io.nextbest.OfferCatalog;
import io.nextbest.catalog.CatalogIndex;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;

/**
 * What the rules of one decision have done to each offer of the catalog: left it out (and by which
 * rule), and its propensity, context weight and lever. The {@link io.nextbest.facts.Situation}'s
 * actions write it; the {@link Arbitrator} reads it. Offers are catalog positions.
 *
 * <p>A scoreboard belongs to one decision at a time: the engine resets and reuses it.
 */
public final class Scoreboard implements Scores {
    private final OfferCatalog catalog;
    private final Function<Rule, RuleInfo> rules;
    private final int size;
    private final RuleInfo[] leftOutBy;
    private final double[] propensity;
    private final double[] weight;
    private final double[] lever;
    /** True where the request brought a model's propensity, which rules do not override. */
    private final boolean[] modelPropensity;
    /** True where a rule for single offers left the offer out. */
    private final boolean[] leftOutForItself;
    /** Each time a policy for the whole interaction left offers out: the rule, and the offers (null: all). */
    private RuleInfo[] policyRules = new RuleInfo[8];
    private long[][] policyOffers = new long[8][];
    private int policies;

    private Rule selectionOwner;
    private long[] selection;

    /** @param rules how the rule set describes each of its rules */
    public Scoreboard(CatalogIndex index, Function<Rule, RuleInfo> rules) {
        this.catalog = index.catalog();
        this.rules = rules;
        this.size = catalog.size();
        this.leftOutBy = new RuleInfo[size];
        this.propensity = new double[size];
        this.weight = new double[size];
        this.lever = new double[size];
        this.modelPropensity = new boolean[size];
        this.leftOutForItself = new boolean[size];
    }

    /** Every offer in play, at the catalog's propensity or the model's from {@code models}, weight and lever 1. */
    public void reset(Map<String, Double> models) {
        Arrays.fill(leftOutBy, null);
        Arrays.fill(leftOutForItself, false);
        Arrays.fill(policyRules, 0, policies, null);
        Arrays.fill(policyOffers, 0, policies, null);
        policies = 0;
        Arrays.fill(weight, 1.0);
        Arrays.fill(lever, 1.0);
        for (int i = 0; i < size; i++) {
            Double model = models.isEmpty() ? null : models.get(catalog.get(i).id());
            modelPropensity[i] = model != null;
            propensity[i] = model != null ? model : catalog.get(i).propensity();
        }
        selectionOwner = null;
        selection = null;
    }

    public int size() {
        return size;
    }

    /** The rule set's description of a rule. */
    public RuleInfo rule(Rule rule) {
        return rules.apply(rule);
    }

    /**
     * Leaves out the offer, by a rule for single offers; of several rules that leave it out, the one
     * reported is the earliest.
     */
    public void leaveOut(int offer, RuleInfo rule) {
        leftOutForItself[offer] = true;
        credit(offer, rule);
    }

    private void credit(int offer, RuleInfo rule) {
        RuleInfo current = leftOutBy[offer];
        if (current == null || rule.precedes(current)) {
            leftOutBy[offer] = rule;
        }
    }

    /**
     * Leaves out the offers of the mask (every offer for a null mask).
     *
     * @param policy true if the rule states a policy for the whole interaction (it names all offers or a
     *               whole kind), false if it decides the fate of the offers it names
     */
    public void leaveOut(long[] mask, RuleInfo rule, boolean policy) {
        if (policy) {
            if (policies == policyRules.length) {
                policyRules = Arrays.copyOf(policyRules, policies * 2);
                policyOffers = Arrays.copyOf(policyOffers, policies * 2);
            }
            policyRules[policies] = rule;
            policyOffers[policies++] = mask;
        }
        for (int i = 0; i < size; i++) {
            if (CatalogIndex.selected(mask, i)) {
                if (!policy) {
                    leftOutForItself[i] = true;
                }
                credit(i, rule);
            }
        }
    }

    /** Chooses the offers that the rule's following score actions apply to. */
    public void select(Rule owner, long[] mask) {
        selectionOwner = owner;
        selection = mask;
    }

    /** Sets the propensity of the rule's chosen offers (all, if it chose none), except where a model's came with the request. */
    public void setPropensity(Rule rule, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("propensity must be between 0 and 1, got " + value);
        }
        long[] mask = selectionFor(rule);
        for (int i = 0; i < size; i++) {
            if (CatalogIndex.selected(mask, i) && !modelPropensity[i]) {
                propensity[i] = value;
            }
        }
    }

    /** Multiplies the context weight of the rule's chosen offers. */
    public void multiplyWeight(Rule rule, double factor) {
        multiply(weight, selectionFor(rule), factor, "weight");
    }

    /** Multiplies the business lever of the rule's chosen offers. */
    public void multiplyLever(Rule rule, double factor) {
        multiply(lever, selectionFor(rule), factor, "lever");
    }

    private void multiply(double[] values, long[] mask, double factor, String what) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(what + " must be a number of at least 0, got " + factor);
        }
        for (int i = 0; i < size; i++) {
            if (CatalogIndex.selected(mask, i)) {
                values[i] *= factor;
            }
        }
    }

    private long[] selectionFor(Rule rule) {
        return selectionOwner == rule ? selection : null;
    }

    @Override
    public RuleInfo leftOutBy(int offer) {
        return leftOutBy[offer];
    }

    @Override
    public boolean leftOutForItself(int offer) {
        return leftOutForItself[offer];
    }

    @Override
    public int policies() {
        return policies;
    }

    @Override
    public RuleInfo policy(int k) {
        if (k >= policies) {
            throw new IndexOutOfBoundsException("no policy " + k + " of " + policies);
        }
        return policyRules[k];
    }

    @Override
    public boolean policyLeftOut(int k, int offer) {
        if (k >= policies) {
            throw new IndexOutOfBoundsException("no policy " + k + " of " + policies);
        }
        return CatalogIndex.selected(policyOffers[k], offer);
    }

    @Override
    public double propensityOf(int offer) {
        return propensity[offer];
    }

    @Override
    public double weightOf(int offer) {
        return weight[offer];
    }

    @Override
    public double leverOf(int offer) {
        return lever[offer];
    }
}
