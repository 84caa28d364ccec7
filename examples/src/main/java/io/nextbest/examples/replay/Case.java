package io.nextbest.examples.replay;

import io.nextbest.DecisionRequest;

/**
 * One customer of a data set, as the replay sees it.
 *
 * @param line     the line of the data file it came from
 * @param request  what the rules decide on: only the columns the mapping reads, never the outcome
 * @param positive the outcome: the customer left (telco) or subscribed (bank)
 * @param day      the day of the call, for a data set in date order; empty otherwise
 */
public record Case(int line, DecisionRequest request, boolean positive, String day) {

    public String id() {
        return request.customer().id();
    }
}
