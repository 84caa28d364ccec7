package io.nextbest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's ledger section lists the package's public types, all of them and no others. */
class LedgerApiTest {

    @Test
    void theReadmeListsEveryPublicTypeOfTheLedger() throws IOException, ClassNotFoundException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/nextbest/ledger"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName("io.nextbest.ledger." + name);
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(name);
                    for (Class<?> nested : type.getDeclaredClasses()) {
                        if (Modifier.isPublic(nested.getModifiers())) {
                            types.add(name + "." + nested.getSimpleName());
                        }
                    }
                }
            }
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("Its API is one package, `io.nextbest.ledger`:");
        assertThat(start).as("the README's list of the ledger's API").isPositive();
        String paragraph = readme.substring(start, readme.indexOf("\n\n", start));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Za-z.]*)`").matcher(paragraph);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).isEqualTo(types);
    }
}
