package io.nextbest.examples.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What could not be read from a data set, counted: lines skipped whole, and fields left out of an
 * otherwise good line (such as the telco file's blank {@code TotalCharges}), by column. Every problem
 * names its file, line and field; the first few of each kind are kept to be shown.
 */
public final class Tally {
    static final int SHOWN = 5;

    private final List<String> skipped = new ArrayList<>();
    private int skippedCount;
    private final Map<String, Integer> badFields = new TreeMap<>();
    private final List<String> badFieldExamples = new ArrayList<>();

    void skipped(String problem) {
        skippedCount++;
        if (skipped.size() < SHOWN) {
            skipped.add(problem);
        }
    }

    void badField(String column, String problem) {
        int n = badFields.merge(column, 1, Integer::sum);
        if (n <= SHOWN) {
            badFieldExamples.add(problem);
        }
    }

    /** Lines left out of the replay. */
    public int skippedLines() {
        return skippedCount;
    }

    /** Fields left out of their request, by column. */
    public Map<String, Integer> badFields() {
        return Collections.unmodifiableMap(badFields);
    }

    /** The first problems of each kind, each naming the file, line and field. */
    public List<String> examples() {
        List<String> all = new ArrayList<>(skipped);
        all.addAll(badFieldExamples);
        return all;
    }
}
