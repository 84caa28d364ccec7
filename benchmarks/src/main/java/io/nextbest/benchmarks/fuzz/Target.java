package io.nextbest.benchmarks.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/** A reader under test: its seeds, how to mutate them, and how to read an input and judge the result. */
interface Target {

    /** A short name for reports and the command line, such as {@code json-request}. */
    String name();

    /** The APIs that read each input, in the order {@link #read} judges them. */
    List<String> consumers();

    /** The unmutated seeds, which every consumer must accept. */
    List<Input> seeds();

    /** A new input: a seed drawn and mutated with {@code random} alone, so that the seed of the random reproduces it. */
    Input mutate(SplittableRandom random);

    /** Reads the input with each consumer and judges what happened; never throws. */
    List<Verdict> read(Input input);
}
