package io.nextbest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nextbest.Channel;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.OfferKind;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {
    static final String CSV_HEADER = "id,name,kind,product,category,channels,value,validFrom,validTo,script,program,"
            + "propensity,coolDownDays\n";

    static final String JSON = """
            {
              "offers": [
                {"id": "AUTOPAY", "name": "Autopay set-up", "kind": "SERVICE", "channels": ["INBOUND_VOICE", "CHAT"],
                 "value": 20, "script": "Shall I set up autopay?", "program": "proactive-service", "propensity": 0.3},
                {"id": "FIBER", "name": "Fiber upgrade", "kind": "SALES", "product": "FIBER_1G", "category": "PLAN",
                 "channels": ["INBOUND_VOICE"], "value": 120, "validFrom": "2026-01-01", "validTo": "2026-12-31",
                 "script": "Your area now has fiber.", "program": "upsell", "coolDownDays": 45}
              ]
            }
            """;

    static final String CSV = CSV_HEADER
            + "AUTOPAY,Autopay set-up,SERVICE,,,INBOUND_VOICE|CHAT,20,,,"
            + "Shall I set up autopay?,proactive-service,0.3,\n"
            + "FIBER,Fiber upgrade,sales,FIBER_1G,PLAN,INBOUND_VOICE,120,2026-01-01,2026-12-31,"
            + "Your area now has fiber.,upsell,,45\n";

    static List<RuleProblem> problems(String name, String text) {
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> CatalogReader.read(RuleFile.of(name, text)));
        assertThat(e).as("a RuleSetException for %s", name).isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(name));
        return e.problems();
    }

    static String jsonOffer(String id, String kind, String channel, String value, String extra) {
        return "{\"id\": \"" + id + "\", \"name\": \"N\", \"kind\": \"" + kind + "\", \"channels\": [\"" + channel
                + "\"], \"value\": " + value + ", \"script\": \"S\", \"program\": \"p\"" + extra + "}";
    }

    static String jsonCatalog(String... offers) {
        return "{\"offers\": [" + String.join(",\n", offers) + "]}";
    }

    // ---------------------------------------------------------------- good catalogs

    @Test
    void aJsonCatalogIsReadInOrderWithEveryField() {
        OfferCatalog catalog = CatalogReader.read(RuleFile.of("catalog.json", JSON));

        assertThat(catalog.offers()).extracting(Offer::id).containsExactly("AUTOPAY", "FIBER");
        assertThat(catalog.get(0)).isEqualTo(new Offer("AUTOPAY", "Autopay set-up", OfferKind.SERVICE, "", "",
                Set.of(Channel.INBOUND_VOICE, Channel.CHAT), 20, null, null, "Shall I set up autopay?",
                "proactive-service", 0.3, 30));
        assertThat(catalog.get(1)).isEqualTo(new Offer("FIBER", "Fiber upgrade", OfferKind.SALES, "FIBER_1G", "PLAN",
                Set.of(Channel.INBOUND_VOICE), 120, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                "Your area now has fiber.", "upsell", 0.1, 45));
    }

    @Test
    void aCsvCatalogReadsTheSameAsItsJsonTwin() {
        OfferCatalog csv = CatalogReader.read(RuleFile.of("catalog.csv", CSV));
        OfferCatalog json = CatalogReader.read(RuleFile.of("catalog.json", JSON));

        assertThat(csv.offers()).isEqualTo(json.offers());
    }

    @Test
    void csvColumnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
        OfferCatalog catalog = CatalogReader.read(RuleFile.of("catalog.csv",
                "program,script,value,channels,kind,name,id\n"
                        + "upsell,\"Say this, politely.\",15.5,SMS;EMAIL,SALES,Name,A\n"));

        Offer a = catalog.get(0);
        assertThat(a.id()).isEqualTo("A");
        assertThat(a.script()).isEqualTo("Say this, politely.");
        assertThat(a.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
        assertThat(a.value()).isEqualTo(15.5);
        assertThat(a.propensity()).isEqualTo(Offer.DEFAULT_PROPENSITY);
        assertThat(a.coolDownDays()).isEqualTo(Offer.DEFAULT_COOL_DOWN_DAYS);
    }

    @Test
    void csvWithWindowsLineEndsAndBlankLinesIsRead() {
        OfferCatalog catalog = CatalogReader.read(RuleFile.of("catalog.csv", CSV.replace("\n", "\r\n") + "\r\n\r\n"));

        assertThat(catalog.offers()).extracting(Offer::id).containsExactly("AUTOPAY", "FIBER");
    }

    @Test
    void aJsonCatalogMayBeABareListOfOffers() {
        OfferCatalog catalog = CatalogReader.read(RuleFile.of("catalog.json",
                "[" + jsonOffer("A", "SALES", "CHAT", "10", "") + "]"));

        assertThat(catalog.offers()).extracting(Offer::id).containsExactly("A");
    }

    @Test
    void theTestPackCatalogIsRead() throws IOException {
        Path file = Path.of("src/test/resources/packs/basic/catalog.json");
        OfferCatalog catalog = CatalogReader.read(new RuleFile("catalog.json", Files.readAllBytes(file)));

        assertThat(catalog.offers()).extracting(Offer::id).containsExactly("AUTOPAY", "FIBER", "LOYALTY");
    }

    // ---------------------------------------------------------------- bad JSON catalogs

    @Test
    void everyBadJsonOfferIsReportedAtItsPath() {
        List<RuleProblem> problems = problems("catalog.json", jsonCatalog(
                jsonOffer("A", "SALES", "CHAT", "10", ""),
                jsonOffer("B", "UPSELL", "CHAT", "10", ""),
                jsonOffer("C", "SALES", "FAX", "10", ""),
                jsonOffer("D", "SALES", "CHAT", "\"ten\"", ""),
                jsonOffer("E", "SALES", "CHAT", "10", ", \"validFrom\": \"2026-05-01\", \"validTo\": \"2026-04-01\"")));

        assertThat(problems).extracting(RuleProblem::location).containsExactly(
                "$.offers[1].kind", "$.offers[2].channels[0]", "$.offers[3].value", "$.offers[4].validTo");
        assertThat(problems.get(0).message()).contains("UPSELL").contains("RETENTION");
        assertThat(problems.get(1).message()).contains("FAX").contains("INBOUND_VOICE");
        assertThat(problems.get(2).message()).contains("must be a number").contains("ten");
        assertThat(problems.get(3).message()).contains("2026-04-01").contains("2026-05-01");
    }

    @Test
    void duplicateJsonOfferIdIsReportedAtBothPaths() {
        List<RuleProblem> problems = problems("catalog.json", jsonCatalog(
                jsonOffer("A", "SALES", "CHAT", "10", ""),
                jsonOffer("B", "SALES", "CHAT", "10", ""),
                jsonOffer("A", "SALES", "CHAT", "10", "")));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).location()).isEqualTo("$.offers[2]");
        assertThat(problems.get(0).message()).contains("'A'").contains("$.offers[0]");
    }

    @Test
    void duplicateJsonOfferIdAfterABadOfferIsReportedAtItsOwnPath() {
        List<RuleProblem> problems = problems("catalog.json", jsonCatalog(
                jsonOffer("X", "UPSELL", "CHAT", "10", ""),
                jsonOffer("A", "SALES", "CHAT", "10", ""),
                jsonOffer("A", "SALES", "CHAT", "10", "")));

        assertThat(problems).extracting(RuleProblem::location).containsExactly("$.offers[0].kind", "$.offers[2]");
        assertThat(problems.get(1).message()).contains("$.offers[1]");
    }

    @Test
    void misspelledJsonOfferFieldSuggestsTheKnownName() {
        List<RuleProblem> problems = problems("catalog.json", jsonCatalog(
                jsonOffer("A", "SALES", "CHAT", "10", ", \"propensty\": 0.2")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.offers[0].propensty");
            assertThat(p.message()).contains("did you mean 'propensity'?");
        });
    }

    @Test
    void missingRequiredJsonFieldIsReportedAtItsPath() {
        List<RuleProblem> problems = problems("catalog.json",
                "{\"offers\": [{\"id\": \"A\", \"kind\": \"SALES\", \"channels\": [\"CHAT\"], \"value\": 1,"
                        + " \"script\": \"S\", \"program\": \"p\"}]}");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$.offers[0].name");
            assertThat(p.message()).isEqualTo("is required");
        });
    }

    @Test
    void malformedJsonCatalogIsReportedAtItsLineAndColumn() {
        List<RuleProblem> problems = problems("catalog.json", "{\"offers\": [\n  {\"id\": \"A\",}\n]}");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("$");
            assertThat(p.message()).contains("malformed JSON").contains("line 2");
        });
    }

    @Test
    void jsonCatalogNestedTooDeepToReadIsReportedWhereItGoesDeepWithItsLineAndColumn() {
        List<RuleProblem> problems = problems("catalog.json",
                "{\"offers\": " + "[".repeat(1001) + "]".repeat(1001) + "}");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("$.offers[0]");
            assertThat(p.message()).startsWith("is too large to read at line 1, column")
                    .contains("nesting depth (1001)").doesNotContain("StreamReadConstraints");
        });
    }

    @Test
    void jsonCatalogWithoutOffersListIsReported() {
        assertThat(problems("catalog.json", "{\"offer\": []}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"offers\" list"));
        assertThat(problems("catalog.json", "")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"offers\" list"));
    }

    @Test
    void emptyJsonCatalogIsReported() {
        assertThat(problems("catalog.json", "{\"offers\": []}")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("holds no offers"));
    }

    // ---------------------------------------------------------------- bad CSV catalogs

    @Test
    void everyBadCsvRowIsReportedAtItsLineAndColumn() {
        List<RuleProblem> problems = problems("catalog.csv", CSV_HEADER
                + "A,N,SALES,,,CHAT,10,,,S,p,,\n"
                + "B,N,UPSELL,,,CHAT,10,,,S,p,,\n"
                + "C,N,SALES,,,CHAT|FAX,10,,,S,p,,\n"
                + "D,N,SALES,,,CHAT,ten,,,S,p,,\n"
                + "E,N,SALES,,,CHAT,10,2026-05-01,2026-04-01,S,p,,\n"
                + "F,N,SALES,,,CHAT,10,,,S,p,likely,\n"
                + "G,N,SALES,,,CHAT,10,,,S,p,,a month\n"
                + "H,N,SALES,,,CHAT,10,1 May,,S,p,,\n");

        assertThat(problems).extracting(RuleProblem::location).containsExactly(
                "line 3, column \"kind\"",
                "line 4, column \"channels\"",
                "line 5, column \"value\"",
                "line 6, column \"validTo\"",
                "line 7, column \"propensity\"",
                "line 8, column \"coolDownDays\"",
                "line 9, column \"validFrom\"");
        assertThat(problems.get(0).message()).contains("UPSELL");
        assertThat(problems.get(1).message()).contains("'FAX' is not a channel");
        assertThat(problems.get(2).message()).contains("not a number").contains("ten");
        assertThat(problems.get(3).message()).contains("2026-05-01").contains("2026-04-01");
        assertThat(problems.get(4).message()).contains("likely");
        assertThat(problems.get(5).message()).contains("a month");
        assertThat(problems.get(6).message()).contains("1 May");
    }

    @Test
    void csvLinesAreCountedAcrossBlankLinesAndQuotedLineBreaks() {
        List<RuleProblem> problems = problems("catalog.csv", CSV_HEADER
                + "A,N,SALES,,,CHAT,10,,,S,p,,\n"
                + "\n"
                + "B,N,SALES,,,CHAT,10,,,\"Two\nlines\",p,,\n"
                + "C,N,SALES,,,CHAT,-1,,,S,p,,\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 6, column \"value\"");
            assertThat(p.message()).contains("above 0").contains("-1");
        });
    }

    @Test
    void duplicateCsvOfferIdIsReportedAtBothLines() {
        List<RuleProblem> problems = problems("catalog.csv", CSV_HEADER
                + "A,N,SALES,,,CHAT,10,,,S,p,,\n"
                + "B,N,UPSELL,,,CHAT,10,,,S,p,,\n"
                + "A,N,SALES,,,CHAT,10,,,S,p,,\n");

        assertThat(problems).extracting(RuleProblem::location).containsExactly("line 3, column \"kind\"", "line 4");
        assertThat(problems.get(1).message()).contains("'A'").contains("line 2");
    }

    @Test
    void missingRequiredCsvColumnIsReported() {
        List<RuleProblem> problems = problems("catalog.csv", "id,name,kind,channels,script\nA,N,SALES,CHAT,S\n");

        assertThat(problems).extracting(RuleProblem::location).containsOnly("line 1");
        assertThat(problems).extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "the header has no 'value' column", "the header has no 'program' column");
    }

    @Test
    void unknownCsvColumnIsReportedWithTheKnownColumns() {
        List<RuleProblem> problems = problems("catalog.csv", "id,name,kind,channels,value,script,program,colour\n"
                + "A,N,SALES,CHAT,10,S,p,red\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 1, column 8");
            assertThat(p.message()).contains("'colour'").contains("coolDownDays");
        });
    }

    @Test
    void missingRequiredCsvCellIsReported() {
        List<RuleProblem> problems = problems("catalog.csv", CSV_HEADER + "A,,SALES,,,CHAT,10,,,S,p,,\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 2, column \"name\"");
            assertThat(p.message()).startsWith("must not be blank");
        });
    }

    @Test
    void textThatIsNotCsvIsReportedAtItsLineWithoutJacksonsAccountOfItself() {
        List<RuleProblem> problems = problems("catalog.csv", CSV_HEADER + "A,N,SALES,,,CHAT,10,,,S,p,,\n"
                + "\"B\"X,N,SALES,,,CHAT,10,,,S,p,,\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 3");
            assertThat(p.message()).startsWith("is not valid CSV: Unexpected character ('X'")
                    .doesNotContain("Source:").doesNotContain("reference chain").doesNotContain("\n");
        });
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirLine() {
        byte[] csv = (CSV_HEADER + "A,N,SALES,,,CHAT,10,,,S,p,,\nB,N\u00e9,SALES,,,CHAT,10,,,S,p,,\n")
                .getBytes(StandardCharsets.UTF_8);
        // The second byte of the é becomes a quote: a UTF-8 sequence cut short.
        csv[new String(csv, StandardCharsets.ISO_8859_1).indexOf('\u00a9')] = '"';

        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> CatalogReader.read(new RuleFile("catalog.csv", csv)));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 3");
            assertThat(p.message()).startsWith("is not valid CSV: Invalid UTF-8 middle byte 0x22")
                    .doesNotContain("reference chain");
        });
    }

    @Test
    void csvCatalogWithOnlyAHeaderIsEmpty() {
        assertThat(problems("catalog.csv", CSV_HEADER)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("holds no offers"));
        assertThat(problems("catalog.csv", "")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("holds no offers"));
    }

    @Test
    void problemsReadAsFilePlaceAndMessage() {
        RuleProblem p = problems("catalog.csv", CSV_HEADER + "A,N,SALES,,,CHAT,ten,,,S,p,,\n").get(0);

        assertThat(p).hasToString("catalog.csv, line 2, column \"value\": is not a number, got 'ten'");
    }
}
