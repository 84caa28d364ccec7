package io.nextbest.benchmarks.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one target on the inputs numbered {@code 0..n-1} of a seed, each on a worker thread under a
 * time limit, and keeps the figures and the failures. Input {@code i} is made from a random seeded with
 * {@link #inputSeed} alone, so that it can be made again without the inputs before it.
 */
final class Campaign {
    /** Failing inputs saved per kind of failure; the rest are only counted. */
    private static final int SAVED_PER_KIND = 3;
    /** After this many hangs a target stops: each leaves a thread behind that may still be busy. */
    private static final int MAX_HANGS = 5;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Target target;
    private final long seed;
    private final long timeLimitMillis;
    private final Path out;
    /** The thread that reads inputs, replaced after a hang. */
    private volatile Thread reader;
    private ExecutorService worker;

    /** One input that was read wrongly or hung. */
    record Failure(long index, String consumer, String kind, String detail, String how, Throwable error, Path saved) {
    }

    /** What a campaign found. */
    record Figures(String target, List<String> consumers, long seed, long inputs, long[] accepted, long[] rejected,
                   long[] wrong, long hangs, long nanos, long slowestCpuNanos, long slowestIndex,
                   Map<String, List<Failure>> failures) {

        double inputsPerSecond() {
            return nanos == 0 ? 0 : inputs * 1e9 / nanos;
        }

        long failed() {
            long n = hangs;
            for (long w : wrong) {
                n += w;
            }
            return n;
        }
    }

    Campaign(Target target, long seed, long timeLimitMillis, Path out) {
        this.target = target;
        this.seed = seed;
        this.timeLimitMillis = timeLimitMillis;
        this.out = out;
    }

    /** The seed of the random that makes input {@code index} of {@code target} from the campaign's seed. */
    static long inputSeed(long seed, String target, long index) {
        return seed * 0x9E3779B97F4A7C15L + target.hashCode() * 0xC2B2AE3D27D4EB4FL + index;
    }

    /** Input {@code index}, made again. */
    Input input(long index) {
        return target.mutate(new SplittableRandom(inputSeed(seed, target.name(), index)));
    }

    /**
     * Every seed must be read as documented (the example requests hold one that is rejected on purpose),
     * or the harness, not the reader, is broken; reading them also warms the readers up.
     */
    void checkSeeds() {
        for (Input s : target.seeds()) {
            for (Verdict v : target.read(s)) {
                if (v.isWrong()) {
                    throw new IllegalStateException(target.name() + ": the " + s.how() + " is read wrongly by "
                            + v.consumer() + ": " + v.detail(), v.error());
                }
            }
        }
    }

    /** Runs inputs {@code from..to-1}, calling {@code progress} now and then. */
    Figures run(long from, long to, java.util.function.LongConsumer progress) {
        int consumers = target.consumers().size();
        long[] accepted = new long[consumers];
        long[] rejected = new long[consumers];
        long[] wrong = new long[consumers];
        long hangs = 0;
        long slowest = -1;
        long slowestIndex = -1;
        Map<String, List<Failure>> failures = new LinkedHashMap<>();
        long started = System.nanoTime();
        long inputs = 0;
        worker = newWorker();
        try {
            for (long i = from; i < to && hangs < MAX_HANGS; i++) {
                Input input = input(i);
                long[] took = new long[1];
                List<Verdict> verdicts = readInTime(input, took);
                inputs++;
                if (took[0] > slowest) {
                    slowest = took[0];
                    slowestIndex = i;
                }
                if (verdicts == null) {
                    hangs++;
                    record(failures, new Failure(i, "", "hang: over " + timeLimitMillis + " ms",
                            "still reading after " + took[0] / 1_000_000 + " ms of CPU time", input.how(), null, null),
                            input);
                } else {
                    for (int c = 0; c < consumers; c++) {
                        Verdict v = verdicts.get(c);
                        switch (v.outcome()) {
                            case ACCEPTED -> accepted[c]++;
                            case REJECTED -> rejected[c]++;
                            case WRONG -> {
                                wrong[c]++;
                                record(failures, new Failure(i, v.consumer(), kind(v), v.detail(), input.how(),
                                        v.error(), null), input);
                            }
                        }
                    }
                }
                if (progress != null && (i + 1) % 1000 == 0) {
                    progress.accept(i + 1 - from);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Figures(target.name(), target.consumers(), seed, inputs, accepted, rejected, wrong, hangs,
                System.nanoTime() - started, slowest, slowestIndex, failures);
    }

    /**
     * The verdicts, or null if the input was not read within the time limit, and in {@code took} the
     * CPU time the reading thread spent on it. The limit is on CPU time, so that a machine busy with
     * other work (or a process paused while another is measured) does not make a slow input a hang; an
     * input that waits rather than works (its thread waiting or blocked, not runnable) is a hang after
     * ten times the limit spent waiting.
     */
    private List<Verdict> readInTime(Input input, long[] took) {
        long limit = timeLimitMillis * 1_000_000;
        long waited = 0;
        long lastLook = System.nanoTime();
        long cpuBefore = cpu();
        Future<List<Verdict>> reading = worker.submit(() -> target.read(input));
        try {
            while (true) {
                try {
                    List<Verdict> verdicts = reading.get(Math.min(100, timeLimitMillis), TimeUnit.MILLISECONDS);
                    took[0] = cpu() - cpuBefore;
                    return verdicts;
                } catch (TimeoutException e) {
                    took[0] = cpu() - cpuBefore;
                    long now = System.nanoTime();
                    if (waiting()) {
                        waited += now - lastLook;
                    }
                    lastLook = now;
                    if (took[0] > limit || waited > 10 * limit) {
                        reading.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the harness failed on " + input.how(), e.getCause());
        }
    }

    /** Whether the reading thread waits (on a lock, a condition, a sleep) rather than runs or waits for a CPU. */
    private boolean waiting() {
        Thread t = reader;
        if (t == null) {
            return false;
        }
        Thread.State state = t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    /** The CPU time the reading thread has used so far, in nanoseconds; 0 before it starts. */
    private long cpu() {
        Thread t = reader;
        return t == null ? 0 : Math.max(0, THREADS.getThreadCpuTime(t.getId()));
    }

    /** A failure's kind, to count alike failures together: the exception's type and place, or the rule broken. */
    static String kind(Verdict v) {
        Throwable e = v.error();
        if (e != null && !(e instanceof io.nextbest.NextBestException)) {
            return v.consumer() + " threw " + e.getClass().getName() + at(e);
        }
        String detail = v.detail();
        int colon = detail.indexOf(": ");
        return v.consumer() + ": " + (colon < 0 ? detail : detail.substring(0, colon));
    }

    private static String at(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.nextbest.")) {
                return " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return e.getStackTrace().length == 0 ? "" : " at " + e.getStackTrace()[0];
    }

    private void record(Map<String, List<Failure>> failures, Failure f, Input input) {
        List<Failure> alike = failures.computeIfAbsent(f.kind(), k -> new ArrayList<>());
        Path saved = alike.size() < SAVED_PER_KIND ? save(f, input) : null;
        alike.add(new Failure(f.index(), f.consumer(), f.kind(), f.detail(), f.how(), f.error(), saved));
    }

    /** The input as a file, with a note beside it of how it was made, what went wrong and how to run it again. */
    private Path save(Failure f, Input input) {
        try {
            Files.createDirectories(out);
            String stem = target.name() + "-" + seed + "-" + f.index();
            Path file = out.resolve(stem + "-" + input.name());
            Files.write(file, input.content());
            StringWriter note = new StringWriter();
            PrintWriter w = new PrintWriter(note);
            w.println(f.kind());
            w.println(f.detail());
            w.println("made from: " + f.how());
            w.println("again: benchmarks/fuzz --readers " + target.name() + " --seed " + seed + " --input " + f.index());
            if (f.error() != null) {
                f.error().printStackTrace(w);
            }
            w.flush();
            Files.writeString(out.resolve(stem + ".txt"), note.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a failing input in " + out, e);
        }
    }

    private ExecutorService newWorker() {
        reader = null;
        ExecutorService service = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
        // Start the thread now, so that the CPU time of the first input is counted from zero.
        try {
            service.submit(() -> reader = Thread.currentThread()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot start a reading thread", e);
        }
        return service;
    }
}
