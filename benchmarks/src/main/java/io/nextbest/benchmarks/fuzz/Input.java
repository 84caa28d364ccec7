package io.nextbest.benchmarks.fuzz;

/**
 * One input a reader is given: a file's name (which decides how the reader takes it), its bytes, and
 * how it was made from a seed, so that a report says what was changed as well as where to find it.
 *
 * @param name    the file's name, such as {@code eligibility.drl.csv}
 * @param content the bytes
 * @param how     the seed and the mutations applied to it, in order
 */
public record Input(String name, byte[] content, String how) {
}
