package io.nextbest;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why a decision came out as it did, or why an offer was left out: a stable code for code to count and
 * switch on, and a sentence for people.
 *
 * <p>A rule's code is the one its table row or DRL rule sets ({@code @code(NO_CONSENT)}: a
 * {@code METADATA} column in a decision table), or, if it sets none, one derived from the rule's name
 * by {@link #codeOf(String)}. The engine's own reasons have the codes below, which no rule may take.
 *
 * @param code   a stable identifier: capital letters, digits and underscores, starting with a letter
 * @param stage  the stage the reason belongs to
 * @param rule   the rule that gave the reason, or the engine's name for its own reason
 * @param source where that rule is written ({@code suitability.drl.csv row 12}, {@code
 *               applicability.drl line 8}), or the engine setting behind the engine's own reason
 * @param offers the offers the reason concerns, best first: on a left-out offer, that offer
 * @param text   the reason in words
 */
public record Reason(String code, Stage stage, String rule, String source, List<String> offers, String text) {

    /** An offer was chosen: it had the highest priority of those that passed every policy. */
    public static final String OFFER_CHOSEN = "OFFER_CHOSEN";
    /** Offers passed every policy, but their priority was below the engine's minimum. */
    public static final String BELOW_MINIMUM_PRIORITY = "BELOW_MINIMUM_PRIORITY";
    /** No offer passed every policy, and no rule said why (for example, every offer was out of play). */
    public static final String NO_OFFER_PASSED = "NO_OFFER_PASSED";

    /**
     * The ledger held the customer out of the offer's program (the holdout group against which the
     * program's lift is measured): the decision makes no offer.
     */
    public static final String HELD_OUT = "HELD_OUT";
    /** The offer's program is paused (its verdict was "retire"): the decision makes no offer. */
    public static final String PROGRAM_PAUSED = "PROGRAM_PAUSED";

    /** The codes of the engine's and the ledger's own reasons: a rule that sets or derives one of them is an error. */
    public static final Set<String> RESERVED_CODES = Set.of(OFFER_CHOSEN, BELOW_MINIMUM_PRIORITY, NO_OFFER_PASSED,
            HELD_OUT, PROGRAM_PAUSED);

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        offers = List.copyOf(offers);
        if (!isCode(code)) {
            throw new IllegalArgumentException("a reason code is capital letters, digits and underscores, "
                    + "starting with a letter; got '" + code + "'");
        }
    }

    /** True if the text is a well-formed reason code. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /**
     * The code of a rule that sets none, made from its name: letters and digits in capitals, every run
     * of other characters one underscore, accents dropped; a name that starts with a digit gets
     * {@code R_} in front. "No consent to offers on this channel" is {@code NO_CONSENT_TO_OFFERS_ON_THIS_CHANNEL};
     * "Eligibility_12" is {@code ELIGIBILITY_12}.
     */
    public static String codeOf(String ruleName) {
        String plain = java.text.Normalizer.normalize(ruleName, java.text.Normalizer.Form.NFD);
        StringBuilder code = new StringBuilder(plain.length());
        boolean gap = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (gap && code.length() > 0) {
                    code.append('_');
                }
                code.append(Character.toUpperCase(c));
                gap = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                gap = true;
            }
        }
        if (code.length() == 0) {
            return "RULE";
        }
        return Character.isDigit(code.charAt(0)) ? "R_" + code : code.toString();
    }

    @Override
    public String toString() {
        return code + ": " + text;
    }
}
