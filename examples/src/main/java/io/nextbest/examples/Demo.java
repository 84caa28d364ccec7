package io.nextbest.examples;

import io.nextbest.BillingStatus;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.OfferKind;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.Score;
import io.nextbest.Sentiment;
import io.nextbest.examples.DemoShift.Caller;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One shift of callers, or several, and the decision on each: what {@code nextbest demo} prints, and
 * what its tests read.
 */
public final class Demo {
    /** From this churn risk on, a customer may leave, as the default pack's retention weighs it. */
    public static final double MAY_LEAVE_CHURN_RISK = 0.7;

    /** One caller of the shift of a seed, and the decision the engine made for them. */
    public record Call(long seed, Caller caller, Decision decision) {
        public DecisionRequest request() {
            return caller.request();
        }

        /** True if the decision makes a sales offer. */
        public boolean madeSalesOffer() {
            return decision.offers().stream().anyMatch(o -> o.kind() == OfferKind.SALES);
        }

        /** True if the customer may leave: they call to cancel, or their churn risk is at least {@link #MAY_LEAVE_CHURN_RISK}. */
        public boolean mayLeave() {
            return request().interaction().intent() == Intent.CANCELLATION
                    || request().customer().churnRisk() >= MAY_LEAVE_CHURN_RISK;
        }
    }

    /**
     * What became of the customers who may leave.
     *
     * @param calls     how many of the calls were from a customer who may leave
     * @param retention how many of them were offered retention
     * @param other     how many were made another offer
     * @param noOffer   the others, counted by the code of their deciding reason, most first
     */
    public record Leaving(int calls, int retention, int other, Map<String, Integer> noOffer) {
    }

    /**
     * One of the mission's promises: no sales offer in this situation.
     *
     * @param situation   the situation, in words
     * @param calls       how many calls of the shift were in it
     * @param salesOffers how many of them got a sales offer all the same: 0 if the promise is kept
     */
    public record Promise(String situation, int calls, int salesOffers) {
        public boolean kept() {
            return salesOffers == 0;
        }
    }

    private final long firstSeed;
    private final long lastSeed;
    private final List<Call> calls;

    private Demo(long firstSeed, long lastSeed, List<Call> calls) {
        this.firstSeed = firstSeed;
        this.lastSeed = lastSeed;
        this.calls = List.copyOf(calls);
    }

    /** Decides on every caller of the shift for this seed. */
    public static Demo run(DecisionEngine engine, long seed) {
        return run(engine, seed, seed);
    }

    /** Decides on every caller of the shifts for the seeds from {@code firstSeed} to {@code lastSeed}. */
    public static Demo run(DecisionEngine engine, long firstSeed, long lastSeed) {
        if (lastSeed < firstSeed) {
            throw new IllegalArgumentException("the last seed, " + lastSeed + ", comes before the first, " + firstSeed);
        }
        List<Call> calls = new ArrayList<>();
        for (long seed = firstSeed; seed <= lastSeed; seed++) {
            for (Caller caller : DemoShift.callers(seed)) {
                calls.add(new Call(seed, caller, engine.decide(caller.request())));
            }
        }
        return new Demo(firstSeed, lastSeed, calls);
    }

    public List<Call> calls() {
        return calls;
    }

    /** How many callers were made an offer. */
    public long offers() {
        return calls.stream().filter(c -> c.decision().isOffer()).count();
    }

    /** Offers made, counted by program, most first. */
    public Map<String, Integer> offersByProgram() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Call call : calls) {
            call.decision().offer().ifPresent(o -> counts.merge(o.program(), 1, Integer::sum));
        }
        return mostFirst(counts);
    }

    /** Decisions without an offer, counted by the code of their deciding reason, most first. */
    public Map<String, Integer> noOfferReasons() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Call call : calls) {
            if (!call.decision().isOffer()) {
                counts.merge(call.decision().reason().code(), 1, Integer::sum);
            }
        }
        return mostFirst(counts);
    }

    /** How each reason code counted by {@link #noOfferReasons()} reads: {@code suitability: A complaint call...}. */
    public Map<String, String> reasonLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Call call : calls) {
            if (!call.decision().isOffer()) {
                labels.putIfAbsent(call.decision().reason().code(), label(call.decision().reason()));
            }
        }
        return labels;
    }

    /** The mission's promises of no sales offer, checked against every call of the shift. */
    public List<Promise> promises() {
        return List.of(
                promise("complaint callers", r -> r.interaction().intent() == Intent.COMPLAINT),
                promise("negative sentiment", r -> r.interaction().sentiment() == Sentiment.NEGATIVE),
                promise("vulnerable customers", r -> r.customer().vulnerable()),
                promise("service-queue calls", r -> r.interaction().queue() == QueueType.SERVICE));
    }

    /** What became of the customers who may leave (see {@link Call#mayLeave()}). */
    public Leaving leaving() {
        int inCalls = 0;
        int retention = 0;
        int other = 0;
        Map<String, Integer> noOffer = new LinkedHashMap<>();
        for (Call call : calls) {
            if (!call.mayLeave()) {
                continue;
            }
            inCalls++;
            Decision d = call.decision();
            if (d.offer().filter(o -> o.kind() == OfferKind.RETENTION).isPresent()) {
                retention++;
            } else if (d.isOffer()) {
                other++;
            } else {
                noOffer.merge(d.reason().code(), 1, Integer::sum);
            }
        }
        return new Leaving(inCalls, retention, other, mostFirst(noOffer));
    }

    public boolean promisesKept() {
        return promises().stream().allMatch(Promise::kept);
    }

    private Promise promise(String situation, Predicate<DecisionRequest> applies) {
        int inSituation = 0;
        int sales = 0;
        for (Call call : calls) {
            if (applies.test(call.request())) {
                inSituation++;
                if (call.madeSalesOffer()) {
                    sales++;
                }
            }
        }
        return new Promise(situation, inSituation, sales);
    }

    /** The stage and rule of a reason, such as {@code suitability: A complaint call gets no sales offer}. */
    static String label(Reason reason) {
        return reason.stage().label() + ": " + reason.rule();
    }

    // ---------------------------------------------------------------- printing

    /** Prints every decision in two lines, shift by shift, then the summary. */
    public void print(PrintWriter out) {
        for (long seed = firstSeed; seed <= lastSeed; seed++) {
            long shift = seed;
            List<Call> ofShift = calls.stream().filter(c -> c.seed() == shift).toList();
            out.printf("A shift of %d inbound callers on %s (seed %d)%n%n", ofShift.size(), DemoShift.DAY, seed);
            for (Call call : ofShift) {
                out.printf("%3d  %-56s %s%n", call.caller().number(), who(call.request().customer()),
                        why(call.request()));
                out.println("     " + outcome(call.decision()));
            }
            out.println();
        }
        printSummary(out);
        out.flush();
    }

    void printSummary(PrintWriter out) {
        long offers = offers();
        String shifts = firstSeed == lastSeed ? ""
                : " in " + (lastSeed - firstSeed + 1) + " shifts (seeds " + firstSeed + " to " + lastSeed + ")";
        out.printf("%d callers%s: %d with an offer (%d%%), %d without%n", calls.size(), shifts, offers,
                Math.round(100.0 * offers / calls.size()), calls.size() - offers);
        out.println("Offers by program:");
        offersByProgram().forEach((program, n) -> out.printf("  %3d  %s%n", n, program));
        out.println("No offer, by deciding reason:");
        Map<String, String> labels = reasonLabels();
        noOfferReasons().forEach((code, n) -> out.printf("  %3d  %-34s %s%n", n, code, labels.get(code)));
        List<String> checks = new ArrayList<>();
        for (Promise p : promises()) {
            checks.add(p.situation() + " " + p.salesOffers() + " of " + p.calls());
        }
        out.println("Sales offers where the mission promises none: " + String.join(", ", checks)
                + (promisesKept() ? " -> promise kept" : " -> PROMISE BROKEN"));
        Leaving leaving = leaving();
        List<String> noOffer = new ArrayList<>();
        leaving.noOffer().forEach((code, n) -> noOffer.add(n + " " + code));
        out.printf(Locale.ROOT, "Customers who may leave (calling to cancel, or churn risk %.2f or more): %d: "
                        + "%d offered retention, %d another offer, %d without an offer%s%n", MAY_LEAVE_CHURN_RISK,
                leaving.calls(), leaving.retention(), leaving.other(), leaving.calls() - leaving.retention()
                        - leaving.other(), noOffer.isEmpty() ? "" : " (" + String.join(", ", noOffer) + ")");
    }

    /** Segment, tenure and risk: {@code consumer, 14 months, churn risk 0.21, vulnerable}. */
    static String who(Customer c) {
        StringBuilder sb = new StringBuilder(c.segment().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(", ").append(c.tenureMonths()).append(c.tenureMonths() == 1 ? " month" : " months")
                .append(", churn risk ").append(String.format(Locale.ROOT, "%.2f", c.churnRisk()));
        if (c.billingStatus() != BillingStatus.CURRENT) {
            sb.append(", ").append(c.billingStatus().name().toLowerCase(Locale.ROOT));
        }
        if (c.vulnerable()) {
            sb.append(", vulnerable");
        }
        return sb.toString();
    }

    /**
     * Why they called, on which channel and how it is going: {@code complaint by voice, service queue,
     * negative, unresolved}; {@code by chat without consent to offers} when the customer has not
     * consented to offers on the channel.
     */
    static String why(DecisionRequest request) {
        Interaction i = request.interaction();
        StringBuilder sb = new StringBuilder(reason(i.intent())).append(" by ").append(channel(i));
        if (!request.customer().consentsTo(i.channel())) {
            sb.append(" without consent to offers");
        }
        sb.append(", ").append(i.queue().name().toLowerCase(Locale.ROOT)).append(" queue");
        if (i.sentiment() != Sentiment.NEUTRAL) {
            sb.append(", ").append(i.sentiment().name().toLowerCase(Locale.ROOT));
        }
        if (!i.resolved()) {
            sb.append(", unresolved");
        }
        if (i.handleTimeSeconds() > i.targetHandleTimeSeconds()) {
            sb.append(", long call ").append(minutes(i.handleTimeSeconds())).append(" of ")
                    .append(minutes(i.targetHandleTimeSeconds()));
        }
        long declines = request.contacts().stream().filter(c -> c.outcome() == ContactOutcome.DECLINED).count();
        if (declines > 0) {
            sb.append(", declined ").append(declines).append(declines == 1 ? " offer" : " offers").append(" lately");
        }
        // Three offers in 30 days is where the default pack stops offering: say so when it is reached.
        long offersThisMonth = request.contacts().stream().filter(c -> c.offerId() != null && i.time() != null
                && !c.time().isAfter(i.time()) && Duration.between(c.time(), i.time()).toDays() <= 30).count();
        if (offersThisMonth >= 3) {
            sb.append(", ").append(offersThisMonth).append(" offers in 30 days");
        }
        return sb.toString();
    }

    /** {@code OFFER id (program): priority 12.3 = ...  "script"} or {@code no offer: first reason}. */
    static String outcome(Decision decision) {
        if (!decision.isOffer()) {
            Reason reason = decision.reason();
            return "no offer: " + reason.code() + " (" + label(reason) + ")"
                    + (reason.code().equals(Reason.BELOW_MINIMUM_PRIORITY) ? ": " + reason.text() : "");
        }
        RankedOffer o = decision.offers().get(0);
        Score s = o.score();
        return String.format(Locale.ROOT,
                "OFFER %s (%s): priority %.1f = propensity %.2f x weight %.2f x value %s x lever %.2f  \"%s\"",
                o.offerId(), o.program(), s.priority(), s.propensity(), s.contextWeight(),
                amount(s.businessValue()), s.lever(), o.script());
    }

    private static String reason(Intent intent) {
        return switch (intent) {
            case BILLING -> "billing question";
            case PAYMENT -> "payment";
            case COMPLAINT -> "complaint";
            case TECHNICAL_SUPPORT -> "technical support";
            case CANCELLATION -> "wants to cancel";
            case UPGRADE -> "upgrade request";
            case NEW_SERVICE -> "new service";
            case MOVE -> "moving home";
            case GENERAL_INQUIRY -> "general question";
            case CAMPAIGN -> "campaign call";
        };
    }

    private static String channel(Interaction i) {
        return switch (i.channel()) {
            case INBOUND_VOICE, OUTBOUND_VOICE -> "voice";
            case IVR -> "IVR";
            default -> i.channel().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String minutes(int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static String amount(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static Map<String, Integer> mostFirst(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        Map<String, Integer> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
