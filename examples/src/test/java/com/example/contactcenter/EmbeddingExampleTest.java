package com.example.contactcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Embed it" shows this module's EmbeddingExample as compiled, with a POM of the build's versions. */
class EmbeddingExampleTest {
    static final Path README = Path.of("../README.md");
    static final Path EXAMPLE = Path.of("src/main/java/com/example/contactcenter/EmbeddingExample.java");
    static final Path PARENT_POM = Path.of("../pom.xml");

    @Test
    void theReadmeShowsTheExampleExactlyAsCompiled() throws IOException {
        assertThat(block(embedIt(), "java")).isEqualTo(Files.readString(EXAMPLE));
    }

    @Test
    void theReadmePomNamesTheVersionsTheBuildUses() throws IOException {
        String pom = block(embedIt(), "xml");
        String parent = Files.readString(PARENT_POM);

        assertThat(dependencyVersion(pom, "nextbest-rules")).isEqualTo(first(parent, "<version>([^<]+)</version>"));
        assertThat(dependencyVersion(pom, "slf4j-simple")).isEqualTo(property(parent, "slf4j.version"));
        assertThat(dependencyVersion(pom, "log4j-to-slf4j")).isEqualTo(property(parent, "log4j.version"));
        for (String plugin : new String[] {"maven-compiler-plugin", "maven-surefire-plugin", "exec-maven-plugin"}) {
            assertThat(dependencyVersion(pom, plugin)).as(plugin).isEqualTo(dependencyVersion(parent, plugin));
        }
        assertThat(pom).contains("<release>17</release>").contains("<mainClass>com.example.contactcenter."
                + "EmbeddingExample</mainClass>");
    }

    @Test
    void theExampleTellsTheAgentWhatToSay() {
        assertThat(printedBy(() -> EmbeddingExample.main(new String[0])))
                .startsWith("Agent says: If you renew for another year");
    }

    /** What the code prints on standard output. */
    static String printedBy(Runnable main) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String embedIt() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Embed it\n");
        assertThat(start).as("the README's Embed it section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The first fenced block of the language. */
    private static String block(String markdown, String language) {
        return first(markdown, "(?s)```" + language + "\n(.*?)```");
    }

    private static String dependencyVersion(String pom, String artifactId) {
        return first(pom, "(?s)<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*(?:<!--.*?-->\\s*)?"
                + "<version>([^<]+)</version>");
    }

    private static String property(String pom, String name) {
        return first(pom, "<" + Pattern.quote(name) + ">([^<]+)</");
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the text", regex).isTrue();
        return m.group(1);
    }
}
