package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Explanation;
import io.nextbest.FiredRule;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.LeftOut;
import io.nextbest.NextBest;
import io.nextbest.Offer;
import io.nextbest.OfferKind;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.Sentiment;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The catalogue of invariants every rule set should keep, bound to one engine and the rule pack it
 * decides with. Run them all on each generated request:
 *
 * <pre>{@code
 * DecisionInvariants invariants = DecisionInvariants.forRules(RulePack.directory(Path.of("rules")));
 *
 * @Property
 * void everyInvariantHolds(@ForAll("requests") DecisionRequest request) {
 *     invariants.assertAll(request);
 * }
 * }</pre>
 *
 * or one at a time with {@link #assertHolds}, or extend {@link DecisionInvariantProperties} for one
 * property per invariant. Some invariants build engines of their own, from the same pack with one
 * offer pushed harder; {@link #close()} releases them.
 */
public final class DecisionInvariants implements AutoCloseable {
    /** How much the winning offer's lever and value are raised by {@link #raisingTheWinnerKeepsItWinning()}. */
    public static final double RAISE = 2.0;
    /** The calling hours of the US TCPA, in the customer's local time: from 8:00 to before 21:00. */
    public static final int FIRST_CALLING_HOUR = 8;
    public static final int END_OF_CALLING_HOURS = 21;

    private final DecisionEngine engine;
    private final boolean ownsEngine;
    private final RulePack pack;
    private final int maxOffers;
    private final Function<RulePack, DecisionEngine> engines;
    private final PackFiles files;
    private final String unreadAttribute;
    private final Map<String, DecisionEngine> raised = new ConcurrentHashMap<>();
    private final List<Invariant> all;

    private DecisionInvariants(DecisionEngine engine, boolean ownsEngine, RulePack pack,
                               Function<RulePack, DecisionEngine> engines) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.pack = pack;
        this.maxOffers = engine.maxOffers();
        this.engines = engines;
        this.files = new PackFiles(pack);
        this.unreadAttribute = freshName(pack);
        this.all = List.of(atMostTheConfiguredNumberOfOffers(), onlyOnConsentedChannels(), onlyWithinCallingHours(),
                noSalesWhenServiceComesFirst(), noProductAlreadyHeld(), noRepeatWithinCoolDown(),
                sameRequestSameDecision(), unreadAttributesChangeNothing(), raisingTheWinnerKeepsItWinning(),
                everyNoOfferSaysWhy(), everyExplanationNamesARealRow());
    }

    /** The invariants of the pack, decided by an engine with the default settings. */
    public static DecisionInvariants forRules(RulePack pack) {
        return forRules(pack, UnaryOperator.identity());
    }

    /**
     * The invariants of the pack, decided by an engine with the given settings, such as
     * {@code engine -> engine.maxOffers(2)}; the engines built to raise an offer's lever or value get the
     * same settings.
     */
    public static DecisionInvariants forRules(RulePack pack, UnaryOperator<NextBest.Builder> settings) {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(settings, "settings");
        Function<RulePack, DecisionEngine> build = p -> settings.apply(NextBest.engine().rules(p)).build();
        return new DecisionInvariants(build.apply(pack), true, pack, build);
    }

    /**
     * The invariants of an engine that is already built, and the pack it decides with (the kit reads the
     * pack's files to check explanations, and builds engines from it to raise an offer's lever or
     * value, with the engine's offer limit and minimum priority). The engine stays open on
     * {@link #close()}.
     */
    public static DecisionInvariants forEngine(DecisionEngine engine, RulePack pack) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(pack, "pack");
        Function<RulePack, DecisionEngine> build = p -> NextBest.engine().rules(p)
                .maxOffers(engine.maxOffers()).minimumPriority(engine.minimumPriority()).build();
        return new DecisionInvariants(engine, false, pack, build);
    }

    /**
     * The invariants of engines that {@code build} makes from a pack: the pack's own, and the ones with an
     * offer's lever or value raised. For the kit's own tests of engines no rule set can make.
     */
    static DecisionInvariants forEngines(RulePack pack, Function<RulePack, DecisionEngine> build) {
        return new DecisionInvariants(build.apply(pack), true, pack, build);
    }

    /** The engine the invariants decide with. */
    public DecisionEngine engine() {
        return engine;
    }

    /** The rule pack the engine decides with. */
    public RulePack rules() {
        return pack;
    }

    /** Every invariant of the catalogue, in the order of the README. */
    public List<Invariant> all() {
        return all;
    }

    /** The violations of every invariant on this request; empty if it keeps them all. */
    public List<Violation> check(DecisionRequest request) {
        List<Violation> found = new ArrayList<>();
        for (Invariant invariant : all) {
            found.addAll(invariant.check(engine, request));
        }
        return found;
    }

    /** @throws InvariantViolation naming every invariant the request breaks, with its report */
    public void assertAll(DecisionRequest request) {
        List<Violation> found = check(request);
        if (!found.isEmpty()) {
            throw new InvariantViolation(found);
        }
    }

    /** @throws InvariantViolation if the request breaks the invariant, with its report */
    public void assertHolds(Invariant invariant, DecisionRequest request) {
        List<Violation> found = invariant.check(engine, request);
        if (!found.isEmpty()) {
            throw new InvariantViolation(found);
        }
    }

    // ---------------------------------------------------------------- the catalogue

    /** At most the configured number of offers (the engine's {@code maxOffers}) per interaction. */
    public Invariant atMostTheConfiguredNumberOfOffers() {
        String name = "at most " + maxOffers + " offer" + (maxOffers == 1 ? "" : "s") + " per interaction";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            if (d.offers().size() <= maxOffers) {
                return List.of();
            }
            return List.of(Violation.of(name, d.offers().size() + " offers were made (" + ids(d.offers())
                            + ") where the engine allows " + maxOffers, engine, request, d,
                    Map.of("notOffer", d.offers().get(maxOffers).offerId()),
                    "A scenario cannot count offers: it expects the first offer past the limit not to be made."));
        });
    }

    /**
     * No offer on a channel the customer has not consented to, and no offer on an outbound call to a
     * customer on a Do-Not-Call list.
     */
    public Invariant onlyOnConsentedChannels() {
        String name = "no offer on a channel without the customer's consent, nor on an outbound call to a "
                + "Do-Not-Call customer";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            if (!d.isOffer()) {
                return List.of();
            }
            Customer c = request.customer();
            Channel channel = request.interaction().channel();
            List<String> problems = new ArrayList<>();
            if (!c.consentsTo(channel)) {
                problems.add(ids(d.offers()) + " offered on " + channel + ", a channel the customer has not consented"
                        + " to (consents: " + sorted(c.consents()) + ")");
            }
            if (c.doNotCall() && channel == Channel.OUTBOUND_VOICE) {
                problems.add(ids(d.offers()) + " offered on an outbound call to a customer on a Do-Not-Call list");
            }
            return violation(name, problems, engine, request, d, Map.of("decision", "NO_OFFER"));
        });
    }

    /**
     * No offer on an outbound call or text outside calling hours, 8:00 to 21:00 in the customer's local
     * time (the US TCPA's hours; some states are stricter).
     */
    public Invariant onlyWithinCallingHours() {
        String name = "no offer on an outbound call or text outside " + FIRST_CALLING_HOUR + ":00 to "
                + END_OF_CALLING_HOURS + ":00 in the customer's local time";
        return Invariant.of(name, (engine, request) -> {
            Channel channel = request.interaction().channel();
            if (channel != Channel.OUTBOUND_VOICE && channel != Channel.SMS) {
                return List.of();
            }
            Decision d = engine.decide(request);
            if (!d.isOffer()) {
                return List.of();
            }
            ZonedDateTime local = d.decidedAt().atZone(request.customer().timeZone());
            if (local.getHour() >= FIRST_CALLING_HOUR && local.getHour() < END_OF_CALLING_HOURS) {
                return List.of();
            }
            return violation(name, List.of(ids(d.offers()) + " offered on " + channel + " at " + local.toLocalTime()
                    + " local time (" + local.getZone() + ", " + local.toLocalDate() + "), outside calling hours"),
                    engine, request, d, Map.of("decision", "NO_OFFER"));
        });
    }

    /**
     * No sales offer on a complaint, an unresolved issue, negative sentiment, to a vulnerable customer
     * or in a service queue: service comes first.
     */
    public Invariant noSalesWhenServiceComesFirst() {
        String name = "no sales offer on a complaint, an unresolved issue, negative sentiment, to a vulnerable "
                + "customer or in a service queue";
        return Invariant.of(name, (engine, request) -> {
            Interaction i = request.interaction();
            List<String> because = new ArrayList<>();
            if (i.intent() == Intent.COMPLAINT) {
                because.add("the customer called to complain");
            }
            if (!i.resolved()) {
                because.add("the issue is not resolved");
            }
            if (i.sentiment() == Sentiment.NEGATIVE) {
                because.add("the sentiment is negative");
            }
            if (request.customer().vulnerable()) {
                because.add("the customer is vulnerable");
            }
            if (i.queue() == QueueType.SERVICE) {
                because.add("the call is in a service queue");
            }
            if (because.isEmpty()) {
                return List.of();
            }
            Decision d = engine.decide(request);
            List<RankedOffer> sales = d.offers().stream().filter(o -> o.kind() == OfferKind.SALES).toList();
            if (sales.isEmpty()) {
                return List.of();
            }
            return violation(name, List.of("the sales offer " + ids(sales) + " was made although "
                    + String.join(" and ", because)), engine, request, d, Map.of("notKind", OfferKind.SALES.name()));
        });
    }

    /** No offer of a product the customer already holds. */
    public Invariant noProductAlreadyHeld() {
        String name = "no offer of a product the customer already holds";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            List<String> problems = new ArrayList<>();
            String first = null;
            for (RankedOffer o : d.offers()) {
                Optional<Offer> offer = engine.catalog().find(o.offerId());
                if (offer.isPresent() && !offer.get().product().isEmpty()
                        && request.customer().holds(offer.get().product())) {
                    problems.add(o.offerId() + " offers " + offer.get().product() + ", which the customer holds");
                    first = first == null ? o.offerId() : first;
                }
            }
            return first == null ? List.of()
                    : violation(name, problems, engine, request, d, Map.of("notOffer", first));
        });
    }

    /** An offer the customer declined is not made again within its cool-down ({@code coolDownDays}). */
    public Invariant noRepeatWithinCoolDown() {
        String name = "no offer made again within its cool-down after the customer declined it";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            List<String> problems = new ArrayList<>();
            String first = null;
            for (RankedOffer o : d.offers()) {
                Optional<Offer> offer = engine.catalog().find(o.offerId());
                if (offer.isEmpty()) {
                    continue;
                }
                int coolDown = offer.get().coolDownDays();
                for (Contact c : request.contacts()) {
                    if (c.outcome() != ContactOutcome.DECLINED || !o.offerId().equals(c.offerId())) {
                        continue;
                    }
                    // Whole days, as the engine counts them; a contact dated after the decision is no history.
                    long days = Math.floorDiv(d.decidedAt().getEpochSecond() - c.time().getEpochSecond(), 86_400L);
                    if (days >= 0 && days < coolDown) {
                        problems.add(o.offerId() + " was declined " + days + " day" + (days == 1 ? "" : "s") + " ago ("
                                + c.time() + "), within its cool-down of " + coolDown + " days");
                        first = first == null ? o.offerId() : first;
                    }
                }
            }
            return first == null ? List.of()
                    : violation(name, problems, engine, request, d, Map.of("notOffer", first));
        });
    }

    /**
     * The same request always gets the same decision: decided five times, and explained once on a
     * fresh rule session, it gets the same offers, runners-up, left-out offers and reasons.
     */
    public Invariant sameRequestSameDecision() {
        String name = "the same request always gets the same decision";
        return Invariant.of(name, (engine, request) -> {
            List<Decision> decisions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                decisions.add(engine.decide(request));
            }
            Explanation explained = engine.explain(request);
            decisions.add(explained.decision());
            Set<Outcome> outcomes = new LinkedHashSet<>();
            decisions.forEach(d -> outcomes.add(Outcome.of(d)));
            if (outcomes.size() == 1) {
                return List.of();
            }
            String seen = decisions.stream().map(DecisionInvariants::summary).collect(Collectors.joining("; then "));
            Decision first = decisions.get(0);
            String offered = decisions.stream().flatMap(x -> x.offer().stream()).map(RankedOffer::offerId).findFirst()
                    .orElse(null);
            if (offered != null) {
                seen += decisions.stream()
                        .filter(x -> !x.offer().map(RankedOffer::offerId).equals(Optional.of(offered))).findFirst()
                        .map(x -> "; where it differs, " + whatBecameOf(offered, x)).orElse("");
            }
            return List.of(Violation.of(name, "deciding the same request " + decisions.size() + " times gave "
                            + outcomes.size() + " different decisions: " + seen, engine, request, first,
                    Map.of(), "A scenario file cannot state this invariant: a rule that draws at random or "
                            + "remembers earlier decisions makes a scenario pass or fail by chance. Keep the property "
                            + "that found it to guard the fix."));
        });
    }

    /**
     * An attribute no rule reads changes nothing: the request with an extra customer attribute, under
     * a fresh name no rule can know, set to text, a number or true, gets the same decision.
     */
    public Invariant unreadAttributesChangeNothing() {
        String name = "an attribute no rule reads changes nothing";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            Outcome before = Outcome.of(d);
            for (Object value : List.of("yes", 1_000_000, true)) {
                DecisionRequest more = Copies.withAttribute(request, unreadAttribute, value);
                Decision after = engine.decide(more);
                if (!Outcome.of(after).equals(before)) {
                    String changed = summary(d).equals(summary(after))
                            ? "changed the decision " + summary(d) + " in the reasons it gives for the offers it "
                                    + "left out"
                            : "changed the decision from " + summary(d) + " to " + summary(after)
                                    + d.offer().map(o -> "; " + whatBecameOf(o.offerId(), after)).orElse("");
                    return List.of(Violation.of(name, "adding the attribute " + unreadAttribute + " = "
                                    + (value instanceof String ? "\"" + value + "\"" : value)
                                    + ", which no rule names, " + changed, engine, more, after, sameAs(d, after),
                            "The scenario gives the request with the extra attribute and expects the decision made "
                                    + "without it, as far as it differs."));
                }
            }
            return List.of();
        });
    }

    /**
     * Raising the winning offer's lever, or its value in the catalog, never makes it lose: an engine
     * built from the same pack with the winner's lever (by one more arbitration rule) or value raised
     * {@value #RAISE} times still makes it the first offer. Such engines are built once per offer.
     */
    public Invariant raisingTheWinnerKeepsItWinning() {
        String name = "raising the winning offer's lever or value never makes it lose";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            if (!d.isOffer()) {
                return List.of();
            }
            String winner = d.offers().get(0).offerId();
            for (String what : List.of("lever", "value")) {
                DecisionEngine variant = raised(what, winner);
                Decision after = variant.decide(request);
                String now = after.offer().map(RankedOffer::offerId).orElse(null);
                if (!winner.equals(now)) {
                    return List.of(Violation.of(name, "with the " + what + " of " + winner + " raised " + RAISE
                                    + " times, " + winner + " lost: the decision became " + summary(after)
                                    + " (it was " + summary(d) + "); " + whatBecameOf(winner, after), variant,
                            request, after,
                            Map.of(), "A scenario file cannot state this invariant: it is about the pack with the "
                                    + what + " of " + winner + " raised " + RAISE + " times (the decision and the "
                                    + "rules shown are that pack's), which a scenario of the pack does not build. "
                                    + "Keep the property that found it to guard the fix."));
                }
            }
            return List.of();
        });
    }

    /**
     * Every decision without an offer says why, in words: it has at least one reason, and every rule
     * that left an offer out has a name that reads as a reason, not the name Drools makes up for a
     * table row whose name cell is blank ({@code Eligibility_15}) nor a single word.
     */
    public Invariant everyNoOfferSaysWhy() {
        String name = "every decision without an offer says why";
        return Invariant.of(name, (engine, request) -> {
            Decision d = engine.decide(request);
            if (d.type() != DecisionType.NO_OFFER) {
                return List.of();
            }
            List<String> problems = new ArrayList<>();
            if (d.reasons().isEmpty() || d.reasons().stream().allMatch(r -> r.text().isBlank())) {
                problems.add("the decision gives no reason");
            }
            Set<String> unread = new LinkedHashSet<>();
            for (LeftOut l : d.leftOut()) {
                if (!l.code().equals(Reason.BELOW_MINIMUM_PRIORITY) && !readsAsAReason(l.rule())) {
                    unread.add("'" + l.rule() + "' (" + l.source() + ") left out " + l.offerId()
                            + ": a name that does not say why; give the rule or table row a name that does");
                }
            }
            problems.addAll(unread);
            if (problems.isEmpty()) {
                return List.of();
            }
            return List.of(Violation.of(name, String.join("\n", problems), engine, request, d, Map.of(),
                    "A scenario file cannot state this invariant: it is about the words of the reasons. Name the "
                            + "rule or table row (its Rule cell) as a reason reads, and keep the property that found "
                            + "it to guard the fix."));
        });
    }

    /**
     * Every explanation names a rule or table row that exists: the place every rule that fired, and
     * every rule that left an offer out, gives ({@code suitability.drl.csv row 12}) is a file of the pack
     * and a row or line in it that holds that rule.
     */
    public Invariant everyExplanationNamesARealRow() {
        String name = "every explanation names a rule or table row of the pack";
        return Invariant.of(name, (engine, request) -> {
            Explanation e = engine.explain(request);
            Set<String> problems = new LinkedHashSet<>();
            for (FiredRule f : e.fired()) {
                files.problem(f.rule(), f.source()).ifPresent(p -> problems.add("the rule that fired, " + f.stage()
                        + ": " + f.rule() + ": " + p));
            }
            for (LeftOut l : e.decision().leftOut()) {
                if (Reason.RESERVED_CODES.contains(l.code())) {
                    continue;
                }
                files.problem(l.rule(), l.source()).ifPresent(p -> problems.add("why " + l.offerId()
                        + " was left out: " + p));
            }
            if (problems.isEmpty()) {
                return List.of();
            }
            return List.of(new Violation(name, String.join("\n", problems), request, e.decision(), e.fired(),
                    Map.of(), "A scenario file cannot state this invariant: the places the rules give are for the "
                    + "maintainers of the rules and the engine. Keep the property that found it to guard the fix."));
        });
    }

    /** Releases the engines the invariants built, and the main one if the invariants built it. */
    @Override
    public void close() {
        raised.values().forEach(DecisionEngine::close);
        raised.clear();
        if (ownsEngine) {
            engine.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private DecisionEngine raised(String what, String offerId) {
        return raised.computeIfAbsent(what + " " + offerId, k -> engines.apply(what.equals("lever")
                ? PackVariants.leverRaised(pack, offerId, RAISE)
                : PackVariants.valueRaised(pack, offerId, RAISE)));
    }

    private static List<Violation> violation(String name, List<String> problems, DecisionEngine engine,
                                             DecisionRequest request, Decision decision, Map<String, String> expect) {
        if (problems.isEmpty()) {
            return List.of();
        }
        return List.of(Violation.of(name, String.join("\n", problems), engine, request, decision, expect, ""));
    }

    /** A name for an attribute that no file of the pack mentions. */
    private static String freshName(RulePack pack) {
        while (true) {
            byte[] bytes = new byte[4];
            ThreadLocalRandom.current().nextBytes(bytes);
            String name = "unread" + HexFormat.of().formatHex(bytes);
            boolean mentioned = false;
            for (RuleFile file : pack.files()) {
                mentioned |= file.text().contains(name);
            }
            if (!mentioned) {
                return name;
            }
        }
    }

    /** At least two words: a rule's name is the reason decisions give. */
    static boolean readsAsAReason(String rule) {
        int words = 0;
        for (String word : rule.strip().split("\\s+")) {
            if (word.chars().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        return words >= 2;
    }

    /** Why an offer is not the first of a decision: the rule and row that left it out, or what outranked it. */
    private static String whatBecameOf(String offerId, Decision d) {
        Optional<LeftOut> left = d.leftOut(offerId);
        if (left.isPresent()) {
            return offerId + " was left out by '" + left.get().rule() + "' (" + left.get().source() + ")";
        }
        Optional<RankedOffer> first = d.offer();
        if (first.isPresent() && first.get().offerId().equals(offerId)) {
            return offerId + " is the first offer";
        }
        for (RankedOffer o : d.runnersUp()) {
            if (o.offerId().equals(offerId) && first.isPresent()) {
                return String.format(java.util.Locale.ROOT, "%s ranked below %s, at priority %.2f against %.2f",
                        offerId, first.get().offerId(), o.score().priority(), first.get().score().priority());
            }
        }
        return offerId + " is offered, though not first";
    }

    /**
     * What a scenario expects of a decision for it to be {@code before} where {@code after} differs: the
     * same offer (or none), the same headline, no reason that only {@code after} gives, and the same rule
     * leaving out each offer. Rules are named as scenario files name them, reasons by their codes.
     */
    static Map<String, String> sameAs(Decision before, Decision after) {
        Map<String, String> expect = new LinkedHashMap<>(Violation.pinned(before));
        if (!before.isOffer() && !before.reason().code().equals(after.reason().code())) {
            expect.put("headline", before.reason().rule());
        }
        List<String> was = codes(before);
        List<String> gained = codes(after).stream().filter(c -> !was.contains(c)).distinct().toList();
        if (!gained.isEmpty()) {
            expect.put("notReason", String.join("|", gained));
        }
        List<String> moved = new ArrayList<>();
        for (LeftOut l : before.leftOut()) {
            after.leftOut(l.offerId()).filter(a -> !a.code().equals(l.code()))
                    .ifPresent(a -> moved.add(l.offerId() + ": " + l.rule()));
        }
        if (!moved.isEmpty()) {
            expect.put("leftOut", String.join("|", moved));
        }
        return expect;
    }

    private static List<String> codes(Decision d) {
        return d.reasons().stream().map(Reason::code).toList();
    }

    private static String ids(List<RankedOffer> offers) {
        return offers.stream().map(o -> o.offerId() + " (" + o.kind() + ")").collect(Collectors.joining(", "));
    }

    private static String sorted(Set<Channel> channels) {
        return channels.stream().sorted().map(Channel::name).collect(Collectors.joining(", ", "[", "]"));
    }

    static String summary(Decision d) {
        if (d.isOffer()) {
            return "OFFER " + d.offers().stream().map(RankedOffer::offerId).collect(Collectors.joining(", "));
        }
        List<String> others = codes(d).subList(1, d.reasons().size());
        return "NO_OFFER (" + d.reason().code() + ": " + d.reason().text()
                + (others.isEmpty() ? "" : "; also " + String.join(", ", others)) + ")";
    }

    /** What a decision decides, without its id, version and time. */
    record Outcome(DecisionType type, List<RankedOffer> offers, List<RankedOffer> runnersUp, List<LeftOut> leftOut,
                   List<Reason> reasons) {
        static Outcome of(Decision d) {
            return new Outcome(d.type(), d.offers(), d.runnersUp(), d.leftOut(), d.reasons());
        }
    }

    @Override
    public String toString() {
        return "DecisionInvariants" + all.stream().map(Invariant::name).toList() + " of " + pack.origin();
    }
}
