package io.nextbest.engine;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A pack's {@code pack.properties}: what the pack says of itself. Today one key, {@code label}, a
 * human name for the pack's version ({@code label=Winter retention push, rev 3}); the version itself is
 * always the hash of the pack's files.
 */
final class PackProperties {
    static final String FILE = "pack.properties";
    private static final Set<String> KEYS = Set.of("label");

    private PackProperties() {
    }

    /** The pack's label, or empty; a key it does not know is a problem, so a misspelt key is not lost. */
    static String label(RuleFile file, List<RuleProblem> problems) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(file.text()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new RuleProblem(file.name(), "", "cannot be read as properties: " + e.getMessage()));
            return "";
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                problems.add(new RuleProblem(file.name(), "", "'" + key + "' is not a key of " + FILE
                        + ": the keys are " + String.join(", ", KEYS)));
            }
        }
        return properties.getProperty("label", "").strip();
    }
}
