package io.nextbest.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.DecisionRequest;
import io.nextbest.InvalidRequestException;
import io.nextbest.json.JsonCodec;
import io.nextbest.validation.Finding;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files that analysts write without Java.
 *
 * <p><b>CSV</b>: one scenario a row. A {@code scenario} column names it; columns named by JSON path
 * give the request ({@code customer.churnRisk}, {@code interaction.intent},
 * {@code customer.attributes.usagePercent}; lists such as {@code customer.products} separated by
 * {@code |}); {@code purchases} lists {@code product/category/amount/daysAgo} and {@code contacts}
 * lists {@code offerId/OUTCOME/daysAgo}, separated by {@code |}; columns named {@code expect.*} say
 * what the decision must show. Blank cells keep the defaults.
 *
 * <p><b>JSON</b>: {@code {"defaults": {request fields}, "scenarios": [{"name": ..., "given": {request
 * fields}, "expect": {...}}]}}; {@code given} is laid over {@code defaults}, and both over the
 * built-in defaults.
 *
 * <p>The built-in defaults: customer {@code S-<n>}, 24 months' tenure, churn risk 0.1, consent on
 * every channel, time zone UTC; an inbound voice call about a general inquiry, resolved, neutral, in a
 * sales queue, 4 minutes into a 10-minute target, on 2026-01-15 at 15:00 UTC.
 */
public final class ScenarioReader {
    /** The expectations a scenario may state. */
    public static final Set<String> EXPECTATIONS = Set.of("decision", "offer", "program", "kind", "notKind",
            "notOffer", "notProgram", "leftOut", "reason", "notReason", "headline");
    static final Instant DEFAULT_TIME = Instant.parse("2026-01-15T15:00:00Z");

    private final JsonCodec json = new JsonCodec();

    /** The scenarios of a file; every problem is added to {@code problems} with its place, and that scenario skipped. */
    public List<Scenario> read(String file, byte[] content, List<Finding> problems) {
        return file.toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(file, content, problems)
                : readJson(file, content, problems);
    }

    private List<Scenario> readJson(String file, byte[] content, List<Finding> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (InvalidRequestException e) {
            problems.add(Finding.error(file, "", "", "", e.getMessage()));
            return scenarios;
        }
        JsonNode list = root == null ? null : root.get("scenarios");
        if (list == null || !list.isArray()) {
            problems.add(Finding.error(file, "", "$", "", "expected an object with a \"scenarios\" list"));
            return scenarios;
        }
        JsonNode defaults = root.get("defaults");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String place = "scenarios[" + i + "]";
            String name = s.path("name").asText(place);
            ObjectNode given = base(i + 1);
            if (defaults != null && defaults.isObject()) {
                merge(given, defaults);
            }
            if (s.has("given")) {
                merge(given, s.get("given"));
            }
            Map<String, String> expect = new LinkedHashMap<>();
            JsonNode e = s.path("expect");
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals("leftOut") && entry.getValue().isObject()) {
                    List<String> parts = new ArrayList<>();
                    entry.getValue().fields().forEachRemaining(f -> parts.add(f.getKey() + ": " + f.getValue().asText()));
                    expect.put("leftOut", String.join(" | ", parts));
                } else {
                    expect.put(entry.getKey(), entry.getValue().asText());
                }
            }
            add(scenarios, problems, file, place, name, given, expect);
        }
        return scenarios;
    }

    private List<Scenario> readCsv(String file, byte[] content, List<Finding> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(content)) {
            String[] header = null;
            int n = 0;
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                String[] row = rows.next();
                if (blank(row)) {
                    continue;
                }
                if (header == null) {
                    header = row;
                    continue;
                }
                n++;
                String place = "line " + line;
                String name = place;
                ObjectNode given = base(n);
                Map<String, String> expect = new LinkedHashMap<>();
                boolean ok = true;
                for (int c = 0; c < header.length && c < row.length; c++) {
                    String column = header[c].strip();
                    String value = row[c].strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    try {
                        if (column.equalsIgnoreCase("scenario") || column.equalsIgnoreCase("name")) {
                            name = value;
                        } else if (column.startsWith("expect.")) {
                            String what = column.substring(7);
                            if (!EXPECTATIONS.contains(what)) {
                                throw new IllegalArgumentException("'" + column + "' is not an expectation; use expect."
                                        + String.join(", expect.", new java.util.TreeSet<>(EXPECTATIONS)));
                            }
                            expect.put(what, value);
                        } else if (column.equals("purchases")) {
                            given.set("purchases", purchases(value));
                        } else if (column.equals("contacts")) {
                            given.set("contacts", contacts(value));
                        } else {
                            set(given, column, value);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(Finding.error(file, "", place, column, e.getMessage()));
                        ok = false;
                    }
                }
                if (ok) {
                    add(scenarios, problems, file, place, name, given, expect);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Finding.error(file, "", "", "", "is not valid CSV: " + e.getMessage()));
        }
        return scenarios;
    }

    private void add(List<Scenario> scenarios, List<Finding> problems, String file, String place, String name,
                     ObjectNode given, Map<String, String> expect) {
        if (expect.isEmpty()) {
            problems.add(Finding.error(file, "", place, "", "scenario '" + name + "' expects nothing: add at least "
                    + "one expect.* column, such as expect.decision"));
            return;
        }
        for (String what : expect.keySet()) {
            if (!EXPECTATIONS.contains(what)) {
                problems.add(Finding.error(file, "", place, "", "'" + what + "' is not an expectation; use "
                        + String.join(", ", new java.util.TreeSet<>(EXPECTATIONS))));
                return;
            }
        }
        try {
            DecisionRequest request = json.read(given.toString(), DecisionRequest.class);
            scenarios.add(new Scenario(name, file, place, request, expect));
        } catch (InvalidRequestException e) {
            for (InvalidRequestException.Problem p : e.problems()) {
                String column = p.field().startsWith("$.") ? p.field().substring(2) : p.field();
                problems.add(Finding.error(file, "", place, column, p.message()
                        + (p.value() == null ? "" : ", got '" + p.value() + "'")));
            }
        }
    }

    private static ObjectNode base(int n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode customer = root.putObject("customer");
        customer.put("id", "S-" + n);
        customer.put("tenureMonths", 24);
        customer.put("churnRisk", 0.1);
        customer.put("timeZone", "UTC");
        ArrayNode consents = customer.putArray("consents");
        for (io.nextbest.Channel c : io.nextbest.Channel.values()) {
            consents.add(c.name());
        }
        ObjectNode interaction = root.putObject("interaction");
        interaction.put("channel", "INBOUND_VOICE");
        interaction.put("intent", "GENERAL_INQUIRY");
        interaction.put("sentiment", "NEUTRAL");
        interaction.put("resolved", true);
        interaction.put("queue", "SALES");
        interaction.put("handleTimeSeconds", 240);
        interaction.put("targetHandleTimeSeconds", 600);
        interaction.put("time", DEFAULT_TIME.toString());
        return root;
    }

    private static final Set<String> LIST_FIELDS = Set.of("customer.products", "customer.consents");

    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        if (LIST_FIELDS.contains(path)) {
            ArrayNode list = node.putArray(leaf);
            for (String item : value.split("\\|")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            node.put(leaf, Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        } else if (value.matches("-?\\d+")) {
            node.put(leaf, Long.parseLong(value));
        } else if (value.matches("-?\\d*\\.\\d+")) {
            node.put(leaf, Double.parseDouble(value));
        } else {
            node.put(leaf, value);
        }
    }

    private static ArrayNode purchases(String value) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String item : value.split("\\|")) {
            String[] p = item.strip().split("/");
            if (p.length != 4) {
                throw new IllegalArgumentException("'" + item.strip() + "' is not product/category/amount/daysAgo");
            }
            ObjectNode o = list.addObject();
            o.put("product", p[0].strip());
            o.put("category", p[1].strip());
            o.put("amount", number(p[2], item));
            o.put("date", LocalDate.ofInstant(DEFAULT_TIME, ZoneOffset.UTC).minusDays((long) number(p[3], item)).toString());
        }
        return list;
    }

    private static ArrayNode contacts(String value) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String item : value.split("\\|")) {
            String[] p = item.strip().split("/");
            if (p.length != 3) {
                throw new IllegalArgumentException("'" + item.strip() + "' is not offerId/OUTCOME/daysAgo");
            }
            ObjectNode o = list.addObject();
            o.put("offerId", p[0].strip());
            o.put("outcome", p[1].strip());
            o.put("channel", "INBOUND_VOICE");
            o.put("time", DEFAULT_TIME.minus(Duration.ofDays((long) number(p[2], item))).toString());
        }
        return list;
    }

    private static double number(String text, String item) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' in '" + item.strip() + "' is not a number");
        }
    }

    private static void merge(ObjectNode target, JsonNode source) {
        source.fields().forEachRemaining(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static boolean blank(String[] row) {
        for (String c : row) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
