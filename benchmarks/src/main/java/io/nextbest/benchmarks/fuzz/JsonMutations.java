package io.nextbest.benchmarks.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutations that know JSON: a value anywhere in the document replaced by one of the wrong type, a
 * null, a huge or tiny number, an odd string or deep nesting; a field removed, renamed, repeated or
 * added; an array emptied or grown. The result may then be mutated byte by byte as well.
 */
final class JsonMutations {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "-0.0", "1e308",
            "1e309", "-1e400", "1e-400", "2147483648", "-2147483649", "9223372036854775808", "0.30000000000000004",
            "123456789012345678901234567890.5", "1" + "0".repeat(1200), "0." + "1".repeat(5000), "1e999999999",
            "NaN", "Infinity", "\"\"", "\" \"", "\"12\"", "\"0.5\"", "\"true\"", "\"2026-02-30\"", "\"2026-11-23\"",
            "\"2026-11-23T25:00:00Z\"", "\"2026-11-23T15:05:00+01:00\"", "\"+999999999-12-31\"", "\"Mars/Olympus\"",
            "\"+99:00\"", "\"UTC\"", "\"\\u0000\"", "\"\\ud800\"", "\"inbound_voice\"", "\" INBOUND_VOICE \"",
            "\"PIGEON\"", "\"\u201Cquoted\u201D\"", "[]", "[null]", "[\"\"]", "{}", "{\"\":null}", "[1,\"a\",{}]",
            "\"" + "x".repeat(100_000) + "\"", "\"" + "\u00E9\u4E2D".repeat(5_000) + "\"");

    private JsonMutations() {
    }

    /**
     * One or two structural mutations of a JSON seed, written back as text; {@code seed} must parse.
     * A quarter of the time, byte mutations follow.
     */
    static byte[] mutate(byte[] seed, List<byte[]> others, SplittableRandom random, StringBuilder how) {
        JsonNode root;
        try {
            root = TREE.readTree(seed);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("a JSON seed must parse", e);
        }
        Map<String, String> raw = new java.util.HashMap<>();
        int times = 1 + (random.nextInt(3) == 0 ? 1 : 0);
        for (int i = 0; i < times; i++) {
            root = once(root, raw, random, how);
        }
        String text;
        try {
            text = TREE.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> r : raw.entrySet()) {
            text = text.replace("\"" + r.getKey() + "\"", r.getValue());
        }
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            out = ByteMutations.mutate(out, others, random, how);
        }
        return out;
    }

    /** A place in the tree: the root ({@code parent} null), a field of an object or an element of an array. */
    private record Spot(JsonNode node, JsonNode parent, String field, int index, String path) {
    }

    private static JsonNode once(JsonNode root, Map<String, String> raw, SplittableRandom random, StringBuilder how) {
        List<Spot> spots = new ArrayList<>();
        collect(root, null, null, -1, "$", spots);
        Spot spot = spots.get(random.nextInt(spots.size()));
        switch (random.nextInt(8)) {
            case 0, 1, 2 -> {
                String value = VALUES.get(random.nextInt(VALUES.size()));
                ByteMutations.note(how, spot.path() + " := " + shorten(value));
                return replace(root, spot, marker(raw, value));
            }
            case 3 -> {
                int depth = List.of(20, 999, 1001, 5_000, 200_000).get(random.nextInt(5));
                boolean arrays = random.nextBoolean();
                String value = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                ByteMutations.note(how, spot.path() + " := " + (arrays ? "arrays" : "objects") + " nested " + depth + " deep");
                return replace(root, spot, marker(raw, value));
            }
            case 4 -> {
                if (spot.parent() == null) {
                    return root;
                }
                ByteMutations.note(how, "remove " + spot.path());
                if (spot.parent() instanceof ObjectNode o) {
                    o.remove(spot.field());
                } else {
                    ((ArrayNode) spot.parent()).remove(spot.index());
                }
                return root;
            }
            case 5 -> {
                if (!(spot.parent() instanceof ObjectNode o)) {
                    return root;
                }
                // The same name again, or a near miss: another case, a letter lost.
                String name = switch (random.nextInt(4)) {
                    case 0 -> spot.field();
                    case 1 -> spot.field().toUpperCase(Locale.ROOT);
                    case 2 -> spot.field().length() > 1 ? spot.field().substring(1) : "";
                    default -> "unknown";
                };
                String key = marker(raw, "\"" + name + "\"").asText();
                ByteMutations.note(how, "add field '" + name + "' beside " + spot.path());
                o.set(key, spot.node().deepCopy());
                return root;
            }
            case 6 -> {
                if (!(spot.node() instanceof ArrayNode a) || a.isEmpty()) {
                    return root;
                }
                int copies = List.of(2, 100, 3_000).get(random.nextInt(3));
                JsonNode element = a.get(random.nextInt(a.size()));
                for (int i = 0; i < copies; i++) {
                    a.add(element.deepCopy());
                }
                ByteMutations.note(how, spot.path() + " grown by " + copies + " copies of an element");
                return root;
            }
            default -> {
                if (spot.node().isContainerNode()) {
                    ByteMutations.note(how, spot.path() + " emptied");
                    return replace(root, spot, spot.node().isArray() ? TREE.createArrayNode() : TREE.createObjectNode());
                }
                String value = spot.node().asText();
                String changed = random.nextBoolean() ? value.toLowerCase(Locale.ROOT) : " " + value + " ";
                ByteMutations.note(how, spot.path() + " := '" + shorten(changed) + "'");
                return replace(root, spot, new TextNode(changed));
            }
        }
    }

    private static void collect(JsonNode node, JsonNode parent, String field, int index, String path, List<Spot> spots) {
        spots.add(new Spot(node, parent, field, index, path));
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), node, e.getKey(), -1, path + "." + e.getKey(), spots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, path + "[" + i + "]", spots);
            }
        }
    }

    private static JsonNode replace(JsonNode root, Spot spot, JsonNode value) {
        if (spot.parent() == null) {
            return value;
        }
        if (spot.parent() instanceof ObjectNode o) {
            o.set(spot.field(), value);
        } else {
            ((ArrayNode) spot.parent()).set(spot.index(), value);
        }
        return root;
    }

    /** A text node standing for raw JSON, which replaces it (quotes and all) once the tree is written. */
    private static TextNode marker(Map<String, String> raw, String json) {
        String key = "@@raw" + raw.size() + "@@";
        raw.put(key, json);
        return new TextNode(key);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 30) + "... (" + s.length() + " chars)";
    }
}
