package io.nextbest.benchmarks.handwritten;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.OfferKind;
import io.nextbest.Purchase;
import io.nextbest.QueueType;
import io.nextbest.RulePack;
import io.nextbest.Sentiment;
import io.nextbest.Stage;
import io.nextbest.arbitration.Arbitrator;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.arbitration.Scores;
import io.nextbest.benchmarks.Decider;
import io.nextbest.benchmarks.Explanations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The default pack's rules written by hand in plain Java: the fastest the pack's logic can decide, and
 * the yardstick the rule engine is measured against. It makes the same decisions as the pack, with
 * the same left-out reasons (stage, rule name and where the rule is written) and the same scores:
 * {@code SameDecisionsTest} checks it on generated traffic.
 *
 * <p>Each stage applies its rules in the order the pack holds them, and an offer keeps the first rule
 * that leaves it out, which is the earliest stage, then the earliest rule, as the engine reports it.
 * A rule whose row leaves out all offers or whole kinds is applied as a policy for the whole
 * interaction ({@code Work.policy}), the others as rules for single offers ({@code Work.leaveOut}), so
 * that a no-offer's deciding reason is the engine's too. When the pack changes, this class must change
 * with it: the test says where they differ.
 */
public final class HandwrittenEngine implements Decider {
    private static final String RULE_SET = "handwritten";
    private static final int NEVER = 99_999;

    private final OfferCatalog catalog;
    private final Arbitrator arbitrator;
    private final Clock clock;
    private final int size;
    private final Offer[] offers;

    // The offer targets the pack's rules name, as bit masks over catalog positions.
    private final long all;
    private final long sales;
    private final long retention;
    private final long information;
    private final long retentionProgram;
    private final long welcome;
    private final long planChange;
    private final long crossSell;
    private final long upsell;

    private final long contractRenewal;
    private final long autopay;
    private final long paperless;
    private final long paymentPlan;
    private final long deviceProtection;
    private final long deviceUpgrade;
    private final long tradeIn;
    private final long fiber1g;
    private final long premiumTv;
    private final long speedBoost;
    private final long outageCredit;
    private final long rateChange;
    private final long usageAlerts;
    private final long scamAlert;
    private final long wifiCheck;
    private final long selfService;
    private final long freeMonth;
    private final long planReview;
    private final long tvBundle;
    private final long eventPrograms;

    /** An engine for the default pack's catalog, deciding requests without a time at the clock's time. */
    public HandwrittenEngine(RulePack defaultPack, Clock clock) {
        this.catalog = Explanations.catalog(defaultPack);
        this.arbitrator = new Arbitrator(catalog, NextBest.DEFAULT_MAX_OFFERS, NextBest.DEFAULT_MINIMUM_PRIORITY);
        this.clock = clock;
        this.size = catalog.size();
        if (size > 64) {
            throw new IllegalArgumentException("one long holds the offers of a catalog of at most 64, not " + size);
        }
        this.offers = catalog.offers().toArray(Offer[]::new);
        all = mask(o -> true);
        sales = mask(o -> o.kind() == OfferKind.SALES);
        retention = mask(o -> o.kind() == OfferKind.RETENTION);
        information = mask(o -> o.kind() == OfferKind.INFORMATION);
        retentionProgram = program("retention");
        welcome = program("welcome");
        planChange = program("plan-change");
        crossSell = program("cross-sell");
        upsell = program("upsell");
        contractRenewal = offer("RET-CONTRACT-RENEWAL");
        autopay = offer("SVC-AUTOPAY");
        paperless = offer("SVC-PAPERLESS");
        paymentPlan = offer("SVC-PAYMENT-PLAN");
        deviceProtection = offer("SVC-DEVICE-PROTECTION");
        deviceUpgrade = offer("UP-DEVICE-UPGRADE");
        tradeIn = offer("RET-DEVICE-TRADEIN");
        fiber1g = offer("UP-FIBER-1G");
        premiumTv = offer("UP-PREMIUM-TV");
        speedBoost = offer("UP-SPEED-BOOST");
        outageCredit = offer("SVC-OUTAGE-CREDIT");
        rateChange = offer("INFO-RATE-CHANGE");
        usageAlerts = offer("SVC-USAGE-ALERTS");
        scamAlert = offer("INFO-SCAM-ALERT");
        wifiCheck = offer("SVC-WIFI-CHECK");
        selfService = offer("INFO-SELF-SERVICE");
        freeMonth = offer("RET-FREE-MONTH");
        planReview = offer("RET-PLAN-REVIEW");
        tvBundle = offer("XS-TV-BUNDLE");
        eventPrograms = program("outage") | program("collections") | program("fraud-alert")
                | program("spending-limit") | program("loan-status") | program("rate-change");
    }

    private long mask(Predicate<Offer> test) {
        long mask = 0;
        for (int i = 0; i < size; i++) {
            if (test.test(offers[i])) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private long program(String program) {
        return mask(o -> o.program().equals(program));
    }

    private long offer(String id) {
        int i = catalog.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("the catalog has no offer " + id);
        }
        return 1L << i;
    }

    // ---------------------------------------------------------------- the reasons, as the pack names and places them

    /** A rule of the pack that leaves offers out, with its reason code, as the pack names and places it. */
    private static RuleInfo rule(Stage stage, String code, String rule, String source) {
        return new RuleInfo(rule, code, stage, 0, source);
    }

    private static RuleInfo eligibility(String code, String rule, int row) {
        return rule(Stage.ELIGIBILITY, code, rule, "eligibility.drl.csv row " + row);
    }

    private static RuleInfo applicability(String code, String rule, int row) {
        return rule(Stage.APPLICABILITY, code, rule, "applicability.drl.csv row " + row);
    }

    private static RuleInfo suitability(String code, String rule, int row) {
        return rule(Stage.SUITABILITY, code, rule, "suitability.drl.csv row " + row);
    }

    private static final RuleInfo RETENTION_AT_RISK = eligibility("RETENTION_NOT_AT_RISK", "Retention is for customers at risk of leaving", 10);
    private static final RuleInfo RENEWAL_TENURE = eligibility("RENEWAL_NEEDS_TENURE", "Contract renewal needs a year of tenure", 11);
    private static final RuleInfo WELCOME_NEW = eligibility("WELCOME_FIRST_THREE_MONTHS", "Welcome is for the first three months", 12);
    private static final RuleInfo PLAN_CHANGE_USAGE =
            eligibility("PLAN_CHANGE_NOT_NEAR_ALLOWANCE", "Plan change is for customers near their allowance", 13);
    private static final RuleInfo NO_SALES_IN_COLLECTIONS = eligibility("COLLECTIONS_NO_SALES", "No sales to accounts in collections", 14);
    private static final RuleInfo AUTOPAY_LATE = eligibility("AUTOPAY_NOT_LATE", "Autopay is for customers who paid late", 15);
    private static final RuleInfo PAYMENT_PLAN_BEHIND = eligibility("PAYMENT_PLAN_NOT_BEHIND", "Payment plan is for accounts behind on payments", 16);
    private static final RuleInfo PAPERLESS_PAPER = eligibility("PAPERLESS_NOT_ON_PAPER", "Paperless is for customers on paper bills", 17);
    private static final RuleInfo PROTECTION_AFTER_DEVICE =
            eligibility("DEVICE_PROTECTION_NO_NEW_DEVICE", "Device protection follows a device bought in the last 60 days", 18);
    private static final RuleInfo UPGRADE_WAITS = eligibility("DEVICE_UPGRADE_TOO_SOON", "Device upgrade waits 18 months after the last device", 19);
    private static final RuleInfo TRADE_IN_DEVICE = eligibility("TRADE_IN_NO_DEVICE", "Trade-in is for customers with a device from us", 20);
    private static final RuleInfo CROSS_SELL_TENURE = eligibility("CROSS_SELL_TENURE", "Cross-sell waits for six months of tenure", 21);
    private static final RuleInfo UPSELL_BUYERS = eligibility("UPSELL_NO_RECENT_SPEND", "Upsell is for customers who bought in the last year", 22);
    private static final RuleInfo FIBER_CUSTOMERS = eligibility("FIBER_1G_NOT_FIBER", "Fiber 1 Gbps is for fiber customers", 23);
    private static final RuleInfo TV_CUSTOMERS = eligibility("PREMIUM_TV_NO_TV", "Premium TV is for TV customers", 24);
    private static final RuleInfo DSL_CUSTOMERS = eligibility("SPEED_BOOST_NOT_DSL", "Speed boost is for DSL customers", 25);
    private static final RuleInfo OUTAGE_HIT = eligibility("OUTAGE_CREDIT_NOT_AFFECTED", "Outage credit is for customers hit by the outage", 26);
    private static final RuleInfo RATE_REGION = eligibility("RATE_CHANGE_OTHER_REGION", "Rate change notice is for the affected region", 27);
    private static final RuleInfo ALERTS_USAGE = eligibility("USAGE_ALERTS_NOT_NEAR_ALLOWANCE", "Usage alerts are for customers near their allowance", 28);
    private static final RuleInfo SCAM_AGE = eligibility("SCAM_AWARENESS_UNDER_65", "Scam awareness is for customers 65 and over", 29);
    // outbound.drl.csv: requests no planner marked as planned meet only its first row.
    private static final RuleInfo EVENT_PROGRAMS = rule(Stage.ELIGIBILITY, "EVENT_PROGRAMS_PLANNED_ONLY",
            "Event programs are for planned contacts only", "outbound.drl.csv row 10");

    private static final RuleInfo NOT_ON_CHANNEL = rule(Stage.APPLICABILITY, "OFFER_NOT_FOR_CHANNEL",
            "The offer is not made on this channel", "applicability.drl line 8");
    private static final RuleInfo OUT_OF_DATE = rule(Stage.APPLICABILITY, "OFFER_OUT_OF_DATE",
            "The offer is outside its validity dates", "applicability.drl line 15");
    private static final RuleInfo NO_CONSENT = rule(Stage.APPLICABILITY, "NO_CONSENT",
            "No consent to offers on this channel", "applicability.drl line 22");
    private static final RuleInfo DO_NOT_CALL = rule(Stage.APPLICABILITY, "DO_NOT_CALL",
            "Do-Not-Call: no outbound voice offers", "applicability.drl line 29");
    private static final RuleInfo CALLING_HOURS = rule(Stage.APPLICABILITY, "OUTSIDE_CALLING_HOURS",
            "Outside calling hours (8:00 to 21:00, customer's local time)", "applicability.drl line 36");
    private static final RuleInfo IVR_SELF_SERVICE =
            applicability("IVR_SELF_SERVICE_ONLY", "The IVR is for self-service, not sales or retention", 10);
    private static final RuleInfo SERVICE_QUEUE = applicability("SERVICE_QUEUE_NO_SALES", "A service queue gets no sales offers", 11);
    private static final RuleInfo CANCELLATION_CALL = applicability("CANCELLATION_RETENTION_ONLY", "A cancellation call is a retention conversation", 12);
    private static final RuleInfo WIFI_TECHNICAL = applicability("WIFI_CHECK_TECH_SUPPORT", "Wi-Fi check is for technical support calls", 13);
    private static final RuleInfo PAYMENT_PLAN_CALLS = applicability("PAYMENT_PLAN_BILLING_CALLS", "Payment plan fits billing and payment calls", 14);
    private static final RuleInfo OUTAGE_SERVICE_CALLS =
            applicability("OUTAGE_CREDIT_SERVICE_CALLS", "Outage credit is explained on service calls only", 15);
    private static final RuleInfo ALERTS_CALLS = applicability("USAGE_ALERTS_FIT_CALL", "Usage alerts fit billing and technical support calls", 16);
    private static final RuleInfo SCAM_CALLS = applicability("SCAM_AWARENESS_FIT_CALL", "Scam awareness fits general and billing questions", 17);
    private static final RuleInfo SELF_SERVICE_CALLS = applicability("SELF_SERVICE_TIPS_FIT_CALL", "Self-service tips fit billing and payment calls", 18);
    private static final RuleInfo MOVE_CALL = applicability("MOVE_NO_DEVICE_UPGRADE", "A move is no time for a device upgrade", 19);

    private static final RuleInfo HOLDS_PRODUCT = rule(Stage.SUITABILITY, "PRODUCT_ALREADY_HELD",
            "The customer already holds the product", "suitability.drl line 7");
    private static final RuleInfo DECLINED_COOL_DOWN = rule(Stage.SUITABILITY, "DECLINED_IN_COOL_DOWN",
            "Declined within the offer's cool-down", "suitability.drl line 14");
    private static final RuleInfo COMPLAINT_CALL = suitability("COMPLAINT_NO_SALES", "A complaint call gets no sales offer", 10);
    private static final RuleInfo UNRESOLVED =
            suitability("UNRESOLVED_FIX_FIRST", "Fix the issue first: no sales or information until it is resolved", 11);
    private static final RuleInfo NEGATIVE_NO_SALES = suitability("NEGATIVE_NO_SALES", "Negative sentiment: no sales", 12);
    private static final RuleInfo NEGATIVE_NO_INFORMATION = suitability("NEGATIVE_NO_INFORMATION", "Negative sentiment: no information pushes", 13);
    private static final RuleInfo OVER_HANDLE_TIME = suitability("OVER_HANDLE_TIME", "Over the handle time target: no proactive offer", 14);
    private static final RuleInfo VULNERABLE = suitability("VULNERABLE_NO_PRESSURE", "A vulnerable customer gets no sales or retention pressure", 15);
    private static final RuleInfo THREE_IN_30_DAYS = suitability("CONTACT_FATIGUE_30_DAYS", "Three offers in 30 days is enough", 16);
    private static final RuleInfo OFFER_IN_7_DAYS = suitability("RECENT_OFFER_7_DAYS", "An offer in the last 7 days: no sales now", 17);
    private static final RuleInfo TWO_DECLINES = suitability("TWO_DECLINES_REST", "Two declines in 90 days: let the customer rest", 18);

    // ---------------------------------------------------------------- deciding

    /** What one decision works on: the reasons offers are left out and their scores, by catalog position. */
    private final class Work implements Scores {
        final RuleInfo[] leftOutBy = new RuleInfo[size];
        final double[] propensity = new double[size];
        final double[] weight = new double[size];
        final double[] lever = new double[size];
        final boolean[] modelScored = new boolean[size];
        /** The offers rules for single offers left out. */
        long forItself;
        /** The rules that stated a policy for the whole interaction (all offers or whole kinds), and what they left out. */
        final RuleInfo[] policies = new RuleInfo[24];
        final long[] policyMasks = new long[24];
        int policyCount;

        /** Leaves out, by a rule for single offers, the offers of the mask that no earlier rule left out. */
        void leaveOut(long mask, RuleInfo reason) {
            forItself |= mask;
            credit(mask, reason);
        }

        /** Leaves out, by a policy for the whole interaction, the offers of the mask that no earlier rule left out. */
        void policy(long mask, RuleInfo reason) {
            policies[policyCount] = reason;
            policyMasks[policyCount++] = mask;
            credit(mask, reason);
        }

        private void credit(long mask, RuleInfo reason) {
            for (long m = mask; m != 0; m &= m - 1) {
                int i = Long.numberOfTrailingZeros(m);
                if (leftOutBy[i] == null) {
                    leftOutBy[i] = reason;
                }
            }
        }

        void propensity(long mask, double value) {
            for (long m = mask; m != 0; m &= m - 1) {
                int i = Long.numberOfTrailingZeros(m);
                if (!modelScored[i]) {
                    propensity[i] = value;
                }
            }
        }

        void weight(long mask, double factor) {
            for (long m = mask; m != 0; m &= m - 1) {
                weight[Long.numberOfTrailingZeros(m)] *= factor;
            }
        }

        void lever(long mask, double factor) {
            for (long m = mask; m != 0; m &= m - 1) {
                lever[Long.numberOfTrailingZeros(m)] *= factor;
            }
        }

        @Override
        public RuleInfo leftOutBy(int offer) {
            return leftOutBy[offer];
        }

        @Override
        public boolean leftOutForItself(int offer) {
            return (forItself & (1L << offer)) != 0;
        }

        @Override
        public int policies() {
            return policyCount;
        }

        @Override
        public RuleInfo policy(int k) {
            return policies[k];
        }

        @Override
        public boolean policyLeftOut(int k, int offer) {
            return (policyMasks[k] & (1L << offer)) != 0;
        }

        @Override
        public double propensityOf(int offer) {
            return propensity[offer];
        }

        @Override
        public double weightOf(int offer) {
            return weight[offer];
        }

        @Override
        public double leverOf(int offer) {
            return lever[offer];
        }
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Customer customer = request.customer();
        Interaction call = request.interaction();
        Instant now = call.time() != null ? call.time() : clock.instant();
        ZonedDateTime local = now.atZone(customer.timeZone());
        LocalDate today = local.toLocalDate();
        long todayEpochDay = today.toEpochDay();
        Channel channel = call.channel();
        Intent intent = call.intent();
        Sentiment sentiment = call.sentiment();
        BillingStatus billing = customer.billingStatus();

        // The purchase history, summed up.
        long yearAgo = today.minusMonths(12).toEpochDay();
        int purchasesLast90Days = 0;
        int daysSinceDevice = NEVER;
        double spendLast12Months = 0;
        for (Purchase p : request.purchases()) {
            long days = todayEpochDay - p.date().toEpochDay();
            if (days >= 0 && days <= 90) {
                purchasesLast90Days++;
            }
            if (days >= 0 && p.date().toEpochDay() >= yearAgo) {
                spendLast12Months += p.amount();
            }
            if (days >= 0 && days < daysSinceDevice && p.category().equalsIgnoreCase("DEVICE")) {
                daysSinceDevice = (int) days;
            }
        }

        // The contact history, summed up; and the offers declined within their cool-down.
        int offersLast7Days = 0;
        int offersLast30Days = 0;
        int declinesLast90Days = 0;
        long declinedInCoolDown = 0;
        long nowSeconds = now.getEpochSecond();
        for (Contact c : request.contacts()) {
            long days = Math.floorDiv(nowSeconds - c.time().getEpochSecond(), 86_400L);
            if (days < 0 || c.offerId() == null) {
                continue;
            }
            if (days <= 7) {
                offersLast7Days++;
            }
            if (days <= 30) {
                offersLast30Days++;
            }
            if (c.outcome() == ContactOutcome.DECLINED) {
                if (days <= 90) {
                    declinesLast90Days++;
                }
                int i = catalog.indexOf(c.offerId());
                if (i >= 0 && days < offers[i].coolDownDays()) {
                    declinedInCoolDown |= 1L << i;
                }
            }
        }

        Work w = new Work();

        // Eligibility: may this customer ever get these offers?
        double churnRisk = customer.churnRisk();
        int tenure = customer.tenureMonths();
        double usage = number(customer, "usagePercent");
        if (churnRisk < 0.5 && intent != Intent.CANCELLATION) {
            w.leaveOut(retentionProgram, RETENTION_AT_RISK);
        }
        if (tenure < 12) {
            w.leaveOut(contractRenewal, RENEWAL_TENURE);
        }
        if (tenure > 3) {
            w.leaveOut(welcome, WELCOME_NEW);
        }
        if (usage < 80) {
            w.leaveOut(planChange, PLAN_CHANGE_USAGE);
        }
        if (billing == BillingStatus.COLLECTIONS) {
            w.policy(sales, NO_SALES_IN_COLLECTIONS);
        }
        if (billing == BillingStatus.CURRENT) {
            w.leaveOut(autopay, AUTOPAY_LATE);
            w.leaveOut(paymentPlan, PAYMENT_PLAN_BEHIND);
        }
        if (!flag(customer, "paperBilling")) {
            w.leaveOut(paperless, PAPERLESS_PAPER);
        }
        if (daysSinceDevice > 60) {
            w.leaveOut(deviceProtection, PROTECTION_AFTER_DEVICE);
        }
        if (daysSinceDevice < 540) {
            w.leaveOut(deviceUpgrade, UPGRADE_WAITS);
        }
        if (daysSinceDevice > 1095) {
            w.leaveOut(tradeIn, TRADE_IN_DEVICE);
        }
        if (tenure < 6) {
            w.leaveOut(crossSell, CROSS_SELL_TENURE);
        }
        if (spendLast12Months <= 0) {
            w.leaveOut(upsell, UPSELL_BUYERS);
        }
        if (!customer.holds("FIBER_500")) {
            w.leaveOut(fiber1g, FIBER_CUSTOMERS);
        }
        if (!customer.holds("TV_BASIC")) {
            w.leaveOut(premiumTv, TV_CUSTOMERS);
        }
        if (!customer.holds("DSL")) {
            w.leaveOut(speedBoost, DSL_CUSTOMERS);
        }
        if (!flag(customer, "outageAffected")) {
            w.leaveOut(outageCredit, OUTAGE_HIT);
        }
        if (!customer.region().equals("TX")) {
            w.leaveOut(rateChange, RATE_REGION);
        }
        if (usage < 70) {
            w.leaveOut(usageAlerts, ALERTS_USAGE);
        }
        if (number(customer, "age") < 65) {
            w.leaveOut(scamAlert, SCAM_AGE);
        }
        if (!flag(customer, "planned")) {
            w.leaveOut(eventPrograms, EVENT_PROGRAMS);
        }

        // Applicability: does the offer fit this interaction?
        long notOnChannel = 0;
        long outOfDate = 0;
        for (int i = 0; i < size; i++) {
            if (!offers[i].channels().contains(channel)) {
                notOnChannel |= 1L << i;
            }
            if (!offers[i].isValidOn(today)) {
                outOfDate |= 1L << i;
            }
        }
        w.leaveOut(notOnChannel, NOT_ON_CHANNEL);
        w.leaveOut(outOfDate, OUT_OF_DATE);
        if (!customer.consentsTo(channel)) {
            w.policy(all, NO_CONSENT);
        }
        if (customer.doNotCall() && channel == Channel.OUTBOUND_VOICE) {
            w.policy(all, DO_NOT_CALL);
        }
        if (channel.isOutbound() && (local.getHour() < 8 || local.getHour() >= 21)) {
            w.policy(all, CALLING_HOURS);
        }
        if (channel == Channel.IVR) {
            w.policy(sales | retention, IVR_SELF_SERVICE);
        }
        if (call.queue() == QueueType.SERVICE) {
            w.policy(sales, SERVICE_QUEUE);
        }
        if (intent == Intent.CANCELLATION) {
            w.policy(sales | information | welcome, CANCELLATION_CALL);
        }
        if (intent != Intent.TECHNICAL_SUPPORT) {
            w.leaveOut(wifiCheck, WIFI_TECHNICAL);
        }
        boolean billingCall = intent == Intent.BILLING || intent == Intent.PAYMENT;
        if (!billingCall) {
            w.leaveOut(paymentPlan, PAYMENT_PLAN_CALLS);
        }
        if (call.queue() == QueueType.SALES) {
            w.leaveOut(outageCredit, OUTAGE_SERVICE_CALLS);
        }
        if (intent != Intent.BILLING && intent != Intent.TECHNICAL_SUPPORT) {
            w.leaveOut(usageAlerts, ALERTS_CALLS);
        }
        if (intent != Intent.GENERAL_INQUIRY && intent != Intent.BILLING) {
            w.leaveOut(scamAlert, SCAM_CALLS);
        }
        if (!billingCall) {
            w.leaveOut(selfService, SELF_SERVICE_CALLS);
        }
        if (intent == Intent.MOVE) {
            w.leaveOut(deviceUpgrade | planChange, MOVE_CALL);
        }

        // Suitability: is it right for this customer now?
        long held = 0;
        for (int i = 0; i < size; i++) {
            String product = offers[i].product();
            if (!product.isEmpty() && customer.holds(product)) {
                held |= 1L << i;
            }
        }
        w.leaveOut(held, HOLDS_PRODUCT);
        w.leaveOut(declinedInCoolDown, DECLINED_COOL_DOWN);
        if (intent == Intent.COMPLAINT) {
            w.policy(sales, COMPLAINT_CALL);
        }
        if (!call.resolved()) {
            w.policy(sales | information, UNRESOLVED);
        }
        if (sentiment == Sentiment.NEGATIVE) {
            w.policy(sales, NEGATIVE_NO_SALES);
            w.policy(information, NEGATIVE_NO_INFORMATION);
        }
        if (call.handleTimeSeconds() > call.targetHandleTimeSeconds() && intent != Intent.CANCELLATION) {
            w.policy(all, OVER_HANDLE_TIME);
        }
        if (customer.vulnerable()) {
            w.policy(sales | retention, VULNERABLE);
        }
        if (offersLast30Days >= 3 && intent != Intent.CANCELLATION) {
            w.policy(all, THREE_IN_30_DAYS);
        }
        if (offersLast7Days >= 1) {
            w.policy(sales, OFFER_IN_7_DAYS);
        }
        if (declinesLast90Days >= 2 && intent != Intent.CANCELLATION) {
            w.policy(sales | retention, TWO_DECLINES);
        }

        // Arbitration: priority = propensity x context weight x business value x lever.
        Map<String, Double> models = request.propensities();
        for (int i = 0; i < size; i++) {
            Double model = models.isEmpty() ? null : models.get(offers[i].id());
            w.modelScored[i] = model != null;
            w.propensity[i] = model != null ? model : offers[i].propensity();
            w.weight[i] = 1.0;
            w.lever[i] = 1.0;
        }
        if (churnRisk >= 0.7) {
            w.propensity(retentionProgram, 0.3);
        }
        if (churnRisk >= 0.5 && churnRisk < 0.7) {
            w.propensity(retentionProgram, 0.15);
        }
        if (intent == Intent.CANCELLATION) {
            w.weight(retentionProgram, 2.0);
        }
        if (churnRisk >= 0.5 && intent == Intent.COMPLAINT) {
            w.weight(freeMonth, 1.8);
        }
        if (tenure <= 3) {
            w.propensity(welcome, 0.45);
        }
        if (usage >= 95) {
            w.propensity(planChange, 0.35);
        }
        if (usage >= 80 && usage < 95) {
            w.propensity(planChange, 0.2);
        }
        if (daysSinceDevice <= 30) {
            w.propensity(deviceProtection, 0.3);
        }
        if (intent == Intent.UPGRADE) {
            w.weight(upsell, 2.5);
        }
        if (intent == Intent.NEW_SERVICE) {
            w.weight(crossSell, 2.5);
        }
        if (billing == BillingStatus.LATE) {
            w.propensity(autopay, 0.35);
        }
        if (billing == BillingStatus.COLLECTIONS) {
            w.propensity(paymentPlan, 0.45);
        }
        if (intent == Intent.BILLING) {
            w.weight(autopay | paperless | paymentPlan, 1.5);
        }
        if (intent == Intent.PAYMENT) {
            w.weight(autopay, 1.5);
        }
        if (customer.preferredChannel() == channel) {
            w.weight(all, 1.2);
        }
        if (channel == Channel.CHAT) {
            w.weight(information, 1.3);
        }
        if (sentiment == Sentiment.POSITIVE) {
            w.weight(sales, 1.5);
        }
        if ((double) call.handleTimeSeconds() / call.targetHandleTimeSeconds() >= 0.8) {
            w.weight(all, 0.7);
        }
        if (customer.lifetimeValue() >= 5000) {
            w.lever(retentionProgram, 1.5);
        }
        if (spendLast12Months >= 1500) {
            w.propensity(upsell, 0.1);
        }
        if (purchasesLast90Days >= 1) {
            w.propensity(crossSell, 0.05);
        }
        if (tenure >= 36) {
            w.weight(planReview, 1.3);
        }
        w.lever(fiber1g, 1.3);
        w.lever(tvBundle, 0.8);

        return decision(request, now, w);
    }

    /** Ranks the offers in play and writes the decision with the engine's arbitration. */
    private Decision decision(DecisionRequest request, Instant now, Work w) {
        return arbitrator.decide(w, request.customer().id(), RULE_SET, Explanations.decisionId(RULE_SET, request, now),
                now);
    }

    private static double number(Customer customer, String attribute) {
        return customer.attributes().get(attribute) instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static boolean flag(Customer customer, String attribute) {
        Object value = customer.attributes().get(attribute);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
    }
}
