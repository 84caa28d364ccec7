package io.nextbest.ledger;

import java.util.Locale;

/** Numbers and phrases as every format of the report writes them. */
final class Words {
    private Words() {
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** What a success is called: "saved", "accepted". */
    static String success(OutcomeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** "lift +9.1 points, 95% CI 4.0 to 14.2", or why there is no lift yet. */
    static String lift(ProgramReport p) {
        return p.lift() == null ? "no " + (p.heldOut() == 0 ? "holdout" : "contacts") + " yet" : p.lift().text();
    }

    /** For a verdict that is too early: how far the sample is from the minimum; else nothing. */
    static String sample(ProgramReport p, ReportSettings settings) {
        return p.verdict() == Verdict.TOO_EARLY && p.lift() != null
                ? " (" + p.heldOut() + " of " + settings.minimumHeldOut() + " held out, " + p.contacts() + " of "
                        + settings.minimumContacts() + " contacted)" : "";
    }

    /** "402 customers contacted; 177 saved (44.0%, against 31.0% of 21 held out)". */
    static String facts(ProgramReport p) {
        return p.program() + ": " + number(p.contacts(), 0) + " customers contacted; " + number(p.successes(), 0) + " "
                + success(p.success()) + " (" + percent(p.successRate()) + ", against " + percent(p.heldOutRate())
                + " of " + number(p.heldOut(), 0) + " held out)";
    }

    /** The one sentence of a program: "retention: 402 customers contacted; 177 saved ...; lift ...: working". */
    static String headline(ProgramReport p, ReportSettings settings) {
        return facts(p) + "; " + lift(p) + ": " + p.verdict().words() + sample(p, settings);
    }

    /** How the report decides: the interval's method and the minimum sample. */
    static String method(ReportSettings settings) {
        return "Lift is the success rate of contacted customers less that of held-out ones, with a 95% confidence "
                + "interval by Newcombe's hybrid score method. Working: the interval is above zero; retire: at or "
                + "below zero; not proven: it includes zero after at least " + settings.minimumHeldOut()
                + " held-out and " + settings.minimumContacts() + " contacted customers. Cost: "
                + number(settings.costPerAgentHour(), 2) + " an agent hour; a full-time agent: "
                + number(settings.productiveHoursPerAgentDay(), 1) + " productive hours a day.";
    }
}
