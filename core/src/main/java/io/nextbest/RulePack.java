package io.nextbest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of a rule set: DRL ({@code .drl}), decision tables ({@code .drl.csv}, {@code .drl.xls},
 * {@code .drl.xlsx}), one offer catalog ({@code catalog.json} or {@code catalog.csv}) and, optionally,
 * a {@code pack.properties} with the pack's {@code label}.
 */
public final class RulePack {

    /** One file of a pack: its name (which decides how it is read) and its bytes. */
    public static final class RuleFile {
        private final String name;
        private final byte[] content;

        public RuleFile(String name, byte[] content) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a rule file needs a name");
            }
            this.name = name;
            this.content = content.clone();
        }

        public static RuleFile of(String name, String text) {
            return new RuleFile(name, text.getBytes(StandardCharsets.UTF_8));
        }

        public String name() {
            return name;
        }

        public byte[] content() {
            return content.clone();
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        /** Lower-cased name, for matching extensions. */
        public String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }

        public boolean isDrl() {
            return lowerName().endsWith(".drl");
        }

        public boolean isDecisionTable() {
            String n = lowerName();
            return n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
        }

        /**
         * True for a spreadsheet, or a CSV file holding a {@code RuleTable}, whose name Drools would
         * ignore because it does not end in {@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx}.
         */
        public boolean isMisnamedTable() {
            if (isCatalog() || isDecisionTable()) {
                return false;
            }
            String n = lowerName();
            return n.endsWith(".xls") || n.endsWith(".xlsx") || (n.endsWith(".csv") && text().contains("RuleTable"));
        }

        /** The name Drools would read this table under: {@code x.csv} becomes {@code x.drl.csv}. */
        public String tableName() {
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + ".drl" + name.substring(dot);
        }

        /** True for the pack's {@code pack.properties}, which may give the pack a label. */
        public boolean isPackProperties() {
            String n = lowerName();
            return n.equals("pack.properties") || n.endsWith("/pack.properties");
        }

        public boolean isCatalog() {
            String n = lowerName();
            return n.equals("catalog.json") || n.equals("catalog.csv")
                    || n.endsWith("/catalog.json") || n.endsWith("/catalog.csv");
        }
    }

    private final String origin;
    private final List<RuleFile> files;
    /** Computed on first use: the engine asks for it at each step of loading a pack. */
    private volatile String contentHash;

    private RulePack(String origin, List<RuleFile> files) {
        this.origin = origin;
        this.files = List.copyOf(files);
    }

    /** A pack made of the given files. */
    public static RulePack of(String origin, List<RuleFile> files) {
        return new RulePack(origin, files);
    }

    /** Every file directly in {@code folder}, by name order. */
    public static RulePack directory(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleSetException(List.of(new RuleProblem(folder.toString(), "",
                    "is not a folder of rules")));
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path p : entries.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("~$")) {
                    files.add(new RuleFile(name, Files.readAllBytes(p)));
                }
            }
            return new RulePack(folder.toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + folder, e);
        }
    }

    /** The named files of a folder on the class path (resources cannot be listed, so they are named). */
    public static RulePack classpath(ClassLoader loader, String folder, List<String> names) {
        List<RuleFile> files = new ArrayList<>();
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        for (String name : names) {
            try (InputStream in = loader.getResourceAsStream(prefix + name)) {
                if (in == null) {
                    throw new RuleSetException(List.of(new RuleProblem(prefix + name, "",
                            "is not on the class path")));
                }
                files.add(new RuleFile(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + prefix + name, e);
            }
        }
        return new RulePack("classpath:" + folder, files);
    }

    /** Where the pack came from, for messages. */
    public String origin() {
        return origin;
    }

    public List<RuleFile> files() {
        return files;
    }

    /** A short hash of every file's name and content: two packs with the same files have the same hash. */
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            hash = hashOf(files);
            contentHash = hash;
        }
        return hash;
    }

    private static String hashOf(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(RuleFile::name)).forEach(f -> {
                digest.update(f.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(f.content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
