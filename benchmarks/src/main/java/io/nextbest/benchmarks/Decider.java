package io.nextbest.benchmarks;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;

/**
 * A way of deciding with the default pack, as the benchmarks measure it: the library's engine, or one
 * of the yardsticks it is compared with. (The yardsticks decide only; they do not reload.)
 */
public interface Decider extends AutoCloseable {

    Decision decide(DecisionRequest request);

    @Override
    default void close() {
    }
}
