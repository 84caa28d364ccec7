package io.nextbest.examples;

import io.nextbest.validation.Finding;
import io.nextbest.validation.Validator;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nextbest validate}: an analyst's check of an edit, cell by cell. */
@Command(name = "validate",
        description = {"Check rule files and offer catalogs before they go live: every problem names its file, "
                + "sheet, cell and column.",
                "A folder is checked as one rule pack; tables are also verified for conflicting, duplicate and "
                        + "never-firing rows, and for gaps in tables marked Complete.",
                "Exit code 0 when clean, 1 when there are errors (or warnings, with --strict)."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files (.drl, .drl.csv, .drl.xls, .drl.xlsx, catalog.json, catalog.csv) or folders.")
    List<Path> paths;

    @Option(names = "--classpath", paramLabel = "JARS", split = "[:;,]",
            description = "Jars that hold the fact classes the tables import, separated by ':' or ','.")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : classpath) {
            if (!Files.isReadable(jar)) {
                throw new Errors.UserError("cannot read the class path entry " + jar);
            }
            urls.add(jar.toUri().toURL());
        }
        ClassLoader loader = urls.isEmpty() ? Validator.class.getClassLoader()
                : new URLClassLoader(urls.toArray(URL[]::new), Validator.class.getClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        List<Finding> findings;
        try {
            Thread.currentThread().setContextClassLoader(loader);
            findings = new Validator(loader).validate(paths);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        int warnings = 0;
        for (Finding f : findings) {
            boolean error = f.isError() || strict;
            out.println((error ? "error: " : "warning: ") + f);
            if (error) {
                errors++;
            } else {
                warnings++;
            }
        }
        out.println(errors == 0 && warnings == 0 ? "OK: no problems found"
                : errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        out.flush();
        return errors == 0 ? 0 : Errors.FAILED;
    }
}
