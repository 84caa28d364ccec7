package io.nextbest.examples;

import io.nextbest.DecisionEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
                    + "none. Ends with a summary and a check that no sales offer went to a complaint, a "
                    + "negative caller, a vulnerable customer or a service queue.",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the shift was decided and the promise of no sales offers was kept",
            "1:a sales offer went where none may go, or the rules are wrong",
            "2:the command was used wrongly"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The seed of the simulated callers; the same seed gives the same shift (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    private Demo demo;

    @Override
    public Integer call() {
        try (DecisionEngine engine = rules.engine()) {
            demo = Demo.run(engine, seed);
        }
        demo.print(spec.commandLine().getOut());
        return demo.promisesKept() ? 0 : Errors.FAILED;
    }

    /** The shift this command last ran, with every decision. */
    Demo demo() {
        return demo;
    }
}
