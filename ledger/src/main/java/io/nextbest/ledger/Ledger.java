package io.nextbest.ledger;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.Reason;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Predictors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A durable record of decisions and their outcomes, and the proof it gives: each program's effort,
 * outcomes, lift against its holdout group, staffing and verdict.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.builder().file(Path.of("ledger.db")).build();
 *      DecisionEngine engine = ledger.engine(NextBest.engine().rules(DefaultRules.pack()).build())) {
 *     Decision decision = engine.decide(request);             // recorded; held out if the customer is
 *     ledger.record(new Outcome(decision.decisionId(), OutcomeType.ACCEPTED, 40, 90));
 *     System.out.println(ledger.report().text());
 * }
 * }</pre>
 *
 * <p>Safe to share between threads. Writes go through one bounded queue to one writer thread (its one
 * thread, named {@code nextbest-ledger-writer}); {@link #flush()} waits until all that was given is on
 * disk, and {@link #close()} writes what is queued and stops the thread.
 */
public final class Ledger implements AutoCloseable {
    private final Store store;
    private final Writer writer;
    private final Holdout holdout;
    private final Map<String, OutcomeType> success;
    private final ReportSettings settings;
    private final boolean pauseRetired;
    private final Clock clock;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private Learner learner;

    private Ledger(Builder b) {
        this.store = new Store(b.url, b.user, b.password, b.busyTimeoutMillis);
        store.migrate();
        this.holdout = new Holdout(b.defaultShare, b.shares);
        this.success = Map.copyOf(b.success);
        this.settings = b.settings;
        this.pauseRetired = b.pauseRetired;
        this.clock = b.clock;
        paused.addAll(store.pausedPrograms());
        this.writer = new Writer(store, b.capacity, b.whenFull, b.clock);
    }

    /** A new ledger builder: name the file (or the JDBC URL), then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An engine that decides as {@code engine} does and records every decision here. A customer in a
     * program's holdout group, and an offer of a paused program, get no offer, with the reason
     * {@link Reason#HELD_OUT} or {@link Reason#PROGRAM_PAUSED}; the program is still recorded. Closing
     * the returned engine closes {@code engine}, not the ledger.
     */
    public DecisionEngine engine(DecisionEngine engine) {
        return new RecordingEngine(Objects.requireNonNull(engine, "engine"), this);
    }

    /**
     * Records an outcome. The future completes once it is on disk, with {@link OutcomeStatus#RECORDED}
     * or, if the decision had an outcome of this type already, {@link OutcomeStatus#ALREADY_RECORDED};
     * it fails with {@link UnknownDecisionException} if the ledger has no such decision.
     */
    public CompletableFuture<OutcomeStatus> record(Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        CompletableFuture<OutcomeStatus> done = new CompletableFuture<>();
        writer.submit(new Writer.OutcomeRow(outcome, clock.millis(), done));
        return done;
    }

    /**
     * The learner whose models this ledger keeps in its database: as they were last saved there (a learner
     * with no evidence if none were), then saved again once a minute while it learns, by {@link #saveModels()},
     * and when the ledger closes. Give it to the engine ({@code NextBest.engine().rules(pack).learner(learner)})
     * and teach it the outcomes ({@link Learner#learn}); a restarted application that asks its ledger for
     * the learner again goes on where it stopped. Saving copies each model between two of its outcomes on
     * the ledger's writer thread: decisions never wait for it. One learner per ledger: a second call with
     * the same predictors returns the same learner.
     *
     * @throws LedgerException          if the saved models cannot be read, or were learned on other predictors
     * @throws IllegalStateException    if the ledger keeps a learner on other predictors already
     */
    public synchronized Learner learner(Predictors predictors) {
        Objects.requireNonNull(predictors, "predictors");
        if (learner != null) {
            if (!learner.predictors().list().equals(predictors.list())) {
                throw new IllegalStateException("the ledger keeps a learner on other predictors already: "
                        + learner.predictors().list());
            }
            return learner;
        }
        String saved = store.models();
        try {
            learner = saved == null ? Learner.of(predictors)
                    : Learner.restoreText(store.url() + ", table learned_models", saved, predictors);
        } catch (IllegalArgumentException e) {
            throw new LedgerException("cannot restore the learned models: " + e.getMessage(), e);
        }
        writer.keep(learner);
        return learner;
    }

    /** Saves the learner's models in the database now; returns once they are on disk. */
    public void saveModels() {
        writer.saveModels(clock.millis());
    }

    /** Waits until every decision and outcome given so far is on disk. */
    public void flush() {
        writer.flush();
    }

    /** How many records were dropped because the queue was full ({@link WhenFull#DROP}). */
    public long dropped() {
        return writer.dropped();
    }

    /** The report for every day the ledger has decisions on (today's, if it has none). */
    public Report report() {
        return report(null, null);
    }

    /**
     * The report for the days {@code from} to {@code to}, both included (UTC); a null {@code from} or
     * {@code to} is the ledger's first or last day with a decision. With {@link Builder#pauseRetired(boolean)},
     * programs whose verdict is {@link Verdict#RETIRE} are paused.
     */
    public Report report(LocalDate from, LocalDate to) {
        flush();
        LocalDate first = from;
        LocalDate last = to;
        if (first == null || last == null) {
            long[] span = store.span();
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            first = first != null ? first : span == null ? today : day(span[0]);
            last = last != null ? last : span == null ? today : day(span[1]);
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("to: " + last + " is before from: " + first);
        }
        long start = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Report report = Reports.build(first, last, settings, success, store.counts(start, end), dropped());
        if (pauseRetired) {
            for (ProgramReport p : report.programs()) {
                if (p.verdict() == Verdict.RETIRE && !paused.contains(p.program())) {
                    pause(p.program(), "verdict retire for " + first + " to " + last + ": " + p.lift().text());
                }
            }
        }
        return report;
    }

    /** The programs whose offers are stopped, in name order. */
    public Set<String> pausedPrograms() {
        return new TreeSet<>(paused);
    }

    /** Stops the program's offers until {@link #resume(String)}; {@code why} is kept with it. */
    public void pause(String program, String why) {
        store.pause(program, clock.millis(), why);
        paused.add(program);
    }

    /** Lets the program's offers be made again. */
    public void resume(String program) {
        store.resume(program);
        paused.remove(program);
    }

    /**
     * Writes what is queued, saves the learner's models if they learned since the last save, and stops the
     * writer. Decisions through the ledger's engine and outcomes
     * after close fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        writer.close();
    }

    boolean isPaused(String program) {
        return !paused.isEmpty() && paused.contains(program);
    }

    Holdout holdout() {
        return holdout;
    }

    /** Queues the record of a decision: {@code shown} is what the caller got, {@code decided} the rules' own. */
    void record(Decision shown, Decision decided) {
        String program = decided.offer().map(o -> o.program()).orElse(null);
        String offerId = decided.offer().map(o -> o.offerId()).orElse(null);
        StringBuilder codes = new StringBuilder();
        for (Reason r : shown.reasons()) {
            codes.append(codes.length() == 0 ? "" : ",").append(r.code());
        }
        writer.submit(new Writer.DecisionRow(shown.decisionId(), shown.customerId(), shown.decidedAt().toEpochMilli(),
                shown.type().name(), program, offerId, Reason.HELD_OUT.equals(shown.reason().code()),
                codes.toString(), shown.ruleSetVersion()));
    }

    private static LocalDate day(long millis) {
        return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    /** How to open a ledger. */
    public static final class Builder {
        /** Records the queue holds before {@link WhenFull} applies. */
        public static final int DEFAULT_CAPACITY = 65_536;

        private String url;
        private String user;
        private String password;
        private int capacity = DEFAULT_CAPACITY;
        private WhenFull whenFull = WhenFull.DROP;
        private double defaultShare = Holdout.DEFAULT_SHARE;
        private final Map<String, Double> shares = new HashMap<>();
        private final Map<String, OutcomeType> success = new HashMap<>();
        private ReportSettings settings = ReportSettings.DEFAULTS;
        private boolean pauseRetired;
        private Clock clock = Clock.systemUTC();
        /**
         * How long the ledger waits for another process holding SQLite's write lock (a backup, say) before a write
         * fails: long enough to ride out a checkpoint, short enough that a stuck process shows up as an error.
         */
        private long busyTimeoutMillis = 10_000;

        private Builder() {
        }

        /** The ledger in one SQLite file, made if missing, with its folder. The default store. */
        public Builder file(Path file) {
            Path parent = file.toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new LedgerException("cannot make the ledger's folder " + parent + ": " + e.getMessage(), e);
            }
            this.url = "jdbc:sqlite:" + file.toAbsolutePath();
            return this;
        }

        /** The ledger in another database, such as {@code jdbc:postgresql://host/db}. */
        public Builder jdbc(String url, String user, String password) {
            this.url = Objects.requireNonNull(url, "url");
            this.user = user;
            this.password = password;
            return this;
        }

        /** How many records may wait for the writer (default {@value #DEFAULT_CAPACITY}). */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity: must be at least 1, got " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** What happens to a write when the queue is full (default {@link WhenFull#DROP}). */
        public Builder whenFull(WhenFull whenFull) {
            this.whenFull = Objects.requireNonNull(whenFull, "whenFull");
            return this;
        }

        /** The share of customers held out of every program that sets none (default 0.05). */
        public Builder holdout(double share) {
            this.defaultShare = share(share);
            return this;
        }

        /** The share of customers held out of one program. */
        public Builder holdout(String program, double share) {
            shares.put(Objects.requireNonNull(program, "program"), share(share));
            return this;
        }

        /**
         * The outcome that counts as the program's success, for its rates and lift: {@link OutcomeType#ACCEPTED}
         * unless set ({@link OutcomeType#SAVED} for a retention program).
         */
        public Builder success(String program, OutcomeType type) {
            success.put(Objects.requireNonNull(program, "program"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** The minimum sample, the cost of an agent hour and an agent's productive hours a day. */
        public Builder reportSettings(ReportSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Pause a program when a report gives it the verdict {@link Verdict#RETIRE} (default false). */
        public Builder pauseRetired(boolean pauseRetired) {
            this.pauseRetired = pauseRetired;
            return this;
        }

        /** The clock that stamps outcomes and pauses (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * For tests that hold SQLite's write lock on purpose: a writer that must wait for it however long the
         * test's machine takes (a paused or starved JVM), not give up after the default ten seconds.
         */
        Builder busyTimeout(Duration timeout) {
            this.busyTimeoutMillis = timeout.toMillis();
            return this;
        }

        /** Opens the ledger, making or migrating its schema. */
        public Ledger build() {
            if (url == null) {
                throw new IllegalStateException("name the ledger's file (file(path)) or database (jdbc(url, ...))");
            }
            return new Ledger(this);
        }

        private static double share(double share) {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("holdout: a share must be at least 0 and below 1, got " + share);
            }
            return share;
        }
    }
}
