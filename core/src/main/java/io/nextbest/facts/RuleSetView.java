package io.nextbest.facts;

import io.nextbest.OfferCatalog;
import org.kie.api.definition.rule.Rule;

/** What a {@link Situation} needs to know of the rule set it is evaluated in. */
public interface RuleSetView {

    OfferCatalog catalog();

    /**
     * The offers a target names, as a bit mask over catalog positions.
     *
     * @throws IllegalArgumentException if the target names no offer, kind, program, product or category
     */
    long[] offers(String target);

    /** The rule as decisions report it. */
    RuleInfo rule(Rule rule);
}
