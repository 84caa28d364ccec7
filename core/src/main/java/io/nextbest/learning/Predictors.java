package io.nextbest.learning;

import io.nextbest.DecisionRequest;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a learned propensity may read of a request, declared as data in a pack's {@code predictors.csv}
 * (one predictor a line, {@code field,type,meaning}) so that an analyst, not a programmer, chooses them:
 *
 * <pre>
 * field,type,meaning
 * customer.tenureMonths,number,months with the company
 * customer.attributes.contract,symbol,"Month-to-month, One year or Two year"
 * </pre>
 *
 * <p>A {@code number} predictor is read as a number, a {@code symbol} one as text (a number or true/false
 * too, by its text). The fields are {@value #FIELDS_TEXT} and {@code customer.attributes.NAME}; a request
 * without the field simply brings no evidence for that predictor.
 */
public final class Predictors {
    static final String ATTRIBUTES = "customer.attributes.";
    private static final String FIELDS_TEXT = "customer.tenureMonths, customer.lifetimeValue, customer.churnRisk, "
            + "customer.segment, customer.region, customer.billingStatus, interaction.channel, interaction.intent, "
            + "interaction.sentiment, interaction.queue, purchases.count, contacts.count";
    private static final List<String> FIELDS = List.of(FIELDS_TEXT.split(", "));
    private static final List<String> COLUMNS = List.of("field", "type", "meaning");

    /** Whether a predictor is read as a number or as a symbol. */
    public enum Type {
        NUMBER, SYMBOL
    }

    /**
     * One predictor.
     *
     * @param field   the request field it reads, such as {@code customer.attributes.age}
     * @param type    number or symbol
     * @param meaning what it means, for people
     */
    public record Predictor(String field, Type type, String meaning) {

        /** The predictor's value in the request: a Double, a String, or null if the request has none. */
        Object valueIn(DecisionRequest request) {
            Object raw = raw(request);
            if (raw == null) {
                return null;
            }
            if (type == Type.SYMBOL) {
                return raw instanceof Enum<?> e ? e.name() : String.valueOf(raw);
            }
            return raw instanceof Number n ? (Double) n.doubleValue() : null;
        }

        private Object raw(DecisionRequest r) {
            if (field.startsWith(ATTRIBUTES)) {
                return r.customer().attributes().get(field.substring(ATTRIBUTES.length()));
            }
            return switch (field) {
                case "customer.tenureMonths" -> r.customer().tenureMonths();
                case "customer.lifetimeValue" -> r.customer().lifetimeValue();
                case "customer.churnRisk" -> r.customer().churnRisk();
                case "customer.segment" -> r.customer().segment();
                case "customer.region" -> r.customer().region();
                case "customer.billingStatus" -> r.customer().billingStatus();
                case "interaction.channel" -> r.interaction().channel();
                case "interaction.intent" -> r.interaction().intent();
                case "interaction.sentiment" -> r.interaction().sentiment();
                case "interaction.queue" -> r.interaction().queue();
                case "purchases.count" -> r.purchases().size();
                case "contacts.count" -> r.contacts().size();
                default -> throw new IllegalStateException("unknown field " + field);
            };
        }
    }

    private final List<Predictor> list;

    private Predictors(List<Predictor> list) {
        this.list = List.copyOf(list);
    }

    /**
     * Predictors given in code, for tests and tools; a pack declares them in {@code predictors.csv}.
     *
     * @throws IllegalArgumentException naming a field that is not known or given twice
     */
    public static Predictors of(List<Predictor> predictors) {
        Set<String> seen = new HashSet<>();
        for (Predictor p : predictors) {
            String problem = problemWith(p.field());
            if (problem != null || !seen.add(p.field())) {
                throw new IllegalArgumentException(p.field() + ": " + (problem != null ? problem : "is given twice"));
            }
        }
        return new Predictors(predictors);
    }

    /**
     * Reads a {@code predictors.csv}.
     *
     * @param file the file's name, for problems
     * @throws RuleSetException naming the line and column of every mistake
     */
    public static Predictors read(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Predictor> read = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRows.Row row : CsvRows.read(file, text, COLUMNS, problems)) {
            String field = row.cells()[0];
            String problem = problemWith(field);
            if (problem == null && !seen.add(field)) {
                problem = "is given twice";
            }
            if (problem != null) {
                problems.add(new RuleProblem(file, row.at("field"), "'" + field + "' " + problem));
            }
            Type type = switch (row.cells()[1].toLowerCase(Locale.ROOT)) {
                case "number" -> Type.NUMBER;
                case "symbol" -> Type.SYMBOL;
                default -> null;
            };
            if (type == null) {
                problems.add(new RuleProblem(file, row.at("type"), "'" + row.cells()[1] + "' is neither number nor symbol"));
            } else if (problem == null) {
                read.add(new Predictor(field, type, row.cells()[2]));
            }
        }
        if (problems.isEmpty() && read.isEmpty()) {
            problems.add(new RuleProblem(file, "", "declares no predictor: add a line field,type,meaning"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new Predictors(read);
    }

    private static String problemWith(String field) {
        if (FIELDS.contains(field) || (field.startsWith(ATTRIBUTES) && field.length() > ATTRIBUTES.length())) {
            return null;
        }
        return "is not a field a predictor can read: one of " + FIELDS_TEXT + " or " + ATTRIBUTES + "NAME";
    }

    /** The predictors, in the order declared. */
    public List<Predictor> list() {
        return list;
    }

    public int size() {
        return list.size();
    }

    /** A fingerprint of the declaration, so that saved models are never read against other predictors. */
    String signature() {
        StringBuilder s = new StringBuilder();
        list.forEach(p -> s.append(p.field()).append(':').append(p.type()).append(';'));
        return s.toString();
    }
}
