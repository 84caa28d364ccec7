package io.nextbest.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one jqwik property as a build would (generation, shrinking, reporting) and hands back how it
 * ended, so that a test can read the failure a QA engineer would see.
 */
final class JqwikRun {

    /**
     * How the property ended.
     *
     * @param failure the shrunk failure, if the property failed
     * @param reports what jqwik reported, such as the seed and the original and shrunk samples
     */
    record Outcome(Optional<Throwable> failure, List<Map<String, String>> reports) {
        String report(String key) {
            return reports.stream().filter(r -> r.containsKey(key)).map(r -> r.get(key)).findFirst().orElse("");
        }
    }

    private JqwikRun() {
    }

    static Outcome property(Class<?> container, String name) {
        return property(container, name, 0);
    }

    /**
     * Runs the property with at most {@code tries} tries, in place of its own number, when that is positive.
     * A property that is expected to fail stops at its first failing try, so headroom costs nothing when it does.
     */
    static Outcome property(Class<?> container, String name, int tries) {
        Method method = null;
        for (Class<?> c = container; c != null && method == null; c = c.getSuperclass()) {
            method = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElse(null);
        }
        if (method == null) {
            throw new IllegalArgumentException("no property " + name);
        }
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
        if (tries > 0) {
            builder.configurationParameter("jqwik.tries.default", String.valueOf(tries));
        }
        LauncherDiscoveryRequest request = builder
                .selectors(selectMethod(container, method))
                .filters(EngineFilter.includeEngines("jqwik"))
                // jqwik reports through the listener below rather than on the build's console.
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .build();
        List<Throwable> failures = new ArrayList<>();
        List<Map<String, String>> reports = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    ran.add(id.getDisplayName());
                    result.getThrowable().ifPresent(failures::add);
                }
            }

            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                reports.add(entry.getKeyValuePairs());
            }
        });
        if (ran.isEmpty()) {
            throw new IllegalStateException("jqwik ran no property " + container.getSimpleName() + "." + name);
        }
        return new Outcome(failures.stream().findFirst(), reports);
    }
}
