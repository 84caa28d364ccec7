package io.nextbest;

import java.util.Locale;

/**
 * The engagement stages a decision passes through, in the order it applies them. A rule belongs to
 * the stage its DRL package is named after: the last part of the package name ({@code
 * io.nextbest.rules.suitability} is {@link #SUITABILITY}).
 */
public enum Stage {
    /** May this customer ever get the offer? */
    ELIGIBILITY,
    /** Does the offer fit this interaction: its channel, dates, consent, calling hours? */
    APPLICABILITY,
    /** Is the offer right for the customer now? */
    SUITABILITY,
    /** Ranking by priority, the minimum priority and the number of offers to make. */
    ARBITRATION,
    /** A rule in a package not named after a stage. */
    OTHER;

    /** The stage a DRL package stands for: the last part of its name, in any case; {@link #OTHER} if none. */
    public static Stage ofPackage(String packageName) {
        int dot = packageName.lastIndexOf('.');
        String last = (dot < 0 ? packageName : packageName.substring(dot + 1)).toUpperCase(Locale.ROOT);
        for (Stage stage : values()) {
            if (stage != OTHER && stage.name().equals(last)) {
                return stage;
            }
        }
        return OTHER;
    }

    /** The stage's name as analysts write it: {@code suitability}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
