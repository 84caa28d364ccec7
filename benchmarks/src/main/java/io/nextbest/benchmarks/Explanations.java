package io.nextbest.benchmarks;

import io.nextbest.DecisionRequest;
import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.RuleProblem;
import io.nextbest.catalog.CatalogReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the two yardsticks share: the catalog they read from the default pack and the decision id they
 * give their decisions. Their decisions are arbitrated and worded by the library's own
 * {@link io.nextbest.arbitration.Arbitrator}, so that all three implementations write them alike and
 * the comparison measures the deciding, not the writing.
 */
public final class Explanations {
    private Explanations() {
    }

    /** The pack's offer catalog, read as the engine reads it. */
    public static OfferCatalog catalog(RulePack pack) {
        List<RuleProblem> problems = new ArrayList<>();
        OfferCatalog catalog = CatalogReader.read(pack, problems);
        if (catalog == null || !problems.isEmpty()) {
            throw new IllegalArgumentException("the pack's catalog cannot be read: " + problems);
        }
        return catalog;
    }

    /** A stable id for a decision: the same for the same request, rule set and time. */
    public static String decisionId(String ruleSet, DecisionRequest request, Instant now) {
        long h = 0xcbf29ce484222325L;
        h = 31 * h + ruleSet.hashCode();
        h = 31 * h + request.customer().id().hashCode();
        h = 31 * h + (request.interaction().id() == null ? 0 : request.interaction().id().hashCode());
        h = 31 * h + request.interaction().channel().ordinal();
        h = 31 * h + now.getEpochSecond();
        return "d-" + Long.toHexString(31 * h + now.getNano());
    }
}
