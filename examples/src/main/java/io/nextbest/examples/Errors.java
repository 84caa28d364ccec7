package io.nextbest.examples;

import io.nextbest.NextBestException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How the command reports a failure: a user's mistake (a bad request, a missing file, a broken rules
 * folder) in one line, or in the list of rule problems; anything else in one line with a hint, and
 * with the stack trace only under {@code --verbose}.
 */
final class Errors implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        // NextBest's own exceptions (a bad request, rule problems, a rule that fails) explain themselves.
        if (e instanceof UserError || e instanceof NextBestException) {
            err.println(command + ": " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println(command + ": " + io.getMessage() + ": " + io.getCause().getMessage());
        } else if (verbose(parsed)) {
            err.println(command + ": unexpected error:");
            e.printStackTrace(err);
        } else {
            err.println(command + ": unexpected error: " + e + " (run again with --verbose for the stack trace)");
        }
        err.flush();
        return FAILED;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** A mistake the user can fix, said in one line: a missing file, an empty input. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
