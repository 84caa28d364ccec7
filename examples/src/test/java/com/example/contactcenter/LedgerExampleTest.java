package com.example.contactcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's ledger section shows this module's LedgerExample as compiled, and it runs. */
class LedgerExampleTest {
    static final Path EXAMPLE = Path.of("src/main/java/com/example/contactcenter/LedgerExample.java");

    @TempDir
    Path folder;

    @Test
    void theReadmeShowsTheLedgerExampleExactlyAsCompiled() throws IOException {
        Matcher java = Pattern.compile("(?s)```java\n(.*?)```").matcher(ledgerSection());
        assertThat(java.find()).isTrue();
        assertThat(java.group(1)).isEqualTo(Files.readString(EXAMPLE));
    }

    @Test
    void theLedgerExampleRecordsADecisionAndAnOutcomeAndPrintsTheReport() {
        String printed = EmbeddingExampleTest.printedBy(
                () -> LedgerExample.main(new String[] {folder.resolve("ledger.db").toString()}));
        assertThat(printed).startsWith("Programs from ")
                .containsPattern("retention: [01] customers contacted; [01] saved")  // 1 in 20 months, held out
                .contains("Newcombe");
        assertThat(folder.resolve("ledger.db")).isRegularFile();
    }

    static String ledgerSection() throws IOException {
        String readme = Files.readString(EmbeddingExampleTest.README);
        int start = readme.indexOf("\n## The ledger: outcomes and proof\n");
        assertThat(start).as("the README's ledger section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
