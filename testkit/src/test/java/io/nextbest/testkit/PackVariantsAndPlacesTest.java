package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.Offer;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.rules.DefaultRules;
import io.nextbest.validation.Spreadsheets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How the kit raises an offer and finds the places explanations name, on catalogs and tables of every format. */
class PackVariantsAndPlacesTest {

    @Test
    void raisingAnOffersValueInAJsonCatalogChangesThatOfferAlone() {
        RulePack pack = DefaultRules.pack();
        try (DecisionEngine before = NextBest.engine().rules(pack).build();
             DecisionEngine after = NextBest.engine().rules(PackVariants.valueRaised(pack, "XS-TV-BUNDLE", 2)).build()) {
            for (Offer offer : before.catalog().offers()) {
                double expected = offer.id().equals("XS-TV-BUNDLE") ? offer.value() * 2 : offer.value();
                assertThat(after.catalog().find(offer.id()).orElseThrow().value()).isEqualTo(expected);
            }
        }
    }

    @Test
    void raisingAnOffersValueInACsvCatalogChangesThatOfferAlone() {
        String csv = "id,name,kind,channels,value,script,program\n"
                + "SVC-A,\"Autopay, monthly\",SERVICE,INBOUND_VOICE|CHAT,35,\"Say \"\"yes\"\"\",proactive-service\n"
                + "SVC-B,Paperless,SERVICE,INBOUND_VOICE,15,Go paperless,proactive-service\n";
        RulePack pack = RulePack.of("csv", List.of(RuleFile.of("catalog.csv", csv), RuleFile.of("rules.drl",
                "package io.nextbest.rules.eligibility;\nimport io.nextbest.facts.Situation;\n"
                        + "rule \"Nothing is left out\"\nwhen\n    $s : Situation()\nthen\nend\n")));
        try (DecisionEngine after = NextBest.engine().rules(PackVariants.valueRaised(pack, "SVC-A", 2)).build()) {
            assertThat(after.catalog().find("SVC-A").orElseThrow().value()).isEqualTo(70);
            assertThat(after.catalog().find("SVC-A").orElseThrow().name()).isEqualTo("Autopay, monthly");
            assertThat(after.catalog().find("SVC-A").orElseThrow().script()).isEqualTo("Say \"yes\"");
            assertThat(after.catalog().find("SVC-B").orElseThrow().value()).isEqualTo(15);
        }
    }

    @Test
    void raisingAnOffersLeverMultipliesItsLeverOnEveryRequest() {
        RulePack pack = PackVariants.leverRaised(DefaultRules.pack(), "RET-LOYALTY-DISCOUNT", 2);
        try (DecisionEngine engine = NextBest.engine().rules(pack).build()) {
            for (DecisionRequest request : Requests.inbound().fromAtRiskCustomers().withoutModelScores()
                    .sampleStream().limit(200).toList()) {
                engine.decide(request).offers().stream().filter(o -> o.offerId().equals("RET-LOYALTY-DISCOUNT"))
                        .forEach(o -> assertThat(o.score().lever()).isIn(2.0, 3.0));
            }
        }
    }

    @Test
    void placesInDrlFilesAndCsvTablesAreFoundAndCheckedAgainstTheRuleTheyName() {
        PackFiles files = new PackFiles(DefaultRules.pack());

        assertThat(files.problem("No consent to offers on this channel", "applicability.drl line 22")).isEmpty();
        assertThat(files.problem("A complaint call gets no sales offer", "suitability.drl.csv row 10")).isEmpty();
        assertThat(files.problem("Eligibility_15", "eligibility.drl.csv row 15")).isEmpty();
        assertThat(files.problem("A complaint call gets no sales offer", "suitability.drl.csv row 11"))
                .hasValueSatisfying(p -> assertThat(p).contains("does not hold the rule"));
        assertThat(files.problem("A complaint call gets no sales offer", "suitability.drl.csv row 99"))
                .hasValueSatisfying(p -> assertThat(p).contains("blank or missing row"));
        assertThat(files.problem("No consent to offers on this channel", "applicability.drl line 999"))
                .hasValueSatisfying(p -> assertThat(p).matches(".*applicability.drl has \\d+ lines"));
        assertThat(files.problem("The customer already holds the product", "io.nextbest.rules.suitability"))
                .hasValueSatisfying(p -> assertThat(p).contains("names no file of the pack"));
        assertThat(files.problem("The customer already holds the product", "suitability.drl"))
                .hasValueSatisfying(p -> assertThat(p).contains("but no row or line"));
    }

    @Test
    void explanationsOfAPackOfSpreadsheetsNameRowsThatExist() {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : DefaultRules.pack().files()) {
            files.add(f.lowerName().endsWith(".drl.csv")
                    ? Spreadsheets.csvToXlsx(f, f.name().substring(0, f.name().indexOf('.'))) : f);
        }
        RulePack xlsx = RulePack.of("xlsx", files);
        assertThat(files.stream().map(RuleFile::name).collect(Collectors.joining(","))).contains("eligibility.drl.xlsx");
        try (DecisionInvariants invariants = DecisionInvariants.forRules(xlsx)) {
            for (DecisionRequest request : Requests.any().sampleStream().limit(100).toList()) {
                invariants.assertHolds(invariants.everyExplanationNamesARealRow(), request);
            }
        }
    }

    @Test
    void aReasonIsAtLeastTwoWords() {
        assertThat(DecisionInvariants.readsAsAReason("Welcome is for the first three months")).isTrue();
        assertThat(DecisionInvariants.readsAsAReason("No consent")).isTrue();
        assertThat(DecisionInvariants.readsAsAReason("Eligibility_15")).isFalse();
        assertThat(DecisionInvariants.readsAsAReason("R12")).isFalse();
        assertThat(DecisionInvariants.readsAsAReason("  ")).isFalse();
    }
}
