package io.nextbest.testkit;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.rules.DefaultRules;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliberately broken copies of the default pack in {@code src/test/resources/broken-packs}, and
 * one made from the default pack as it is now: {@link #CANCELLATION_WELCOMES}.
 */
final class BrokenPacks {
    /** The default pack whose cancellation row no longer leaves out the welcome program. */
    static final String CANCELLATION_WELCOMES = "cancellation-welcomes";

    private BrokenPacks() {
    }

    static RulePack pack(String name) {
        if (name.equals(CANCELLATION_WELCOMES)) {
            return cancellationWelcomes();
        }
        URL url = BrokenPacks.class.getResource("/broken-packs/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no broken pack named " + name);
        }
        try {
            return RulePack.directory(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RulePack cancellationWelcomes() {
        String row = "\"kind SALES, kind INFORMATION, program welcome\"";
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : DefaultRules.pack().files()) {
            if (f.name().equals("applicability.drl.csv")) {
                if (!f.text().contains(row)) {
                    throw new IllegalStateException("the cancellation row of applicability.drl.csv has changed: " + row);
                }
                files.add(RuleFile.of(f.name(), f.text().replace(row, "\"kind SALES, kind INFORMATION\"")));
            } else {
                files.add(f);
            }
        }
        return RulePack.of(CANCELLATION_WELCOMES, files);
    }
}
