package com.example.contactcenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.rules.DefaultRules;
import io.nextbest.testkit.DecisionInvariants;
import io.nextbest.testkit.Invariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kit's README against the project: its code is the code the build compiles and runs, and its
 * {@code pom.xml}, properties and commands name what the project has. The failure it shows is checked
 * by {@code ReportInReadmeTest}.
 */
class TestkitReadmeTest {
    static final Path HERE = Path.of("src/test/java/com/example/contactcenter");
    static String readme;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(Path.of("README.md"));
    }

    /** The text of every fenced block of the README in this language, in order. */
    static List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The lines, each without its indentation and its trailing spaces, and without blank lines. */
    static List<String> stripped(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void thePropertyClassOfTheReadmeIsTheKitsOwnTest() throws IOException {
        String file = Files.readString(HERE.resolve("CancellationCallsTest.java"));
        assertThat(blocks("java")).contains(file);
    }

    @Test
    void theCatalogueSnippetIsCompiledAsTheReadmeWritesIt() throws IOException {
        String snippet = blocks("java").stream().filter(b -> b.startsWith("class OurRulesKeepEveryInvariantTest"))
                .findFirst().orElseThrow();
        String file = Files.readString(HERE.resolve("OurRulesKeepEveryInvariantTest.java"));
        assertThat(String.join("\n", stripped(file))).contains(String.join("\n", stripped(snippet)));
    }

    @Test
    void everyGeneratorOfTheReadmeIsCompiledAndDraws() throws IOException {
        String snippet = blocks("java").stream().filter(b -> b.startsWith("Requests.")).findFirst().orElseThrow();
        List<String> compiled = stripped(Files.readString(HERE.resolve("ReadmeGenerators.java"))).stream()
                .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l).toList();
        List<String> lines = stripped(snippet);
        assertThat(compiled).containsSubsequence(lines);
        List<Arbitrary<?>> generators = ReadmeGenerators.generators();
        assertThat(generators).hasSameSizeAs(lines);
        for (Arbitrary<?> generator : generators) {
            assertThat(generator.sampleStream().limit(3).toList()).hasSize(3).doesNotContainNull();
        }
    }

    @Test
    void everyInvariantOfTheTableIsAMethodOfTheCatalogueInItsOrder() {
        String table = readme.substring(readme.indexOf("| invariant | method | checks |"),
                readme.indexOf("Write your own with"));
        List<String> methods = new ArrayList<>();
        Matcher m = Pattern.compile("\\| `([a-zA-Z]+)\\(\\)` \\|").matcher(table);
        while (m.find()) {
            methods.add(m.group(1));
        }
        try (DecisionInvariants invariants = DecisionInvariants.forRules(DefaultRules.pack())) {
            List<String> names = new ArrayList<>();
            for (String method : methods) {
                try {
                    names.add(((Invariant) DecisionInvariants.class.getMethod(method).invoke(invariants)).name());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("the README names DecisionInvariants." + method + "()", e);
                }
            }
            assertThat(names).containsExactlyElementsOf(invariants.all().stream().map(Invariant::name).toList());
        }
    }

    @Test
    void thePomOfTheReadmeNamesTheProjectsVersionsAndPlugins() throws IOException {
        String pom = blocks("xml").get(0);
        String parent = Files.readString(Path.of("../pom.xml"));
        String version = first(parent, "<artifactId>nextbest-parent</artifactId>\\s*<version>([^<]+)</version>");
        for (String artifact : List.of("nextbest-testkit", "nextbest-rules")) {
            assertThat(first(pom, "<artifactId>" + artifact + "</artifactId>\\s*<version>([^<]+)</version>"))
                    .as(artifact).isEqualTo(version);
        }
        assertThat(first(pom, "<artifactId>assertj-core</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(first(parent, "<assertj.version>([^<]+)</assertj.version>"));
        for (String plugin : List.of("maven-compiler-plugin", "maven-surefire-plugin")) {
            assertThat(first(pom, "<artifactId>" + plugin + "</artifactId>\\s*<version>([^<]+)</version>"))
                    .as(plugin).isEqualTo(first(parent, "<artifactId>" + plugin + "</artifactId>\\s*<version>([^<]+)</version>"));
        }
        assertThat(first(pom, "<maven.compiler.release>([^<]+)</maven.compiler.release>"))
                .isEqualTo(first(parent, "<maven.compiler.release>([^<]+)</maven.compiler.release>"));
    }

    @Test
    void thePropertiesOfTheReadmeAreTheKitsOwn() throws IOException {
        String mine = Files.readString(Path.of("src/test/resources/junit-platform.properties"));
        for (String line : stripped(blocks("properties").get(0))) {
            assertThat(mine.lines()).contains(line);
        }
    }

    @Test
    void theModulesTheCommandsNameAreTheProjects() throws IOException {
        String parent = Files.readString(Path.of("../pom.xml"));
        List<String> commands = stripped(String.join("\n", blocks("sh")));
        assertThat(commands).isNotEmpty().allMatch(c -> c.startsWith("./mvnw -q "));
        for (String command : commands) {
            Matcher pl = Pattern.compile("-pl (\\S+)").matcher(command);
            if (pl.find()) {
                for (String module : pl.group(1).split(",")) {
                    assertThat(parent).as(command).contains("<module>" + module + "</module>");
                }
            }
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in%n%s", regex, text).isTrue();
        return m.group(1);
    }
}
