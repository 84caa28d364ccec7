package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures the README shows are the figures the replays print: this runs each replay command of the
 * README's "Proof on real customers" on the real data and compares. The data sets are not in the
 * repository (their licences ask that they be read where they are kept), so where {@code ../shared/data}
 * is missing the test is skipped and says so.
 */
class ReplayReadmeTest {
    static final Path README = AnalystsGuideTest.ROOT.resolve("README.md");
    static final Path DATA = AnalystsGuideTest.ROOT.resolve("../shared/data");
    static final String COMMAND = "java -jar examples/target/nextbest.jar replay ";

    static String readme;

    @TempDir
    Path folder;

    @BeforeAll
    static void readTheReadme() throws IOException {
        readme = Files.readString(README);
    }

    /** The replay commands of the README, in order. */
    static List<String> commands() {
        List<String> commands = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(COMMAND) + ".*$").matcher(readme);
        while (m.find()) {
            commands.add(m.group());
        }
        return commands;
    }

    @Test
    void theReadmeShowsBothReplaysAndTheirJson() {
        assertThat(commands()).anyMatch(c -> c.contains("replay telco") && c.contains("--plot"))
                .anyMatch(c -> c.contains("replay bank") && c.contains("--plot"))
                .anyMatch(c -> c.contains("--json"));
    }

    @Test
    void theFiguresPrintedAreTheFiguresInTheReadme() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the real data sets are not at ../shared/data from the project root "
                + "(" + DATA.toAbsolutePath().normalize() + "), so the README's figures cannot be checked here");
        for (String command : commands()) {
            String[] words = command.substring("java -jar examples/target/nextbest.jar ".length()).split(" ");
            String plot = null;
            for (int i = 0; i < words.length; i++) {
                if (i > 0 && words[i - 1].equals("--plot")) {
                    plot = words[i];
                    words[i] = folder.resolve("plot.svg").toString();
                } else if (words[i].startsWith("../shared/")) {
                    words[i] = AnalystsGuideTest.ROOT.resolve(words[i]).toString();
                }
            }
            Run run = Run.nextbest(words);
            assertThat(run.exitCode()).as(command + "\n" + run.err()).isZero();
            String out = plot == null ? run.out() : run.out().replace(folder.resolve("plot.svg").toString(), plot);
            for (String line : out.strip().split("\\R")) {
                assertThat(readme).as("the README shows this line of `%s`", command).contains(line);
            }
            if (plot != null) {
                assertThat(Files.readString(folder.resolve("plot.svg")))
                        .as("%s is the plot `%s` draws", plot, command)
                        .isEqualTo(Files.readString(AnalystsGuideTest.ROOT.resolve(plot)));
            }
        }
    }
}
