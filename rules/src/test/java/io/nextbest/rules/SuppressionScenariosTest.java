package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.catalog.OfferTargets;
import io.nextbest.scenarios.Scenario;
import io.nextbest.scenarios.ScenarioReader;
import io.nextbest.scenarios.ScenarioRunner;
import io.nextbest.validation.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysts' guide lists, for each suppression of the default pack, what it protects, what it must
 * not block and two scenarios of {@code scenarios/default-pack.csv}: one for each side. Every policy for
 * the whole interaction is on the list, both scenarios exist (the build runs them all in
 * {@link ScenarioFilesTest}), and the first fails on the pack without the suppression, so it tests it.
 */
class SuppressionScenariosTest {
    static final Path GUIDE = Path.of("README.md");
    static final Path SCENARIOS = Path.of("scenarios", "default-pack.csv");
    /** {@code - **Rule name** (`CODE`). Protects: ... Scenarios: "protects"; "must not block".} */
    static final Pattern ITEM = Pattern.compile("^- \\*\\*(.+?)\\*\\* \\(`([A-Z0-9_]+)`\\)\\. Protects: (.+?) Must not "
            + "block: (.+?) Scenarios: \"(.+?)\"; \"(.+?)\"\\.$");

    /** One suppression as the guide lists it. */
    record Suppression(String rule, String code, String protects, String mustNotBlock, String protecting,
                       String notBlocking) {
        @Override
        public String toString() {
            return code;
        }
    }

    static Map<String, Scenario> scenarios;
    static DecisionEngine defaults;

    @AfterAll
    static void close() {
        defaults.close();
    }

    @BeforeAll
    static void readTheScenarios() throws IOException {
        defaults = NextBest.engine().rules(DefaultRules.pack()).build();
        List<Finding> problems = new ArrayList<>();
        scenarios = new LinkedHashMap<>();
        for (Scenario s : new ScenarioReader().read(SCENARIOS.getFileName().toString(), Files.readAllBytes(SCENARIOS),
                problems)) {
            scenarios.put(s.name(), s);
        }
        assertThat(problems).isEmpty();
    }

    static List<Suppression> suppressions() throws IOException {
        String guide = Files.readString(GUIDE);
        int from = guide.indexOf("## What each suppression protects, and what it must not block");
        int to = guide.indexOf("\n## ", from + 1);
        assertThat(from).as("the guide's section on suppressions").isPositive();
        // List items span lines; join each item's lines before matching.
        List<String> items = new ArrayList<>();
        for (String line : guide.substring(from, to).split("\n")) {
            if (line.startsWith("- ")) {
                items.add(line);
            } else if (line.startsWith("  ") && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
            }
        }
        List<Suppression> found = new ArrayList<>();
        for (String item : items) {
            Matcher m = ITEM.matcher(item);
            assertThat(m.matches()).as("a suppression of the guide, as '- **Rule** (`CODE`). Protects: ... Must not "
                    + "block: ... Scenarios: \"...\"; \"...\".': %s", item).isTrue();
            found.add(new Suppression(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)));
        }
        return found;
    }

    @Test
    void theGuideListsEveryPolicyForTheWholeInteractionWithItsRuleAndCode() throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        suppressions().forEach(s -> listed.put(s.code(), s.rule()));
        Map<String, String> policies = policiesOfTheDefaultPack();
        assertThat(policies).hasSizeGreaterThanOrEqualTo(16);
        assertThat(listed).containsAllEntriesOf(policies);
        // Everything listed is a rule of the pack, named as the pack names it.
        Map<String, String> rules = rulesOfTheDefaultPack();
        assertThat(rules).containsAllEntriesOf(listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suppressions")
    void bothScenariosExistAndTheProtectingOneFailsWithoutTheSuppression(Suppression s) {
        assertThat(scenarios).containsKeys(s.protecting(), s.notBlocking());
        Scenario protecting = scenarios.get(s.protecting());
        assertThat(new ScenarioRunner(defaults).run(protecting).passed()).as("'%s' on the default pack",
                s.protecting()).isTrue();
        assertThat(new ScenarioRunner(defaults).run(scenarios.get(s.notBlocking())).passed())
                .as("'%s' on the default pack", s.notBlocking()).isTrue();
        try (DecisionEngine without = NextBest.engine().rules(without(s.code())).build()) {
            assertThat(new ScenarioRunner(without).run(protecting).passed())
                    .as("'%s' on the pack without %s", s.protecting(), s.code()).isFalse();
        }
    }

    /** The default pack without the table rows or DRL rules that set this code. */
    static RulePack without(String code) {
        List<RuleFile> files = new ArrayList<>();
        int removed = 0;
        for (RuleFile f : DefaultRules.pack().files()) {
            String text = f.text();
            String changed = text;
            if (f.name().endsWith(".drl.csv")) {
                StringBuilder kept = new StringBuilder();
                for (String line : text.split("\n", -1)) {
                    if (line.contains("," + code + ",")) {
                        removed++;
                        continue;
                    }
                    kept.append(line).append('\n');
                }
                changed = kept.substring(0, kept.length() - 1);
            } else if (f.name().endsWith(".drl")) {
                Matcher m = Pattern.compile("rule \"[^\"]+\" @code\\(" + code + "\\)\\n.*?\\nend\\n", Pattern.DOTALL)
                        .matcher(text);
                if (m.find()) {
                    removed++;
                    changed = text.substring(0, m.start()) + text.substring(m.end());
                }
            }
            files.add(changed.equals(text) ? f : RuleFile.of(f.name(), changed));
        }
        assertThat(removed).as("rules removed with the code %s", code).isPositive();
        return RulePack.of("the default pack without " + code, files);
    }

    /** Every rule of the default pack that leaves out all offers or whole kinds, by code. */
    static Map<String, String> policiesOfTheDefaultPack() {
        Map<String, String> policies = new LinkedHashMap<>();
        for (RuleFile f : DefaultRules.pack().files()) {
            if (f.name().endsWith(".drl.csv")) {
                for (String[] row : tableRows(f)) {
                    if (OfferTargets.namesAllOrAKind(row[row.length - 1])) {
                        policies.put(row[1], row[0]);
                    }
                }
            } else if (f.name().endsWith(".drl")) {
                Matcher m = Pattern.compile("rule \"([^\"]+)\" @code\\(([A-Z0-9_]+)\\)\\n(.*?)\\nend\\n", Pattern.DOTALL)
                        .matcher(f.text());
                while (m.find()) {
                    if (m.group(3).contains("leaveOutAll(")) {
                        policies.put(m.group(2), m.group(1));
                    }
                }
            }
        }
        return policies;
    }

    /** Every rule of the default pack that leaves offers out, by code. */
    static Map<String, String> rulesOfTheDefaultPack() {
        Map<String, String> rules = new LinkedHashMap<>();
        for (RuleFile f : DefaultRules.pack().files()) {
            if (f.name().endsWith(".drl.csv") && !f.name().startsWith("arbitration")) {
                tableRows(f).forEach(row -> rules.put(row[1], row[0]));
            } else if (f.name().endsWith(".drl")) {
                Matcher m = Pattern.compile("rule \"([^\"]+)\" @code\\(([A-Z0-9_]+)\\)").matcher(f.text());
                while (m.find()) {
                    rules.put(m.group(2), m.group(1));
                }
            }
        }
        return rules;
    }

    /** The rule rows of a table: name, code, conditions, action; read with the pack's own CSV rules. */
    static List<String[]> tableRows(RuleFile f) {
        List<String[]> rows = new ArrayList<>();
        boolean inRules = false;
        for (String line : f.text().split("\n")) {
            String[] cells = Stream.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                    .map(c -> c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c)
                    .toArray(String[]::new);
            if (cells[0].equals("Rule")) {
                inRules = true;
            } else if (inRules && !cells[0].isBlank()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void theSetOfSuppressionsHasNoRepeats() throws IOException {
        Set<String> codes = new LinkedHashSet<>();
        suppressions().forEach(s -> assertThat(codes.add(s.code())).as("%s listed once", s.code()).isTrue());
    }
}
