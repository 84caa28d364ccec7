package io.nextbest.testkit;

import io.nextbest.RulePack;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The deliberately broken copies of the default pack in {@code src/test/resources/broken-packs}. */
final class BrokenPacks {
    private BrokenPacks() {
    }

    static RulePack pack(String name) {
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
}
