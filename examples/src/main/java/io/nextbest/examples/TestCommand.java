package io.nextbest.examples;

import io.nextbest.DecisionEngine;
import io.nextbest.scenarios.ScenarioRunner;
import io.nextbest.scenarios.ScenarioRunner.Report;
import io.nextbest.scenarios.ScenarioRunner.Result;
import io.nextbest.validation.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nextbest test}: runs analysts' scenario files against a rule pack. */
@Command(name = "test",
        description = {"Run scenario files (CSV or JSON: given a customer and an interaction, expect a decision) "
                + "against the rules.",
                "A failing scenario shows the decision and every rule and table row that fired.",
                "Exit code 0 when every scenario passes, 1 otherwise."})
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or folders of them.")
    List<Path> paths;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Report report;
        try (DecisionEngine engine = rules.engine()) {
            report = new ScenarioRunner(engine).run(paths);
        }
        for (Finding problem : report.problems()) {
            out.println("ERROR " + problem);
        }
        for (Result r : report.results()) {
            String where = r.scenario().file() + " " + r.scenario().place();
            out.println((r.passed() ? "PASS  " : "FAIL  ") + r.scenario().name() + "  (" + where + ")");
            if (!r.passed()) {
                r.failures().forEach(f -> out.println("      " + f));
                out.println("      rules that fired:");
                r.fired().forEach(f -> out.println("        " + f));
            }
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed");
        out.flush();
        return report.allPassed() ? 0 : Errors.FAILED;
    }
}
