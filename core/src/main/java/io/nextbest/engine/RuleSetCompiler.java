package io.nextbest.engine;

import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.catalog.CatalogReader;
import io.nextbest.facts.OfferTargets;
import io.nextbest.facts.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final Pattern TARGET = Pattern.compile("\\b(leaveOut|forOffers)\\s*\\(\\s*drools\\s*,\\s*\"([^\"]*)\"");

    private RuleSetCompiler() {
    }

    /**
     * Compiles the pack.
     *
     * @throws RuleSetException listing every problem found, each placed at its file, row or line
     */
    public static CompiledRuleSet compile(RulePack pack, EngineSettings settings) {
        return compile(pack, settings, RuleSetCompiler.class.getClassLoader());
    }

    /**
     * Compiles the pack, loading the fact classes its rules import from {@code classLoader}.
     *
     * @throws RuleSetException listing every problem found, each placed at its file, row or line
     */
    public static CompiledRuleSet compile(RulePack pack, EngineSettings settings, ClassLoader classLoader) {
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
        KieBase kieBase = build(pack.origin(), hash, prepared.units(), classLoader, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        String version = hash + "@" + loadedAt;
        LOG.debug("Rule set {} compiled from {} in {} ms", version, pack.origin(),
                (System.nanoTime() - started) / 1_000_000);
        return new CompiledRuleSet(version, kieBase, prepared.catalog(), ruleInfos(kieBase, byRule(prepared.units())),
                settings, false);
    }

    /** A pack read and checked, ready for Drools: its catalog and its files as DRL. */
    record Prepared(OfferCatalog catalog, List<DrlUnit> units) {
    }

    /**
     * Reads the pack's catalog, turns its tables into DRL and checks what can be checked before Drools
     * compiles, adding every problem found to {@code problems}.
     *
     * @throws RuleSetException if nothing in the pack can be compiled
     */
    static Prepared prepare(RulePack pack, List<RuleProblem> problems) {
        List<DrlUnit> units = new ArrayList<>();
        OfferCatalog catalog = null;
        int catalogs = 0;
        for (RuleFile file : pack.files()) {
            if (file.isCatalog()) {
                catalogs++;
                try {
                    catalog = CatalogReader.read(file);
                } catch (RuleSetException e) {
                    problems.addAll(e.problems());
                }
            } else if (file.isDrl() || file.isDecisionTable()) {
                DrlUnit unit = RuleSources.toDrl(file, problems);
                if (unit != null) {
                    units.add(unit);
                }
            } else if (file.isMisnamedTable()) {
                problems.add(new RuleProblem(file.name(), "", "Drools reads a decision table only if its name ends in "
                        + ".drl.csv, .drl.xls or .drl.xlsx, so this file would be ignored: rename it to "
                        + file.tableName()));
            }
        }
        if (catalogs == 0) {
            problems.add(new RuleProblem(pack.origin(), "", "has no offer catalog: add catalog.json or catalog.csv"));
        } else if (catalogs > 1) {
            problems.add(new RuleProblem(pack.origin(), "", "has " + catalogs + " offer catalogs: keep one"));
        }
        if (units.isEmpty()) {
            problems.add(new RuleProblem(pack.origin(), "", "has no rules: add .drl or .drl.csv files"));
        }
        if (catalog != null) {
            for (DrlUnit unit : units) {
                checkTargets(unit, catalog, problems);
            }
        }
        // Drools still compiles the rules of a pack with other problems, so that an edit's problems
        // are all reported at once rather than one round at a time.
        if (units.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new Prepared(catalog, units);
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

    /** The line an error's text names ("Line 35:0 ..."), for errors that carry none of their own. */
    private static final Pattern TEXT_LINE = Pattern.compile("\\bLine (\\d+):\\d+");

    /**
     * Drools' parser reports an exception of its own as "unexpected exception at input ..." followed by
     * the Java exception and its stack trace, which mean nothing to an analyst: the words before them do.
     */
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

    /** Each rule's description, keyed by {@link #ruleKey}, in the order the pack's files write them. */
    static Map<String, RuleInfo> byRule(List<DrlUnit> units) {
        Map<String, RuleInfo> byKey = new LinkedHashMap<>();
        int order = 0;
        for (DrlUnit unit : units) {
            for (Map.Entry<String, String> rule : unit.rules().entrySet()) {
                String stage = stageOf(unit.packageName());
                String place = rule.getValue().isEmpty() ? unit.file() : unit.file() + " " + rule.getValue();
                byKey.putIfAbsent(ruleKey(unit.packageName(), rule.getKey()),
                        new RuleInfo(rule.getKey(), stage, RuleInfo.stageOrder(stage), order++, place));
            }
        }
        return byKey;
    }

    static String ruleKey(String packageName, String ruleName) {
        return packageName + "|" + ruleName;
    }

    /** Every rule of the rule base with its description; rules the pack does not describe go last. */
    static IdentityHashMap<Rule, RuleInfo> ruleInfos(KieBase kieBase, Map<String, RuleInfo> byKey) {
        int order = byKey.size();
        IdentityHashMap<Rule, RuleInfo> infos = new IdentityHashMap<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule rule : kp.getRules()) {
                RuleInfo info = byKey.get(ruleKey(kp.getName(), rule.getName()));
                if (info == null) {
                    String stage = stageOf(kp.getName());
                    info = new RuleInfo(rule.getName(), stage, RuleInfo.stageOrder(stage), order++, kp.getName());
                }
                infos.put(rule, info);
            }
        }
        return infos;
    }

    /**
     * Compiles rule files that need no offer catalog, such as decision tables written for other fact
     * models, and returns every problem found (none if they compile).
     */
    public static List<RuleProblem> check(List<RuleFile> files, ClassLoader classLoader) {
        List<RuleProblem> problems = new ArrayList<>();
        List<DrlUnit> units = new ArrayList<>();
        for (RuleFile file : files) {
            if (file.isDrl() || file.isDecisionTable()) {
                DrlUnit unit = RuleSources.toDrl(file, problems);
                if (unit != null) {
                    units.add(unit);
                }
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
        if (projectType == null) {
            builder.buildAll();
        } else {
            builder.buildAll(projectType);
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            DrlUnit unit = unitAt(byPath, m.getPath());
            String text = firstLines(m.getText());
            if (unit != null && text.contains("Parser returned a null Package") && hasProblem(problems, unit.file())) {
                continue; // Drools adds this after every parser error it has already reported
            }
            Matcher fault = PARSER_FAULT.matcher(text);
            if (fault.find()) {
                if (unit != null && hasProblem(problems, unit.file())) {
                    continue; // its parser failed on an error it has already reported
                }
                text = text.substring(0, fault.end());
            }
            if (unit == null) {
                problems.add(new RuleProblem(origin, String.valueOf(m.getPath()), text));
            } else {
                int line = m.getLine() > 0 ? m.getLine() : lineOfExpression(unit, m.getText());
                Matcher named = TEXT_LINE.matcher(text);
                line = line > 0 ? line : named.find() ? Integer.parseInt(named.group(1)) : -1;
                problems.add(new RuleProblem(unit.file(), line > 0 ? unit.placeOf(line) : "", text));
            }
        }
        return problems.isEmpty() ? builder.getKieModule() : null;
    }

    /** The stage a package stands for: the last part of its name. */
    static String stageOf(String packageName) {
        int dot = packageName.lastIndexOf('.');
        return (dot < 0 ? packageName : packageName.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    private static void checkTargets(DrlUnit unit, OfferCatalog catalog, List<RuleProblem> problems) {
        String[] lines = unit.drl().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TARGET.matcher(lines[i]);
            while (m.find()) {
                try {
                    OfferTargets.resolve(m.group(2), catalog);
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(unit.file(), unit.placeOf(i + 1),
                            "offer target \"" + m.group(2) + "\": " + e.getMessage()));
                }
            }
        }
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
