package io.nextbest.examples.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of a replay on the report part. Customers are called best priority first (equal
 * priorities in replay order) until the share contacted is reached; a customer the scorer did not
 * contact is never called, so a curve stops rising once every contacted customer has been called.
 */
public final class Result {
    /** The shares contacted that a report gives. */
    public static final List<Double> SHARES = List.of(0.1, 0.2, 0.3, 0.5);

    /** A customer of the report part with its score. */
    public record Scored(Case customer, Scorer.Score score) {
    }

    /** The calls of the fixed daily capacity, and the positives they reached. */
    public record Daily(int days, int calls, int reached) {
    }

    private final DataSet dataSet;
    private final String mode;
    private final int trainingRows;
    private final List<Scored> scored;
    private final List<Scored> ranked;
    private final int positives;
    private final Tally tally;

    Result(DataSet dataSet, String mode, int trainingRows, List<Scored> scored, Tally tally) {
        this.dataSet = dataSet;
        this.mode = mode;
        this.trainingRows = trainingRows;
        this.scored = List.copyOf(scored);
        this.ranked = rank(scored);
        this.positives = (int) scored.stream().filter(s -> s.customer().positive()).count();
        this.tally = tally;
    }

    /** The contacted customers, best first; a stable sort keeps equal priorities in replay order. */
    private static List<Scored> rank(List<Scored> scored) {
        List<Scored> contacted = new ArrayList<>(scored.stream().filter(s -> s.score().contacted()).toList());
        contacted.sort(Comparator.comparingDouble((Scored s) -> s.score().priority()).reversed());
        return contacted;
    }

    public DataSet dataSet() {
        return dataSet;
    }

    public String mode() {
        return mode;
    }

    public int trainingRows() {
        return trainingRows;
    }

    public int testRows() {
        return scored.size();
    }

    public int positives() {
        return positives;
    }

    public Tally tally() {
        return tally;
    }

    /** Every customer of the report part with its score, in replay order. */
    public List<Scored> scored() {
        return scored;
    }

    /** The customers the scorer would call. */
    public int contacted() {
        return ranked.size();
    }

    /** Customers not contacted, by the code of the deciding reason. */
    public Map<String, Integer> notContacted() {
        Map<String, Integer> byReason = new TreeMap<>();
        scored.stream().filter(s -> !s.score().contacted()).forEach(s -> byReason.merge(s.score().reason(), 1, Integer::sum));
        return byReason;
    }

    /** The calls made when {@code share} of the report part may be contacted. */
    public int calls(double share) {
        return Math.min(ranked.size(), (int) Math.floor(share * scored.size() + 1e-9));
    }

    /** The positives reached by the best {@code calls} calls. */
    public int reached(int calls) {
        int reached = 0;
        for (int i = 0; i < calls; i++) {
            reached += ranked.get(i).customer().positive() ? 1 : 0;
        }
        return reached;
    }

    /** The share of the report part's positives reached when {@code share} of it may be contacted. */
    public double capture(double share) {
        return positives == 0 ? 0 : (double) reached(calls(share)) / positives;
    }

    /** The positives per call when {@code share} of the report part may be contacted. */
    public double precision(double share) {
        int calls = calls(share);
        return calls == 0 ? 0 : (double) reached(calls) / calls;
    }

    /** The positives per call when everyone is called: the base rate. */
    public double baseRate() {
        return scored.isEmpty() ? 0 : (double) positives / scored.size();
    }

    /** {@link #capture} at each of {@link #SHARES}, keyed as the JSON writes them. */
    public Map<String, Double> captures() {
        Map<String, Double> captures = new LinkedHashMap<>();
        SHARES.forEach(s -> captures.put(Double.toString(s), capture(s)));
        return captures;
    }

    /**
     * The fixed daily capacity: each day, the best half of that day's list (rounded down) is called, in
     * date order; a customer not contacted is not called even when the day has room. Empty for data
     * without days.
     */
    public Optional<Daily> daily() {
        if (!dataSet.dated()) {
            return Optional.empty();
        }
        int days = 0;
        int calls = 0;
        int reached = 0;
        int start = 0;
        for (int i = 1; i <= scored.size(); i++) {
            if (i == scored.size() || !scored.get(i).customer().day().equals(scored.get(start).customer().day())) {
                List<Scored> day = rank(scored.subList(start, i));
                int capacity = Math.min(day.size(), (i - start) / 2);
                for (int j = 0; j < capacity; j++) {
                    reached += day.get(j).customer().positive() ? 1 : 0;
                }
                calls += capacity;
                days++;
                start = i;
            }
        }
        return Optional.of(new Daily(days, calls, reached));
    }

    /** The share of positives the daily capacity reaches; null for data without days. */
    public Double dailyCapacityCapture() {
        return daily().map(d -> positives == 0 ? 0.0 : (double) d.reached() / positives).orElse(null);
    }
}
