package io.nextbest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the library: the packages users touch, the packages they never need, and the one door
 * between them. The README's API section is checked against the classes, so it cannot drift.
 */
class ArchitectureTest {
    /** The packages of the API: what users import. */
    static final List<String> API = List.of("io.nextbest", "io.nextbest.json", "io.nextbest.facts",
            "io.nextbest.validation", "io.nextbest.scenarios", "io.nextbest.learning",
            "io.nextbest.outbound");
    /** The packages documented as internal. */
    static final List<String> INTERNAL = List.of("io.nextbest.engine", "io.nextbest.arbitration",
            "io.nextbest.catalog", "io.nextbest.text");

    static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nextbest");
    }

    @Test
    void everyPackageOfCoreIsEitherApiOrInternal() {
        Set<String> packages = new TreeSet<>();
        core.forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(API.stream(), INTERNAL.stream()).toList());
    }

    @Test
    void thePackagesFormNoCycleButForTheBuildersOneDoorIntoTheEngine() {
        SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        return javaClass.getPackageName().startsWith("io.nextbest")
                                ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the packages of io.nextbest";
                    }
                })
                .should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("NextBest's builder",
                                (JavaClass c) -> c.getName().startsWith(NextBest.class.getName())),
                        DescribedPredicate.describe("the engine package, or the learner it is given",
                                (JavaClass c) -> c.getPackageName().equals("io.nextbest.engine")
                                        || c.getPackageName().equals("io.nextbest.learning")))
                .check(core);
    }

    @Test
    void theApiPackageReachesTheEngineOnlyThroughTheBuilder() {
        noClasses().that().resideInAPackage("io.nextbest")
                .and(DescribedPredicate.describe("are not NextBest or its builder",
                        (JavaClass c) -> !c.getName().startsWith(NextBest.class.getName())))
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL.stream().map(p -> p + "..")
                        .toArray(String[]::new))
                .check(core);
        noClasses().that().resideInAnyPackage("io.nextbest.json", "io.nextbest.scenarios")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbest.engine..", "io.nextbest.arbitration..")
                .check(core);
    }

    @Test
    void theReadmesApiSectionListsEveryPublicTypeOfCoreApiAndInternal() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n## API");
        assertThat(start).as("README.md has an '## API' section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        int internalPart = section.indexOf("The packages `io.nextbest.engine`");
        assertThat(internalPart).as("the API section has a paragraph on the internal packages").isPositive();

        assertThat(typesIn(section.substring(0, internalPart))).as("the API types the README lists")
                .containsExactlyInAnyOrderElementsOf(publicTypes(API));
        assertThat(typesIn(section.substring(internalPart))).as("the internal public types the README lists")
                .containsExactlyInAnyOrderElementsOf(publicTypes(INTERNAL));
        for (String internal : INTERNAL) {
            assertThat(section).as("the API section names the internal package %s", internal).contains(internal);
        }
    }

    /** The type names a text writes in backticks, such as {@code Decision} or {@code NextBest.Builder}. */
    private static Set<String> typesIn(String text) {
        Set<String> types = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Za-z]*(?:\\.[A-Z][A-Za-z]*)*)`").matcher(text);
        while (m.find()) {
            types.add(m.group(1));
        }
        types.remove("ArchitectureTest");
        return types;
    }

    private static Set<String> publicTypes(List<String> packages) {
        Set<String> types = new TreeSet<>();
        for (JavaClass c : core) {
            if (packages.contains(c.getPackageName()) && isPublicAllTheWay(c) && !c.isAnonymousClass()
                    && !c.getSimpleName().equals("package-info")) {
                types.add(c.getName().substring(c.getPackageName().length() + 1).replace('$', '.'));
            }
        }
        return types;
    }

    private static boolean isPublicAllTheWay(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
