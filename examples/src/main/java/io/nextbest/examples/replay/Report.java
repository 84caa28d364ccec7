package io.nextbest.examples.replay;

import io.nextbest.learning.Learner;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** A replay's figures for people (Markdown) and for programs (JSON). {@link Plot} draws the curves. */
public final class Report {
    /** The published result beside the bank's replay: Moro, Cortez and Rita (2014), best model, best half called. */
    public static final double PUBLISHED_BANK_CAPTURE_AT_HALF = 0.79;

    private Report() {
    }

    /**
     * The report in Markdown: a heading, what was read, the table of the capture curve, and the plot's file;
     * after an adaptive replay ({@code health} not null), how many decisions explored and what the model learned.
     */
    public static String markdown(Result r, Learner.Health health, String plotFile) {
        boolean rules = health == null;
        DataSet d = r.dataSet();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(d.title()).append('\n').append('\n');
        md.append("Report part: ").append(count(r.testRows())).append(' ').append(d.people())
                .append(d.dated() ? " (the latest 25% of the file, in date order)" : " (30%, by a hash of customerID)")
                .append(", ").append(count(r.positives())).append(' ').append(d.positives()).append(" (")
                .append(percent(r.baseRate())).append(rules ? "). The rules were tuned on the other "
                        : "). The model started with no evidence and learned from the other ")
                .append(count(r.trainingRows())).append(rules ? "" : d.dated() ? " first, in date order, then from each "
                        + "call's outcome after its decision" : " first, in a fixed random order, then from each "
                        + "customer's outcome after its decision").append(". Mode: ").append(r.mode()).append(".\n\n");
        md.append("Read: ").append(count(r.testRows() + r.trainingRows() + r.tally().skippedLines()))
                .append(" lines, ").append(count(r.tally().skippedLines())).append(" skipped");
        if (r.tally().badFields().isEmpty()) {
            md.append(", no field left out.");
        } else {
            StringJoiner fields = new StringJoiner(", ", ", fields left out of their request: ", ".");
            r.tally().badFields().forEach((column, n) -> fields.add(column + " " + count(n)));
            md.append(fields);
        }
        md.append(rules ? " Not contacted by the rules: " : " Not contacted: ").append(count(r.testRows() - r.contacted()));
        if (!r.notContacted().isEmpty()) {
            StringJoiner reasons = new StringJoiner(", ", " (", ")");
            r.notContacted().forEach((code, n) -> reasons.add(code + " " + count(n)));
            md.append(reasons);
        }
        md.append(".\n\n");
        String reached = d.positives() + " reached";
        md.append("| contacted | calls | ").append(reached).append(": ").append(r.mode()).append(" | ").append(reached)
                .append(": random | per call: ").append(r.mode()).append(" | per call: random |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        for (double share : Result.SHARES) {
            md.append("| ").append(percent(share)).append(" | ").append(count(r.calls(share))).append(" | **")
                    .append(percent(r.capture(share))).append("** | ").append(percent(share)).append(" | ")
                    .append(percent(r.precision(share))).append(" | ").append(percent(r.baseRate())).append(" |\n");
        }
        md.append("| calling everyone | ").append(count(r.testRows())).append(" | 100.0% | 100.0% | ")
                .append(percent(r.baseRate())).append(" | ").append(percent(r.baseRate())).append(" |\n");
        r.daily().ifPresent(daily -> md.append('\n').append("Fixed daily capacity (each of the ")
                .append(count(daily.days())).append(" days, the best half of that day's list, in date order): ")
                .append(count(daily.calls())).append(" calls (").append(percent((double) daily.calls() / r.testRows()))
                .append(" contacted) reach **").append(percent(r.dailyCapacityCapture())).append("** of the ")
                .append(d.positives()).append(", ").append(percent(daily.calls() == 0 ? 0 : (double) daily.reached()
                        / daily.calls())).append(" per call. Published: the best model of Moro et al. (2014) reached ")
                .append(percent(PUBLISHED_BANK_CAPTURE_AT_HALF)).append(" of the subscribers by calling the best half.\n"));
        if (!rules) {
            md.append('\n').append("Explored: ").append(count((int) health.explored())).append(" of ")
                    .append(count((int) health.decisions())).append(" learned decisions (")
                    .append(percent(health.exploredShare())).append(") called or passed over a customer because of "
                            + "the Thompson draw rather than the estimate.");
            health.models().forEach(m -> {
                md.append(" Model ").append(m.offerId()).append(": ").append(count((int) m.evidence()))
                        .append(" outcomes, AUC on the latest ").append(count(m.recentOutcomes())).append(' ')
                        .append(m.recentAuc() == null ? "unknown" : String.format(Locale.ROOT, "%.3f", m.recentAuc()))
                        .append(", strongest predictors ");
                StringJoiner top = new StringJoiner(", ", "", ".");
                m.topPredictors().forEach(i -> top.add(i.feature() + String.format(Locale.ROOT, " (%+.2f)", i.weight())));
                md.append(top);
            });
            md.append('\n');
        }
        if (plotFile != null) {
            md.append('\n').append("![").append(d.title()).append(": capture curve](").append(plotFile).append(")\n");
        }
        return md.toString();
    }

    /** The figures as one JSON object, in the shape the issue gives; shares and captures are fractions. */
    public static String json(Result r) {
        return json(r, null);
    }

    /**
     * The figures as one JSON object; after an adaptive replay ({@code health} not null) with the share of
     * decisions that explored and the health of each model.
     */
    public static String json(Result r, Learner.Health health) {
        StringJoiner capture = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, Double> e : r.captures().entrySet()) {
            capture.add("\"" + e.getKey() + "\":" + fraction(e.getValue()));
        }
        Double daily = r.dailyCapacityCapture();
        return "{\"dataset\":\"" + r.dataSet().id() + "\",\"mode\":\"" + r.mode() + "\",\"testRows\":" + r.testRows()
                + ",\"positives\":" + r.positives() + ",\"capture\":" + capture + ",\"dailyCapacityCapture\":"
                + (daily == null ? "null" : fraction(daily)) + (health == null ? "" : ",\"exploredShare\":"
                + fraction(health.exploredShare()) + ",\"models\":" + HealthJson.of(health.models())) + "}";
    }

    /** A fraction with four decimals, the precision of the figures shown as percentages with one. */
    static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
