package io.nextbest.arbitration;

import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Score;
import io.nextbest.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reasons of a decision. Every decision carries them, so their words are written with a
 * {@code StringBuilder} and a two-decimal writer of our own rather than {@code String.format}, which
 * parses its pattern and allocates a formatter on every call.
 */
public final class Reasons {
    /** The most rules a no-offer decision names in its reasons; every left-out offer names its own rule. */
    public static final int MAX_RULES_TOLD = 3;

    /** The rule name of the reason an offer was chosen. */
    public static final String HIGHEST_PRIORITY = "Highest priority";

    private Reasons() {
    }

    /** Why the chosen offers were chosen among {@code passed} offers that passed every policy. */
    public static Reason offerChosen(List<RankedOffer> chosen, int passed) {
        RankedOffer best = chosen.get(0);
        Score s = best.score();
        StringBuilder text = new StringBuilder(160).append(best.offerId()).append(" has the highest priority of ")
                .append(passed).append(passed == 1 ? " offer" : " offers").append(" that passed every policy: ");
        twoDecimals(text, s.priority()).append(" = propensity ");
        twoDecimals(text, s.propensity()).append(" x weight ");
        twoDecimals(text, s.contextWeight()).append(" x value ");
        twoDecimals(text, s.businessValue()).append(" x lever ");
        twoDecimals(text, s.lever());
        List<String> offers = chosen.size() == 1 ? List.of(best.offerId()) : ids(chosen);
        return new Reason(Reason.OFFER_CHOSEN, Stage.ARBITRATION, HIGHEST_PRIORITY, "arbitration", offers,
                text.toString());
    }

    private static List<String> ids(List<RankedOffer> offers) {
        List<String> ids = new ArrayList<>(offers.size());
        for (RankedOffer o : offers) {
            ids.add(o.offerId());
        }
        return ids;
    }

    /**
     * Why no offer was made: first, if offers passed every policy but scored too low, the minimum
     * priority; then the rules that left offers out. The latest stage says most about this interaction
     * (an eligibility rule stands for every call the customer makes), so it is told first; within a
     * stage, the rule that cost the offer of highest priority. At most {@link #MAX_RULES_TOLD} rules
     * are told. Each reason names its offers, best first.
     *
     * @param priority     every offer's priority by catalog position, left out or not
     * @param inPlay       the catalog positions of the offers that passed every policy, best first
     * @param passed       how many did
     * @param belowMinimum the engine's rule for offers under the minimum
     */
    static List<Reason> noOffer(OfferCatalog catalog, Scores board, double[] priority, int[] inPlay, int passed,
                                RuleInfo belowMinimum, double minimum) {
        List<Reason> reasons = new ArrayList<>(4);
        if (passed > 0) {
            int best = inPlay[0];
            StringBuilder text = new StringBuilder(80).append("the best offer, ").append(catalog.get(best).id())
                    .append(", has priority ");
            twoDecimals(text, priority[best]).append(", below the minimum of ");
            twoDecimals(text, minimum);
            List<String> offers = new ArrayList<>(passed);
            for (int k = 0; k < passed; k++) {
                offers.add(catalog.get(inPlay[k]).id());
            }
            reasons.add(new Reason(belowMinimum.code(), belowMinimum.stage(), belowMinimum.name(),
                    belowMinimum.source(), offers, text.toString()));
        }
        // The rules that left offers out, in the order they first did, with the best offer each cost.
        int n = catalog.size();
        RuleInfo[] rule = new RuleInfo[n];
        int[] bestOffer = new int[n];
        int rules = 0;
        for (int i = 0; i < n; i++) {
            RuleInfo by = board.leftOutBy(i);
            if (by == null) {
                continue;
            }
            int r = 0;
            while (r < rules && rule[r] != by) {
                r++;
            }
            if (r == rules) {
                rule[rules] = by;
                bestOffer[rules++] = i;
            } else if (priority[i] > priority[bestOffer[r]]) {
                bestOffer[r] = i;
            }
        }
        // Latest stage first, then the costliest rule; a stable insertion sort keeps ties in first-seen order.
        int[] order = new int[rules];
        for (int k = 0; k < rules; k++) {
            int j = k - 1;
            while (j >= 0 && toldAfter(rule[order[j]], priority[bestOffer[order[j]]], rule[k], priority[bestOffer[k]])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
        for (int k = 0; k < Math.min(rules, MAX_RULES_TOLD); k++) {
            RuleInfo r = rule[order[k]];
            reasons.add(new Reason(r.code(), r.stage(), r.name(), r.source(), offersLeftOutBy(r, catalog, board,
                    priority), r.name()));
        }
        if (reasons.isEmpty()) {
            reasons.add(new Reason(Reason.NO_OFFER_PASSED, Stage.ARBITRATION, "No offer passed", "arbitration",
                    List.of(), "no offer passed every policy"));
        }
        return reasons;
    }

    /** The offers the rule left out, by descending priority (catalog order among equals). */
    private static List<String> offersLeftOutBy(RuleInfo rule, OfferCatalog catalog, Scores board,
                                                double[] priority) {
        int n = catalog.size();
        int[] mine = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (board.leftOutBy(i) == rule) {
                int j = count++;
                while (j > 0 && priority[mine[j - 1]] < priority[i]) {
                    mine[j] = mine[j - 1];
                    j--;
                }
                mine[j] = i;
            }
        }
        List<String> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ids.add(catalog.get(mine[k]).id());
        }
        return ids;
    }

    /** True if rule {@code a} is told after rule {@code b}: an earlier stage, or the same and a cheaper best offer. */
    private static boolean toldAfter(RuleInfo a, double aBest, RuleInfo b, double bBest) {
        int stages = Integer.compare(b.stage().ordinal(), a.stage().ordinal());
        return stages != 0 ? stages > 0 : Double.compare(bBest, aBest) > 0;
    }

    /**
     * Appends {@code x} with two decimals as {@code String.format(Locale.ROOT, "%.2f", x)} does: the
     * shortest decimal form of the double, rounded half up.
     */
    public static StringBuilder twoDecimals(StringBuilder text, double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return text.append(String.format(Locale.ROOT, "%.2f", x));
        }
        if (!(x >= 1e-3 && x < 1e7)) {
            // Outside the range Double.toString writes without an exponent, or zero.
            return text.append(BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        String digits = Double.toString(x);
        int dot = digits.indexOf('.');
        long cents = Long.parseLong(digits, 0, dot, 10) * 100;
        int decimals = digits.length() - dot - 1;
        cents += (digits.charAt(dot + 1) - '0') * 10L + (decimals > 1 ? digits.charAt(dot + 2) - '0' : 0);
        if (decimals > 2 && digits.charAt(dot + 3) >= '5') {
            cents++;
        }
        long fraction = cents % 100;
        return text.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    }
}
