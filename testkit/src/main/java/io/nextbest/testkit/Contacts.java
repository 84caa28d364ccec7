package io.nextbest.testkit;

/** Where contact-history generators start: {@code Contacts.histories().ofDeclinedOffers().withinDays(30)}. */
public final class Contacts {
    private Contacts() {
    }

    /** Contact histories, from none to hundreds of contacts, with and without offers. */
    public static ContactHistoryArbitrary histories() {
        return new ContactHistoryArbitrary();
    }
}
