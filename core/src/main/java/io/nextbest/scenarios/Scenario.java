package io.nextbest.scenarios;

import io.nextbest.DecisionRequest;
import java.util.Map;

/**
 * One analyst's scenario: this customer on this interaction gets this decision.
 *
 * @param name    what the scenario says, such as {@code a complaint caller gets no sales offer}
 * @param file    the scenario file
 * @param place   where in the file: {@code line 4} or {@code scenarios[3]}
 * @param request the request the scenario describes
 * @param expect  what the decision must show, by expectation name ({@code decision}, {@code offer},
 *                {@code program}, {@code kind}, {@code notKind}, {@code notOffer}, {@code notProgram},
 *                {@code leftOut}, {@code reason}, {@code notReason}, {@code headline})
 */
public record Scenario(String name, String file, String place, DecisionRequest request, Map<String, String> expect) {

    public Scenario {
        expect = Map.copyOf(expect);
    }
}
