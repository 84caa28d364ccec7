package io.nextbest.examples;

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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A simulated shift of inbound callers at a telecom contact center. Most people call for service
 * (a bill, a payment, a fault, a complaint); a few want to buy, a few want to leave; some are new, some
 * loyal, some at risk, some vulnerable, and each brings a purchase and contact history. The same seed
 * gives the same callers, and every request carries its own time, so it gives the same decisions too.
 */
public final class DemoShift {
    /** The day of the shift. */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    /** The first call: 8:00 in Chicago. */
    static final Instant START = DAY.atTime(14, 0).toInstant(ZoneOffset.UTC);

    /**
     * One caller.
     *
     * @param number  the caller's place in the shift, from 1
     * @param profile why the simulation sent this caller, such as {@code at risk} or {@code complaint}
     * @param request what the engine decides on
     */
    public record Caller(int number, String profile, DecisionRequest request) {
    }

    /** The kinds of caller, and how many of each a shift has: service first, as in a real center. */
    private enum Profile {
        BILLING("billing question", 10),
        PAYMENT("payment", 4),
        IVR_PAYMENT("payment in the IVR", 3),
        COMPLAINT("complaint", 5),
        TECHNICAL("technical support", 10),
        NEW_CUSTOMER("new customer", 3),
        AT_RISK("at risk", 4),
        CANCELLATION("cancellation", 2),
        UPGRADE("upgrade request", 2),
        VULNERABLE("vulnerable customer", 2),
        SALES("new service or move", 2),
        RECENT_DECLINE("recently declined offers", 2),
        LOYAL("loyal, holds most products", 2);

        final String label;
        final int perShift;

        Profile(String label, int perShift) {
            this.label = label;
            this.perShift = perShift;
        }
    }

    private record Region(String code, String zone) {
    }

    private static final List<Region> REGIONS = List.of(
            new Region("TX", "America/Chicago"), new Region("IL", "America/Chicago"),
            new Region("NY", "America/New_York"), new Region("FL", "America/New_York"),
            new Region("CA", "America/Los_Angeles"), new Region("WA", "America/Los_Angeles"),
            new Region("CO", "America/Denver"), new Region("AZ", "America/Phoenix"));

    /** Offers of the default pack that earlier contacts name. */
    private static final List<String> PAST_OFFERS = List.of(
            "SVC-PAPERLESS", "INFO-SELF-SERVICE", "XS-SECURITY-SUITE", "XS-STREAMING", "UP-FIBER-1G",
            "RET-PLAN-REVIEW", "SVC-AUTOPAY");

    private final Random random;
    private final Set<String> customerIds = new HashSet<>();

    private DemoShift(long seed) {
        this.random = new Random(seed);
    }

    /** The callers of the shift for this seed, in the order they call. */
    public static List<Caller> callers(long seed) {
        return new DemoShift(seed).shift();
    }

    private List<Caller> shift() {
        List<Profile> order = new ArrayList<>();
        for (Profile p : Profile.values()) {
            order.addAll(Collections.nCopies(p.perShift, p));
        }
        Collections.shuffle(order, random);
        List<Caller> callers = new ArrayList<>();
        Instant time = START;
        for (Profile profile : order) {
            time = time.plus(Duration.ofSeconds(240 + random.nextInt(600)));
            Draft d = new Draft(callers.size() + 1, time, tenure(profile));
            shape(d, profile);
            callers.add(new Caller(callers.size() + 1, profile.label, d.request()));
        }
        return List.copyOf(callers);
    }

    /** Months since the customer joined: drawn first, since their history depends on it. */
    private int tenure(Profile profile) {
        return switch (profile) {
            case NEW_CUSTOMER -> random.nextInt(4);
            case AT_RISK -> 8 + random.nextInt(52);
            case VULNERABLE -> 24 + random.nextInt(120);
            case LOYAL -> 60 + random.nextInt(80);
            case UPGRADE, SALES -> 7 + random.nextInt(80);
            default -> 4 + random.nextInt(90);
        };
    }

    /** Gives the typical caller of a profile their reason to call and their situation. */
    private void shape(Draft d, Profile profile) {
        switch (profile) {
            case BILLING -> {
                d.intent = Intent.BILLING;
                if (chance(0.25)) {
                    d.billing = BillingStatus.LATE;
                }
                if (chance(0.2)) {
                    d.onIvr();
                }
                d.attributes.put("paperBilling", chance(0.4));
            }
            case PAYMENT, IVR_PAYMENT -> {
                d.intent = Intent.PAYMENT;
                double r = random.nextDouble();
                d.billing = r < 0.45 ? BillingStatus.LATE : r < 0.7 ? BillingStatus.COLLECTIONS : BillingStatus.CURRENT;
                d.churn = round2(d.churn + 0.1);
                if (profile == Profile.IVR_PAYMENT) {
                    d.onIvr();
                }
            }
            case COMPLAINT -> {
                d.intent = Intent.COMPLAINT;
                d.sentiment = chance(0.7) ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
                d.resolved = chance(0.5);
                if (chance(0.5)) {
                    d.longCall();
                }
                d.churn = round2(0.2 + random.nextDouble() * 0.55);
                d.attributes.put("outageAffected", chance(0.4));
            }
            case TECHNICAL -> {
                d.intent = Intent.TECHNICAL_SUPPORT;
                d.resolved = chance(0.6);
                if (chance(0.4)) {
                    d.longCall();
                }
                if (chance(0.25)) {
                    d.sentiment = Sentiment.NEGATIVE;
                }
                d.attributes.put("outageAffected", chance(0.3));
                if (!d.holdsInternet()) {
                    d.buy(chance(0.6) ? "FIBER_500" : "DSL", 49 + random.nextInt(3) * 25);
                }
            }
            case NEW_CUSTOMER -> {
                d.churn = round2(0.05 + random.nextDouble() * 0.25);
                d.intent = pick(Intent.BILLING, Intent.GENERAL_INQUIRY, Intent.TECHNICAL_SUPPORT);
                if (chance(0.6)) {
                    d.buyDeviceDaysAgo(random.nextInt(Math.max(3, d.tenure * 30)));
                }
            }
            case AT_RISK -> {
                d.churn = round2(0.55 + random.nextDouble() * 0.37);
                d.intent = pick(Intent.BILLING, Intent.GENERAL_INQUIRY, Intent.TECHNICAL_SUPPORT, Intent.BILLING);
                d.resolved = true;
                d.sentiment = chance(0.3) ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
                d.attributes.put("usagePercent", 60 + random.nextInt(45));
            }
            case CANCELLATION -> {
                d.intent = Intent.CANCELLATION;
                d.churn = round2(0.7 + random.nextDouble() * 0.27);
                d.sentiment = chance(0.4) ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
                if (chance(0.3)) {
                    d.onChat();
                }
            }
            case UPGRADE -> {
                d.intent = Intent.UPGRADE;
                d.queue = QueueType.SALES;
                d.sentiment = chance(0.6) ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
                if (!d.holdsInternet()) {
                    d.buy("FIBER_500", 99);
                }
                if (chance(0.3)) {
                    d.buy("FIBER_1G", 99); // already on the fastest line
                }
                d.attributes.put("usagePercent", 70 + random.nextInt(40));
            }
            case VULNERABLE -> {
                d.vulnerable = true;
                d.attributes.put("age", 68 + random.nextInt(22));
                d.intent = pick(Intent.BILLING, Intent.PAYMENT, Intent.GENERAL_INQUIRY, Intent.UPGRADE);
                if (d.intent == Intent.UPGRADE || chance(0.3)) {
                    d.queue = QueueType.SALES;
                }
                d.attributes.put("paperBilling", chance(0.7));
            }
            case SALES -> {
                d.intent = chance(0.6) ? Intent.NEW_SERVICE : Intent.MOVE;
                d.queue = QueueType.SALES;
                d.sentiment = chance(0.4) ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
            }
            case RECENT_DECLINE -> {
                d.intent = pick(Intent.GENERAL_INQUIRY, Intent.UPGRADE);
                d.queue = QueueType.SALES;
                d.offered("XS-SECURITY-SUITE", "cross-sell", 12, ContactOutcome.DECLINED);
                d.offered(pick("RET-PLAN-REVIEW", "UP-FIBER-1G"), null, 40, ContactOutcome.DECLINED);
                d.offered("INFO-SELF-SERVICE", "information", 3, ContactOutcome.IGNORED);
            }
            case LOYAL -> {
                d.churn = round2(0.03 + random.nextDouble() * 0.1);
                d.intent = pick(Intent.GENERAL_INQUIRY, Intent.BILLING);
                d.sentiment = Sentiment.POSITIVE;
                d.queue = chance(0.5) ? QueueType.SALES : QueueType.SERVICE;
                for (String product : List.of("FIBER_1G", "TV_BASIC", "TV_PREMIUM", "STREAMING", "SECURITY",
                        "SMART_HOME", "UNLIMITED_PLAN", "MOBILE_LINE")) {
                    d.buy(product, 20 + random.nextInt(80));
                }
                d.buyDeviceDaysAgo(200 + random.nextInt(300));
            }
        }
    }

    // ---------------------------------------------------------------- one caller, as it is drawn

    /** A caller being drawn: every field starts typical and the profile changes what it must. */
    private final class Draft {
        final int number;
        final Instant time;
        final String customerId;
        final Region region;
        final String segment;
        final int tenure;
        double churn;
        BillingStatus billing = BillingStatus.CURRENT;
        boolean vulnerable;
        final Set<Channel> consents = EnumSet.noneOf(Channel.class);
        final Set<String> products = new TreeSet<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final List<Purchase> purchases = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        final double monthlySpend;
        final boolean doNotCall;

        Channel channel;
        Intent intent = Intent.GENERAL_INQUIRY;
        Sentiment sentiment;
        boolean resolved;
        int targetSeconds;
        int handleSeconds;
        QueueType queue = QueueType.SERVICE;

        Draft(int number, Instant time, int tenure) {
            this.number = number;
            this.time = time;
            this.tenure = tenure;
            this.customerId = newCustomerId();
            this.region = REGIONS.get(random.nextInt(REGIONS.size()));
            this.segment = chance(0.78) ? "CONSUMER" : "SMALL_BUSINESS";
            this.churn = round2(0.03 + random.nextDouble() * 0.32);
            this.monthlySpend = 35 + random.nextInt(150);
            this.doNotCall = chance(0.1);
            this.attributes.put("age", 19 + random.nextInt(62));
            this.attributes.put("usagePercent", 15 + random.nextInt(75));
            this.attributes.put("paperBilling", chance(0.2));
            this.attributes.put("outageAffected", chance(0.05));

            // Offers need the customer's consent on the channel: most, not all, have given it.
            if (chance(0.8)) {
                consents.addAll(List.of(Channel.INBOUND_VOICE, Channel.CHAT, Channel.IVR, Channel.WEB));
            }
            consents.add(Channel.EMAIL);
            if (chance(0.5)) {
                consents.add(Channel.SMS);
            }
            if (!doNotCall && chance(0.3)) {
                consents.add(Channel.OUTBOUND_VOICE);
            }

            double c = random.nextDouble();
            channel = c < 0.7 ? Channel.INBOUND_VOICE : Channel.CHAT;
            double s = random.nextDouble();
            sentiment = s < 0.68 ? Sentiment.NEUTRAL : s < 0.85 ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
            // The decision is made during the call: about one issue in four is not yet fixed.
            resolved = chance(0.78);
            targetSeconds = channel == Channel.CHAT ? 900 : 600;
            handleSeconds = targetSeconds * 3 / 10 + random.nextInt(targetSeconds * 7 / 10);
            if (chance(0.25)) {
                longCall();
            }

            holdings();
            history();
        }

        /** The products of a typical customer, each bought once since they joined. */
        private void holdings() {
            buy("MOBILE_PLAN", 0);
            double internet = random.nextDouble();
            if (internet < 0.45) {
                buy("FIBER_500", 99);
            } else if (internet < 0.55) {
                buy("FIBER_1G", 99);
            } else if (internet < 0.75) {
                buy("DSL", 49);
            }
            if (chance(0.3)) {
                buy("TV_BASIC", 49);
            }
            if (chance(0.2)) {
                buy("UNLIMITED_PLAN", 0);
            }
            if (chance(0.25)) {
                buy("MOBILE_LINE", 25);
            }
            if (chance(0.15)) {
                buy("SECURITY", 0);
            }
            if (chance(0.15)) {
                buy("STREAMING", 0);
            }
            if (chance(0.65)) {
                buyDeviceDaysAgo(random.nextInt(Math.max(30, Math.min(tenure, 40) * 30)));
            }
        }

        /** Earlier contacts: a service call now and then, and the offers of campaigns and earlier calls. */
        private void history() {
            if (chance(0.45)) {
                contacts.add(Contact.builder(pick(Channel.INBOUND_VOICE, Channel.CHAT, Channel.IVR),
                        time.minus(Duration.ofDays(2 + random.nextInt(88)))).build());
            }
            double r = random.nextDouble();
            int offersThisMonth = r < 0.55 ? 0 : r < 0.8 ? 1 : r < 0.92 ? 2 : 3;
            for (int k = 0; k < offersThisMonth; k++) {
                double o = random.nextDouble();
                ContactOutcome outcome = o < 0.1 ? ContactOutcome.ACCEPTED
                        : o < 0.4 ? ContactOutcome.DECLINED : ContactOutcome.IGNORED;
                offered(PAST_OFFERS.get(random.nextInt(PAST_OFFERS.size())), null, random.nextInt(31), outcome);
            }
        }

        /** A purchase since the customer joined; a new internet line or plan replaces the one they had. */
        void buy(String product, double amount) {
            String category = category(product);
            if (category.equals("INTERNET") || category.equals("PLAN")) {
                products.removeIf(held -> category(held).equals(category));
            }
            products.add(product);
            LocalDate joined = DAY.minusMonths(tenure);
            long days = Math.max(1, ChronoUnit.DAYS.between(joined, DAY));
            purchases.removeIf(p -> p.product().equals(product));
            purchases.add(Purchase.builder(product, DAY.minusDays(random.nextLong(days))).category(category)
                    .amount(amount).channel(pick(Channel.INBOUND_VOICE, Channel.WEB, Channel.CHAT)).build());
        }

        void buyDeviceDaysAgo(int days) {
            int amount = 199 + random.nextInt(9) * 100;
            String device = pick("PHONE_A15", "PHONE_S24", "PHONE_P8", "TABLET_T10");
            purchases.add(Purchase.builder(device, DAY.minusDays(days)).category("DEVICE").amount(amount)
                    .channel(pick(Channel.INBOUND_VOICE, Channel.WEB)).build());
        }

        void offered(String offerId, String program, int daysAgo, ContactOutcome outcome) {
            contacts.add(Contact.builder(pick(Channel.INBOUND_VOICE, Channel.CHAT, Channel.EMAIL),
                    time.minus(Duration.ofDays(daysAgo))).offer(offerId, outcome).program(program).build());
        }

        boolean holdsInternet() {
            return products.contains("FIBER_500") || products.contains("FIBER_1G") || products.contains("DSL");
        }

        void longCall() {
            handleSeconds = targetSeconds + targetSeconds / 10 + random.nextInt(targetSeconds);
        }

        void onIvr() {
            channel = Channel.IVR;
            targetSeconds = 300;
            handleSeconds = 60 + random.nextInt(200);
        }

        void onChat() {
            channel = Channel.CHAT;
            targetSeconds = 900;
            handleSeconds = Math.min(handleSeconds * 3 / 2, 1500);
        }

        DecisionRequest request() {
            Customer.Builder customer = Customer.builder(customerId)
                    .segment(segment)
                    .tenureMonths(tenure)
                    .region(region.code())
                    .timeZone(region.zone())
                    .products(products)
                    .lifetimeValue(Math.round(monthlySpend * Math.max(tenure, 1)))
                    .churnRisk(Math.min(churn, 0.99))
                    .billingStatus(billing)
                    .consents(consents.toArray(Channel[]::new))
                    .preferredChannel(chance(0.5) ? channel : pick(Channel.EMAIL, Channel.SMS, Channel.CHAT))
                    .doNotCall(doNotCall)
                    .vulnerable(vulnerable);
            attributes.forEach(customer::attribute);
            Interaction interaction = Interaction.builder(channel, intent)
                    .id(String.format("CALL-%04d", number))
                    .sentiment(sentiment)
                    .resolved(resolved)
                    .handleTime(handleSeconds, targetSeconds)
                    .queue(queue)
                    .time(time)
                    .build();
            return DecisionRequest.builder(customer.build(), interaction)
                    .purchases(purchases)
                    .contacts(contacts)
                    .build();
        }
    }

    // ---------------------------------------------------------------- small helpers

    private String newCustomerId() {
        String id;
        do {
            id = "C" + (100_000 + random.nextInt(900_000));
        } while (!customerIds.add(id));
        return id;
    }

    /** The categories of the products customers hold, as the default pack's catalog names them. */
    private static String category(String product) {
        return switch (product) {
            case "FIBER_1G", "FIBER_500", "DSL" -> "INTERNET";
            case "TV_BASIC", "TV_PREMIUM", "STREAMING" -> "TV";
            case "MOBILE_PLAN", "UNLIMITED_PLAN" -> "PLAN";
            case "MOBILE_LINE" -> "MOBILE";
            case "SECURITY" -> "SOFTWARE";
            case "SMART_HOME" -> "HOME";
            default -> throw new IllegalArgumentException("no category for " + product);
        };
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
