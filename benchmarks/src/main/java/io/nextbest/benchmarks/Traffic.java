package io.nextbest.benchmarks;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Contact-center traffic for the default pack: varied requests, each with the same number of earlier
 * purchases and contacts, drawn from a seed so that every run decides on the same requests.
 *
 * <pre>{@code
 * List<DecisionRequest> requests = Traffic.seeded(42).purchases(10).contacts(5).requests(4096);
 * }</pre>
 *
 * <p>The draws are spread wide on purpose: every rule of the pack, and most pairs of rules, fire on
 * some requests, so that implementations compared on this traffic are compared on all of the pack.
 */
public final class Traffic {
    /**
     * Requests fall on the 400 days up to this instant, at any hour: a few fall before the rate-change
     * notice of the default catalog may be made.
     */
    public static final Instant END = Instant.parse("2026-11-24T00:00:00Z");

    private static final List<String> ZONES = List.of("America/Chicago", "America/New_York", "America/Denver",
            "America/Los_Angeles", "America/Phoenix", "UTC");
    private static final List<String> REGIONS = List.of("TX", "IL", "NY", "FL", "CA", "WA", "CO", "AZ", "");
    private static final List<Integer> TARGETS = List.of(300, 600, 600, 900);
    private static final List<String> PRODUCTS = List.of("MOBILE_PLAN", "FIBER_500", "FIBER_1G", "DSL", "DSL_MAX",
            "TV_BASIC", "TV_PREMIUM", "STREAMING", "SECURITY", "SMART_HOME", "MOBILE_LINE", "UNLIMITED_PLAN",
            "DATA_BOOST", "DEVICE_PROTECTION");
    private static final List<String> CATEGORIES = List.of("DEVICE", "DEVICE", "PLAN", "INTERNET", "TV", "MOBILE",
            "SOFTWARE", "HOME", "");
    /** Offers of the default pack, and one the catalog does not know, for earlier contacts to name. */
    private static final List<String> OFFERS = List.of("RET-LOYALTY-DISCOUNT", "RET-PLAN-REVIEW", "RET-FREE-MONTH",
            "RET-CONTRACT-RENEWAL", "RET-DEVICE-TRADEIN", "WEL-SETUP-CHECK", "WEL-APP-TOUR", "WEL-PLAN-VERIFY",
            "PLAN-DATA-BOOST", "PLAN-UNLIMITED", "XS-HOME-INTERNET", "XS-TV-BUNDLE", "XS-SECOND-LINE",
            "XS-SECURITY-SUITE", "XS-SMART-HOME", "XS-STREAMING", "UP-FIBER-1G", "UP-PREMIUM-TV", "UP-DEVICE-UPGRADE",
            "UP-SPEED-BOOST", "SVC-AUTOPAY", "SVC-PAPERLESS", "SVC-PAYMENT-PLAN", "SVC-DEVICE-PROTECTION",
            "SVC-WIFI-CHECK", "SVC-USAGE-ALERTS", "SVC-OUTAGE-CREDIT", "INFO-SELF-SERVICE", "INFO-SCAM-ALERT",
            "INFO-RATE-CHANGE", "RETIRED-OFFER");

    private final long seed;
    private final int purchases;
    private final int contacts;

    private Traffic(long seed, int purchases, int contacts) {
        this.seed = seed;
        this.purchases = purchases;
        this.contacts = contacts;
    }

    /** Traffic drawn from this seed, with 10 purchases and 5 earlier contacts per request. */
    public static Traffic seeded(long seed) {
        return new Traffic(seed, 10, 5);
    }

    /** The number of earlier purchases each request carries. */
    public Traffic purchases(int purchases) {
        return new Traffic(seed, purchases, contacts);
    }

    /** The number of earlier contacts each request carries. */
    public Traffic contacts(int contacts) {
        return new Traffic(seed, purchases, contacts);
    }

    /** The first {@code count} requests of this traffic; the same seed always gives the same requests. */
    public List<DecisionRequest> requests(int count) {
        Random random = new Random(seed);
        List<DecisionRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(new Draw(random).request(i));
        }
        return List.copyOf(requests);
    }

    /** One request being drawn. */
    private final class Draw {
        private final Random random;

        Draw(Random random) {
            this.random = random;
        }

        DecisionRequest request(int number) {
            Instant time = END.minusSeconds(random.nextInt(400 * 86_400));
            Channel channel = channel();
            Customer customer = customer(number, channel);
            // Most calls are within their target handle time when the decision is made; one in four runs over.
            int target = pick(TARGETS);
            int handle = chance(0.25) ? target + 1 + random.nextInt(target) : target / 5 + random.nextInt(target * 4 / 5);
            Interaction interaction = Interaction.builder(channel, pick(Intent.values()))
                    .id("I-" + number)
                    .sentiment(pick(Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEUTRAL, Sentiment.NEGATIVE))
                    .resolved(chance(0.75))
                    .handleTime(handle, target)
                    .queue(chance(0.6) ? QueueType.SERVICE : QueueType.SALES)
                    .time(time)
                    .build();
            LocalDate today = time.atZone(customer.timeZone()).toLocalDate();
            DecisionRequest.Builder request = DecisionRequest.builder(customer, interaction);
            for (int k = 0; k < purchases; k++) {
                String product = pick(PRODUCTS);
                String category = pick(CATEGORIES);
                double amount = random.nextInt(120_000) / 100.0;
                LocalDate date = today.minusDays(daysAgo());
                Channel boughtOn = chance(0.2) ? null : pick(Channel.WEB, Channel.INBOUND_VOICE);
                request.purchase(Purchase.builder(product, date).category(category).amount(amount).channel(boughtOn)
                        .build());
            }
            for (int k = 0; k < contacts; k++) {
                // Three contacts in four made an offer; the customer declined half of those.
                String offer = chance(0.75) ? pick(OFFERS) : null;
                ContactOutcome outcome = offer == null ? ContactOutcome.IGNORED
                        : pick(ContactOutcome.ACCEPTED, ContactOutcome.DECLINED, ContactOutcome.DECLINED,
                        ContactOutcome.IGNORED);
                request.contact(Contact.builder(pick(Channel.INBOUND_VOICE, Channel.CHAT, Channel.EMAIL, Channel.SMS),
                        time.minus(Duration.ofHours(random.nextInt(150 * 24)))).offer(offer, outcome).build());
            }
            if (chance(0.1)) {
                request.propensity(pick(OFFERS.subList(0, 30)), random.nextInt(100) / 100.0);
            }
            return request.build();
        }

        /** Mostly inbound calls and chats, as in a real center, with some of every other channel. */
        private Channel channel() {
            double c = random.nextDouble();
            return c < 0.45 ? Channel.INBOUND_VOICE : c < 0.62 ? Channel.CHAT : c < 0.72 ? Channel.IVR
                    : c < 0.82 ? Channel.OUTBOUND_VOICE : pick(Channel.WEB, Channel.AGENT_DESKTOP, Channel.SMS,
                    Channel.EMAIL);
        }

        private Customer customer(int number, Channel channel) {
            Set<String> products = new TreeSet<>();
            for (int k = random.nextInt(5); k > 0; k--) {
                products.add(pick(PRODUCTS));
            }
            Set<Channel> consents = EnumSet.allOf(Channel.class);
            if (chance(0.1)) {
                consents.remove(channel);
            }
            Customer.Builder customer = Customer.builder("C-" + number)
                    .segment(chance(0.8) ? "CONSUMER" : "SMALL_BUSINESS")
                    .tenureMonths(chance(0.2) ? random.nextInt(7) : random.nextInt(120))
                    .region(pick(REGIONS))
                    .timeZone(pick(ZONES))
                    .products(products)
                    .lifetimeValue(random.nextInt(1_200_000) / 100.0)
                    .churnRisk(random.nextInt(96) / 100.0)
                    .billingStatus(pick(BillingStatus.CURRENT, BillingStatus.CURRENT, BillingStatus.LATE,
                            BillingStatus.COLLECTIONS))
                    .consents(consents.toArray(Channel[]::new))
                    .preferredChannel(chance(0.3) ? null : chance(0.5) ? channel : pick(Channel.values()))
                    .doNotCall(chance(0.1))
                    .vulnerable(chance(0.05));
            if (chance(0.8)) {
                customer.attribute("usagePercent", random.nextInt(111));
            }
            if (chance(0.6)) {
                customer.attribute("paperBilling", chance(0.5));
            }
            if (chance(0.3)) {
                customer.attribute("outageAffected", chance(0.5) ? Boolean.TRUE : "true");
            }
            if (chance(0.7)) {
                customer.attribute("age", 18 + random.nextInt(75));
            }
            return customer.build();
        }

        /** Days since a purchase: a third in the last two months, the rest over four years. */
        private int daysAgo() {
            return chance(0.35) ? random.nextInt(61) : random.nextInt(1500);
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
