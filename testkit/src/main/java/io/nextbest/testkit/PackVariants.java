package io.nextbest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A rule pack with one offer pushed harder: its lever or its value raised. */
final class PackVariants {
    private static final JsonCodec JSON = new JsonCodec();

    private PackVariants() {
    }

    /**
     * The pack with one more arbitration rule, written as an analyst would, that multiplies the lever of
     * the offer by {@code factor} for every request.
     */
    static RulePack leverRaised(RulePack pack, String offerId, double factor) {
        String id = offerId.replace("\\", "\\\\").replace("\"", "\\\"");
        String drl = "package io.nextbest.testkit.arbitration;\n\n"
                + "import io.nextbest.facts.Situation;\n\n"
                + "rule \"The lever of " + id + " raised " + factor + " times\"\n"
                + "when\n"
                + "    $s : Situation()\n"
                + "then\n"
                + "    $s.forOffers(drools, \"offer " + id + "\");\n"
                + "    $s.lever(drools, " + factor + ");\n"
                + "end\n";
        List<RuleFile> files = new ArrayList<>(pack.files());
        files.add(RuleFile.of("zz-raised-lever.drl", drl));
        return RulePack.of(pack.origin() + " with the lever of " + offerId + " raised", files);
    }

    /** The pack with the value of the offer in its catalog multiplied by {@code factor}. */
    static RulePack valueRaised(RulePack pack, String offerId, double factor) {
        List<RuleFile> files = new ArrayList<>();
        boolean found = false;
        for (RuleFile file : pack.files()) {
            if (file.isCatalog()) {
                files.add(file.lowerName().endsWith(".csv") ? csvRaised(file, offerId, factor)
                        : jsonRaised(file, offerId, factor));
                found = true;
            } else {
                files.add(file);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("the pack " + pack.origin() + " has no catalog");
        }
        return RulePack.of(pack.origin() + " with the value of " + offerId + " raised", files);
    }

    private static RuleFile jsonRaised(RuleFile file, String offerId, double factor) {
        try {
            JsonNode root = JSON.reader().readTree(file.content());
            JsonNode offers = root.isArray() ? root : root.get("offers");
            for (JsonNode offer : offers) {
                if (offerId.equals(offer.path("id").asText().strip())) {
                    ((ObjectNode) offer).put("value", offer.path("value").asDouble() * factor);
                }
            }
            return new RuleFile(file.name(), JSON.writePretty(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + file.name(), e);
        }
    }

    private static RuleFile csvRaised(RuleFile file, String offerId, double factor) {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        StringBuilder out = new StringBuilder();
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(file.content())) {
            int id = -1;
            int value = -1;
            while (rows.hasNext()) {
                String[] row = rows.next();
                if (id < 0) {
                    for (int c = 0; c < row.length; c++) {
                        String name = row[c].strip().toLowerCase(Locale.ROOT);
                        id = name.equals("id") ? c : id;
                        value = name.equals("value") ? c : value;
                    }
                } else if (row.length > Math.max(id, value) && row[id].strip().equals(offerId)) {
                    row[value] = String.valueOf(Double.parseDouble(row[value].strip()) * factor);
                }
                out.append(line(row)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + file.name(), e);
        }
        return RuleFile.of(file.name(), out.toString());
    }

    private static String line(String[] row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row) {
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            cells.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", cells);
    }
}
