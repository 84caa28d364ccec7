package io.nextbest.arbitration;

import io.nextbest.Decision;
import io.nextbest.DecisionType;
import io.nextbest.LeftOut;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.Score;
import io.nextbest.engine.EngineSettings;
import io.nextbest.facts.RuleInfo;
import io.nextbest.facts.Situation;
import java.util.ArrayList;
import java.util.List;

/**
 * The last stage: ranks the offers every policy let through by
 * {@code priority = propensity x context weight x business value x lever}, drops those under the
 * minimum priority, and makes at most the configured number of offers.
 */
public final class Arbitrator {
    /** The name under which offers below the minimum priority are reported. */
    public static final String BELOW_MINIMUM = Reasons.BELOW_MINIMUM;

    private Arbitrator() {
    }

    public static Decision decide(Situation situation, OfferCatalog catalog, EngineSettings settings,
                                  String version, String decisionId) {
        int n = catalog.size();
        int[] inPlay = new int[n];
        double[] priority = new double[n];
        int count = 0;
        List<LeftOut> leftOut = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RuleInfo rule = situation.leftOutBy(i);
            // Every offer's priority is known, in play or not: a no-offer reason names the best offer it cost.
            priority[i] = situation.propensityOf(i) * situation.weightOf(i) * catalog.get(i).value()
                    * situation.leverOf(i);
            if (rule == null) {
                inPlay[count++] = i;
            } else {
                leftOut.add(new LeftOut(catalog.get(i).id(), catalog.get(i).program(), rule.stage(), rule.name(),
                        rule.source()));
            }
        }
        sortByPriority(inPlay, count, priority);

        List<RankedOffer> chosen = new ArrayList<>(settings.maxOffers());
        List<RankedOffer> runnersUp = new ArrayList<>(Math.max(0, count - settings.maxOffers()));
        String belowMinimumSource = null;
        for (int k = 0; k < count; k++) {
            int i = inPlay[k];
            Offer offer = catalog.get(i);
            if (priority[i] < settings.minimumPriority()) {
                if (belowMinimumSource == null) {
                    belowMinimumSource = "engine setting minimumPriority = " + settings.minimumPriority();
                }
                leftOut.add(new LeftOut(offer.id(), offer.program(), "arbitration", BELOW_MINIMUM,
                        belowMinimumSource));
                continue;
            }
            RankedOffer ranked = new RankedOffer(offer.id(), offer.name(), offer.kind(), offer.program(),
                    offer.script(), new Score(situation.propensityOf(i), situation.weightOf(i), offer.value(),
                            situation.leverOf(i), priority[i]));
            if (chosen.size() < settings.maxOffers()) {
                chosen.add(ranked);
            } else {
                runnersUp.add(ranked);
            }
        }

        List<String> reasons = chosen.isEmpty()
                ? Reasons.noOfferReasons(catalog, priority, count > 0 ? inPlay[0] : -1, settings.minimumPriority(),
                        leftOut)
                : List.of(Reasons.offerReason(chosen.get(0), chosen.size() + runnersUp.size()));
        return new Decision(decisionId, situation.request().customer().id(),
                chosen.isEmpty() ? DecisionType.NO_OFFER : DecisionType.OFFER, chosen, runnersUp, leftOut, reasons,
                version, situation.now());
    }

    /** Descending priority; equal priorities keep catalog order, so decisions are deterministic. */
    private static void sortByPriority(int[] idx, int count, double[] priority) {
        for (int a = 1; a < count; a++) {
            int v = idx[a];
            int b = a - 1;
            while (b >= 0 && (priority[idx[b]] < priority[v] || (priority[idx[b]] == priority[v] && idx[b] > v))) {
                idx[b + 1] = idx[b];
                b--;
            }
            idx[b + 1] = v;
        }
    }
}
