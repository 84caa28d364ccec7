package io.nextbest.engine;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Explanation;
import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.RuleSetInfo;
import io.nextbest.RuleSetListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link io.nextbest.NextBest}: one compiled rule set at a time, swapped atomically
 * when the rules are reloaded. A decision reads the current rule set once, so decisions in flight
 * finish on the set they started with and new ones use the new set.
 */
final class RulesEngine implements DecisionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RulesEngine.class);

    private final Supplier<RulePack> source;
    private final EngineSettings settings;
    private final RuleSetListener listener;
    private final Object reloadLock = new Object();
    private volatile CompiledRuleSet ruleSet;
    private volatile boolean closed;
    /** The hash of the pack the current rule set was compiled from. */
    private String loadedHash;
    /**
     * The hash of the last pack rejected for its content: compiling the same files again would give the
     * same problems, so they are not tried (nor reported) again until they change. A pack that failed
     * for another reason (a file being written, a class not yet loadable) is tried again.
     */
    private String rejectedHash;
    private ScheduledExecutorService watcher;

    /** An engine on a fixed pack. */
    RulesEngine(RulePack pack, EngineSettings settings) {
        this(() -> pack, settings, new RuleSetListener() {
        });
    }

    /**
     * An engine whose rules come from {@code source}, read again on every {@link #reload()}.
     *
     * @throws RuleSetException if the first read of the rules does not compile
     */
    RulesEngine(Supplier<RulePack> source, EngineSettings settings, RuleSetListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        RulePack pack = source.get();
        this.ruleSet = RuleSetCompiler.compile(pack, settings);
        this.loadedHash = pack.contentHash();
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        return ruleSet.decide(request);
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        return ruleSet.explain(request);
    }

    @Override
    public RuleSetInfo ruleSet() {
        return ruleSet.info();
    }

    @Override
    public int maxOffers() {
        return settings.maxOffers();
    }

    @Override
    public double minimumPriority() {
        return settings.minimumPriority();
    }

    @Override
    public OfferCatalog catalog() {
        return ruleSet.catalog();
    }

    /** The rule set new decisions use. */
    CompiledRuleSet compiled() {
        return ruleSet;
    }

    /**
     * Reads the rules again and, if they changed and compile, swaps them in. A broken edit never
     * replaces the last good rule set: it is logged and reported to the listener, and decisions go on.
     *
     * @return true if a new rule set now decides
     */
    @Override
    public boolean reload() {
        synchronized (reloadLock) {
            if (closed) {
                throw new IllegalStateException("the engine is closed");
            }
            RulePack pack;
            try {
                pack = source.get();
            } catch (RuleSetException e) {
                reject(e);
                return false;
            } catch (RuntimeException e) {
                reject(new RuleSetException(List.of(new RuleProblem("rules", "", "cannot be read: "
                        + RuleSources.message(e)))));
                return false;
            }
            String hash = pack.contentHash();
            if (hash.equals(loadedHash) || hash.equals(rejectedHash)) {
                return false;
            }
            CompiledRuleSet next;
            try {
                next = RuleSetCompiler.compile(pack, settings);
            } catch (RuleSetException e) {
                rejectedHash = hash;
                reject(e);
                return false;
            } catch (RuntimeException | LinkageError e) {
                reject(new RuleSetException(List.of(new RuleProblem(pack.origin(), "", "could not be compiled, and "
                        + "will be tried again at the next reload: " + RuleSources.message(e)))));
                return false;
            }
            loadedHash = hash;
            rejectedHash = null;
            CompiledRuleSet previous = ruleSet;
            ruleSet = next;
            previous.close();
            LOG.info("Rules reloaded: version {} replaces {}", next.info(), previous.info());
            listener.loaded(next.info());
            return true;
        }
    }

    private void reject(RuleSetException e) {
        LOG.warn("Rule edit rejected; decisions go on with version {}: {}", ruleSet.version(), e.getMessage());
        listener.rejected(e);
    }

    /**
     * Checks the rules folder for edits every {@code interval}, on one daemon thread named
     * {@code nextbest-rules-watcher} that {@link #close()} stops.
     */
    void watch(Path folder, Duration interval) {
        synchronized (reloadLock) {
            if (closed) {
                throw new IllegalStateException("the engine is closed");
            }
            startWatching(folder, interval);
        }
    }

    private void startWatching(Path folder, Duration interval) {
        if (watcher != null) {
            throw new IllegalStateException("the engine already watches its rules");
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nextbest-rules-watcher");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        watcher.scheduleWithFixedDelay(() -> {
            try {
                if (!closed) {
                    reload();
                }
            } catch (RuntimeException e) {
                LOG.error("Checking {} for rule edits failed", folder, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        synchronized (reloadLock) {
            closed = true;
            if (watcher != null) {
                watcher.shutdownNow();
            }
            ruleSet.close();
        }
    }
}
