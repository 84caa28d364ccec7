package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.OfferCatalog;
import io.nextbest.testkit.Vocabulary.OfferRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Contact histories: a third of customers with none, most with a few contacts, some of them offers
 * the customer ignored, declined or accepted; a few with dozens and a rare one with hundreds. Times
 * are whole days and seconds before the decision (15 January 2026 at noon UTC when used on their own),
 * with the 7, 14, 30, 45, 60 and 90-day marks, where cool-downs and contact policies end, and their
 * neighbours reachable. Shrinks towards the empty history; a contact shrinks towards one without an
 * offer, exactly today, ignored.
 */
public final class ContactHistoryArbitrary extends ArbitraryDecorator<List<Contact>> {
    private List<OfferRef> offers = Vocabulary.OFFERS;
    private int minSize = 0;
    private int maxSize = 250;
    private double withoutOffer = 0.3;
    private Arbitrary<ContactOutcome> outcomes = Arbitraries.frequency(
            Tuple.of(55, ContactOutcome.IGNORED), Tuple.of(30, ContactOutcome.DECLINED),
            Tuple.of(15, ContactOutcome.ACCEPTED));
    private Arbitrary<Integer> ages = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(0, 1, 6, 7, 8, 13, 14, 15, 29, 30, 31, 44, 45, 46, 59, 60, 61, 89, 90, 91)),
            Tuple.of(5, Arbitraries.integers().between(0, 90)),
            Tuple.of(3, Arbitraries.integers().between(91, 730)));
    private Instant now = Vocabulary.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    ContactHistoryArbitrary() {
    }

    /** No contacts at all. */
    public ContactHistoryArbitrary empty() {
        return ofSize(0, 0);
    }

    /** Between 60 and 250 contacts. */
    public ContactHistoryArbitrary veryLong() {
        return ofSize(60, 250);
    }

    public ContactHistoryArbitrary ofSize(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= min <= max, got " + min + " and " + max);
        }
        ContactHistoryArbitrary c = typedClone();
        c.minSize = min;
        c.maxSize = max;
        return c;
    }

    /** Every contact carried an offer, and the customer declined it. */
    public ContactHistoryArbitrary ofDeclinedOffers() {
        ContactHistoryArbitrary c = typedClone();
        c.withoutOffer = 0;
        c.outcomes = Arbitraries.just(ContactOutcome.DECLINED);
        return c;
    }

    /** Contacts no older than {@code days} days. */
    public ContactHistoryArbitrary withinDays(int days) {
        ContactHistoryArbitrary c = typedClone();
        c.ages = Arbitraries.integers().between(0, days);
        return c;
    }

    /** Offers drawn from this catalog. */
    public ContactHistoryArbitrary forCatalog(OfferCatalog catalog) {
        ContactHistoryArbitrary c = typedClone();
        c.offers = Vocabulary.offersOf(catalog);
        return c;
    }

    /** The moment contacts are counted back from when the histories are used on their own. */
    public ContactHistoryArbitrary asOf(Instant now) {
        ContactHistoryArbitrary c = typedClone();
        c.now = now;
        return c;
    }

    @Override
    protected Arbitrary<List<Contact>> arbitrary() {
        Instant at = now;
        return drafts().map(list -> list.stream().map(d -> d.before(at)).toList()).withoutEdgeCases();
    }

    /** The histories before they are timed, for requests to time from their interaction. */
    Arbitrary<List<ContactDraft>> drafts() {
        Arbitrary<OfferRef> offer = Arbitraries.of(offers);
        if (withoutOffer > 0) {
            offer = offer.injectNull(withoutOffer);
        }
        Arbitrary<ContactDraft> one = Combinators.combine(
                        offer,
                        Arbitraries.frequency(Tuple.of(40, Channel.INBOUND_VOICE), Tuple.of(15, Channel.OUTBOUND_VOICE),
                                Tuple.of(15, Channel.SMS), Tuple.of(15, Channel.EMAIL), Tuple.of(10, Channel.CHAT),
                                Tuple.of(5, Channel.WEB)),
                        ages,
                        Arbitraries.integers().between(0, 86_399),
                        outcomes)
                .as((ref, channel, days, seconds, outcome) -> new ContactDraft(ref == null ? null : ref.offerId(),
                        ref == null ? null : ref.program(), channel, days, seconds, ref == null
                                ? ContactOutcome.IGNORED : outcome));
        return Histories.sized(one, minSize, maxSize, 35);
    }
}
