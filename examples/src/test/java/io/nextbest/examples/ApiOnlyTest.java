package io.nextbest.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The README's code and the {@code nextbest} command are what users copy: they use the API only,
 * never the packages documented as internal.
 */
class ApiOnlyTest {

    @Test
    void theExamplesAndTheCommandUseTheApiOnly() {
        JavaClasses examples = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nextbest.examples");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.nextbest.engine..",
                        "io.nextbest.arbitration..", "io.nextbest.catalog..", "io.nextbest.text..")
                .because("the README's examples and the command show users the API, not the internals")
                .check(examples);
    }
}
