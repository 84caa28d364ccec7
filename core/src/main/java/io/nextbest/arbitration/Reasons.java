package io.nextbest.arbitration;

import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Score;
import io.nextbest.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
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
     * Why no offer was made, the deciding reason (the headline) first. The order is the one the README
     * documents ("Reasons and their codes"):
     * <ol>
     * <li>a <em>policy for the whole interaction</em> (a rule that leaves out all offers or whole kinds:
     *     no consent, over the handle time, a complaint, an unresolved issue, a vulnerable customer...)
     *     that took away an offer worth making, that is one no rule for single offers left out, at or
     *     above the minimum priority;</li>
     * <li>the minimum priority, if offers passed every policy but scored under it;</li>
     * <li>a policy that took away only offers under the minimum priority;</li>
     * <li>the rules that decided the fate of single offers (eligibility, the offer's channels and dates,
     *     products held, cool-downs, a row naming offers or programs): the latest stage first, since an
     *     eligibility rule stands for every call the customer makes, and within a stage the rule that
     *     cost the offer of highest priority.</li>
     * </ol>
     * Of several policies, the one that took away more offers worth making is told first, then the one
     * that took away more offers that no rule for single offers left out (the broader policy), then the
     * costlier one, then the earlier stage and the earlier rule of the pack. At most
     * {@link #MAX_RULES_TOLD} rules are told. A policy's reason names the offers it took away, another
     * rule's the offers it left out first; both best first.
     *
     * @param priority     every offer's priority by catalog position, left out or not
     * @param inPlay       the catalog positions of the offers that passed every policy, best first
     * @param passed       how many did
     * @param belowMinimum the engine's rule for offers under the minimum
     */
    static List<Reason> noOffer(OfferCatalog catalog, Scores board, double[] priority, int[] inPlay, int passed,
                                RuleInfo belowMinimum, double minimum) {
        int n = catalog.size();
        Policies policies = new Policies(board, priority, minimum, n);
        List<Reason> reasons = new ArrayList<>(4);
        int told = 0;
        for (int p : policies.order) {
            if (policies.worth[p] > 0 && told < MAX_RULES_TOLD) {
                reasons.add(policies.reason(p, catalog));
                told++;
            }
        }
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
        for (int p : policies.order) {
            if (policies.worth[p] == 0 && told < MAX_RULES_TOLD) {
                reasons.add(policies.reason(p, catalog));
                told++;
            }
        }
        // The other rules that left offers out, in the order they first did, with the best offer each cost.
        RuleInfo[] rule = new RuleInfo[n];
        int[] bestOffer = new int[n];
        int rules = 0;
        for (int i = 0; i < n; i++) {
            RuleInfo by = board.leftOutBy(i);
            if (by == null || policies.told(by)) {
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
        for (int k = 0; k < rules && told < MAX_RULES_TOLD; k++, told++) {
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

    /**
     * The policies for the whole interaction that took away offers no rule for single offers left out,
     * each rule once, in the order their reasons are told.
     */
    private static final class Policies {
        final RuleInfo[] rule;
        /** By policy: the offers it took away, best first; how many of them were worth making. */
        final int[][] taken;
        final int[] worth;
        final double[] priority;
        /** The policies that took away anything, in the order they are told. */
        final int[] order;

        Policies(Scores board, double[] priority, double minimum, int n) {
            this.priority = priority;
            int times = board.policies();
            RuleInfo[] rules = new RuleInfo[times];
            int count = 0;
            for (int k = 0; k < times; k++) {
                RuleInfo r = board.policy(k);
                if (indexOf(rules, count, r) < 0) {
                    rules[count++] = r;
                }
            }
            this.rule = rules;
            this.taken = new int[count][];
            this.worth = new int[count];
            int[] mine = new int[n];
            int[] told = new int[count];
            int telling = 0;
            for (int p = 0; p < count; p++) {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (!board.leftOutForItself(i) && tookAway(board, times, rules[p], i)) {
                        // Insertion by descending priority; catalog order among equals.
                        int j = m++;
                        while (j > 0 && priority[mine[j - 1]] < priority[i]) {
                            mine[j] = mine[j - 1];
                            j--;
                        }
                        mine[j] = i;
                        if (priority[i] >= minimum) {
                            worth[p]++;
                        }
                    }
                }
                taken[p] = Arrays.copyOf(mine, m);
                if (m > 0) {
                    int j = telling++;
                    while (j > 0 && toldBefore(p, told[j - 1])) {
                        told[j] = told[j - 1];
                        j--;
                    }
                    told[j] = p;
                }
            }
            this.order = Arrays.copyOf(told, telling);
        }

        private static boolean tookAway(Scores board, int times, RuleInfo rule, int offer) {
            for (int k = 0; k < times; k++) {
                if (board.policyLeftOut(k, offer) && board.policy(k).equals(rule)) {
                    return true;
                }
            }
            return false;
        }

        /** More offers worth making, more offers taken, a costlier best offer, an earlier stage, an earlier rule. */
        private boolean toldBefore(int a, int b) {
            if (worth[a] != worth[b]) {
                return worth[a] > worth[b];
            }
            if (taken[a].length != taken[b].length) {
                return taken[a].length > taken[b].length;
            }
            int costlier = Double.compare(priority[taken[a][0]], priority[taken[b][0]]);
            if (costlier != 0) {
                return costlier > 0;
            }
            return rule[a].precedes(rule[b]);
        }

        /** True if the rule is a policy whose reason is told with the policies. */
        boolean told(RuleInfo r) {
            int p = indexOf(rule, taken.length, r);
            return p >= 0 && taken[p].length > 0;
        }

        Reason reason(int p, OfferCatalog catalog) {
            RuleInfo r = rule[p];
            List<String> offers = new ArrayList<>(taken[p].length);
            for (int i : taken[p]) {
                offers.add(catalog.get(i).id());
            }
            return new Reason(r.code(), r.stage(), r.name(), r.source(), offers, r.name());
        }

        private static int indexOf(RuleInfo[] rules, int count, RuleInfo r) {
            for (int k = 0; k < count; k++) {
                if (rules[k].equals(r)) {
                    return k;
                }
            }
            return -1;
        }
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
