package io.nextbest.engine;

import io.nextbest.DecisionRequest;
import io.nextbest.OfferCatalog;
import io.nextbest.Score;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.arbitration.Scores;
import io.nextbest.learning.LearnedOffers;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Propensity;

/**
 * The rules' scores with learned propensities in place of the rules' for the offers in play that
 * {@code learning.csv} chooses: what arbitration reads when an engine has a {@link Learner}. The rules'
 * propensity is the prior; a propensity the request brought wins over both, as it wins over the rules'.
 */
final class LearnedScores implements Scores {
    private final Scores rules;
    private final double[] propensity;
    private final Score.Learned[] learned;
    private final boolean estimates;

    private LearnedScores(Scores rules, double[] propensity, Score.Learned[] learned, boolean estimates) {
        this.rules = rules;
        this.propensity = propensity;
        this.learned = learned;
        this.estimates = estimates;
    }

    /** The scores arbitration reads: {@code rules} itself when no offer in play learns. */
    static Scores of(Scores rules, OfferCatalog catalog, LearnedOffers choices, Learner learner,
                     DecisionRequest request, String decisionId) {
        if (learner == null || choices.none()) {
            return rules;
        }
        int n = catalog.size();
        double[] propensity = new double[n];
        Score.Learned[] learned = null;
        for (int i = 0; i < n; i++) {
            propensity[i] = rules.propensityOf(i);
            String offer = catalog.get(i).id();
            if (choices.learned(i) && rules.leftOutBy(i) == null && !request.propensities().containsKey(offer)) {
                Propensity p = learner.estimate(request, offer, propensity[i], decisionId);
                learned = learned == null ? new Score.Learned[n] : learned;
                learned[i] = new Score.Learned(p.mean(), p.evidence());
                propensity[i] = p.value();
            }
        }
        return learned == null ? rules : new LearnedScores(rules, propensity, learned, false);
    }

    /** The same scores at the estimates instead of the draws: what the decision would be without exploring. */
    Scores atEstimates() {
        double[] means = propensity.clone();
        for (int i = 0; i < means.length; i++) {
            if (learned[i] != null) {
                means[i] = learned[i].estimate();
            }
        }
        return new LearnedScores(rules, means, learned, true);
    }

    @Override
    public double propensityOf(int offer) {
        return propensity[offer];
    }

    @Override
    public Score.Learned learnedOf(int offer) {
        return estimates ? null : learned[offer];
    }

    @Override
    public RuleInfo leftOutBy(int offer) {
        return rules.leftOutBy(offer);
    }

    @Override
    public double weightOf(int offer) {
        return rules.weightOf(offer);
    }

    @Override
    public double leverOf(int offer) {
        return rules.leverOf(offer);
    }

    @Override
    public boolean leftOutForItself(int offer) {
        return rules.leftOutForItself(offer);
    }

    @Override
    public int policies() {
        return rules.policies();
    }

    @Override
    public RuleInfo policy(int k) {
        return rules.policy(k);
    }

    @Override
    public boolean policyLeftOut(int k, int offer) {
        return rules.policyLeftOut(k, offer);
    }
}
