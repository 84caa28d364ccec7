package io.nextbest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Drools would reject in every row is found by the cell checks, before Drools is asked: Drools'
 * build reports each failure of each rule, which takes minutes on a large table, and the analyst needs
 * one line per cause. (How long a 20,000-row workbook takes is measured by the benchmarks'
 * {@code BrokenWorkbookTiming}; no test here times anything.)
 */
class FailFastTest {

    /** A table of {@code rows} rows over the fact {@code fact}, whose classes are given by the {@code imports}. */
    static RuleFile table(String name, int rows, String imports, String fact, String condition, String action) {
        StringBuilder csv = new StringBuilder("RuleSet,com.acme.pricing\nImport,\"" + imports + "\"\n,\n"
                + "RuleTable Pricing\n"
                + "NAME,CONDITION,CONDITION,ACTION\n"
                + ",$d : " + fact + "...,$d : " + fact + "...,\n"
                + "," + condition + ",\"region == \"\"$param\"\"\",\"" + action + "\"\n"
                + "Rule,Age from,Region,Base price\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Price ").append(i).append(',').append(18 + i % 60).append(',').append(i % 2 == 0 ? "NORTH" : "SOUTH")
                    .append(',').append(200 + i % 800).append('\n');
        }
        return RuleFile.of(name, csv.toString());
    }

    @Test
    void aLargeTableWhoseImportsDoNotResolveIsAnsweredByItsImportsAloneWithoutCompiling() {
        List<Finding> findings = new Validator().validate(RulePack.of("broken",
                List.of(table("pricing.drl.csv", 5_000, "com.acme.insurance.Driver, com.acme.insurance.Policy", "Driver",
                        "age >= $param", "$d.setBasePrice($param);"))));

        // Had Drools been asked, each of the 5,000 rules would have failed on its own.
        assertThat(findings).extracting(Finding::toString).containsExactly(
                "pricing.drl.csv, cell B2: the import 'com.acme.insurance.Driver' is not a class on the class path: "
                        + "check its spelling, and give the jar that holds it (nextbest validate --classpath)",
                "pricing.drl.csv, cell B2: the import 'com.acme.insurance.Policy' is not a class on the class path: "
                        + "check its spelling, and give the jar that holds it (nextbest validate --classpath)");
    }

    @Test
    void aFieldTheFactLacksIsReportedOnceAtItsCodeCellWithoutCompiling() {
        List<Finding> findings = new Validator().validate(RulePack.of("broken",
                List.of(table("people.drl.csv", 2_000, "com.example.shop.Person", "Person", "agee >= $param",
                        "$d.setAge($param);"))));

        assertThat(findings).filteredOn(Finding::isError).extracting(Finding::toString).containsExactly(
                "people.drl.csv, cell B7 (column \"Age from\"): Person has no field 'agee': did you mean 'age'?",
                "people.drl.csv, cell C7 (column \"Region\"): Person has no field 'region'");
    }
}
