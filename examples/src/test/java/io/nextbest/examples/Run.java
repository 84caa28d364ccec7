package io.nextbest.examples;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code nextbest} command in this JVM, with standard input, output and error captured. */
record Run(int exitCode, String out, String err, CommandLine commandLine) {

    static Run nextbest(String... args) {
        return withInput("", args);
    }

    static Run withInput(String stdin, String... args) {
        return withBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Run withBytes(byte[] stdin, String... args) {
        CommandLine commandLine = Main.commandLine(new ByteArrayInputStream(stdin));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString(), commandLine);
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** The object behind a subcommand, as it was after the run. */
    <T> T subcommand(String name) {
        return commandLine.getSubcommands().get(name).getCommand();
    }
}
