package io.nextbest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class RuleSetCompilerTest {
    static final RuleFile CATALOG = RuleFile.of("catalog.json", """
            {"offers": [
              {"id": "AUTOPAY", "name": "Autopay", "kind": "SERVICE", "channels": ["CHAT"], "value": 20,
               "script": "Autopay?", "program": "proactive-service"},
              {"id": "FIBER", "name": "Fiber", "kind": "SALES", "product": "FIBER_1G", "channels": ["CHAT"],
               "value": 120, "script": "Fiber?", "program": "upsell"}
            ]}
            """);

    /** Line 1 is the package, so the first rule starts on line 5. */
    static String drl(String stage, String rules) {
        return "package io.nextbest.test." + stage + ";\n\nimport io.nextbest.facts.Situation;\n\n" + rules;
    }

    static final String GOOD_RULE = """
            rule "Sales only for current payers"
            when
                $s : Situation( billingStatus != "CURRENT" )
            then
                $s.leaveOut(drools, "kind SALES");
            end
            """;

    /**
     * A suitability table whose header row is line 4 of the file and whose rules are on rows 9 and 10,
     * with the given condition template and action values.
     */
    static String table(String condition, String firstValue, String firstTarget, String secondValue,
                        String secondTarget) {
        return "RuleSet,io.nextbest.test.suitability\n"
                + "Import,io.nextbest.facts.Situation\n"
                + ",\n"
                + "RuleTable Suitability,\n"
                + "NAME,CONDITION,ACTION\n"
                + ",$s : Situation,\n"
                + ",\"" + condition.replace("\"", "\"\"") + "\",\"$s.leaveOut(drools, \"\"$param\"\");\"\n"
                + ",Condition,Leave out\n"
                + "First row," + firstValue + "," + firstTarget + "\n"
                + "Second row," + secondValue + "," + secondTarget + "\n";
    }

    static RulePack pack(RuleFile... files) {
        return RulePack.of("pack-under-test", List.of(files));
    }

    static List<RuleProblem> problems(RuleFile... files) {
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> RuleSetCompiler.compile(pack(files), EngineSettings.defaults()));
        assertThat(e).as("a RuleSetException").isNotNull();
        return e.problems();
    }

    static List<RuleProblem> problemsIn(List<RuleProblem> problems, String file) {
        List<RuleProblem> in = new ArrayList<>();
        for (RuleProblem p : problems) {
            if (p.file().equals(file)) {
                in.add(p);
            }
        }
        return in;
    }

    @Test
    void aGoodPackCompilesWithEveryRuleAtItsPlace() {
        CompiledRuleSet set = RuleSetCompiler.compile(pack(CATALOG,
                RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)),
                RuleFile.of("suitability.drl.csv", table("intent == \"$param\"", "COMPLAINT", "kind SALES",
                        "CANCELLATION", "offer AUTOPAY"))), EngineSettings.defaults());

        assertThat(set.info().rules()).isEqualTo(3);
        assertThat(set.catalog().size()).isEqualTo(2);
        set.close();
    }

    @Test
    void drlSyntaxErrorIsReportedAtItsFileAndLine() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", """
                rule "Broken condition"
                when
                    $s : Situation( churnRisk < )
                then
                    $s.leaveOutAll(drools);
                end
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("eligibility.drl");
            assertThat(p.location()).isEqualTo("line 7");
            assertThat(p.message()).contains("Broken condition");
        });
    }

    @Test
    void unknownPropertyInDrlIsReportedAtItsLine() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility",
                GOOD_RULE + "\n" + """
                rule "Misspelled property"
                when
                    $s : Situation( churnRsk > 0.5 )
                then
                    $s.leaveOutAll(drools);
                end
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("eligibility.drl");
            assertThat(p.location()).isEqualTo("line 14");
            assertThat(p.message()).contains("churnRsk");
        });
    }

    @Test
    void aValueThatBreaksItsConditionIsReportedAtItsCellWithTheConditionItMakes() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("churnRisk > $param", "0.5", "kind SALES", "0.5 +* 2", "kind SALES")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("suitability.drl.csv");
            assertThat(p.location()).isEqualTo("cell B10");
            assertThat(p.message()).startsWith("the value '0.5 +* 2' makes the condition `churnRisk > 0.5 +* 2`, "
                    + "which does not compile. Drools says: [ERR 102] mismatched input");
        });
    }

    @Test
    void anExpressionDroolsQuotesWithoutTheBindingInItIsStillReportedAtItsCell() {
        // Drools reports "offersLast7Days >= Nope", which is not the DRL's "offersLast7Days >= $x : Nope".
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("offersLast7Days >= $param", "1", "kind SALES", "$x : Nope", "kind SALES")));

        assertThat(problems).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("Nope()"));
        assertThat(problems).extracting(RuleProblem::location).containsOnly("cell B10");
    }

    @Test
    void anUnbalancedQuoteInTheLastRuleIsReportedOnceAtItsRowWithoutTheParsersOwnException() {
        // Drools' parser fails at the end of the DRL with a NullPointerException of its own, which it
        // reports, stack trace and all, after the real error.
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("intent == \"$param\"", "COMPLAINT", "kind SALES", "\"\"\"\"", "")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("row 10");
            assertThat(p.message()).contains("mismatched input").doesNotContain("Exception");
        });
    }

    @Test
    void aCellThatReadsAsARuleIsReportedAtThatCell() {
        String table = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace(",$s : Situation,", ",\"rule \"\"x\"\" when then end\",");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", table))).isNotEmpty()
                .extracting(RuleProblem::location).containsOnly("cell B6");
    }

    @Test
    void droolsParsersOwnExceptionIsNotPassedOnFromATable() {
        // A stray backquote makes Drools' parser fail with a NullPointerException of its own, stack trace and all.
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("offersLast7Days`< $param", "1", "kind SALES", "2", "kind SALES")));

        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.location()).startsWith("cell ");
            assertThat(p.message()).doesNotContain("Exception").doesNotContain("Stack trace");
        });
    }

    @Test
    void aRuleSetNameWithSpacesThatDoesNotParseIsReportedAtTheCellThatSetsIt() {
        // Drools writes the name's spaces as underscores: "package io.nextbest.test.suit:_a_note;".
        String broken = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace("RuleSet,io.nextbest.test.suitability", ",\nRuleSet,io.nextbest.test.suit: a note");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", broken))).singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("cell B2"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void aValueOfOneLongWordIsPlacedWithoutReadingDroolsMessageOnceForEachOfItsLetters() {
        // Drools says "xxx...x cannot be resolved"; matching that name from every letter of it took minutes.
        String word = "x".repeat(100_000);

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("offersLast7Days < $param", word, "kind SALES", "2", "kind SALES"))))
                .isNotEmpty().allSatisfy(p -> assertThat(p.location()).isEqualTo("cell B9"));
    }

    @Test
    void codeTypedIntoTheImportCellIsReportedAtThatCell() {
        // Drools splits the Import cell at its commas: "import $s.leaveOut(drools;" and "import "$param");;".
        String broken = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace("Import,io.nextbest.facts.Situation", "Import,\"io.nextbest.facts.Situation, "
                        + "$s.leaveOut(drools, \"\"$param\"\");\"");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", broken))).isNotEmpty().allSatisfy(p -> {
            assertThat(p.location()).isEqualTo("cell B2");
            assertThat(p.message()).startsWith("the import in this cell does not compile");
        });
    }

    @Test
    void aBacktickThatBreaksDroolsParserDownIsReportedAtItsCodeCellWithoutTheParsersOwnException() {
        // Drools' parser fails with "Unexpected error: Cannot invoke ... BitSet.toArray()" and names no line.
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("text(\"event\")`!= \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell B7");
            assertThat(p.message()).startsWith("the condition `text(\"event\")`!= \"$param\"` does not compile: it "
                    + "holds '`' "
                    + "(U+0060), which DRL does not allow outside a string").doesNotContain("Cannot invoke", "BitSet");
        });
    }

    @Test
    void aBacktickInADrlFileIsReportedAtItsLine() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", """
                rule "Broken condition"
                when
                    $s : Situation( text("event")`!= "OUTAGE" )
                then
                    $s.leaveOutAll(drools);
                end
                """)));

        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.location()).isEqualTo("line 7");
            assertThat(p.message()).contains("'`' (U+0060)").doesNotContain("Cannot invoke", "BitSet", "out of bounds");
        });
    }

    @Test
    void aControlCharacterInTheImportCellIsReportedAtThatCell() {
        // Drools leaves the control character out of the DRL it writes, so the line no longer reads as the cell.
        String broken = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace("Import,io.nextbest.facts.Situation", "Import,io.nextbest.facts.Situati\u000b:\u0004");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", broken))).isNotEmpty()
                .allSatisfy(p -> assertThat(p.location()).isEqualTo("cell B2"));
    }

    @Test
    void aStrayCharacterIsFoundOutsideStringsAndCommentsAndABrokenUnicodeEscapeInAString() {
        assertThat(TablePlaces.strayCharacter("rule \"a`b\" // c`d\n/* e`\nf` */ when 'g\\'`h' \"\\d+\\u00e9\" then"))
                .isNull();
        assertThat(TablePlaces.strayCharacter("rule \"a\"\n  x == \"y\" \\ z"))
                .isEqualTo(new TablePlaces.Stray(2, 11, '\\', false));
        assertThat(TablePlaces.strayCharacter("name == \"Zoë\" && städte > 1 §"))
                .isEqualTo(new TablePlaces.Stray(1, 28, '§', false));
        assertThat(TablePlaces.strayCharacter("rule \"Loyal c\\ustomers\""))
                .isEqualTo(new TablePlaces.Stray(1, 13, '\\', true));
    }

    @Test
    void aBrokenUnicodeEscapeInARuleNameIsReportedAtItsRow() {
        // Drools' parser fails with "Unexpected error: Cannot invoke ... BitSet.toArray()" and names no line.
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                        .replace("Second row,", "Second \\uroad,")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell A10");
            assertThat(p.message()).contains("'\\u' in a string").doesNotContain("Cannot invoke", "BitSet");
        });
    }

    @Test
    void aSentenceTypedIntoTheVariablesCellIsReportedAtThatCell() {
        // Drools cuts a part it cannot read as "Type name" to its first two words: "global Outbound rules:;".
        String broken = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace("Import,io.nextbest.facts.Situation\n,\n", "Import,io.nextbest.facts.Situation\n"
                        + "Variables,Outbound rules: the programs an event starts.\n");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", broken))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell B3");
            assertThat(p.message()).startsWith("the variable in this cell does not compile");
        });
    }

    @Test
    void anUnterminatedStringInAnActionThatMakesDroolsCompilerThrowIsReportedAtItsCell() {
        // MVEL, reading the consequence in the classic build, throws a CompileException instead of reporting.
        String broken = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace("\"$s.leaveOut(drools, \"\"$param\"\");\"", "\"$s.leaveOut(drools, \\\"\"$param\"\");\"");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", broken))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell C7");
            assertThat(p.message()).contains("[Error: unterminated string literal]").doesNotContain("mvel2", "Exception");
        });
    }

    @Test
    void aJavaExceptionAtTheEndOfDroolsMessageIsLeftOut() throws Exception {
        // An action code cell garbled by a fuzzer: Drools says "Unable to determine the used declarations.
        // java.lang.NullPointerException: Cannot invoke ...CommonToken.getStopIndex()" for each row.
        byte[] table;
        try (var in = RuleSetCompilerTest.class.getResourceAsStream("/tables/garbled-action.drl.csv")) {
            table = in.readAllBytes();
        }

        assertThat(problems(CATALOG, new RuleFile("outbound.drl.csv", table)))
                .filteredOn(p -> p.message().contains("Unable to determine the used declarations")).isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.location()).startsWith("cell A");
                    assertThat(p.message()).endsWith("Unable to determine the used declarations.")
                            .doesNotContain("java.lang", "Cannot invoke");
                });
        assertThat(TablePlaces.withoutJavaException("java.lang.IllegalStateException: x")).isNotBlank()
                .doesNotContain("java.lang");
    }

    @Test
    void aBrokenRuleSetNameIsReportedAtTheCellThatSetsIt() {
        String broken = table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")
                .replace("RuleSet,io.nextbest.test.suitability", ",\nRuleSet,io.nextbest.test.suit%ability");

        assertThat(problems(CATALOG, RuleFile.of("suitability.drl.csv", broken))).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell B2");
            assertThat(p.message()).contains("'%'");
        });
    }

    @Test
    void aConditionOnAnUnknownPropertyIsReportedOnceAtItsCodeCellNotAtEveryRowThatUsesIt() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("intnt == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "kind SALES")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell B7");
            assertThat(p.message()).startsWith("the condition `intnt == \"$param\"` does not compile: 'intnt' is "
                    + "not known there. Drools says: ").contains("intnt");
        });
    }

    @Test
    void aTypoInACodeCellIsReportedAtThatCellWithItsSnippet() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("churnRisk => $param", "0.5", "kind SALES", "0.7", "kind SALES")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell B7");
            assertThat(p.message()).isEqualTo("the condition `churnRisk => $param` does not compile. Drools says: "
                    + "[ERR 102] mismatched input '=' in rule \"First row\"");
        });
    }

    @Test
    void aRowWithNoConditionIsReportedAtItsRowWithWhatToDoInstead() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("churnRisk > $param", "0.5", "kind SALES", "", "offer AUTOPAY")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("cell A10");
            assertThat(p.message()).startsWith("this row has no condition, so Drools writes its rule without the "
                    + "pattern `$s : Situation` and the action cannot use $s: give the row a condition (a rule that "
                    + "holds in every case belongs in a .drl file").contains("Drools says: ");
        });
    }

    @Test
    void unknownOfferTargetInADecisionTableIsReportedAtItsCell() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("suitability.drl.csv",
                table("intent == \"$param\"", "COMPLAINT", "kind SALES", "CANCELLATION", "program nosuch")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("suitability.drl.csv");
            assertThat(p.location()).isEqualTo("cell C10");
            assertThat(p.message()).contains("program nosuch").contains("no offer in the catalog has program 'nosuch'");
        });
    }

    @Test
    void unknownOfferTargetInDrlIsReportedAtItsLineWhenTheRulesAreBuilt() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", """
                rule "Never offer a ghost"
                when
                    $s : Situation( )
                then
                    $s.leaveOut(drools, "program nosuch");
                end
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("eligibility.drl");
            assertThat(p.location()).isEqualTo("line 9");
            assertThat(p.message()).contains("program nosuch");
        });
    }

    @Test
    void targetWithoutAScopeIsReportedWithTheScopesToUse() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("arbitration.drl", drl("arbitration", """
                rule "Push fiber"
                when
                    $s : Situation( )
                then
                    $s.forOffers(drools, "FIBER");
                    $s.lever(drools, 2.0);
                end
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 9");
            assertThat(p.message()).contains("'kind FIBER'").contains("'program FIBER'");
        });
    }

    @Test
    void unknownOfferKindIsReported() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", """
                rule "No upsell"
                when
                    $s : Situation( )
                then
                    $s.leaveOut(drools, "kind UPSELL");
                end
                """)));

        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).contains("'UPSELL' is not an offer kind").contains("SALES"));
    }

    @Test
    void packWithoutCatalogIsReported() {
        List<RuleProblem> problems = problems(RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("pack-under-test");
            assertThat(p.message()).contains("no offer catalog").contains("catalog.json").contains("catalog.csv");
        });
    }

    @Test
    void packWithTwoCatalogsIsReported() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("catalog.csv",
                "id,name,kind,channels,value,script,program\nA,N,SALES,CHAT,1,S,p\n"),
                RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("2 offer catalogs"));
    }

    @Test
    void packWithoutRulesIsReported() {
        List<RuleProblem> problems = problems(CATALOG);

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("has no rules"));
    }

    @Test
    void decisionTableNamedAsPlainCsvIsReportedAsIgnoredWithTheNameToUse() {
        List<RuleProblem> problems = problems(CATALOG,
                RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)),
                RuleFile.of("x.csv", table("intent == \"$param\"", "COMPLAINT", "kind SALES", "MOVE", "kind SALES")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("x.csv");
            assertThat(p.message()).contains("ignored").contains("x.drl.csv");
        });
    }

    @Test
    void plainCsvThatIsNotADecisionTableIsLeftAlone() {
        CompiledRuleSet set = RuleSetCompiler.compile(pack(CATALOG,
                RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)),
                RuleFile.of("notes.csv", "date,author,note\n2026-11-01,ana,first draft\n")), EngineSettings.defaults());

        assertThat(set.info().rules()).isEqualTo(1);
        set.close();
    }

    @Test
    void badCatalogIsReportedWithTheRuleProblems() {
        List<RuleProblem> problems = problems(
                RuleFile.of("catalog.csv", "id,name,kind,channels,value,script,program\nA,N,UPSELL,CHAT,1,S,p\n"),
                RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("catalog.csv");
            assertThat(p.location()).isEqualTo("line 2, column \"kind\"");
        });
    }

    @Test
    void everyProblemOfAPackIsReportedAtOnce() {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetCompiler.compile(pack(CATALOG,
                RuleFile.of("eligibility.drl", drl("eligibility", """
                        rule "Broken condition"
                        when
                            $s : Situation( churnRisk < )
                        then
                            $s.leaveOutAll(drools);
                        end
                        """)),
                RuleFile.of("applicability.drl", drl("applicability", """
                        rule "Never offer a ghost"
                        when
                            $s : Situation( )
                        then
                            $s.leaveOut(drools, "offer GHOST");
                        end
                        """)),
                RuleFile.of("suitability.drl.csv",
                        table("intnt == \"$param\"", "COMPLAINT", "kind SALES", "MOVE", "kind SALES")),
                RuleFile.of("x.csv", table("intent == \"$param\"", "COMPLAINT", "kind SALES", "MOVE", "kind SALES"))),
                EngineSettings.defaults()));

        assertThat(e).isNotNull();
        List<RuleProblem> problems = e.problems();
        assertThat(problemsIn(problems, "eligibility.drl")).extracting(RuleProblem::location).containsExactly("line 7");
        assertThat(problemsIn(problems, "applicability.drl")).extracting(RuleProblem::location)
                .containsExactly("line 9");
        assertThat(problemsIn(problems, "suitability.drl.csv")).extracting(RuleProblem::location)
                .containsExactly("cell B7");
        assertThat(problemsIn(problems, "x.csv")).hasSize(1);
        assertThat(problems).hasSize(4);
        assertThat(e.getMessage()).startsWith("the rule set has 4 problems:")
                .contains("eligibility.drl, line 7: ")
                .contains("applicability.drl, line 9: ")
                .contains("suitability.drl.csv, cell B7: ");
    }

    @Test
    void aRuleWithAnAnnotationTwiceIsReportedAtItsPlace() {
        // Found by the fuzzer: a table with its code($param) METADATA column twice gives each rule @code
        // twice, which Drools reports with no line.
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", """
                rule "Sales only for current payers" @code(CURRENT_PAYERS) @code(CURRENT_PAYERS)
                when
                    $s : Situation( billingStatus != "CURRENT" )
                then
                    $s.leaveOut(drools, "kind SALES");
                end
                """)));

        assertThat(problems).isNotEmpty().anySatisfy(p -> assertThat(p.message()).contains("Duplicated annotation"))
                .allSatisfy(p -> assertThat(p.location()).isNotEmpty());
    }

    @Test
    void theSamePackCompiledTwiceHasTheSameContentHash() {
        RulePack a = pack(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)));
        RulePack b = pack(RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE)), CATALOG);
        RulePack edited = pack(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility", GOOD_RULE + "\n")));

        assertThat(a.contentHash()).isEqualTo(b.contentHash()).isNotEqualTo(edited.contentHash());
        CompiledRuleSet set = RuleSetCompiler.compile(a, EngineSettings.defaults());
        assertThat(set.version()).isEqualTo(a.contentHash());
        set.close();
    }
}
