package io.nextbest.ledger;

import io.nextbest.learning.Learner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's one writer: callers put records on a bounded queue and go on; one thread takes whatever
 * has gathered, up to {@link #MAX_BATCH}, and writes it in one transaction. Under load the writer sleeps
 * for up to {@link #GATHER_NANOS} between commits, so the database commits (and syncs) less often per
 * record; at rest a record is written at once, and a flush or a save of the models never waits. An outcome's future
 * completes, and a flush returns, only after the commit that holds it.
 */
final class Writer implements AutoCloseable {
    /**
     * Most of a commit's cost is the same however many records it holds (the sync, and the index pages that
     * decision ids, being hashes, touch all over the file), so the larger the batches under load, the more
     * records a second. A quarter of the default queue.
     */
    static final int MAX_BATCH = 16_384;
    /**
     * Group commit: once a batch holds this many records, records come faster than commits, and the writer
     * sleeps until {@link #GATHER_NANOS} after the start of this one before it takes the next. Fewer, larger
     * commits cost less, per record, of the cores the decisions share with the writer; an outcome is then
     * acknowledged up to that much later. Below it (a center at rest) each record is written at once.
     */
    static final int BUSY = 32;
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How often the writer saves a learner's models while it learns: what a killed process can lose. */
    static final long SAVE_MODELS_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);
    private static final long LOG_EVERY_DROP = 10_000;

    sealed interface Entry permits DecisionRow, OutcomeRow, Flush, SaveModels {
    }

    record DecisionRow(String decisionId, String customerId, long decidedAt, String decisionType, String program,
                       String offerId, boolean heldOut, String reasonCodes, String ruleSetVersion) implements Entry {
    }

    record OutcomeRow(Outcome outcome, long recordedAt, CompletableFuture<OutcomeStatus> done) implements Entry {
    }

    record Flush(CompletableFuture<Void> done) implements Entry {
    }

    /** Saves the learner's models, in the transaction of the records queued before it; done once committed. */
    record SaveModels(Learner learner, long at, CompletableFuture<Void> done) implements Entry {
    }

    private final Store store;
    private final Clock clock;
    private final BlockingQueue<Entry> queue;
    private final WhenFull whenFull;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean urgent;
    private final int capacity;
    private volatile Learner learner;
    private Connection connection;
    // The writer's own: when it last saved the models, and how much they had learned then.
    private long modelsSavedAt = System.nanoTime();
    private long modelsLearned;
    private long savingLearned = -1;

    Writer(Store store, int capacity, WhenFull whenFull, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.whenFull = whenFull;
        this.thread = new Thread(this::run, "nextbest-ledger-writer");
        // A daemon, so that an application that forgets to close the ledger still exits; what was queued
        // and not yet written is then lost, as the README says.
        thread.setDaemon(true);
        thread.start();
    }

    void submit(Entry entry) {
        if (closing) {
            throw new IllegalStateException("the ledger is closed");
        }
        if (whenFull == WhenFull.WAIT) {
            put(entry);
        } else if (!queue.offer(entry)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % LOG_EVERY_DROP == 0) {
                LOG.warn("The ledger's queue is full: {} records dropped so far (the database is slower than the "
                        + "decisions; see WhenFull)", n);
            }
            if (entry instanceof OutcomeRow o) {
                o.done().completeExceptionally(new LedgerException("the ledger's queue is full: the outcome of "
                        + o.outcome().decisionId() + " was dropped"));
            }
        }
    }

    /** Waits until everything submitted before this call is in the database. */
    void flush() {
        Flush flush = new Flush(new CompletableFuture<>());
        put(flush);
        wake();
        flush.done().join();
    }

    long dropped() {
        return dropped.get();
    }

    /** From now on, saves the learner's models every {@link #SAVE_MODELS_NANOS} while it learns, and on close. */
    void keep(Learner learner) {
        modelsLearned = learner.learned();
        this.learner = learner;
    }

    /** Saves the learner's models now, after everything submitted before; waits until they are committed. */
    void saveModels(long at) {
        if (closing) {
            throw new IllegalStateException("the ledger is closed");
        }
        Learner l = learner;
        if (l == null) {
            throw new IllegalStateException("the ledger keeps no learner's models: call learner(predictors) first");
        }
        SaveModels save = new SaveModels(l, at, new CompletableFuture<>());
        put(save);
        wake();
        save.done().join();
    }

    /** Ends the writer's pause between batches: what was just queued must not wait for the group commit. */
    private void wake() {
        urgent = true;
        LockSupport.unpark(thread);
    }

    private void put(Entry entry) {
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for room in the ledger's queue", e);
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        long lastStart = System.nanoTime();
        long lastInterval = 0;
        int lastSize = 0;
        while (true) {
            if (lastSize >= BUSY) {
                pause(lastStart, lastInterval, lastSize);
            }
            Entry first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                if (closing) {
                    break;
                }
                lastSize = 0;
                saveModelsIfDue();
                continue;
            }
            // Cleared before the drain: a flush queued after it sets the flag again, and is not kept waiting.
            urgent = false;
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            long start = System.nanoTime();
            lastInterval = start - lastStart;
            lastStart = start;
            lastSize = batch.size();
            write(batch);
            batch.clear();
            saveModelsIfDue();
        }
    }

    /**
     * Group commit: sleeps until {@link #GATHER_NANOS} after the start of the last batch, or sooner if at the
     * last batch's pace the queue would be half full, a flush or a save is asked for, or the writer closes.
     * The writer sleeps rather than waits on the queue, so that the deciding threads do not wake it (a
     * system call) with every record.
     */
    private void pause(long lastStart, long lastInterval, int lastSize) {
        // The last batch came in over the interval between the last two batches' starts.
        long halfFull = (long) (capacity / 2.0 / lastSize * lastInterval);
        long deadline = lastStart + Math.min(GATHER_NANOS, halfFull);
        while (!urgent && !closing) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            LockSupport.parkNanos(this, wait);
        }
    }

    private void saveModelsIfDue() {
        Learner l = learner;
        if (l != null && l.learned() != modelsLearned && System.nanoTime() - modelsSavedAt >= SAVE_MODELS_NANOS) {
            write(List.of(new SaveModels(l, clock.millis(), new CompletableFuture<>())));
        }
    }

    private void write(List<Entry> batch) {
        List<OutcomeRow> outcomes = new ArrayList<>();
        List<OutcomeStatus> statuses = new ArrayList<>();
        List<LedgerException> failures = new ArrayList<>();
        try {
            Connection c = connection();
            writeDecisions(c, batch);
            for (Entry e : batch) {
                if (e instanceof OutcomeRow o) {
                    outcomes.add(o);
                }
            }
            writeOutcomes(c, outcomes, statuses, failures);
            writeModels(c, batch);
            c.commit();
            if (savingLearned >= 0) {
                modelsLearned = savingLearned;
                modelsSavedAt = System.nanoTime();
            }
        } catch (SQLException | RuntimeException e) {
            abandon();
            savingLearned = -1;
            LOG.error("Could not write {} records to the ledger: {}", batch.size(), e.getMessage());
            LedgerException failure = new LedgerException("could not write to the ledger: " + e.getMessage(), e);
            for (Entry entry : batch) {
                if (entry instanceof OutcomeRow o) {
                    o.done().completeExceptionally(failure);
                } else if (entry instanceof Flush f) {
                    f.done().completeExceptionally(failure);
                } else if (entry instanceof SaveModels m) {
                    m.done().completeExceptionally(failure);
                }
            }
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (failures.get(i) != null) {
                outcomes.get(i).done().completeExceptionally(failures.get(i));
            } else {
                outcomes.get(i).done().complete(statuses.get(i));
            }
        }
        for (Entry entry : batch) {
            if (entry instanceof Flush f) {
                f.done().complete(null);
            } else if (entry instanceof SaveModels m) {
                m.done().complete(null);
            }
        }
    }

    /** The models as they are now (the last save in the batch is the newest): one row, replaced. */
    private void writeModels(Connection c, List<Entry> batch) throws SQLException {
        SaveModels last = null;
        for (Entry e : batch) {
            if (e instanceof SaveModels m) {
                last = m;
            }
        }
        savingLearned = -1;
        if (last == null) {
            return;
        }
        // Counted before the copy: an outcome learned while the models are copied is saved the next time.
        savingLearned = last.learner().learned();
        try (PreparedStatement ps = c.prepareStatement(Store.MODELS_SAVE)) {
            ps.setString(1, Store.MODELS_NAME);
            ps.setString(2, last.learner().saveText());
            ps.setLong(3, last.at());
            ps.executeUpdate();
        }
    }

    private static void writeDecisions(Connection c, List<Entry> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Store.DECISION_INSERT)) {
            int rows = 0;
            for (Entry e : batch) {
                if (e instanceof DecisionRow d) {
                    ps.setString(1, d.decisionId());
                    ps.setString(2, d.customerId());
                    ps.setLong(3, d.decidedAt());
                    ps.setString(4, d.decisionType());
                    ps.setString(5, d.program());
                    ps.setString(6, d.offerId());
                    ps.setBoolean(7, d.heldOut());
                    ps.setString(8, d.reasonCodes());
                    ps.setString(9, d.ruleSetVersion());
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void writeOutcomes(Connection c, List<OutcomeRow> outcomes, List<OutcomeStatus> statuses,
                                      List<LedgerException> failures) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(Store.OUTCOME_INSERT)) {
            for (OutcomeRow o : outcomes) {
                ps.setString(1, o.outcome().decisionId());
                ps.setString(2, o.outcome().type().name());
                ps.setDouble(3, o.outcome().revenue());
                ps.setDouble(4, o.outcome().handleTimeSeconds());
                ps.setLong(5, o.recordedAt());
                ps.setString(6, o.outcome().decisionId());
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        try (PreparedStatement exists = c.prepareStatement(Store.DECISION_EXISTS)) {
            for (int i = 0; i < outcomes.size(); i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    statuses.add(OutcomeStatus.RECORDED);
                    failures.add(null);
                    continue;
                }
                // Nothing went in: the decision has this outcome already, or there is no such decision.
                exists.setString(1, outcomes.get(i).outcome().decisionId());
                try (ResultSet rs = exists.executeQuery()) {
                    boolean known = rs.next();
                    statuses.add(known ? OutcomeStatus.ALREADY_RECORDED : null);
                    failures.add(known ? null : new UnknownDecisionException(outcomes.get(i).outcome().decisionId()));
                }
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = store.connect();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void abandon() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being given up: a new one is opened for the next batch.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever came in while the writer stopped is written here, on the closing thread.
        List<Entry> rest = new ArrayList<>();
        queue.drainTo(rest);
        Learner l = learner;
        if (l != null && l.learned() != modelsLearned) {
            rest.add(new SaveModels(l, clock.millis(), new CompletableFuture<>()));
        }
        if (!rest.isEmpty()) {
            write(rest);
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Could not close the ledger's connection: {}", e.getMessage());
            }
            connection = null;
        }
    }
}
