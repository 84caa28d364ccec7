package io.nextbest.catalog;

import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.OfferKind;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads the offer targets rules name, such as {@code kind SALES}, {@code program retention},
 * {@code offer RET-LOYALTY-DISCOUNT}, {@code product FIBER_1G}, {@code category DEVICE} or {@code all};
 * several are separated by commas. Names are matched without regard to case.
 */
public final class OfferTargets {
    private OfferTargets() {
    }

    /**
     * The offers the target names, as a bit mask over catalog positions.
     *
     * @throws IllegalArgumentException naming the part of the target that is wrong
     */
    public static long[] resolve(String target, OfferCatalog catalog) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("the offer target is empty: write for example 'kind SALES', "
                    + "'program retention', 'offer <id>' or 'all'");
        }
        long[] mask = new long[(catalog.size() + 63) >>> 6];
        for (String part : target.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.equalsIgnoreCase("all")) {
                add(mask, catalog, o -> true);
                continue;
            }
            String[] words = item.split("\\s+", 2);
            if (words.length < 2) {
                throw new IllegalArgumentException("'" + item + "' needs a scope and a name, such as 'kind "
                        + item + "' or 'program " + item + "'");
            }
            String scope = words[0].toLowerCase(Locale.ROOT);
            String name = words[1].strip();
            int matched = switch (scope) {
                case "kind" -> {
                    OfferKind kind = kind(name);
                    yield add(mask, catalog, o -> o.kind() == kind);
                }
                case "program" -> add(mask, catalog, o -> o.program().equalsIgnoreCase(name));
                case "offer" -> add(mask, catalog, o -> o.id().equalsIgnoreCase(name));
                case "product" -> add(mask, catalog, o -> o.product().equalsIgnoreCase(name));
                case "category" -> add(mask, catalog, o -> o.category().equalsIgnoreCase(name));
                default -> throw new IllegalArgumentException("'" + words[0] + "' is not a target scope: use kind, "
                        + "program, offer, product, category or all");
            };
            if (matched == 0 && !scope.equals("kind")) {
                throw new IllegalArgumentException("no offer in the catalog has " + scope + " '" + name + "'");
            }
        }
        return mask;
    }

    /**
     * True if the target names {@code all} offers or a whole {@code kind}: a rule that leaves such a
     * target out states a policy for the whole interaction ("a complaint call gets no sales offer"),
     * where one that names offers, programs, products or categories decides the fate of those offers.
     */
    public static boolean namesAllOrAKind(String target) {
        for (String part : target.split(",")) {
            String item = part.strip();
            if (item.equalsIgnoreCase("all")) {
                return true;
            }
            String[] words = item.split("\\s+", 2);
            if (words.length == 2 && words[0].equalsIgnoreCase("kind")) {
                return true;
            }
        }
        return false;
    }

    private static OfferKind kind(String name) {
        for (OfferKind kind : OfferKind.values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an offer kind: use SERVICE, RETENTION, SALES "
                + "or INFORMATION");
    }

    private static int add(long[] mask, OfferCatalog catalog, Predicate<Offer> test) {
        int matched = 0;
        for (int i = 0; i < catalog.size(); i++) {
            if (test.test(catalog.get(i))) {
                mask[i >>> 6] |= 1L << i;
                matched++;
            }
        }
        return matched;
    }
}
