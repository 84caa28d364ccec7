package io.nextbest.arbitration;

import io.nextbest.LeftOut;
import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.Score;
import io.nextbest.facts.RuleInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a decision. Every decision carries them, so they are written with a
 * {@code StringBuilder} and a two-decimal writer of our own rather than {@code String.format}, which
 * parses its pattern and allocates a formatter on every call.
 */
public final class Reasons {
    /** The most rules a no-offer decision names in its reasons; every left-out offer names its own rule. */
    public static final int MAX_RULES_TOLD = 3;

    /** The rule name under which offers below the minimum priority are reported. */
    public static final String BELOW_MINIMUM = "Below the minimum priority";

    private Reasons() {
    }

    /** Why the best offer was chosen among {@code passed} offers. */
    public static String offerReason(RankedOffer best, int passed) {
        Score s = best.score();
        StringBuilder text = new StringBuilder(160).append(best.offerId()).append(" has the highest priority of ")
                .append(passed).append(passed == 1 ? " offer" : " offers").append(" that passed every policy: ");
        twoDecimals(text, s.priority()).append(" = propensity ");
        twoDecimals(text, s.propensity()).append(" x weight ");
        twoDecimals(text, s.contextWeight()).append(" x value ");
        twoDecimals(text, s.businessValue()).append(" x lever ");
        return twoDecimals(text, s.lever()).toString();
    }

    /**
     * Why no offer was made: the best offer's priority if one passed every policy but scored too low
     * ({@code best}, a catalog position, else -1); then the rules that left offers out. The latest stage
     * says most about this interaction (an eligibility rule stands for every call the customer makes),
     * so it is told first; within a stage, the rule that cost the offer of highest priority. At most
     * {@link #MAX_RULES_TOLD} rules are told.
     *
     * @param priority every offer's priority by catalog position, left out or not
     */
    public static List<String> noOfferReasons(OfferCatalog catalog, double[] priority, int best, double minimum,
                                              List<LeftOut> leftOut) {
        List<String> reasons = new ArrayList<>(4);
        if (best >= 0) {
            StringBuilder text = new StringBuilder(80).append("the best offer, ").append(catalog.get(best).id())
                    .append(", has priority ");
            twoDecimals(text, priority[best]).append(", below the minimum of ");
            reasons.add(twoDecimals(text, minimum).toString());
        }
        // The rules that left offers out, in the order they first did, with how many and the best.
        int n = leftOut.size();
        LeftOut[] rule = new LeftOut[n];
        int[] offers = new int[n];
        int[] bestOffer = new int[n];
        int rules = 0;
        for (LeftOut l : leftOut) {
            if (l.rule().equals(BELOW_MINIMUM)) {
                continue;
            }
            int i = catalog.indexOf(l.offerId());
            int r = 0;
            while (r < rules && !(rule[r].rule().equals(l.rule()) && rule[r].stage().equals(l.stage()))) {
                r++;
            }
            if (r == rules) {
                rule[rules] = l;
                bestOffer[rules++] = i;
            }
            offers[r]++;
            if (priority[i] > priority[bestOffer[r]]) {
                bestOffer[r] = i;
            }
        }
        // Latest stage first, then the costliest rule; a stable insertion sort keeps ties in first-seen order.
        int[] order = new int[rules];
        for (int k = 0; k < rules; k++) {
            int j = k - 1;
            while (j >= 0 && after(rule[order[j]], priority[bestOffer[order[j]]], rule[k], priority[bestOffer[k]])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
        for (int k = 0; k < Math.min(rules, MAX_RULES_TOLD); k++) {
            int r = order[k];
            StringBuilder text = new StringBuilder(120).append(rule[r].stage()).append(": ").append(rule[r].rule())
                    .append(" (").append(offers[r]).append(offers[r] == 1 ? " offer" : " offers").append(", the best ")
                    .append(catalog.get(bestOffer[r]).id()).append(" at priority ");
            reasons.add(twoDecimals(text, priority[bestOffer[r]]).append(')').toString());
        }
        if (reasons.isEmpty()) {
            reasons.add("no offer passed every policy");
        }
        return reasons;
    }

    /** True if rule {@code a} is told after rule {@code b}: an earlier stage, or the same and a cheaper best offer. */
    private static boolean after(LeftOut a, double aBest, LeftOut b, double bBest) {
        int stages = Integer.compare(RuleInfo.stageOrder(b.stage()), RuleInfo.stageOrder(a.stage()));
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
