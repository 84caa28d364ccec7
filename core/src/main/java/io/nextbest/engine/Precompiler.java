package io.nextbest.engine;

import io.nextbest.RulePack;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.builder.KieModule;

/**
 * Compiles a rule pack at build time, so that an application loads its rules instead of compiling
 * them when it starts. The pack is checked and compiled as the engine would compile it, then built as
 * Drools' executable model: Java classes for its rules, written to a folder of class files (a
 * module's {@code target/classes}) with an index named after the pack's content hash.
 *
 * <p>An engine built on the same files finds the index on its class path and loads those classes
 * (see {@link io.nextbest.NextBest.Builder#usePrecompiled(boolean)}); a pack whose files differ in
 * any byte, such as one an analyst has just edited, is compiled as before.
 *
 * <p>From a build:
 * <pre>{@code java -cp <the module's class path> io.nextbest.engine.Precompiler OUTPUT_FOLDER PACK_FOLDER [FILE ...]}</pre>
 * The files, if named, are the pack's files in the order the application reads them (as in
 * {@link RulePack#classpath}); otherwise every file of the folder, in name order (as in
 * {@link RulePack#directory}). Exit status 0 when written, 1 with every problem of the pack
 * listed, 2 on a wrong command line.
 */
public final class Precompiler {
    private Precompiler() {
    }

    /**
     * Precompiles the pack into {@code output}.
     *
     * @param classLoader loads the fact classes the rules use
     * @return the index written, under {@code output}
     * @throws RuleSetException listing every problem that stops the pack compiling
     */
    public static Path precompile(RulePack pack, Path output, ClassLoader classLoader) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSetCompiler.Prepared prepared = RuleSetCompiler.prepare(pack, problems);
        String hash = pack.contentHash();
        if (problems.isEmpty()) {
            // The way a reload compiles: a pack precompiles only if it would also load when edited.
            RuleSetCompiler.buildAndCheck(pack, prepared, classLoader, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        KieModule module = RuleSetCompiler.buildModule(pack.origin(), RuleSetCompiler.releaseId(hash),
                prepared.units(), classLoader, problems, ExecutableModelProject.class);
        if (module == null) {
            throw new RuleSetException(problems);
        }
        InternalKieModule files = module instanceof CanonicalKieModule canonical
                ? canonical.getInternalKieModule() : (InternalKieModule) module;
        List<String> models = new ArrayList<>();
        try {
            for (String name : files.getFileNames()) {
                if (name.endsWith("/drools-model")) {
                    models.addAll(modelClasses(new String(files.getBytes(name), StandardCharsets.UTF_8)));
                } else if (name.endsWith(".class") && !name.startsWith("org/drools/")) {
                    write(output.resolve(name), files.getBytes(name));
                }
            }
            if (models.isEmpty()) {
                throw new IllegalStateException("Drools wrote no executable model for " + pack.origin());
            }
            Properties index = PrecompiledRules.index(pack, models, RuleSetCompiler.byRule(prepared.units()));
            Path indexFile = output.resolve(PrecompiledRules.indexName(hash));
            Files.createDirectories(indexFile.getParent());
            try (OutputStream out = Files.newOutputStream(indexFile)) {
                index.store(out, "NextBest precompiled rules of " + pack.origin());
            }
            return indexFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the precompiled rules to " + output, e);
        }
    }

    /** The model classes a {@code drools-model} file lists after its version line. */
    private static List<String> modelClasses(String text) {
        List<String> models = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.contains(":")) {
                models.add(l);
            }
        }
        return models;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** {@code Precompiler OUTPUT_FOLDER PACK_FOLDER [FILE ...]}; see the class description. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Precompiler OUTPUT_FOLDER PACK_FOLDER [FILE ...]");
            return 2;
        }
        Path output = Paths.get(args[0]);
        Path folder = Paths.get(args[1]);
        long started = System.nanoTime();
        try {
            RulePack pack = args.length == 2 ? RulePack.directory(folder) : named(folder, args);
            Path index = precompile(pack, output, Precompiler.class.getClassLoader());
            System.out.printf("Precompiled %s (%d files) into %s in %d ms%n", folder, pack.files().size(),
                    output.relativize(index), (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (RuleSetException e) {
            System.err.println("The rules in " + folder + " cannot be precompiled:");
            for (RuleProblem p : e.problems()) {
                System.err.println("  " + p);
            }
            return 1;
        }
    }

    private static RulePack named(Path folder, String[] args) {
        List<RulePack.RuleFile> files = new ArrayList<>();
        List<RuleProblem> missing = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path file = folder.resolve(args[i]);
            try {
                files.add(new RulePack.RuleFile(args[i], Files.readAllBytes(file)));
            } catch (IOException e) {
                missing.add(new RuleProblem(file.toString(), "", "cannot be read: " + e));
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleSetException(missing);
        }
        return RulePack.of(folder.toString(), files);
    }
}
