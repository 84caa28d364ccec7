package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.examples.replay.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The replay packs are packs like any other: an analyst's validate passes them, and the jar carries every file. */
class ReplayPacksTest {
    static final Path REPLAY = AnalystsGuideTest.ROOT.resolve("rules/replay");

    @Test
    void bothReplayPacksValidateCleanly() {
        Run run = Run.nextbest("validate", "--strict", REPLAY.resolve("telco").toString(), REPLAY.resolve("bank").toString());

        assertThat(run.out()).isEqualTo("OK: no problems found" + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void theCommandLoadsEveryFileOfEachPack() throws IOException {
        for (DataSet set : DataSet.values()) {
            try (Stream<Path> files = Files.list(REPLAY.resolve(set.id()))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrderElementsOf(DataSet.PACK_FILES);
            }
            for (String name : DataSet.PACK_FILES) {
                assertThat(getClass().getClassLoader().getResource(DataSet.PACK_FOLDER + set.id() + "/" + name))
                        .as("%s of the %s pack on the class path", name, set.id()).isNotNull();
            }
        }
    }

    @Test
    void everyColumnOfTheBankMappingButTheCallDurationIsRead() throws IOException {
        assertThat(Files.readAllLines(REPLAY.resolve("bank/mapping.csv")))
                .filteredOn(l -> l.matches("^[a-z_.0-9]+,,.*")).singleElement().asString().startsWith("duration,,,\"never read");
    }
}
