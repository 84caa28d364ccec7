package io.nextbest.rules;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.Purchase;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Callers for scenario tests: a settled, content customer on a resolved sales-queue call, whom each
 * scenario changes in one or two ways.
 */
final class Callers {
    static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");
    static final LocalDate TODAY = NOW.atZone(ZoneId.of("America/Chicago")).toLocalDate();

    private UnaryOperator<Customer.Builder> customer = c -> c;
    private Channel channel = Channel.INBOUND_VOICE;
    private Intent intent = Intent.GENERAL_INQUIRY;
    private Sentiment sentiment = Sentiment.NEUTRAL;
    private boolean resolved = true;
    private QueueType queue = QueueType.SALES;
    private int handleTime = 240;
    private Instant time = NOW;
    private final List<Purchase> purchases = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();

    static Callers caller() {
        return new Callers();
    }

    /** A customer who is open to a sales conversation: positive, resolved, recent buyer. */
    static Callers salesReadyCaller() {
        return caller().sentiment(Sentiment.POSITIVE)
                .bought("MOBILE_PLAN", "MOBILE", 45, 20);
    }

    Callers customer(UnaryOperator<Customer.Builder> change) {
        UnaryOperator<Customer.Builder> before = customer;
        customer = c -> change.apply(before.apply(c));
        return this;
    }

    Callers channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    Callers intent(Intent intent) {
        this.intent = intent;
        return this;
    }

    Callers sentiment(Sentiment sentiment) {
        this.sentiment = sentiment;
        return this;
    }

    Callers unresolved() {
        this.resolved = false;
        return this;
    }

    Callers queue(QueueType queue) {
        this.queue = queue;
        return this;
    }

    Callers handleTime(int seconds) {
        this.handleTime = seconds;
        return this;
    }

    Callers at(Instant time) {
        this.time = time;
        return this;
    }

    Callers bought(String product, String category, double amount, int daysAgo) {
        purchases.add(Purchase.builder(product, TODAY.minusDays(daysAgo)).category(category).amount(amount)
                .channel(Channel.WEB).build());
        return this;
    }

    Callers wasOffered(String offerId, ContactOutcome outcome, int daysAgo) {
        contacts.add(Contact.builder(Channel.INBOUND_VOICE, NOW.minus(Duration.ofDays(daysAgo))).offer(offerId, outcome)
                .build());
        return this;
    }

    DecisionRequest request() {
        Customer.Builder c = Customer.builder("C-100")
                .segment("CONSUMER")
                .tenureMonths(24)
                .region("IL")
                .timeZone("America/Chicago")
                .products("MOBILE_PLAN")
                .lifetimeValue(2400)
                .churnRisk(0.2)
                .billingStatus(BillingStatus.CURRENT)
                .consents(Channel.INBOUND_VOICE, Channel.OUTBOUND_VOICE, Channel.CHAT, Channel.IVR, Channel.WEB,
                        Channel.SMS, Channel.EMAIL, Channel.AGENT_DESKTOP);
        Interaction interaction = Interaction.builder(channel, intent)
                .sentiment(sentiment)
                .resolved(resolved)
                .handleTime(handleTime, 600)
                .queue(queue)
                .time(time)
                .build();
        return DecisionRequest.builder(customer.apply(c).build(), interaction)
                .purchases(purchases)
                .contacts(contacts)
                .build();
    }
}
