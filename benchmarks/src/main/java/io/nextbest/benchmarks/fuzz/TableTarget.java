package io.nextbest.benchmarks.fuzz;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.rules.DefaultRules;
import io.nextbest.validation.Finding;
import io.nextbest.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The decision-table readers: each input is one table of the default pack, mutated, in a pack with
 * the default catalog; the analyst's check ({@code Validator.validate}) and the engine
 * ({@code NextBest.engine().rules(pack).build()}) both read it. CSV tables are mutated as grids and as
 * bytes; XLSX tables through their CSV twin, through POI and as zips ({@link WorkbookMutations}).
 */
final class TableTarget implements Target {
    static final String VALIDATOR = "Validator.validate";
    static final String ENGINE = "NextBest.engine().build";
    private final boolean xlsx;
    private final RuleFile catalog;
    private final List<Input> seeds = new ArrayList<>();
    private final List<byte[]> csvBytes = new ArrayList<>();
    private final List<byte[]> xlsxBytes = new ArrayList<>();
    private final List<WorkbookMutations.Seed> workbooks = new ArrayList<>();
    private final Validator validator = new Validator();

    private TableTarget(boolean xlsx) {
        this.xlsx = xlsx;
        RulePack pack = DefaultRules.pack();
        this.catalog = pack.files().stream().filter(RuleFile::isCatalog).findFirst().orElseThrow();
        for (RuleFile f : pack.files()) {
            if (f.lowerName().endsWith(".drl.csv")) {
                add(f, f.name());
                add(new RuleFile(f.name(), firstRules(f.content(), 3)), f.name() + " cut to 3 rules");
            }
        }
    }

    /**
     * The table with only its first {@code rules} rules: compiling a pack is most of the time an input
     * takes, and a short table compiles several times faster while keeping every column and keyword.
     */
    static byte[] firstRules(byte[] csv, int rules) {
        List<List<String>> grid = CsvMutations.parse(csv);
        for (int r = 0; r < grid.size(); r++) {
            if (!grid.get(r).isEmpty() && grid.get(r).get(0).startsWith("RuleTable")) {
                return CsvMutations.write(grid.subList(0, Math.min(grid.size(), r + 5 + rules)));
            }
        }
        return csv;
    }

    private void add(RuleFile csv, String description) {
        csvBytes.add(csv.content());
        if (xlsx) {
            String stage = csv.name().substring(0, csv.name().indexOf('.'));
            WorkbookMutations.Seed seed = WorkbookMutations.Seed.of(csv,
                    Character.toUpperCase(stage.charAt(0)) + stage.substring(1));
            workbooks.add(seed);
            xlsxBytes.add(seed.xlsx().content());
            seeds.add(new Input(seed.xlsx().name(), seed.xlsx().content(), "seed " + description + ", as XLSX"));
        } else {
            seeds.add(new Input(csv.name(), csv.content(), "seed " + description));
        }
    }

    static TableTarget csv() {
        return new TableTarget(false);
    }

    static TableTarget xlsx() {
        return new TableTarget(true);
    }

    @Override
    public String name() {
        return xlsx ? "table-xlsx" : "table-csv";
    }

    @Override
    public List<String> consumers() {
        return List.of(VALIDATOR, ENGINE);
    }

    @Override
    public List<Input> seeds() {
        return seeds;
    }

    @Override
    public Input mutate(SplittableRandom random) {
        // Seeds alternate whole and cut tables: three inputs in four come from a cut one.
        int which = 2 * random.nextInt(seeds.size() / 2) + (random.nextInt(4) == 0 ? 0 : 1);
        Input seed = seeds.get(which);
        StringBuilder how = new StringBuilder(seed.how()).append(": ");
        byte[] content;
        if (xlsx) {
            content = WorkbookMutations.mutate(workbooks.get(which), csvBytes, xlsxBytes, random, how);
        } else if (random.nextInt(10) < 7) {
            content = CsvMutations.mutate(seed.content(), csvBytes, random, how);
        } else {
            content = ByteMutations.mutate(seed.content(), csvBytes, random, how);
        }
        return new Input(seed.name(), content, how.toString());
    }

    @Override
    public List<Verdict> read(Input input) {
        RulePack pack = RulePack.of("fuzz", List.of(catalog, new RuleFile(input.name(), input.content())));
        Set<String> files = Set.of(catalog.name(), input.name(), pack.origin());
        Verdict checked;
        try {
            List<Finding> findings = validator.validate(pack);
            checked = Oracle.findings(VALIDATOR, findings, files);
        } catch (Throwable t) {
            checked = Verdict.wrong(VALIDATOR, "threw " + t.getClass().getName(), t);
        }
        Throwable thrown = null;
        try (DecisionEngine engine = NextBest.engine().rules(pack).build()) {
            engine.ruleSet();
        } catch (Throwable t) {
            thrown = t;
        }
        return List.of(checked, Oracle.ruleSet(ENGINE, thrown, files, Oracle.TABLE_PLACE));
    }
}
