package io.nextbest.examples.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A data set read through its mapping and split into the part that tunes the rules and the part that
 * is reported. {@link #run} replays the report part through a {@link Scorer}: the scorer first sees the
 * outcomes of the training part, then scores each customer of the report part in replay order (date
 * order for the bank) and only then learns that customer's outcome.
 */
public final class Replay {
    /** Telco's training part is buckets 0 to 69; 49 to 69 are 30% of it. */
    static final int HELD_OUT_BUCKET = 49;
    /** The seed of the training part's order for a learner, on data without dates. */
    static final long LEARNING_ORDER_SEED = 15;

    private final DataSet dataSet;
    private final List<Case> training;
    private final List<Case> report;
    private final Tally tally;

    private Replay(DataSet dataSet, List<Case> training, List<Case> report, Tally tally) {
        this.dataSet = dataSet;
        this.training = List.copyOf(training);
        this.report = List.copyOf(report);
        this.tally = tally;
    }

    /**
     * Reads the data set.
     *
     * @throws IllegalArgumentException if the file or the mapping cannot be used at all (a bad line is
     *                                  counted in {@link #tally()} instead)
     */
    public static Replay load(DataSet dataSet, Path data, Mapping mapping) {
        Tally tally = new Tally();
        List<Case> cases = mapping.cases(DataFile.read(data, dataSet.separator()), dataSet, tally);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(data + ": holds no customer that could be read");
        }
        List<Case> training = new ArrayList<>();
        List<Case> report = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            (dataSet.inReport(cases.get(i), i, cases.size()) ? report : training).add(cases.get(i));
        }
        return new Replay(dataSet, training, report, tally);
    }

    /**
     * The training part split again the same way, for a tuner to check its fit without the report part:
     * the bank's latest quarter of the training part is held out; for telco, the hash buckets 49 to 69.
     */
    public Replay withinTraining() {
        List<Case> fit = new ArrayList<>();
        List<Case> held = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            Case c = training.get(i);
            boolean out = dataSet.dated() ? dataSet.inReport(c, i, training.size())
                    : DataSet.bucket(c.id()) >= HELD_OUT_BUCKET;
            (out ? held : fit).add(c);
        }
        return new Replay(dataSet, fit, held, tally);
    }

    /**
     * This replay as a learner sees it: the training part in date order for data in date order, else in
     * a fixed random order ({@link Random} seeded with {@value #LEARNING_ORDER_SEED}), so that a learner is
     * not taught the file's order.
     */
    public Replay forLearning() {
        if (dataSet.dated()) {
            return this;
        }
        List<Case> shuffled = new ArrayList<>(training);
        Collections.shuffle(shuffled, new Random(LEARNING_ORDER_SEED));
        return new Replay(dataSet, shuffled, report, tally);
    }

    public DataSet dataSet() {
        return dataSet;
    }

    /** The part that tunes the rules, in file order. */
    public List<Case> training() {
        return training;
    }

    /** The part that is reported, in replay order. */
    public List<Case> report() {
        return report;
    }

    public Tally tally() {
        return tally;
    }

    /** Replays the report part. */
    public Result run(Scorer scorer) {
        for (Case c : training) {
            scorer.learn(c, c.positive());
        }
        List<Result.Scored> scored = new ArrayList<>(report.size());
        for (Case c : report) {
            scored.add(new Result.Scored(c, scorer.score(c)));
            scorer.learn(c, c.positive());
        }
        return new Result(dataSet, scorer.mode(), training.size(), scored, tally);
    }
}
