package io.nextbest.examples;

import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nextbest} command: {@code demo}, {@code decide}, {@code validate}, {@code test}, {@code replay},
 * {@code models}, {@code outbound}, {@code outcome} and {@code report}.
 */
@Command(name = "nextbest",
        description = "Next-best-action decisions for contact centers: whether to make an offer, which one, and why.",
        subcommands = {DemoCommand.class, DecideCommand.class, ValidateCommand.class, TestCommand.class,
            ReplayCommand.class, ModelsCommand.class, OutboundCommand.class, OutcomeCommand.class,
            ReportCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final InputStream in;

    Main(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.in).execute(args));
    }

    /** The command, reading standard input from {@code in}; set its out and err to capture what it prints. */
    static CommandLine commandLine(InputStream in) {
        CommandLine commandLine = new CommandLine(new Main(in));
        commandLine.setExecutionExceptionHandler(new Errors());
        return commandLine;
    }

    /** Where {@code nextbest decide} reads requests when it is given no file. */
    InputStream in() {
        return in;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Name a command: demo, decide, validate, test, replay, models, outbound, outcome or report");
    }
}
