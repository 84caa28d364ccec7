package io.nextbest.benchmarks.fuzz;

import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.catalog.CatalogReader;
import io.nextbest.json.JsonCodec;
import io.nextbest.rules.DefaultRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offer catalog reader, {@code CatalogReader.read}, fed the default pack's {@code catalog.json}
 * (or the same offers as {@code catalog.csv}) and a three-offer catalog, mutated by structure and as
 * bytes.
 */
final class CatalogTarget {
    static final String CONSUMER = "CatalogReader.read";

    private CatalogTarget() {
    }

    static Target json() {
        RuleFile catalog = defaultCatalog();
        List<Offer> three = CatalogReader.read(catalog).offers().subList(0, 3);
        JsonCodec codec = new JsonCodec();
        List<Input> seeds = List.of(seed("catalog.json", "the default catalog", catalog.content()),
                seed("catalog.json", "three offers in a list", codec.write(three).getBytes(StandardCharsets.UTF_8)),
                seed("catalog.json", "three offers", codec.write(Map.of("offers", three))
                        .getBytes(StandardCharsets.UTF_8)));
        return new FileTarget("catalog-json", CONSUMER, seeds, JsonMutations::mutate, CatalogTarget::read);
    }

    static Target csv() {
        List<Offer> offers = CatalogReader.read(defaultCatalog()).offers();
        List<Input> seeds = List.of(seed("catalog.csv", "the default catalog as CSV", asCsv(offers)),
                seed("catalog.csv", "three offers as CSV", asCsv(offers.subList(0, 3))));
        return new FileTarget("catalog-csv", CONSUMER, seeds, CsvMutations::mutate, CatalogTarget::read);
    }

    private static RuleFile defaultCatalog() {
        return DefaultRules.pack().files().stream().filter(RuleFile::isCatalog).findFirst().orElseThrow();
    }

    private static Input seed(String file, String description, byte[] content) {
        return new Input(file, content, "seed " + description);
    }

    /** The offers in the columns {@code catalog.csv} documents. */
    static byte[] asCsv(List<Offer> offers) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(List.of("id", "name", "kind", "product", "category", "channels", "value", "validFrom", "validTo",
                "script", "program", "propensity", "coolDownDays"));
        for (Offer o : offers) {
            grid.add(List.of(o.id(), o.name(), o.kind().name(), o.product(), o.category(),
                    String.join("|", o.channels().stream().map(Enum::name).sorted().toList()),
                    String.valueOf(o.value()), o.validFrom() == null ? "" : o.validFrom().toString(),
                    o.validTo() == null ? "" : o.validTo().toString(), o.script(), o.program(),
                    String.valueOf(o.propensity()), String.valueOf(o.coolDownDays())));
        }
        return CsvMutations.write(grid);
    }

    private static Verdict read(Input input) {
        Throwable thrown = null;
        try {
            OfferCatalog catalog = CatalogReader.read(new RuleFile(input.name(), input.content()));
            if (catalog.offers().isEmpty()) {
                return Verdict.wrong(CONSUMER, "an empty catalog was accepted", null);
            }
        } catch (Throwable t) {
            thrown = t;
        }
        return Oracle.ruleSet(CONSUMER, thrown, Set.of(input.name()),
                input.name().endsWith(".csv") ? Oracle.CSV_PLACE : Oracle.JSON_PATH);
    }
}
