package io.nextbest.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionException;
import io.nextbest.DecisionRequest;
import io.nextbest.InvalidRequestException;
import io.nextbest.examples.Errors.UserError;
import io.nextbest.json.JsonCodec;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nextbest decide}: JSON requests in, JSON decisions out. */
@Command(name = "decide",
        description = {
            "Decides on requests written in JSON and prints each decision in JSON.",
            "",
            "If the first non-blank line of the input is a whole JSON value, the input is JSON Lines: "
                    + "one request per line in, one decision per line out, in the same order. A line that "
                    + "cannot be decided is reported on stderr by its number (line 3: $.customer.id: is "
                    + "required) and skipped; the other lines are still decided.",
            "Otherwise the whole input is one request, such as a pretty-printed JSON file.",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every request was decided",
            "1:a request, the input or the rules are wrong",
            "2:the command was used wrongly"})
final class DecideCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "The request file (JSON or JSON Lines); standard input if omitted or -.")
    Path file;

    @Mixin
    RulesOption rules;

    @Option(names = "--pretty", description = "Indent each decision, for people rather than programs.")
    boolean pretty;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    private final JsonCodec codec = new JsonCodec();
    private DecisionEngine engine;

    @Override
    public Integer call() throws IOException {
        try (Utf8Lines lines = open()) {
            Utf8Lines.Line first = lines.next();
            while (first != null && first.isBlank()) {
                first = lines.next();
            }
            if (first == null) {
                throw new UserError(source() + " is empty: expected a JSON request, or JSON Lines with one "
                        + "request per line");
            }
            return isWholeJsonValue(first.text()) ? decideLines(lines, first) : decideDocument(lines, first);
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    private int decideLines(Utf8Lines lines, Utf8Lines.Line first) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Utf8Lines.Line line = first; line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            String problem = line.error();
            if (problem == null) {
                try {
                    DecisionRequest request = codec.readRequest(line.text());
                    out.println(write(engine().decide(request)));
                    out.flush();
                    continue;
                } catch (InvalidRequestException | DecisionException e) {
                    problem = e.getMessage();
                }
            }
            err.println("line " + line.number() + ": " + problem);
            err.flush();
            failed++;
        }
        return failed == 0 ? 0 : Errors.FAILED;
    }

    private int decideDocument(Utf8Lines lines, Utf8Lines.Line first) throws IOException {
        // Blank lines before the first keep their place, so that JSON errors point at the right line.
        StringBuilder document = new StringBuilder("\n".repeat(first.number() - 1));
        for (Utf8Lines.Line line = first; line != null; line = lines.next()) {
            if (line.error() != null) {
                throw new UserError(source() + ": line " + line.number() + ": " + line.error());
            }
            document.append(line.text()).append('\n');
        }
        DecisionRequest request;
        try {
            request = codec.readRequest(document.toString());
        } catch (InvalidRequestException e) {
            throw new UserError(source() + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println(write(engine().decide(request)));
        return 0;
    }

    /** True if the line holds one complete JSON value, as every line of JSON Lines does. */
    private boolean isWholeJsonValue(String line) {
        try {
            codec.reader().readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The engine, built on the first request that reads well, so that bad input fails fast. */
    private DecisionEngine engine() {
        if (engine == null) {
            engine = rules.engine();
        }
        return engine;
    }

    private String write(Decision decision) {
        return pretty ? codec.writePretty(decision) : codec.write(decision);
    }

    private boolean fromStdin() {
        return file == null || file.toString().equals("-");
    }

    private String source() {
        return fromStdin() ? "standard input" : file.toString();
    }

    private Utf8Lines open() {
        if (fromStdin()) {
            // Standard input belongs to the caller: it is read, never closed.
            return new Utf8Lines(new NonClosing(main.in()));
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a folder: name a file of requests");
        }
        try {
            return new Utf8Lines(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Standard input, shielded from {@code close()}. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
