package io.nextbest.catalog;

import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What decisions need to know of a rule set's catalog, worked out once per rule set rather than per
 * decision or per pooled session: the offers of each product, the dates on which every offer is valid,
 * and the offers each target names. Safe to share among threads.
 */
public final class CatalogIndex {
    private final OfferCatalog catalog;
    /** The catalog's offers of each product: held products are found from the customer's few products. */
    private final Map<String, int[]> offersByProduct;
    /** The days on which every offer of the catalog is valid: outside them, some offer is out of date. */
    private final LocalDate allValidFrom;
    private final LocalDate allValidTo;
    private final ConcurrentHashMap<String, Target> targets = new ConcurrentHashMap<>();

    /**
     * The offers a target names, as a bit mask over catalog positions, and whether leaving them out is
     * a policy for the whole interaction: the target names {@code all} offers or a whole kind
     * ({@link OfferTargets#namesAllOrAKind}). Do not modify the mask.
     */
    public record Target(long[] offers, boolean policy) {
    }

    public CatalogIndex(OfferCatalog catalog) {
        this.catalog = catalog;
        Map<String, List<Integer>> byProduct = new HashMap<>();
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i < catalog.size(); i++) {
            Offer offer = catalog.get(i);
            if (!offer.product().isEmpty()) {
                byProduct.computeIfAbsent(offer.product(), k -> new ArrayList<>()).add(i);
            }
            if (offer.validFrom() != null && (from == null || offer.validFrom().isAfter(from))) {
                from = offer.validFrom();
            }
            if (offer.validTo() != null && (to == null || offer.validTo().isBefore(to))) {
                to = offer.validTo();
            }
        }
        Map<String, int[]> offers = new HashMap<>();
        byProduct.forEach((product, positions) ->
                offers.put(product, positions.stream().mapToInt(Integer::intValue).toArray()));
        this.offersByProduct = Map.copyOf(offers);
        this.allValidFrom = from;
        this.allValidTo = to;
    }

    public OfferCatalog catalog() {
        return catalog;
    }

    public int size() {
        return catalog.size();
    }

    /** The catalog positions of the product's offers, or null if no offer is for it. Do not modify. */
    public int[] offersOf(String product) {
        return offersByProduct.get(product);
    }

    /** True if some offer of the catalog is outside its validity dates on this day. */
    public boolean anyOfferOutOfDate(LocalDate day) {
        return (allValidFrom != null && day.isBefore(allValidFrom)) || (allValidTo != null && day.isAfter(allValidTo));
    }

    /**
     * The offers a target names, as a bit mask over catalog positions (see {@link OfferTargets}).
     * Do not modify the mask.
     *
     * @throws IllegalArgumentException if the target names no offer, kind, program, product or category
     */
    public long[] offers(String target) {
        return target(target).offers();
    }

    /** The offers a target names, and whether leaving them out is a policy for the whole interaction. */
    public Target target(String target) {
        Target t = targets.get(target);
        if (t == null) {
            t = new Target(OfferTargets.resolve(target, catalog), OfferTargets.namesAllOrAKind(target));
            targets.putIfAbsent(target, t);
        }
        return t;
    }

    /** True if the mask holds the catalog position; a null mask holds every position. */
    public static boolean selected(long[] mask, int position) {
        return mask == null || (mask[position >>> 6] & (1L << position)) != 0;
    }
}
