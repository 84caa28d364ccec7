package io.nextbest.testkit;

import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The words generated requests are made of: a telecom contact center's products, places and calendar.
 * Product codes and offer ids are those of the default rule pack, so that requests touch real offers
 * until a catalog of one's own is given.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    /** The first day requests fall on, and the day their times shrink towards is two weeks later. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    static final int DAYS = 730;
    static final int SHRINK_DAY = 14;
    static final LocalDate TODAY = FIRST_DAY.plusDays(SHRINK_DAY);

    /** A product a customer may hold or buy, with its category. */
    record Product(String code, String category) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("MOBILE_PLAN", "MOBILE"),
            new Product("MOBILE_LINE", "MOBILE"),
            new Product("UNLIMITED_PLAN", "PLAN"),
            new Product("DATA_BOOST", "PLAN"),
            new Product("PHONE_STANDARD", "DEVICE"),
            new Product("PHONE_PREMIUM", "DEVICE"),
            new Product("TABLET", "DEVICE"),
            new Product("DSL", "INTERNET"),
            new Product("DSL_MAX", "INTERNET"),
            new Product("FIBER_500", "INTERNET"),
            new Product("FIBER_1G", "INTERNET"),
            new Product("TV_BASIC", "TV"),
            new Product("TV_PREMIUM", "TV"),
            new Product("STREAMING", "TV"),
            new Product("SECURITY", "SOFTWARE"),
            new Product("SMART_HOME", "HOME"),
            new Product("DEVICE_PROTECTION", "PROTECTION"),
            new Product("LANDLINE", "VOICE"));

    /** An offer a contact may have carried: its id and program. */
    record OfferRef(String offerId, String program) {
    }

    static final List<OfferRef> OFFERS = List.of(
            new OfferRef("RET-LOYALTY-DISCOUNT", "retention"),
            new OfferRef("RET-PLAN-REVIEW", "retention"),
            new OfferRef("RET-FREE-MONTH", "retention"),
            new OfferRef("RET-CONTRACT-RENEWAL", "retention"),
            new OfferRef("RET-DEVICE-TRADEIN", "retention"),
            new OfferRef("WEL-SETUP-CHECK", "welcome"),
            new OfferRef("WEL-APP-TOUR", "welcome"),
            new OfferRef("WEL-PLAN-VERIFY", "welcome"),
            new OfferRef("PLAN-DATA-BOOST", "plan-change"),
            new OfferRef("PLAN-UNLIMITED", "plan-change"),
            new OfferRef("XS-HOME-INTERNET", "cross-sell"),
            new OfferRef("XS-TV-BUNDLE", "cross-sell"),
            new OfferRef("XS-SECOND-LINE", "cross-sell"),
            new OfferRef("XS-SECURITY-SUITE", "cross-sell"),
            new OfferRef("XS-SMART-HOME", "cross-sell"),
            new OfferRef("XS-STREAMING", "cross-sell"),
            new OfferRef("UP-FIBER-1G", "upsell"),
            new OfferRef("UP-PREMIUM-TV", "upsell"),
            new OfferRef("UP-DEVICE-UPGRADE", "upsell"),
            new OfferRef("UP-SPEED-BOOST", "upsell"),
            new OfferRef("SVC-AUTOPAY", "proactive-service"),
            new OfferRef("SVC-PAPERLESS", "proactive-service"),
            new OfferRef("SVC-PAYMENT-PLAN", "proactive-service"),
            new OfferRef("SVC-DEVICE-PROTECTION", "proactive-service"),
            new OfferRef("SVC-WIFI-CHECK", "proactive-service"),
            new OfferRef("SVC-USAGE-ALERTS", "proactive-service"),
            new OfferRef("SVC-OUTAGE-CREDIT", "proactive-service"),
            new OfferRef("INFO-SELF-SERVICE", "information"),
            new OfferRef("INFO-SCAM-ALERT", "information"),
            new OfferRef("INFO-RATE-CHANGE", "information"));

    /** The offers of a catalog, as contacts name them. */
    static List<OfferRef> offersOf(OfferCatalog catalog) {
        List<OfferRef> refs = new ArrayList<>();
        for (Offer offer : catalog.offers()) {
            refs.add(new OfferRef(offer.id(), offer.program()));
        }
        return List.copyOf(refs);
    }

    /** The products of a catalog's offers, ahead of the built-in ones that the catalog does not name. */
    static List<Product> productsOf(OfferCatalog catalog) {
        Set<String> seen = new LinkedHashSet<>();
        List<Product> products = new ArrayList<>();
        for (Offer offer : catalog.offers()) {
            if (!offer.product().isEmpty() && seen.add(offer.product())) {
                products.add(new Product(offer.product(), offer.category()));
            }
        }
        for (Product p : PRODUCTS) {
            if (seen.add(p.code())) {
                products.add(p);
            }
        }
        return List.copyOf(products);
    }

    /** A customer's region and time zone; the first one is what examples shrink to. */
    record Place(String region, ZoneId zone) {
        static Place of(String region, String zone) {
            return new Place(region, ZoneId.of(zone));
        }
    }

    /** Mostly the United States, with the time zones that catch offset and daylight-saving mistakes. */
    static final List<Tuple2<Integer, Place>> PLACES = List.of(
            Tuple.of(3, Place.of("", "UTC")),
            Tuple.of(12, Place.of("IL", "America/Chicago")),
            Tuple.of(11, Place.of("TX", "America/Chicago")),
            Tuple.of(1, Place.of("TX", "America/Denver")),
            Tuple.of(14, Place.of("CA", "America/Los_Angeles")),
            Tuple.of(12, Place.of("NY", "America/New_York")),
            Tuple.of(10, Place.of("FL", "America/New_York")),
            Tuple.of(5, Place.of("WA", "America/Los_Angeles")),
            Tuple.of(4, Place.of("CO", "America/Denver")),
            Tuple.of(3, Place.of("AZ", "America/Phoenix")),
            Tuple.of(2, Place.of("IN", "America/Indiana/Indianapolis")),
            Tuple.of(1, Place.of("HI", "Pacific/Honolulu")),
            Tuple.of(1, Place.of("AK", "America/Anchorage")),
            Tuple.of(3, Place.of("GB", "Europe/London")),
            Tuple.of(2, Place.of("DE", "Europe/Berlin")),
            Tuple.of(2, Place.of("IN-MH", "Asia/Kolkata")),
            Tuple.of(1, Place.of("NP", "Asia/Kathmandu")),
            Tuple.of(2, Place.of("AU-NSW", "Australia/Sydney")),
            Tuple.of(1, Place.of("AU-LHI", "Australia/Lord_Howe")),
            Tuple.of(1, Place.of("NZ-CIT", "Pacific/Chatham")),
            Tuple.of(1, Place.of("KI", "Pacific/Kiritimati")),
            Tuple.of(1, Place.of("AS", "Pacific/Pago_Pago")));

    /**
     * Days on which clocks change (United States, Europe, Australia, New Zealand) or the calendar
     * turns (month, quarter and year ends, where validity windows open and close), with the day after.
     */
    static final List<LocalDate> CALENDAR_EDGES = dates(
            "2026-03-08", "2026-03-09", "2026-11-01", "2026-11-02", "2027-03-14", "2027-03-15", "2027-11-07",
            "2027-11-08", "2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26", "2027-03-28", "2027-10-31",
            "2026-04-05", "2026-04-06", "2026-10-04", "2026-09-27", "2027-04-04", "2027-10-03", "2027-09-26",
            "2026-01-31", "2026-02-28", "2026-03-01", "2026-06-30", "2026-07-01", "2026-12-31", "2027-01-01",
            "2027-06-30", "2027-07-01", "2027-12-31");

    /** The daylight-saving days alone. */
    static final List<LocalDate> DAYLIGHT_SAVING_CHANGES = CALENDAR_EDGES.subList(0, 21);

    private static List<LocalDate> dates(String... days) {
        List<LocalDate> list = new ArrayList<>();
        for (String d : days) {
            list.add(LocalDate.parse(d));
        }
        return List.copyOf(list);
    }
}
