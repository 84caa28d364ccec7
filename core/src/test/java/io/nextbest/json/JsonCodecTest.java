package io.nextbest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.InvalidRequestException;
import io.nextbest.LeftOut;
import io.nextbest.OfferKind;
import io.nextbest.Purchase;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Stage;
import io.nextbest.Score;
import io.nextbest.Sentiment;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();

    private static final String FULL_REQUEST = """
            {
              "customer": {
                "id": "C-1001",
                "segment": "SMALL_BUSINESS",
                "tenureMonths": 27,
                "region": "TX",
                "timeZone": "America/Chicago",
                "products": ["FIBER_1G", "TV_BASIC"],
                "lifetimeValue": 4200.5,
                "churnRisk": 0.72,
                "billingStatus": "LATE",
                "consents": ["INBOUND_VOICE", "SMS"],
                "preferredChannel": "SMS",
                "doNotCall": true,
                "vulnerable": false,
                "attributes": {"plan": "GOLD", "devices": 3, "student": true}
              },
              "interaction": {
                "id": "CALL-77",
                "channel": "INBOUND_VOICE",
                "intent": "BILLING",
                "sentiment": "NEGATIVE",
                "resolved": true,
                "handleTimeSeconds": 340,
                "targetHandleTimeSeconds": 480,
                "queue": "SALES",
                "time": "2026-11-23T15:04:05Z"
              },
              "purchases": [
                {"product": "FIBER_1G", "category": "PLAN", "amount": 59.99, "date": "2026-03-14", "channel": "WEB"},
                {"product": "ROUTER", "category": "DEVICE", "amount": 0, "date": "2025-12-01"}
              ],
              "contacts": [
                {"offerId": "LOYALTY", "program": "retention", "channel": "OUTBOUND_VOICE",
                 "time": "2026-10-01T09:00:00Z", "outcome": "DECLINED"},
                {"channel": "CHAT", "time": "2026-11-01T12:30:00Z"}
              ],
              "propensities": {"LOYALTY": 0.35, "FIBER": 0.05}
            }
            """;

    /** A minimal valid request with one part replaced, to place one error at a time. */
    private static String request(String customer, String interaction, String rest) {
        return "{\"customer\": " + customer + ", \"interaction\": " + interaction + rest + "}";
    }

    private static final String CUSTOMER = "{\"id\": \"C1\"}";
    private static final String INTERACTION = "{\"channel\": \"CHAT\", \"intent\": \"BILLING\"}";

    private InvalidRequestException rejection(String json) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> codec.readRequest(json));
        assertThat(e).as("reading %s", json).isNotNull();
        return e;
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void aFullRequestIsReadIntoEveryField() {
        DecisionRequest r = codec.readRequest(FULL_REQUEST);

        Customer c = r.customer();
        assertThat(c.id()).isEqualTo("C-1001");
        assertThat(c.segment()).isEqualTo("SMALL_BUSINESS");
        assertThat(c.tenureMonths()).isEqualTo(27);
        assertThat(c.region()).isEqualTo("TX");
        assertThat(c.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(c.products()).containsExactlyInAnyOrder("FIBER_1G", "TV_BASIC");
        assertThat(c.lifetimeValue()).isEqualTo(4200.5);
        assertThat(c.churnRisk()).isEqualTo(0.72);
        assertThat(c.billingStatus()).isEqualTo(BillingStatus.LATE);
        assertThat(c.consents()).containsExactlyInAnyOrder(Channel.INBOUND_VOICE, Channel.SMS);
        assertThat(c.preferredChannel()).isEqualTo(Channel.SMS);
        assertThat(c.doNotCall()).isTrue();
        assertThat(c.vulnerable()).isFalse();
        assertThat(c.attributes()).containsEntry("plan", "GOLD").containsEntry("devices", 3)
                .containsEntry("student", true);

        Interaction i = r.interaction();
        assertThat(i).isEqualTo(new Interaction("CALL-77", Channel.INBOUND_VOICE, Intent.BILLING, Sentiment.NEGATIVE,
                true, 340, 480, QueueType.SALES, Instant.parse("2026-11-23T15:04:05Z")));

        assertThat(r.purchases()).containsExactly(
                new Purchase("FIBER_1G", "PLAN", 59.99, LocalDate.of(2026, 3, 14), Channel.WEB),
                new Purchase("ROUTER", "DEVICE", 0, LocalDate.of(2025, 12, 1), null));
        assertThat(r.contacts()).containsExactly(
                new Contact("LOYALTY", "retention", Channel.OUTBOUND_VOICE, Instant.parse("2026-10-01T09:00:00Z"),
                        ContactOutcome.DECLINED),
                new Contact(null, null, Channel.CHAT, Instant.parse("2026-11-01T12:30:00Z"), ContactOutcome.IGNORED));
        assertThat(r.propensities()).isEqualTo(Map.of("LOYALTY", 0.35, "FIBER", 0.05));
    }

    @Test
    void aRequestWrittenAndReadBackIsEqual() {
        DecisionRequest r = codec.readRequest(FULL_REQUEST);

        assertThat(codec.readRequest(codec.write(r))).isEqualTo(r);
        assertThat(codec.readRequest(codec.writePretty(r))).isEqualTo(r);
    }

    @Test
    void missingOptionalFieldsTakeTheirDefaults() {
        DecisionRequest r = codec.readRequest(request(CUSTOMER, INTERACTION, ""));

        assertThat(r.customer()).isEqualTo(Customer.builder("C1").build());
        assertThat(r.customer().tenureMonths()).isZero();
        assertThat(r.customer().churnRisk()).isZero();
        assertThat(r.customer().doNotCall()).isFalse();
        assertThat(r.interaction().resolved()).isFalse();
        assertThat(r.interaction().targetHandleTimeSeconds()).isEqualTo(600);
        assertThat(r.interaction().time()).isNull();
        assertThat(r.purchases()).isEmpty();
        assertThat(r.contacts()).isEmpty();
        assertThat(r.propensities()).isEmpty();
    }

    @Test
    void enumValuesAreReadWithoutRegardToCase() {
        DecisionRequest r = codec.readRequest(request(CUSTOMER,
                "{\"channel\": \"inbound_voice\", \"intent\": \"Complaint\", \"sentiment\": \"negative\"}", ""));

        assertThat(r.interaction().channel()).isEqualTo(Channel.INBOUND_VOICE);
        assertThat(r.interaction().intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(r.interaction().sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aDecisionWrittenAndReadBackIsEqual() {
        Score score = Score.of(0.35, 1.2, 300, 0.9);
        Decision d = new Decision("d-7f3a", "C-1001", DecisionType.OFFER,
                List.of(new RankedOffer("LOYALTY", "Loyalty discount", OfferKind.RETENTION, "retention",
                        "As a thank-you for staying with us...", score)),
                List.of(new RankedOffer("AUTOPAY", "Autopay set-up", OfferKind.SERVICE, "proactive-service",
                        "Shall I set up autopay?", Score.of(0.3, 1, 20, 1))),
                List.of(new LeftOut("FIBER", "upsell", new Reason("PRODUCT_HELD", Stage.ELIGIBILITY,
                        "Product already held", "eligibility.drl line 12", List.of("FIBER"), "Product already held"))),
                List.of(new Reason(Reason.OFFER_CHOSEN, Stage.ARBITRATION, "Highest priority", "arbitration",
                        List.of("LOYALTY"), "LOYALTY has the highest priority of 2 offers that passed every policy")),
                "3fa9c2b71d04", Instant.parse("2026-11-23T15:04:05.250Z"));

        String json = codec.write(d);

        assertThat(codec.readDecision(json)).isEqualTo(d);
        assertThat(codec.readDecision(codec.writePretty(d))).isEqualTo(d);
        assertThat(json).contains("\"decidedAt\":\"2026-11-23T15:04:05.250Z\"").contains("\"type\":\"OFFER\"");
    }

    @Test
    void aNoOfferDecisionWrittenAndReadBackIsEqual() {
        Decision d = new Decision("d-1", "C-2", DecisionType.NO_OFFER, List.of(), List.of(),
                List.of(new LeftOut("FIBER", "upsell", new Reason("COMPLAINT", Stage.SUITABILITY,
                        "Complaint on this call", "suitability.drl.csv row 9", List.of("FIBER"), "Complaint on this call"))),
                List.of(new Reason("COMPLAINT", Stage.SUITABILITY, "Complaint on this call", "suitability.drl.csv row 9",
                        List.of("FIBER"), "Complaint on this call")), "v1", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(codec.readDecision(codec.write(d))).isEqualTo(d);
    }

    // ---------------------------------------------------------------- syntax

    @Test
    void malformedJsonIsReportedAtItsLineAndColumn() {
        InvalidRequestException e = rejection("{\n  \"customer\": {\n    \"id\": \"C1\",\n  }\n}");

        assertThat(e.field()).isEqualTo("$");
        assertThat(e.getMessage()).contains("malformed JSON").contains("line 4, column 3");
    }

    @Test
    void malformedJsonAtTheTopLevelIsReportedAtItsLineAndColumn() {
        InvalidRequestException e = rejection("{\"customer\" {}}");

        assertThat(e.field()).isEqualTo("$");
        assertThat(e.getMessage()).contains("malformed JSON").contains("line 1, column 13");
    }

    @Test
    void malformedJsonDoesNotLeakJacksonSourceNoise() {
        InvalidRequestException e = rejection("{\n  \"customer\": {\n    \"id\": \"C1\"\n  ]\n}");

        assertThat(e.getMessage()).contains("line 4, column 3").doesNotContain("Source:").doesNotContain("REDACTED");
    }

    @Test
    void aCloseMarkerWithNothingOpenDoesNotLeakJacksonSourceNoise() {
        InvalidRequestException e = rejection("]");

        assertThat(e.getMessage()).contains("malformed JSON at line 1, column 1").contains("for root starting at line 1")
                .doesNotContain("Source:").doesNotContain("REDACTED");
    }

    @Test
    void aNumberTooLongToReadIsReportedAtItsPathLineAndColumn() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"tenureMonths\": " + "1".repeat(1001) + "}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.tenureMonths");
        assertThat(e.problem()).startsWith("is too large to read at line 1, column 1044")
                .contains("Number value length (1001) exceeds the maximum allowed (1000)")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void nestingTooDeepToReadIsReportedWhereItGoesDeepWithItsLineAndColumn() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"attributes\": {\"a\": " + deep + "}}",
                INTERACTION, ""));

        assertThat(e.field()).startsWith("$.customer.attributes.a[0]").hasSizeLessThan(60);
        assertThat(e.problem()).startsWith("is too large to read at line 1, column")
                .contains("nesting depth (1001) exceeds the maximum allowed (1000)").doesNotContain("StreamReadConstraints");
    }

    @Test
    void truncatedJsonIsReportedAsMalformed() {
        InvalidRequestException e = rejection("{\"customer\": {\"id\": \"C1\"");

        assertThat(e.field()).isEqualTo("$");
        assertThat(e.getMessage()).contains("malformed JSON").contains("end-of-input");
    }

    @Test
    void aTrailingSecondJsonValueIsRejected() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION, "") + " {\"customer\": {}}");

        assertThat(e.field()).isEqualTo("$");
        assertThat(e.problem()).contains("more than one JSON value");
    }

    @Test
    void emptyInputIsRejected() {
        assertThat(rejection("").field()).isEqualTo("$");
        assertThat(rejection("").problem()).contains("empty");
        assertThat(rejection("   \n ").problem()).contains("empty");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> codec.readRequest(null)).field())
                .isEqualTo("$");
    }

    @Test
    void jsonNullIsRejectedAsNotAnObject() {
        InvalidRequestException e = rejection("null");

        assertThat(e.field()).isEqualTo("$");
        assertThat(e.problem()).contains("JSON object");
        assertThat(e.getMessage()).contains("null");
    }

    @Test
    void aListWhereTheRequestObjectBelongsIsRejected() {
        InvalidRequestException e = rejection("[]");

        assertThat(e.field()).isEqualTo("$");
        assertThat(e.problem()).contains("JSON object");
    }

    // ---------------------------------------------------------------- fields

    @Test
    void missingCustomerIdIsReportedAtItsJsonPath() {
        InvalidRequestException e = rejection(request("{\"churnRisk\": 0.2}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.id");
        assertThat(e.problem()).isEqualTo("is required");
        assertThat(e.getMessage()).startsWith("$.customer.id: ");
    }

    @Test
    void blankCustomerIdIsReportedWithTheBlankValue() {
        InvalidRequestException e = rejection(request("{\"id\": \"   \"}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.id");
        assertThat(e.problem()).isEqualTo("must not be blank");
        assertThat(e.value()).isEqualTo("   ");
    }

    @Test
    void missingCustomerIsReportedAtItsJsonPath() {
        InvalidRequestException e = rejection("{\"interaction\": " + INTERACTION + "}");

        assertThat(e.field()).isEqualTo("$.customer");
        assertThat(e.problem()).isEqualTo("is required");
    }

    @Test
    void negativePurchaseAmountIsReportedAtItsIndexWithTheValue() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION, ", \"purchases\": ["
                + "{\"product\": \"A\", \"amount\": 3, \"date\": \"2026-01-01\"},"
                + "{\"product\": \"B\", \"amount\": -5, \"date\": \"2026-01-01\"}]"));

        assertThat(e.field()).isEqualTo("$.purchases[1].amount");
        assertThat(e.value()).isEqualTo(-5.0);
        assertThat(e.getMessage()).isEqualTo("$.purchases[1].amount: must be a number of at least 0, got -5.0");
    }

    @Test
    void unknownChannelIsReportedWithTheValidChannels() {
        InvalidRequestException e = rejection(request(CUSTOMER, "{\"channel\": \"FAX\", \"intent\": \"BILLING\"}", ""));

        assertThat(e.field()).isEqualTo("$.interaction.channel");
        assertThat(e.value()).isEqualTo("FAX");
        assertThat(e.getMessage()).contains("'FAX'");
        for (Channel channel : Channel.values()) {
            assertThat(e.problem()).contains(channel.name());
        }
    }

    @Test
    void unknownConsentChannelIsReportedAtItsIndex() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"consents\": [\"SMS\", \"PIGEON\"]}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.consents[1]");
        assertThat(e.value()).isEqualTo("PIGEON");
    }

    @Test
    void misspelledFieldSuggestsTheNearestKnownName() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"churnRsk\": 0.4}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.churnRsk");
        assertThat(e.problem()).contains("not a known field").contains("did you mean 'churnRisk'?");
    }

    @Test
    void misspelledInteractionFieldSuggestsTheNearestKnownName() {
        InvalidRequestException e = rejection(request(CUSTOMER,
                "{\"channel\": \"CHAT\", \"intent\": \"BILLING\", \"sentimant\": \"NEGATIVE\"}", ""));

        assertThat(e.field()).isEqualTo("$.interaction.sentimant");
        assertThat(e.problem()).contains("did you mean 'sentiment'?");
    }

    @Test
    void unknownFieldFarFromAnyNameListsTheKnownFields() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION, ", \"loyaltyTier\": 3"));

        assertThat(e.field()).isEqualTo("$.loyaltyTier");
        assertThat(e.problem()).contains("known fields").contains("customer").contains("interaction")
                .contains("purchases").contains("contacts").contains("propensities");
    }

    @Test
    void churnRiskAboveOneIsRejectedWithTheValue() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"churnRisk\": 1.5}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.churnRisk");
        assertThat(e.problem()).isEqualTo("must be between 0 and 1");
        assertThat(e.value()).isEqualTo(1.5);
    }

    @Test
    void negativeChurnRiskIsRejectedWithTheValue() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"churnRisk\": -0.1}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.churnRisk");
        assertThat(e.value()).isEqualTo(-0.1);
    }

    @Test
    void unknownTimeZoneIsReportedWithTheValue() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"timeZone\": \"Mars/Olympus\"}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.timeZone");
        assertThat(e.value()).isEqualTo("Mars/Olympus");
        assertThat(e.problem()).contains("time zone");
    }

    @Test
    void unreadableTimeIsReportedWithTheValue() {
        InvalidRequestException e = rejection(request(CUSTOMER,
                "{\"channel\": \"CHAT\", \"intent\": \"BILLING\", \"time\": \"yesterday\"}", ""));

        assertThat(e.field()).isEqualTo("$.interaction.time");
        assertThat(e.value()).isEqualTo("yesterday");
        assertThat(e.problem()).contains("2026-11-23T14:05:00Z");
    }

    @Test
    void impossibleDateIsReportedWithTheValue() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION,
                ", \"purchases\": [{\"product\": \"A\", \"amount\": 3, \"date\": \"2026-13-01\"}]"));

        assertThat(e.field()).isEqualTo("$.purchases[0].date");
        assertThat(e.value()).isEqualTo("2026-13-01");
    }

    @Test
    void textForANumberIsReportedWithTheText() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"tenureMonths\": \"twelve\"}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.tenureMonths");
        assertThat(e.problem()).isEqualTo("must be a whole number");
        assertThat(e.value()).isEqualTo("twelve");
    }

    @Test
    void textForADecimalNumberIsReportedWithTheText() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"lifetimeValue\": \"lots\"}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.lifetimeValue");
        assertThat(e.problem()).isEqualTo("must be a number");
        assertThat(e.value()).isEqualTo("lots");
    }

    @Test
    void fractionForAWholeNumberIsRejectedRatherThanTruncated() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"tenureMonths\": 1.5}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.tenureMonths");
        assertThat(e.getMessage()).contains("1.5");
    }

    @Test
    void numberTooLargeForAWholeNumberIsReportedAtItsPath() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"tenureMonths\": 99999999999}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.tenureMonths");
        assertThat(e.getMessage()).contains("99999999999").doesNotContain("malformed");
    }

    @Test
    void textForTrueOrFalseIsReportedWithTheText() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"doNotCall\": \"maybe\"}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.doNotCall");
        assertThat(e.problem()).isEqualTo("must be true or false");
        assertThat(e.value()).isEqualTo("maybe");
    }

    @Test
    void nullForANumberIsRejectedAtItsPath() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"tenureMonths\": null}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.tenureMonths");
        assertThat(e.problem()).isEqualTo("must not be null");
    }

    @Test
    void nullForADecimalNumberIsRejectedAtItsPath() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"churnRisk\": null}", INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.churnRisk");
        assertThat(e.problem()).isEqualTo("must not be null");
    }

    @Test
    void nullForTrueOrFalseIsRejectedAtItsPath() {
        InvalidRequestException e = rejection(request(CUSTOMER,
                "{\"channel\": \"CHAT\", \"intent\": \"BILLING\", \"resolved\": null}", ""));

        assertThat(e.field()).isEqualTo("$.interaction.resolved");
        assertThat(e.problem()).isEqualTo("must not be null");
    }

    @Test
    void anObjectWhereAListBelongsIsReportedAtItsPath() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION, ", \"purchases\": {}"));

        assertThat(e.field()).isEqualTo("$.purchases");
        assertThat(e.problem()).isEqualTo("must be a list");
    }

    @Test
    void negativeHandleTimeIsReportedWithTheValue() {
        InvalidRequestException e = rejection(request(CUSTOMER,
                "{\"channel\": \"CHAT\", \"intent\": \"BILLING\", \"handleTimeSeconds\": -1}", ""));

        assertThat(e.field()).isEqualTo("$.interaction.handleTimeSeconds");
        assertThat(e.value()).isEqualTo(-1);
    }

    @Test
    void contactWithoutTimeIsReportedAtItsIndex() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION,
                ", \"contacts\": [{\"channel\": \"SMS\", \"time\": \"2026-01-01T00:00:00Z\"},"
                        + " {\"channel\": \"SMS\"}]"));

        assertThat(e.field()).isEqualTo("$.contacts[1].time");
        assertThat(e.problem()).isEqualTo("is required");
    }

    @Test
    void modelPropensityOutOfRangeIsReportedUnderTheOfferId() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION, ", \"propensities\": {\"LOYALTY\": 2}"));

        assertThat(e.field()).isEqualTo("$.propensities.LOYALTY");
        assertThat(e.value()).isEqualTo(2.0);
    }

    @Test
    void attributeThatIsNeitherTextNumberNorTrueOrFalseIsReportedByName() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"attributes\": {\"devices\": [1, 2]}}",
                INTERACTION, ""));

        assertThat(e.field()).isEqualTo("$.customer.attributes.devices");
        assertThat(e.problem()).isEqualTo("must be text, a number or true/false");
    }

    // ---------------------------------------------------------------- every problem at once

    @Test
    void everyBadFieldOfARequestIsReportedAtOnceEachAtItsPath() {
        InvalidRequestException e = rejection("""
                {"customer": {"tenureMonths": "twelve", "churnRisk": 1.5, "consents": ["SMS", "PIGEON"], "vip": true},
                 "interaction": {"channel": "FAX", "intent": "BILLING", "handleTimeSeconds": -1},
                 "purchases": [{"product": "A", "amount": 3, "date": "2026-01-01"},
                               {"product": "B", "amount": -5, "date": "2026-13-01"}],
                 "contacts": [{"offerId": "LOYALTY", "channel": "SMS", "time": "2026-01-01T00:00:00Z"}],
                 "propensities": {"LOYALTY": 2}}
                """);

        assertThat(e.problems()).extracting(InvalidRequestException.Problem::field).containsExactlyInAnyOrder(
                "$.customer.vip", "$.customer.id", "$.customer.tenureMonths", "$.customer.churnRisk",
                "$.customer.consents[1]", "$.interaction.channel", "$.interaction.handleTimeSeconds",
                "$.purchases[1].amount", "$.purchases[1].date", "$.contacts[0].outcome", "$.propensities.LOYALTY");
        assertThat(e.getMessage()).startsWith("11 problems: ")
                .contains("$.purchases[1].amount: must be a number of at least 0, got -5.0; ")
                .contains("$.customer.tenureMonths: must be a whole number, got 'twelve'");
    }

    @Test
    void aFieldThatCannotBeReadIsReportedOnceNotAgainAsMissing() {
        InvalidRequestException e = rejection(request(CUSTOMER, "{\"channel\": \"FAX\", \"intent\": \"BILLING\"}",
                ", \"purchases\": [{\"product\": \"A\", \"date\": \"someday\"}]"));

        assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                .containsExactly("$.interaction.channel", "$.purchases[0].date");
    }

    @Test
    void aNullInAListIsNamedByItsIndex() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"products\": [\"A\", null]}", INTERACTION,
                ", \"purchases\": [null]"));

        assertThat(e.problems()).extracting(InvalidRequestException.Problem::field)
                .containsExactly("$.customer.products[1]", "$.purchases[0]");
        assertThat(e.problem()).isEqualTo("must not be null");
    }

    @Test
    void aContactWithAnOfferMustSayWhatBecameOfIt() {
        InvalidRequestException e = rejection(request(CUSTOMER, INTERACTION, ", \"contacts\": [{\"offerId\": \"LOYALTY\","
                + " \"channel\": \"SMS\", \"time\": \"2026-01-01T00:00:00Z\"}]"));

        assertThat(e.field()).isEqualTo("$.contacts[0].outcome");
        assertThat(e.problem()).contains("ACCEPTED, DECLINED or IGNORED");
    }

    // ---------------------------------------------------------------- numbers written

    @Test
    void scoresAreWrittenWithoutFloatNoise() {
        Score score = new Score(0.1, 1.0, 1.0, 3.0, 0.1 * 3.0);
        assertThat(score.priority()).as("the Java value keeps its noise").isEqualTo(0.30000000000000004);
        Decision d = new Decision("d-1", "C-1", DecisionType.OFFER,
                List.of(new RankedOffer("A", "A", OfferKind.SALES, "upsell", "Say it.", score)),
                List.of(new RankedOffer("B", "B", OfferKind.SALES, "upsell", "Say it.",
                        new Score(0.4, 1.2, 351, 1.0, 168.48000000000002))),
                List.of(), List.of(new Reason(Reason.OFFER_CHOSEN, Stage.ARBITRATION, "Highest priority", "arbitration",
                        List.of("A"), "A wins")), "v1", Instant.parse("2026-01-01T00:00:00Z"));

        String json = codec.write(d);

        assertThat(json).contains("\"priority\":0.3}").contains("\"priority\":168.48}")
                .contains("\"propensity\":0.1,").doesNotContain("0000");
        assertThat(codec.readDecision(json).offers().get(0).score().priority()).isEqualTo(0.3);
        assertThat(codec.write(codec.readDecision(json))).isEqualTo(json);
        assertThat(codec.writePretty(d)).contains("\"priority\" : 168.48\n");
    }

    @Test
    void scoresKeepTwelveSignificantDigits() {
        Score score = new Score(0.123456789012345, 1, 1, 1, 12345.678901234567);

        String json = codec.write(score);

        assertThat(json).contains("\"propensity\":0.123456789012,").contains("\"priority\":12345.6789012}");
    }

    @Test
    void requestNumbersAreWrittenAsTheyAre() {
        DecisionRequest r = codec.readRequest(request("{\"id\": \"C1\", \"churnRisk\": 0.30000000000000004}",
                INTERACTION, ""));

        assertThat(codec.write(r)).contains("\"churnRisk\":0.30000000000000004");
        assertThat(codec.readRequest(codec.write(r))).isEqualTo(r);
    }

    @Test
    void theReaderHandedOutCannotChangeTheCodec() throws Exception {
        codec.reader().with(DeserializationFeature.ACCEPT_FLOAT_AS_INT).without(
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        assertThat(codec.reader().readTree("{\"a\": [1, 2]}").get("a").size()).isEqualTo(2);
        assertThat(rejection(request("{\"id\": \"C1\", \"tenureMonths\": 1.5}", INTERACTION, "")).field())
                .isEqualTo("$.customer.tenureMonths");
    }

    @Test
    void theMessageReadsAsPathProblemAndValue() {
        InvalidRequestException e = rejection(request("{\"id\": \"C1\", \"churnRisk\": 7}", INTERACTION, ""));

        assertThat(e.getMessage()).isEqualTo("$.customer.churnRisk: must be between 0 and 1, got 7.0");
    }
}
