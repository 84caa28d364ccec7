package io.nextbest.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundRowsTest {
    static final Instant REVOKED = Instant.parse("2026-11-25T10:00:00Z");

    /** A row of named cells, in the order given. */
    static OutboundRows.Cells row(Object... columnsAndValues) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return OutboundRows.Cells.of(cells);
    }

    /** The same customer as a CSV file has it, every cell text. */
    static OutboundRows.Cells customerAsText() {
        return row("id", " C1 ", "timeZone", "America/Chicago", "region", "TX", "tenureMonths", "12",
                "churnRisk", "0.25", "lifetimeValue", "", "billingStatus", "late", "products", "FIBER|MOBILE",
                "doNotCall", "FALSE", "criticalCare", "true", "optIns", "SMS:SERVICE+MARKETING| OUTBOUND_VOICE:service",
                "revoked", "SMS@2026-11-25T10:00:00Z", "preferredHours", "18:00-20:30",
                "attributes.plan", "gold", "attributes.dataUsed", " 0.9 ", "attributes.roaming", "true",
                "attributes.blank", " ");
    }

    /** The same customer from a typed table, such as Parquet in Spark. */
    static OutboundRows.Cells customerTyped() {
        return row("id", "C1", "timeZone", "America/Chicago", "region", "TX", "tenureMonths", 12L,
                "churnRisk", 0.25, "billingStatus", "LATE", "products", "FIBER|MOBILE", "doNotCall", false,
                "criticalCare", Boolean.TRUE, "optIns", "SMS:SERVICE+MARKETING|OUTBOUND_VOICE:SERVICE",
                "revoked", "SMS@2026-11-25T10:00:00Z", "preferredHours", "18:00-20:30",
                "attributes.plan", "gold", "attributes.dataUsed", 0.9f, "attributes.roaming", true,
                "attributes.blank", null);
    }

    @Test
    void aCustomersRowOfTextIsTheCustomerWithTheirConsentAndHours() {
        Recipient r = OutboundRows.recipient(customerAsText());

        assertThat(r.id()).isEqualTo("C1");
        assertThat(r.customer().timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(r.customer().tenureMonths()).isEqualTo(12);
        assertThat(r.customer().churnRisk()).isEqualTo(0.25);
        assertThat(r.customer().lifetimeValue()).isZero();
        assertThat(r.customer().billingStatus()).isEqualTo(BillingStatus.LATE);
        assertThat(r.customer().products()).containsExactlyInAnyOrder("FIBER", "MOBILE");
        assertThat(r.customer().doNotCall()).isFalse();
        assertThat(r.criticalCare()).isTrue();
        assertThat(r.optIns()).containsExactly(
                new OptIn(Channel.SMS, Set.of(ProgramKind.SERVICE, ProgramKind.MARKETING), REVOKED),
                new OptIn(Channel.OUTBOUND_VOICE, Set.of(ProgramKind.SERVICE), null));
        assertThat(r.preferredFrom()).isEqualTo(LocalTime.of(18, 0));
        assertThat(r.preferredTo()).isEqualTo(LocalTime.of(20, 30));
        assertThat(r.customer().attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("plan", "gold", "dataUsed", 0.9, "roaming", true));
    }

    @Test
    void typedCellsReadAsTheirTextDoes() {
        Recipient typed = OutboundRows.recipient(customerTyped());
        Recipient text = OutboundRows.recipient(customerAsText());

        assertThat(typed.customer().attributes().get("dataUsed")).isEqualTo((double) 0.9f);
        assertThat(typed.customer().attributes()).containsEntry("plan", "gold").containsEntry("roaming", true)
                .doesNotContainKey("blank");
        assertThat(typed).usingRecursiveComparison().ignoringFields("customer.attributes").isEqualTo(text);
    }

    @Test
    void anEventAndAContactReadTheirTimesFromTextOrTimestamps() {
        Instant at = Instant.parse("2026-11-23T15:00:00.123456Z");
        Event fromText = OutboundRows.event(row("customerId", "C1", "kind", "USAGE_NEAR_CAP",
                "time", "2026-11-23T15:00:00.123456Z", "attributes.percent", "92"));
        Event fromTimestamp = OutboundRows.event(row("customerId", "C1", "kind", "USAGE_NEAR_CAP",
                "time", Timestamp.from(at), "attributes.percent", 92));
        assertThat(fromText).isEqualTo(new Event("C1", "USAGE_NEAR_CAP", at, Map.of("percent", 92.0)));
        assertThat(fromTimestamp).isEqualTo(fromText);

        Attempt contact = OutboundRows.attempt(row("customerId", "C1", "program", "collections",
                "channel", "outbound_voice", "time", at, "outcome", "IGNORED", "debt", "D-7", "conversation", ""));
        assertThat(contact).isEqualTo(new Attempt("C1", "collections", Channel.OUTBOUND_VOICE, at,
                ContactOutcome.IGNORED, "D-7", false));
        // No outcome and no debt: as the record takes them when left out.
        assertThat(OutboundRows.attempt(row("customerId", "C1", "program", "welcome", "channel", "SMS",
                "time", "2026-11-20T09:00:00Z"))).isEqualTo(new Attempt("C1", "welcome", Channel.SMS,
                Instant.parse("2026-11-20T09:00:00Z"), null, "", false));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = ';', value = {
        "id;'';id: is required",
        "tenureMonths;twelve;tenureMonths: must be a whole number, got 'twelve'",
        "tenureMonths;12.5;tenureMonths: must be a whole number, got '12.5'",
        "churnRisk;high;churnRisk: must be a number, got 'high'",
        "doNotCall;maybe;doNotCall: must be true or false, got 'maybe'",
        "billingStatus;overdue;billingStatus: must be one of [CURRENT, LATE, COLLECTIONS], got 'overdue'",
        "optIns;FAX:SERVICE;optIns: must be one of",
        "optIns;SMS:SPAM;optIns: must be one of [SERVICE, MARKETING], got 'SPAM'",
        "revoked;SMS;revoked: must be CHANNEL@TIME, such as SMS@2026-11-25T10:00:00Z, got 'SMS'",
        "revoked;SMS@yesterday;revoked: must be a time such as 2026-11-23T15:00:00Z, got 'yesterday'",
        "preferredHours;evening;preferredHours: must be FROM-TO, such as 18:00-20:30, got 'evening'",
    })
    void aBadCustomerCellIsNamedByItsColumn(String column, String value, String message) {
        Map<String, Object> cells = new LinkedHashMap<>(Map.of("id", "C1"));
        cells.put(column, value);
        OutboundRows.Cells row = OutboundRows.Cells.of(cells);

        assertThatThrownBy(() -> OutboundRows.recipient(row)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(column));
    }

    @Test
    void aBadEventOrContactCellIsNamedByItsColumn() {
        assertThatThrownBy(() -> OutboundRows.event(row("customerId", "C1", "kind", "OUTAGE")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("time: is required: a time such as 2026-11-23T15:00:00Z");
        assertThatThrownBy(() -> OutboundRows.event(row("customerId", "C1", "kind", "OUTAGE", "time", "yesterday")))
                .hasMessage("time: must be a time such as 2026-11-23T15:00:00Z, got 'yesterday'");
        assertThatThrownBy(() -> OutboundRows.attempt(row("customerId", "C1", "program", "welcome",
                "channel", "pigeon", "time", "2026-11-20T09:00:00Z")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("channel: must be one of [");
        assertThatThrownBy(() -> OutboundRows.attempt(row("customerId", "C1", "program", "welcome",
                "channel", "SMS", "time", "2026-11-20T09:00:00Z", "outcome", "maybe")))
                .hasMessageStartingWith("outcome: must be one of [");
        assertThatThrownBy(() -> OutboundRows.attempt(row("customerId", "C1", "program", "welcome",
                "channel", "SMS", "time", "2026-11-20T09:00:00Z", "conversation", "yes")))
                .hasMessage("conversation: must be true or false, got 'yes'");
    }

    @Test
    void textIsStrippedAndATimestampIsItsInstant() {
        Instant at = Instant.parse("2026-11-23T15:00:00Z");
        OutboundRows.Cells r = row("a", "  x ", "b", Timestamp.from(at), "c", null, "d", 7);
        assertThat(OutboundRows.text(r, "a")).isEqualTo("x");
        assertThat(OutboundRows.text(r, "b")).isEqualTo("2026-11-23T15:00:00Z");
        assertThat(OutboundRows.text(r, "c")).isEmpty();
        assertThat(OutboundRows.text(r, "missing")).isEmpty();
        assertThat(OutboundRows.text(r, "d")).isEqualTo("7");
    }
}
