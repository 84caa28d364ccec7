package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.contactcenter.LedgerExampleTestAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands of the README's ledger section as they are written, in order, with the files they
 * write ({@code ledger.db}, {@code report.html}) in a temporary folder, and holds the README to what they
 * print.
 */
class LedgerReadmeCommandsTest {
    private static final String JAR = "java -jar examples/target/nextbest.jar ";

    @TempDir
    Path folder;

    @Test
    void theReadmesLedgerCommandsRunAndPrintWhatItSays() throws IOException {
        String section = LedgerExampleTestAccess.ledgerSection();
        Matcher block = Pattern.compile("(?s)### The commands\n\n```\n(.*?)```").matcher(section);
        assertThat(block.find()).isTrue();
        List<String> commands = block.group(1).lines().toList();
        assertThat(commands).hasSize(3).allMatch(c -> c.startsWith(JAR));

        Run demo = run(commands.get(0));
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        String retention = quoted(section, "prints the report, one paragraph per program, such as");
        assertThat(demo.outLines()).as("the README's retention sentence").contains(retention);

        Run report = run(commands.get(1));
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(folder.resolve("report.html"))).contains("<svg id=\"staffing\"");
        assertThat(section).contains("![The report of a month of the demo](ledger/docs/report.png)");
        assertThat(Path.of("../ledger/docs/report.png")).isRegularFile();

        Run outcome = run(commands.get(2));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo(quoted(section, "is bad on\npurpose, and the command says:") + "\n");
        assertThat(outcome.out()).isEqualTo("examples/outcomes/outcomes.csv: 0 recorded, 0 already recorded, 3 refused\n");
    }

    /** Runs one README line, its files in the temporary folder, its paths from the repository's root. */
    private Run run(String line) {
        List<String> args = new ArrayList<>();
        for (String word : line.substring(JAR.length()).split(" ")) {
            args.add(word.equals("ledger.db") || word.equals("report.html") ? folder.resolve(word).toString()
                    : word.startsWith("examples/") ? word.substring("examples/".length()) : word);
        }
        Run run = Run.nextbest(args.toArray(String[]::new));
        // The command names its files as it was given them: put the README's names back.
        return new Run(run.exitCode(), run.out().replace(folder + "/", "").replace("outcomes/", "examples/outcomes/"),
                run.err().replace("outcomes/", "examples/outcomes/"), run.commandLine());
    }

    /** The fenced block after the words. */
    private static String quoted(String section, String after) {
        int at = section.indexOf(after);
        assertThat(at).as(after).isNotNegative();
        Matcher m = Pattern.compile("(?s)```\n(.*?)\n```").matcher(section.substring(at));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
