package io.nextbest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The offers a rule set chooses from, in a fixed order, with unique ids. */
public final class OfferCatalog {
    private final List<Offer> offers;
    private final Map<String, Integer> indexById;

    public OfferCatalog(List<Offer> offers) {
        if (offers == null || offers.isEmpty()) {
            throw new InvalidRequestException("offers", "the catalog must hold at least one offer", null);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            if (offer == null) {
                throw new InvalidRequestException("offers[" + i + "]", "must not be null", null);
            }
            Integer earlier = index.putIfAbsent(offer.id(), i);
            if (earlier != null) {
                throw new InvalidRequestException("offers[" + i + "].id",
                        "is already used by offers[" + earlier + "]", offer.id());
            }
        }
        this.offers = List.copyOf(offers);
        this.indexById = Map.copyOf(index);
    }

    public List<Offer> offers() {
        return offers;
    }

    public int size() {
        return offers.size();
    }

    public Offer get(int index) {
        return offers.get(index);
    }

    public Optional<Offer> find(String id) {
        Integer i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(offers.get(i));
    }

    /** The position of the offer with this id, or -1. */
    public int indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    /** Program names in catalog order. */
    public Set<String> programs() {
        Set<String> programs = new LinkedHashSet<>();
        for (Offer offer : offers) {
            programs.add(offer.program());
        }
        return Collections.unmodifiableSet(programs);
    }

    @Override
    public String toString() {
        List<String> ids = new ArrayList<>();
        for (Offer offer : offers) {
            ids.add(offer.id());
        }
        return "OfferCatalog" + ids;
    }
}
