package io.nextbest.arbitration;

import io.nextbest.Decision;
import io.nextbest.DecisionType;
import io.nextbest.LeftOut;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Score;
import io.nextbest.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last stage: ranks the offers every policy let through by
 * {@code priority = propensity x context weight x business value x lever}, drops those under the
 * minimum priority, and makes at most the configured number of offers. One arbitrator serves a rule
 * set and every thread that decides with it.
 */
public final class Arbitrator {
    /** The name under which offers below the minimum priority are reported. */
    public static final String BELOW_MINIMUM = "Below the minimum priority";

    private final OfferCatalog catalog;
    private final int maxOffers;
    private final double minimumPriority;
    /** The engine's own rule for offers under the minimum priority, reported like a rule of the pack. */
    private final RuleInfo belowMinimum;

    public Arbitrator(OfferCatalog catalog, int maxOffers, double minimumPriority) {
        this.catalog = catalog;
        this.maxOffers = maxOffers;
        this.minimumPriority = minimumPriority;
        this.belowMinimum = new RuleInfo(BELOW_MINIMUM, Reason.BELOW_MINIMUM_PRIORITY, Stage.ARBITRATION,
                Integer.MAX_VALUE, "engine setting minimumPriority = " + minimumPriority);
    }

    public int maxOffers() {
        return maxOffers;
    }

    public double minimumPriority() {
        return minimumPriority;
    }

    /** The decision that the scores and left-out offers make. */
    public Decision decide(Scores board, String customerId, String version, String decisionId, Instant now) {
        int n = catalog.size();
        int[] inPlay = new int[n];
        double[] priority = new double[n];
        int count = 0;
        List<LeftOut> leftOut = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RuleInfo rule = board.leftOutBy(i);
            // Every offer's priority is known, in play or not: a no-offer reason names the best offer it cost.
            priority[i] = board.propensityOf(i) * board.weightOf(i) * catalog.get(i).value() * board.leverOf(i);
            if (rule == null) {
                inPlay[count++] = i;
            } else {
                Offer offer = catalog.get(i);
                leftOut.add(new LeftOut(offer.id(), offer.program(), rule.leftOut(i, offer, n)));
            }
        }
        sortByPriority(inPlay, count, priority);

        List<RankedOffer> chosen = new ArrayList<>(maxOffers);
        List<RankedOffer> runnersUp = new ArrayList<>(Math.max(0, count - maxOffers));
        for (int k = 0; k < count; k++) {
            int i = inPlay[k];
            Offer offer = catalog.get(i);
            if (priority[i] < minimumPriority) {
                leftOut.add(new LeftOut(offer.id(), offer.program(), belowMinimum.leftOut(i, offer, n)));
                continue;
            }
            RankedOffer ranked = new RankedOffer(offer.id(), offer.name(), offer.kind(), offer.program(),
                    offer.script(), new Score(board.propensityOf(i), board.weightOf(i), offer.value(),
                            board.leverOf(i), priority[i], board.learnedOf(i)));
            if (chosen.size() < maxOffers) {
                chosen.add(ranked);
            } else {
                runnersUp.add(ranked);
            }
        }

        List<Reason> reasons = chosen.isEmpty()
                ? Reasons.noOffer(catalog, board, priority, inPlay, count, belowMinimum, minimumPriority)
                : List.of(Reasons.offerChosen(chosen, chosen.size() + runnersUp.size()));
        return new Decision(decisionId, customerId, chosen.isEmpty() ? DecisionType.NO_OFFER : DecisionType.OFFER,
                chosen, runnersUp, leftOut, reasons, version, now);
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
