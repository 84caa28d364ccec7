package io.nextbest.engine;

import io.nextbest.OfferCatalog;
import io.nextbest.Reason;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.RuleSetInfo;
import io.nextbest.Stage;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.catalog.CatalogReader;
import io.nextbest.catalog.OfferTargets;
import io.nextbest.learning.LearnedOffers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compiles a rule pack into a rule set that decides, or reports every problem that stops it. */
public final class RuleSetCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetCompiler.class);

    private RuleSetCompiler() {
    }

    /**
     * Compiles the pack.
     *
     * @throws RuleSetException listing every problem found, each placed at its file, row or line
     */
    static CompiledRuleSet compile(RulePack pack, EngineSettings settings) {
        return compile(pack, settings, RuleSetCompiler.class.getClassLoader());
    }

    /**
     * Every problem that stops the pack compiling, each placed at its file, row or line; none if it
     * compiles. Loads the fact classes its rules import from {@code classLoader}.
     */
    public static List<RuleProblem> problems(RulePack pack, ClassLoader classLoader) {
        try {
            compile(pack, EngineSettings.defaults().compilingAlways(), classLoader).close();
            return List.of();
        } catch (RuleSetException e) {
            return e.problems();
        }
    }

    /**
     * Compiles the pack, loading the fact classes its rules import from {@code classLoader}.
     *
     * @throws RuleSetException listing every problem found, each placed at its file, row or line
     */
    static CompiledRuleSet compile(RulePack pack, EngineSettings settings, ClassLoader classLoader) {
        Instant loadedAt = settings.clock().instant();
        if (settings.usePrecompiled()) {
            CompiledRuleSet precompiled = PrecompiledRules.load(pack, settings, classLoader, loadedAt);
            if (precompiled != null) {
                return precompiled;
            }
        }
        long started = System.nanoTime();
        List<RuleProblem> problems = new ArrayList<>();
        Prepared prepared = prepare(pack, problems);
        String hash = pack.contentHash();
        KieBase kieBase = buildAndCheck(pack, prepared, classLoader, problems);
        Map<String, RulePlace> places = byRule(prepared.units());
        LearnedOffers learned = prepared.catalog() == null ? null : LearnedOffers.read(pack, prepared.catalog(), problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        IdentityHashMap<Rule, RuleInfo> rules = ruleInfos(kieBase, places);
        RuleSetInfo info = new RuleSetInfo(hash, prepared.label(), pack.origin(), loadedAt, false, rules.size(),
                prepared.catalog().size());
        LOG.debug("Rule set {} compiled from {} in {} ms", info, pack.origin(), (System.nanoTime() - started) / 1_000_000);
        return new CompiledRuleSet(info, kieBase, prepared.catalog(), rules, settings, learned);
    }

    /**
     * Builds the prepared pack the classic way and checks what only the built rules tell (their reason
     * codes), adding every problem to {@code problems}; null if it does not build.
     */
    static KieBase buildAndCheck(RulePack pack, Prepared prepared, ClassLoader classLoader, List<RuleProblem> problems) {
        KieBase kieBase = build(pack.origin(), pack.contentHash(), prepared.units(), classLoader, problems);
        if (kieBase != null) {
            checkCodes(kieBase, prepared.units(), problems);
        }
        return kieBase;
    }

    /** A pack read and checked, ready for Drools: its catalog, its label and its files as DRL. */
    record Prepared(OfferCatalog catalog, String label, List<DrlUnit> units) {
    }

    /**
     * Where a rule is written.
     *
     * @param packageName its DRL package
     * @param name        its name
     * @param order       its position in the pack, in file order
     * @param source      {@code suitability.drl.csv row 12} or {@code applicability.drl line 8}
     */
    record RulePlace(String packageName, String name, int order, String source) {
    }

    /** The problem of a table file whose name Drools would ignore: one message, wherever it is found. */
    public static RuleProblem misnamed(RuleFile file) {
        return new RuleProblem(file.name(), "", "Drools reads a decision table only if its name ends in .drl.csv, "
                + ".drl.xls or .drl.xlsx, so this file would be silently ignored: rename it to " + file.tableName());
    }

    /**
     * Reads the pack's catalog, turns its tables into DRL and checks what can be checked before Drools
     * compiles, adding every problem found to {@code problems}.
     *
     * @throws RuleSetException if nothing in the pack can be compiled
     */
    static Prepared prepare(RulePack pack, List<RuleProblem> problems) {
        List<DrlUnit> units = new ArrayList<>();
        OfferCatalog catalog = CatalogReader.read(pack, problems);
        PackProperties properties = PackProperties.of(pack, problems);
        for (RuleFile file : pack.files()) {
            if (file.isDrl() || file.isDecisionTable()) {
                units.addAll(RuleSources.toDrl(file, properties.everySheet(), problems));
            } else if (file.isMisnamedTable()) {
                problems.add(misnamed(file));
            }
        }
        if (units.isEmpty()) {
            problems.add(new RuleProblem(pack.origin(), "", "has no rules: add .drl or .drl.csv files"));
        }
        if (catalog != null) {
            for (DrlUnit unit : units) {
                checkActions(unit, catalog, problems);
            }
        }
        // Drools still compiles the rules of a pack with other problems, so that an edit's problems
        // are all reported at once rather than one round at a time.
        if (units.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new Prepared(catalog, properties.label(), units);
    }

    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?\\s*(\\n|$)");

    /** Some errors carry no line, only the expression: find the line that holds it. */
    private static int lineOfExpression(DrlUnit unit, String text) {
        Matcher m = EXPRESSION.matcher(text == null ? "" : text);
        if (!m.find()) {
            return -1;
        }
        String expression = m.group(1).strip();
        String[] lines = unit.drl().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(expression)) {
                return i + 1;
            }
        }
        // Drools may quote the expression as it understood it, a binding in it dropped
        // ("a >= $x : B" becomes "a >= B"): find the line that holds its words in order.
        List<String> words = java.util.Arrays.stream(expression.split("\\W+")).filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i < lines.length && !words.isEmpty(); i++) {
            int at = 0;
            for (String word : words) {
                at = at < 0 ? at : lines[i].indexOf(word, at);
                at = at < 0 ? at : at + word.length();
            }
            if (at >= 0 && !lines[i].strip().startsWith("//")) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Drools' words for a rule that has an annotation twice, such as two METADATA columns code($param). */
    private static final Pattern REPEATED_ANNOTATION = Pattern.compile("Duplicated annotation: (\\w+)");

    /**
     * The line of the second of two annotations of the same name in one rule, which Drools reports with
     * no line; -1 if the error is not that one or no rule repeats the annotation.
     */
    private static int lineOfRepeatedAnnotation(DrlUnit unit, String text) {
        Matcher m = REPEATED_ANNOTATION.matcher(text);
        if (!m.find()) {
            return -1;
        }
        Pattern annotation = Pattern.compile("@" + Pattern.quote(m.group(1)) + "\\b");
        String[] lines = unit.drl().split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("rule ")) {
                seen = 0;
            }
            Matcher a = annotation.matcher(lines[i]);
            while (a.find()) {
                if (++seen == 2) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** The line an error's text names ("Line 35:0 ..."), for errors that carry none of their own. */
    private static final Pattern TEXT_LINE = Pattern.compile("\\bLine (\\d+):\\d+");

    /**
     * Drools' parser reports an exception of its own as "unexpected exception at input ..." followed by
     * the Java exception and its stack trace, which mean nothing to an analyst: the words before them do.
     */
    private static final Pattern MVEL_ERROR = Pattern.compile("\\[Error: [^\\]\\n]*]");
    private static final Pattern MVEL_NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\.(.*?)\\.\\.\\.\\.}]");
    private static final Pattern PARSER_FAULT = Pattern.compile("unexpected exception at input .*?(?=\\. Exception: )");

    private static boolean hasProblem(List<RuleProblem> problems, String file) {
        for (RuleProblem p : problems) {
            if (p.file().equals(file)) {
                return true;
            }
        }
        return false;
    }

    /** Drools reports paths with or without the source folder; match either way. */
    private static DrlUnit unitAt(Map<String, DrlUnit> byPath, String path) {
        if (path == null) {
            return null;
        }
        DrlUnit exact = byPath.get(path);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, DrlUnit> e : byPath.entrySet()) {
            if (e.getKey().endsWith("/" + path) || path.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Where each rule is written, keyed by {@link #ruleKey}, in the order the pack's files write them. */
    static Map<String, RulePlace> byRule(List<DrlUnit> units) {
        Map<String, RulePlace> byKey = new LinkedHashMap<>();
        int order = 0;
        for (DrlUnit unit : units) {
            for (Map.Entry<String, String> rule : unit.rules().entrySet()) {
                String place = rule.getValue().isEmpty() ? unit.file() : unit.file() + " " + rule.getValue();
                String key = ruleKey(unit.packageName(), rule.getKey());
                if (!byKey.containsKey(key)) {
                    byKey.put(key, new RulePlace(unit.packageName(), rule.getKey(), order++, place));
                }
            }
        }
        return byKey;
    }

    static String ruleKey(String packageName, String ruleName) {
        return packageName + "|" + ruleName;
    }

    /** Every rule of the rule base with its description; rules the pack does not place go last. */
    static IdentityHashMap<Rule, RuleInfo> ruleInfos(KieBase kieBase, Map<String, RulePlace> byKey) {
        int order = byKey.size();
        IdentityHashMap<Rule, RuleInfo> infos = new IdentityHashMap<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule rule : kp.getRules()) {
                RulePlace place = byKey.get(ruleKey(kp.getName(), rule.getName()));
                infos.put(rule, new RuleInfo(rule.getName(), codeOf(rule), Stage.ofPackage(kp.getName()),
                        place == null ? order++ : place.order(), place == null ? kp.getName() : place.source()));
            }
        }
        return infos;
    }

    /** The metadata key under which a rule sets its reason code: {@code @code(NO_CONSENT)}. */
    public static final String CODE = "code";

    /**
     * What is wrong with a reason code a rule sets, or null if nothing is: it must be well formed and
     * must not be one the engine keeps for its own reasons.
     */
    public static String codeProblem(String code) {
        if (!Reason.isCode(code)) {
            return "'" + code + "' is not a reason code: write capital letters, digits and underscores, starting "
                    + "with a letter, such as NO_CONSENT";
        }
        if (Reason.RESERVED_CODES.contains(code)) {
            return code + " is reserved for the engine's own reason: choose another code (reserved: "
                    + String.join(", ", new java.util.TreeSet<>(Reason.RESERVED_CODES)) + ")";
        }
        return null;
    }

    /** A rule's reason code: the one it sets, else the one its name gives ({@link Reason#codeOf}). */
    static String codeOf(Rule rule) {
        Object set = rule.getMetaData().get(CODE);
        if (set == null) {
            return Reason.codeOf(rule.getName());
        }
        String code = set.toString().strip();
        if (code.length() >= 2 && code.startsWith("\"") && code.endsWith("\"")) {
            code = code.substring(1, code.length() - 1).strip();
        }
        return code;
    }

    /** Every rule's reason code is well formed and none takes a code reserved for the engine's own reasons. */
    private static void checkCodes(KieBase kieBase, List<DrlUnit> units, List<RuleProblem> problems) {
        Map<String, RulePlace> byKey = byRule(units);
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule rule : kp.getRules()) {
                String problem = codeProblem(codeOf(rule));
                if (problem != null) {
                    RulePlace place = byKey.get(ruleKey(kp.getName(), rule.getName()));
                    String message = "rule '" + rule.getName() + "': " + problem
                            + (rule.getMetaData().get(CODE) == null ? " (the code its name gives: set one with "
                                    + "@code(...) after the rule's name, or in a METADATA column code($param))" : "");
                    problems.add(place == null ? placedByName(units, rule.getName(), kp.getName(), message)
                            : placed(place.source(), message));
                }
            }
        }
    }

    /**
     * A problem of a rule the pack's files do not place by package and name (a package or rule name
     * Drools reads otherwise than they were written: escaped quotes, letters outside ASCII): at the
     * first file whose DRL declares a rule of that name, at the rule's row or line; else at the package.
     */
    private static RuleProblem placedByName(List<DrlUnit> units, String ruleName, String packageName, String message) {
        String name = ruleName.replace("\\", "");
        for (DrlUnit unit : units) {
            String[] lines = unit.drl().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("rule") && line.replace("\\", "").contains(name)) {
                    return new RuleProblem(unit.file(), unit.placeOf(i + 1), message);
                }
            }
        }
        return new RuleProblem(packageName, "", message);
    }

    /** A problem at a rule's source, {@code file row 12} or {@code file line 8}, split into file and place. */
    private static RuleProblem placed(String source, String message) {
        Matcher m = Pattern.compile("^(.*?) ((?:sheet .+, )?row \\d+|line \\d+)$").matcher(source);
        return m.matches() ? new RuleProblem(m.group(1), m.group(2), message) : new RuleProblem(source, "", message);
    }

    /**
     * Compiles the rule files of a pack that needs no offer catalog, such as decision tables written for
     * other fact models, and returns every problem found (none if they compile). The pack's
     * {@code pack.properties}, if it has one, says which sheets of a workbook are read.
     */
    public static List<RuleProblem> check(RulePack pack, ClassLoader classLoader) {
        List<RuleProblem> problems = new ArrayList<>();
        List<DrlUnit> units = new ArrayList<>();
        boolean everySheet = PackProperties.of(pack, problems).everySheet();
        for (RuleFile file : pack.files()) {
            if (file.isDrl() || file.isDecisionTable()) {
                units.addAll(RuleSources.toDrl(file, everySheet, problems));
            }
        }
        if (problems.isEmpty() && !units.isEmpty()) {
            build("rules", "check", units, classLoader, problems);
        }
        return problems;
    }

    static KieBase build(String origin, String hash, List<DrlUnit> units, ClassLoader classLoader,
                                 List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = releaseId(hash + "-" + Long.toHexString(System.nanoTime()));
        buildModule(origin, releaseId, units, classLoader, problems, null);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return ks.newKieContainer(releaseId, classLoader).getKieBase();
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(origin, "", "the rules compiled but cannot be loaded: "
                    + RuleSources.message(e)));
            return null;
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Drools' compiler threw instead of reporting: MVEL, which reads a rule's consequence in the classic build,
     * throws on an unterminated string. Its message quotes the DRL near the fault, which finds the unit and line.
     */
    static RuleProblem thrownByBuild(String origin, List<DrlUnit> units, RuntimeException e) {
        String text = RuleSources.message(e);
        Matcher error = MVEL_ERROR.matcher(text);
        String words = error.find() ? error.group() : "it stopped on an error of its own while compiling the rules";
        Matcher near = MVEL_NEAR.matcher(text);
        String snippet = near.find() ? near.group(1).strip() : "";
        for (DrlUnit unit : units) {
            String[] lines = unit.drl().split("\n", -1);
            for (int i = 0; i < lines.length && !snippet.isEmpty(); i++) {
                if (lines[i].contains(snippet)) {
                    return unit.isTable() ? TablePlaces.ofBuild(unit, i + 1, words)
                            : new RuleProblem(unit.file(), unit.placeOf(i + 1), "does not compile. Drools says: " + words);
                }
            }
        }
        return new RuleProblem(origin, "", "the rules cannot be compiled. Drools says: " + words);
    }

    static ReleaseId releaseId(String suffix) {
        return KieServices.Factory.get().newReleaseId("io.nextbest.rulesets", "ruleset-" + suffix, "1.0.0");
    }

    /**
     * Builds the units into a KIE module, the classic way ({@code projectType} null) or another
     * (the executable model), adding every error to {@code problems} at its file and row or line.
     */
    static KieModule buildModule(String origin, ReleaseId releaseId, List<DrlUnit> units, ClassLoader classLoader,
                                 List<RuleProblem> problems, Class<? extends KieBuilder.ProjectType> projectType) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, DrlUnit> byPath = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            DrlUnit unit = units.get(i);
            String path = "src/main/resources/" + unit.packageName().replace('.', '/') + "/r" + i + "_"
                    + unit.file().replaceAll("[^A-Za-z0-9_.-]", "_") + ".drl";
            byPath.put(path, unit);
            kfs.write(path, unit.drl().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader);
        try {
            if (projectType == null) {
                builder.buildAll();
            } else {
                builder.buildAll(projectType);
            }
        } catch (RuntimeException e) {
            problems.add(thrownByBuild(origin, units, e));
            return null;
        }
        List<RuleProblem> found = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            DrlUnit unit = unitAt(byPath, m.getPath());
            String text = firstLines(m.getText());
            if (unit != null && text.contains("Parser returned a null Package")
                    && (hasProblem(problems, unit.file()) || hasProblem(found, unit.file()))) {
                continue; // Drools adds this after every parser error it has already reported
            }
            Matcher fault = PARSER_FAULT.matcher(text);
            boolean faulted = fault.find();
            if (faulted) {
                if (unit != null && (hasProblem(problems, unit.file()) || hasProblem(found, unit.file()))) {
                    continue; // its parser failed on an error it has already reported
                }
                text = text.substring(0, fault.end());
            }
            if (unit == null) {
                found.add(new RuleProblem(origin, String.valueOf(m.getPath()), text));
            } else {
                int line = m.getLine() > 0 ? m.getLine() : lineOfExpression(unit, m.getText());
                Matcher named = TEXT_LINE.matcher(text);
                line = line > 0 ? line : named.find() ? Integer.parseInt(named.group(1)) : -1;
                line = line > 0 ? line : lineOfRepeatedAnnotation(unit, text);
                if (unit.isTable()) {
                    tables.add(unit.file());
                    // Drools' parser's own exception, after what it could not read, is not for the analyst.
                    found.add(TablePlaces.ofBuild(unit, line, faulted ? text : m.getText()));
                } else if (text.startsWith(TablePlaces.PARSER_BROKE_DOWN)) {
                    found.add(TablePlaces.ofParserBreakdown(unit.file(), unit.drl(), unit::placeOf));
                } else {
                    found.add(new RuleProblem(unit.file(), line > 0 ? unit.placeOf(line) : "",
                            TablePlaces.withoutJavaException(text)));
                }
            }
        }
        problems.addAll(TablePlaces.once(found, tables));
        return problems.isEmpty() ? builder.getKieModule() : null;
    }

    /**
     * Every call of a {@link io.nextbest.facts.Situation} action names offers the catalog holds and
     * passes numbers in the action's range: problems a table or DRL file would otherwise show only
     * when a decision fails.
     */
    private static void checkActions(DrlUnit unit, OfferCatalog catalog, List<RuleProblem> problems) {
        Actions actions = Actions.ofSituation();
        String[] lines = unit.drl().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Actions.Call call : actions.calls(lines[i])) {
                for (int a = 0; a < call.arguments().size(); a++) {
                    String value = call.arguments().get(a);
                    if (a == 0 && call.action().target() && call.quoted().get(0)) {
                        try {
                            OfferTargets.resolve(value, catalog);
                        } catch (IllegalArgumentException e) {
                            problems.add(new RuleProblem(unit.file(), placeOf(unit, i + 1, value),
                                    "offer target \"" + value + "\": " + e.getMessage()));
                        }
                    } else if (!call.quoted().get(a)) {
                        String problem = Actions.outOfRange(call.action(), a, value);
                        if (problem != null) {
                            problems.add(new RuleProblem(unit.file(), placeOf(unit, i + 1, value), problem));
                        }
                    }
                }
            }
        }
    }

    /** Where an action's value at a DRL line is written: a table's cell, or a DRL file's line. */
    private static String placeOf(DrlUnit unit, int line, String value) {
        return unit.isTable() ? TablePlaces.actionLocation(unit, line, value) : unit.placeOf(line);
    }

    private static String firstLines(String text) {
        String t = text == null ? "" : text.strip();
        String[] lines = t.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, lines.length); i++) {
            if (!lines[i].isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(lines[i].strip());
            }
        }
        return sb.toString();
    }
}
