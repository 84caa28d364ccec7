package io.nextbest.examples;

import io.nextbest.DecisionEngine;
import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.OutcomeType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nextbest demo}: a simulated shift of inbound callers, each decided and explained. */
@Command(name = "demo",
        description = {
            "Runs a simulated shift of inbound callers through the rules and explains every decision.",
            "",
            "For each caller: who they are, why they called, and the offer made or the reason there is "
                    + "none. Ends with a summary, a check that no sales offer went to a complaint, a "
                    + "negative caller, a vulnerable customer or a service queue, and what became of the "
                    + "customers who may leave. A range of seeds (--seed 1..10) runs a shift for each and "
                    + "sums them up together.",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the shift was decided and the promise of no sales offers was kept",
            "1:a sales offer went where none may go, or the rules are wrong",
            "2:the command was used wrongly"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seed", paramLabel = "N|FROM..TO", defaultValue = "1", converter = Seeds.Converter.class,
            description = "The seed of the simulated callers, or a range of seeds; the same seed gives the same "
                    + "shift (default: ${DEFAULT-VALUE}).")
    Seeds seeds;

    @Mixin
    RulesOption rules;

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "Instead of one shift, run a month of the demo's traffic into this ledger (a SQLite "
                    + "file), with outcomes drawn from known true effects, and print the programs' report.")
    Path ledger;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N",
            description = "With --ledger: the days to simulate (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--shifts", defaultValue = "30", paramLabel = "N",
            description = "With --ledger: shifts of 51 callers a day (default: ${DEFAULT-VALUE}).")
    int shifts;

    @Spec
    CommandSpec spec;

    private Demo demo;

    @Override
    public Integer call() {
        if (ledger != null) {
            return month();
        }
        try (DecisionEngine engine = rules.engine()) {
            demo = Demo.run(engine, seeds.first(), seeds.last());
        }
        demo.print(spec.commandLine().getOut());
        return demo.promisesKept() ? 0 : Errors.FAILED;
    }

    private int month() {
        if (days < 1 || shifts < 1) {
            throw new Errors.UserError("--days and --shifts must be at least 1, got " + days + " and " + shifts);
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, OutcomeType> success = Map.of("retention", OutcomeType.SAVED);
        try (DecisionEngine engine = rules.engine(); Ledger open = LedgerOption.builder(ledger, success).build()) {
            int calls = LedgerDemo.run(engine, open, seeds.first(), days, shifts);
            out.printf(Locale.ROOT, "%,d simulated calls over %d days (%d shifts of 51 callers a day) decided into "
                    + "%s; outcomes drawn from the simulation's true effects: retention, welcome, plan-change and "
                    + "proactive-service work, cross-sell and information do nothing, upsell hurts.%n%n", calls, days,
                    shifts, ledger);
            out.print(open.report().text());
            out.println();
            out.println("The same report as a page with charts: nextbest report --ledger " + ledger
                    + " --format html --output report.html");
        }
        return 0;
    }

    /** The shifts this command last ran, with every decision. */
    Demo demo() {
        return demo;
    }

    /** One seed ({@code 3}) or a range of them ({@code 1..10}). */
    record Seeds(long first, long last) {
        static final class Converter implements ITypeConverter<Seeds> {
            @Override
            public Seeds convert(String value) {
                String text = value.strip();
                int dots = text.indexOf("..");
                try {
                    Seeds seeds = dots < 0 ? new Seeds(Long.parseLong(text), Long.parseLong(text))
                            : new Seeds(Long.parseLong(text.substring(0, dots).strip()),
                                    Long.parseLong(text.substring(dots + 2).strip()));
                    if (seeds.last() < seeds.first()) {
                        throw new TypeConversionException("'" + value + "' ends before it starts: write FROM..TO "
                                + "with FROM at most TO, such as 1..10");
                    }
                    return seeds;
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + value + "' is not a seed (a whole number) nor a range "
                            + "of seeds such as 1..10");
                }
            }
        }
    }
}
