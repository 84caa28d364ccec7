package io.nextbest.testkit;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.OfferCatalog;
import io.nextbest.testkit.Vocabulary.Place;
import io.nextbest.testkit.Vocabulary.Product;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Customers, realistic by default: mostly settled consumers in United States time zones who consent to
 * inbound channels, with the edges reachable (tenure 0, 1, 3, 6, 12 months and their neighbours, no
 * consent at all, Do-Not-Call, vulnerable, collections, half-hour time zones). Every method returns a
 * new arbitrary, as jqwik's own do. Shrinks towards customer {@code C-1}: tenure 0, no products, no
 * consents, no attributes, UTC.
 */
public final class CustomerArbitrary extends ArbitraryDecorator<Customer> {
    private Arbitrary<Integer> tenures = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 17, 18, 19, 23, 24, 25, 35, 36, 37)),
            Tuple.of(6, Arbitraries.integers().between(0, 72)),
            Tuple.of(2, Arbitraries.integers().between(73, 360)));
    private Arbitrary<Double> churnRisks = Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(0.0, 0.3, 0.5, 0.7, 0.9, 1.0)),
            Tuple.of(60, Arbitraries.doubles().between(0, 0.3).ofScale(2)),
            Tuple.of(25, Arbitraries.doubles().between(0.3, 0.7).ofScale(2)),
            Tuple.of(14, Arbitraries.doubles().between(0.7, 1).ofScale(2)));
    private Arbitrary<Double> lifetimeValues = Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0.0)),
            Tuple.of(70, Arbitraries.doubles().between(0, 3_000).ofScale(2)),
            Tuple.of(24, Arbitraries.doubles().between(3_000, 10_000).ofScale(2)),
            Tuple.of(5, Arbitraries.doubles().between(10_000, 60_000).ofScale(2)));
    private Arbitrary<String> segments = Arbitraries.frequency(
            Tuple.of(75, "CONSUMER"), Tuple.of(20, "SMALL_BUSINESS"), Tuple.of(5, "ENTERPRISE"));
    private Arbitrary<Place> places = Arbitraries.frequency(Vocabulary.PLACES);
    private Arbitrary<BillingStatus> billing = Arbitraries.frequency(
            Tuple.of(85, BillingStatus.CURRENT), Tuple.of(10, BillingStatus.LATE), Tuple.of(5, BillingStatus.COLLECTIONS));
    private List<Product> products = Vocabulary.PRODUCTS;
    private Arbitrary<Set<String>> holdings = null;
    private Arbitrary<Set<Channel>> consents = consentsLikeMostCustomers();
    private Arbitrary<Channel> preferred = Arbitraries.frequency(
            Tuple.of(40, Channel.INBOUND_VOICE), Tuple.of(15, Channel.CHAT), Tuple.of(15, Channel.EMAIL),
            Tuple.of(10, Channel.SMS), Tuple.of(10, Channel.WEB), Tuple.of(5, Channel.OUTBOUND_VOICE),
            Tuple.of(5, Channel.IVR)).injectNull(0.4);
    private Arbitrary<Boolean> doNotCall = Arbitraries.frequency(Tuple.of(92, false), Tuple.of(8, true));
    private Arbitrary<Boolean> vulnerable = Arbitraries.frequency(Tuple.of(96, false), Tuple.of(4, true));
    private Map<String, Arbitrary<?>> attributes = telecomAttributes();

    CustomerArbitrary() {
    }

    /** Customers likely to leave: churn risk from 0.5 to 1. */
    public CustomerArbitrary atRisk() {
        return withChurnRisk(0.5, 1.0);
    }

    /** Churn risk between {@code min} and {@code max}, with both ends reachable. */
    public CustomerArbitrary withChurnRisk(double min, double max) {
        CustomerArbitrary c = typedClone();
        c.churnRisks = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(min, max)),
                Tuple.of(9, Arbitraries.doubles().between(min, max).ofScale(2)));
        return c;
    }

    /** Customers in their first three months. */
    public CustomerArbitrary newCustomers() {
        return withTenureMonths(0, 3);
    }

    /** Customers of at least a year. */
    public CustomerArbitrary settled() {
        return withTenureMonths(12, 240);
    }

    /** Tenure between {@code min} and {@code max} months, with both ends reachable. */
    public CustomerArbitrary withTenureMonths(int min, int max) {
        CustomerArbitrary c = typedClone();
        c.tenures = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(min, max)),
                Tuple.of(4, Arbitraries.integers().between(min, max)));
        return c;
    }

    public CustomerArbitrary withLifetimeValue(double min, double max) {
        CustomerArbitrary c = typedClone();
        c.lifetimeValues = Arbitraries.doubles().between(min, max).ofScale(2);
        return c;
    }

    public CustomerArbitrary withBillingStatus(BillingStatus... statuses) {
        CustomerArbitrary c = typedClone();
        c.billing = Arbitraries.of(statuses);
        return c;
    }

    /** Customers known to be vulnerable. */
    public CustomerArbitrary vulnerable() {
        CustomerArbitrary c = typedClone();
        c.vulnerable = Arbitraries.just(true);
        return c;
    }

    /** Customers on a Do-Not-Call list. */
    public CustomerArbitrary onDoNotCallList() {
        CustomerArbitrary c = typedClone();
        c.doNotCall = Arbitraries.just(true);
        return c;
    }

    /** Customers who accept offers on every channel. */
    public CustomerArbitrary consentingToEverything() {
        return consentingTo(Channel.values());
    }

    /** Customers who accept offers on exactly these channels. */
    public CustomerArbitrary consentingTo(Channel... channels) {
        CustomerArbitrary c = typedClone();
        c.consents = Arbitraries.just(channels.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(channels))));
        return c;
    }

    /** Customers who accept offers on none of these channels (and on any others as usual). */
    public CustomerArbitrary notConsentingTo(Channel... channels) {
        CustomerArbitrary c = typedClone();
        Set<Channel> refused = Set.of(channels);
        c.consents = consents.map(set -> {
            EnumSet<Channel> kept = set.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(set);
            kept.removeAll(refused);
            return Set.copyOf(kept);
        });
        return c;
    }

    /** Time zones (and an empty region) chosen from these zone ids only. */
    public CustomerArbitrary inTimeZones(String... zoneIds) {
        CustomerArbitrary c = typedClone();
        List<Place> list = new ArrayList<>();
        for (String zone : zoneIds) {
            list.add(Place.of("", zone));
        }
        c.places = Arbitraries.of(list);
        return c;
    }

    /** Holdings drawn from the products of this catalog's offers, besides the built-in ones. */
    public CustomerArbitrary forCatalog(OfferCatalog catalog) {
        CustomerArbitrary c = typedClone();
        c.products = Vocabulary.productsOf(catalog);
        return c;
    }

    /** Customers holding exactly these products. */
    public CustomerArbitrary holding(String... products) {
        CustomerArbitrary c = typedClone();
        c.holdings = Arbitraries.just(Set.of(products));
        return c;
    }

    /**
     * Adds (or replaces) an extra attribute. The arbitrary may give {@code null}, which leaves the
     * attribute out; values must be text, numbers or true/false.
     */
    public CustomerArbitrary withAttribute(String name, Arbitrary<?> values) {
        CustomerArbitrary c = typedClone();
        c.attributes = new LinkedHashMap<>(attributes);
        c.attributes.put(name, values);
        return c;
    }

    /** No extra attributes at all, not even the telecom ones given by default. */
    public CustomerArbitrary withoutAttributes() {
        CustomerArbitrary c = typedClone();
        c.attributes = Map.of();
        return c;
    }

    @Override
    protected Arbitrary<Customer> arbitrary() {
        Arbitrary<Set<String>> held = holdings != null ? holdings : Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.just(Set.of())),
                Tuple.of(85, Arbitraries.of(products).set().ofMinSize(1).ofMaxSize(4)
                        .map(set -> Set.copyOf(set.stream().map(Product::code).toList()))));
        Arbitrary<Customer.Builder> profile = Combinators.combine(
                        Arbitraries.integers().between(1, 999_999),
                        segments, tenures, places, lifetimeValues, churnRisks, billing, held)
                .as((n, segment, tenure, place, value, risk, status, products) -> Customer.builder("C-" + n)
                        .segment(segment).tenureMonths(tenure).region(place.region()).timeZone(place.zone().getId())
                        .lifetimeValue(value).churnRisk(risk).billingStatus(status).products(products));
        return Combinators.combine(profile, consents, preferred, doNotCall, vulnerable, attributes())
                .as((builder, channels, channel, dnc, vulnerableCustomer, extra) -> {
                    builder.consents(channels.toArray(Channel[]::new)).preferredChannel(channel)
                            .doNotCall(dnc).vulnerable(vulnerableCustomer);
                    extra.forEach(builder::attribute);
                    return builder.build();
                })
                .withoutEdgeCases();
    }

    private Arbitrary<Map<String, Object>> attributes() {
        if (attributes.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        List<String> names = List.copyOf(attributes.keySet());
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (String name : names) {
            values.add(attributes.get(name).map(v -> (Object) v));
        }
        return Combinators.combine(values).as(list -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (list.get(i) != null) {
                    map.put(names.get(i), list.get(i));
                }
            }
            return map;
        });
    }

    /**
     * Each channel on its own: nearly everyone accepts offers on the phone and in chat, fewer by SMS,
     * email or outbound call; one customer in a hundred has withdrawn every consent. Shrinks towards no
     * consent, so a minimal example keeps only the consents it needs.
     */
    private static Arbitrary<Set<Channel>> consentsLikeMostCustomers() {
        Map<Channel, Integer> percent = new LinkedHashMap<>();
        percent.put(Channel.INBOUND_VOICE, 95);
        percent.put(Channel.AGENT_DESKTOP, 90);
        percent.put(Channel.CHAT, 90);
        percent.put(Channel.IVR, 85);
        percent.put(Channel.WEB, 85);
        percent.put(Channel.EMAIL, 60);
        percent.put(Channel.SMS, 50);
        percent.put(Channel.OUTBOUND_VOICE, 45);
        List<Channel> channels = List.copyOf(percent.keySet());
        List<Arbitrary<Boolean>> each = new ArrayList<>();
        for (Channel channel : channels) {
            int p = percent.get(channel);
            each.add(Arbitraries.frequency(Tuple.of(100 - p, false), Tuple.of(p, true)));
        }
        Arbitrary<Set<Channel>> eachOnItsOwn = Combinators.combine(each).as(flags -> {
            EnumSet<Channel> set = EnumSet.noneOf(Channel.class);
            for (int i = 0; i < channels.size(); i++) {
                if (flags.get(i)) {
                    set.add(channels.get(i));
                }
            }
            return Set.copyOf(set);
        });
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.of())), Tuple.of(99, eachOnItsOwn));
    }

    /** What a telecom CRM adds to a profile: allowance used, paper billing, outage, age. */
    private static Map<String, Arbitrary<?>> telecomAttributes() {
        Map<String, Arbitrary<?>> map = new LinkedHashMap<>();
        map.put("usagePercent", Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of(0, 50, 69, 70, 79, 80, 89, 90, 94, 95, 99, 100, 101, 150)),
                        Tuple.of(7, Arbitraries.integers().between(0, 100)),
                        Tuple.of(1, Arbitraries.integers().between(100, 180)))
                .injectNull(0.15));
        map.put("paperBilling", Arbitraries.frequency(Tuple.of(70, false), Tuple.of(30, true)).injectNull(0.2));
        map.put("outageAffected", Arbitraries.frequency(Tuple.of(95, false), Tuple.of(5, true)).injectNull(0.3));
        map.put("age", Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.of(18, 64, 65, 66, 100)),
                        Tuple.of(9, Arbitraries.integers().between(18, 95)))
                .injectNull(0.3));
        return Collections.unmodifiableMap(map);
    }
}
