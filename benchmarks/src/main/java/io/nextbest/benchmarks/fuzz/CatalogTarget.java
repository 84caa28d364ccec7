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
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The offer catalog reader, {@code CatalogReader.read}, fed the default pack's {@code catalog.json}
 * (or the same offers as {@code catalog.csv}) and a three-offer catalog, mutated by structure and as
 * bytes.
 */
final class CatalogTarget implements Target {
    static final String CONSUMER = "CatalogReader.read";
    private final boolean csv;
    private final String file;
    private final List<Input> seeds = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>();

    private CatalogTarget(boolean csv) {
        this.csv = csv;
        this.file = csv ? "catalog.csv" : "catalog.json";
        RuleFile json = DefaultRules.pack().files().stream().filter(RuleFile::isCatalog).findFirst().orElseThrow();
        List<Offer> offers = CatalogReader.read(json).offers();
        if (csv) {
            add("the default catalog as CSV", asCsv(offers));
            add("three offers as CSV", asCsv(offers.subList(0, 3)));
        } else {
            add("the default catalog", json.content());
            JsonCodec codec = new JsonCodec();
            add("three offers in a list", codec.write(offers.subList(0, 3)).getBytes(StandardCharsets.UTF_8));
            add("three offers", codec.write(Map.of("offers", offers.subList(0, 3))).getBytes(StandardCharsets.UTF_8));
        }
    }

    static CatalogTarget json() {
        return new CatalogTarget(false);
    }

    static CatalogTarget csv() {
        return new CatalogTarget(true);
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

    private void add(String name, byte[] content) {
        seeds.add(new Input(file, content, "seed " + name));
        bytes.add(content);
    }

    @Override
    public String name() {
        return csv ? "catalog-csv" : "catalog-json";
    }

    @Override
    public List<String> consumers() {
        return List.of(CONSUMER);
    }

    @Override
    public List<Input> seeds() {
        return seeds;
    }

    @Override
    public Input mutate(SplittableRandom random) {
        int which = random.nextInt(seeds.size());
        StringBuilder how = new StringBuilder(seeds.get(which).how()).append(": ");
        byte[] seed = bytes.get(which);
        byte[] content;
        if (random.nextInt(10) < 7) {
            content = csv ? CsvMutations.mutate(seed, bytes, random, how) : JsonMutations.mutate(seed, bytes, random, how);
        } else {
            content = ByteMutations.mutate(seed, bytes, random, how);
        }
        return new Input(file, content, how.toString());
    }

    @Override
    public List<Verdict> read(Input input) {
        Throwable thrown = null;
        try {
            OfferCatalog catalog = CatalogReader.read(new RuleFile(input.name(), input.content()));
            if (catalog.offers().isEmpty()) {
                return List.of(Verdict.wrong(CONSUMER, "an empty catalog was accepted", null));
            }
        } catch (Throwable t) {
            thrown = t;
        }
        Pattern place = csv ? Oracle.CSV_PLACE : Oracle.JSON_PATH;
        return List.of(Oracle.ruleSet(CONSUMER, thrown, Set.of(input.name()), place));
    }
}
