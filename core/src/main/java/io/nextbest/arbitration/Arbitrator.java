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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last stage: ranks the offers every policy let through by
 * {@code priority = propensity x context weight x business value x lever}, drops those under the
 * minimum priority, and makes at most the configured number of offers.
 */
public final class Arbitrator {
    /** The name under which offers below the minimum priority are reported. */
    public static final String BELOW_MINIMUM = "Below the minimum priority";

    private Arbitrator() {
    }

    public static Decision decide(Situation situation, OfferCatalog catalog, EngineSettings settings,
                                  String version, String decisionId) {
        int n = catalog.size();
        int[] inPlay = new int[n];
        double[] priority = new double[n];
        int count = 0;
        List<LeftOut> leftOut = new ArrayList<>();
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
        List<RankedOffer> runnersUp = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int i = inPlay[k];
            Offer offer = catalog.get(i);
            if (priority[i] < settings.minimumPriority()) {
                leftOut.add(new LeftOut(offer.id(), offer.program(), "arbitration", BELOW_MINIMUM,
                        "engine setting minimumPriority = " + settings.minimumPriority()));
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
                ? noOfferReasons(catalog, leftOut, count, inPlay, priority, settings)
                : List.of(offerReason(chosen.get(0), chosen.size() + runnersUp.size()));
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

    private static String offerReason(RankedOffer best, int passed) {
        Score s = best.score();
        return String.format(Locale.ROOT, "%s has the highest priority of %d offer%s that passed every policy: "
                        + "%.2f = propensity %.2f x weight %.2f x value %.2f x lever %.2f",
                best.offerId(), passed, passed == 1 ? "" : "s", s.priority(), s.propensity(), s.contextWeight(),
                s.businessValue(), s.lever());
    }

    private static int stageOrder(String stageAndRule) {
        return RuleInfo.stageOrder(stageAndRule.substring(0, stageAndRule.indexOf(':')));
    }

    private static List<String> noOfferReasons(OfferCatalog catalog, List<LeftOut> leftOut, int count, int[] inPlay,
                                               double[] priority, EngineSettings settings) {
        List<String> reasons = new ArrayList<>();
        if (count > 0) {
            Offer best = catalog.get(inPlay[0]);
            reasons.add(String.format(Locale.ROOT, "the best offer, %s, has priority %.2f, below the minimum of %.2f",
                    best.id(), priority[inPlay[0]], settings.minimumPriority()));
        }
        // Group the rules that left offers out. The latest stage says most about this interaction (an
        // eligibility rule stands for every call the customer makes), so it is told first; within a
        // stage, the rule that cost the most valuable offer.
        Map<String, int[]> byRule = new LinkedHashMap<>();
        for (LeftOut l : leftOut) {
            if (l.rule().equals(BELOW_MINIMUM)) {
                continue;
            }
            int i = catalog.indexOf(l.offerId());
            int[] stats = byRule.computeIfAbsent(l.stage() + ": " + l.rule(), k -> new int[] {0, i});
            stats[0]++;
            if (priority[i] > priority[stats[1]]) {
                stats[1] = i;
            }
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(byRule.entrySet());
        ranked.sort((a, b) -> {
            int stages = Integer.compare(stageOrder(b.getKey()), stageOrder(a.getKey()));
            return stages != 0 ? stages : Double.compare(priority[b.getValue()[1]], priority[a.getValue()[1]]);
        });
        for (Map.Entry<String, int[]> e : ranked) {
            int offers = e.getValue()[0];
            reasons.add(String.format(Locale.ROOT, "%s (%d offer%s, the best %s at priority %.2f)", e.getKey(), offers,
                    offers == 1 ? "" : "s", catalog.get(e.getValue()[1]).id(), priority[e.getValue()[1]]));
        }
        if (reasons.isEmpty()) {
            reasons.add("no offer passed every policy");
        }
        return reasons;
    }
}
