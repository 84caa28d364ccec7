package io.nextbest.engine;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A pack's {@code pack.properties}: what the pack says of itself.
 * <ul>
 *   <li>{@code label}: a human name for the pack's version ({@code label=Winter retention push, rev 3}); the
 *       version itself is always the hash of the pack's files.</li>
 *   <li>{@code sheets}: which sheets of a workbook hold rules. {@code first} (the default) reads the first
 *       sheet only, as Drools does unless told otherwise, so that later sheets can hold notes, drafts and
 *       scratch copies. {@code all} reads every sheet that has a RuleTable, each as Drools reads a sheet
 *       it is told to read: with its own RuleSet, Import and other settings, and with the sheet's name
 *       in the names Drools gives rules without a NAME ({@code Cheese fans Oslo_8}).</li>
 * </ul>
 *
 * @param label      the pack's label, or empty
 * @param everySheet {@code sheets=all}
 */
public record PackProperties(String label, boolean everySheet) {
    static final String FILE = "pack.properties";
    private static final Set<String> KEYS = Set.of("label", "sheets");
    private static final PackProperties NONE = new PackProperties("", false);

    /** What the pack's {@code pack.properties} says, or the defaults when it has none. */
    public static PackProperties of(RulePack pack, List<RuleProblem> problems) {
        for (RuleFile file : pack.files()) {
            if (file.isPackProperties()) {
                return read(file, problems);
            }
        }
        return NONE;
    }

    /** Reads the file; a key it does not know, or a value it cannot take, is a problem, so a typo is not lost. */
    static PackProperties read(RuleFile file, List<RuleProblem> problems) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(file.text()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new RuleProblem(file.name(), "", "cannot be read as properties: " + e.getMessage()));
            return NONE;
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                problems.add(new RuleProblem(file.name(), "", "'" + key + "' is not a key of " + FILE
                        + ": the keys are " + String.join(", ", KEYS.stream().sorted().toList())));
            }
        }
        String sheets = properties.getProperty("sheets", "first").strip().toLowerCase(Locale.ROOT);
        if (!sheets.equals("first") && !sheets.equals("all")) {
            problems.add(new RuleProblem(file.name(), "", "sheets=" + properties.getProperty("sheets").strip()
                    + " is not a choice: write sheets=first (read a workbook's first sheet, as Drools does) or "
                    + "sheets=all (read every sheet that has a RuleTable)"));
        }
        return new PackProperties(properties.getProperty("label", "").strip(), sheets.equals("all"));
    }
}
