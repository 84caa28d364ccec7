package io.nextbest;

import java.time.Instant;
import java.util.Objects;

/**
 * The rule set an engine decides with.
 *
 * @param version     the rule set's identity: a hash of its files' names and contents only, so the same
 *                    files have the same version on every machine and after every restart
 * @param label       the pack's own name for this version ({@code label} in its {@code pack.properties}),
 *                    or empty
 * @param origin      where the pack was read from, such as a folder or {@code classpath:rules/pack}
 * @param loadedAt    when this engine loaded it
 * @param precompiled true if its rules were compiled at build time and loaded, false if compiled at load
 * @param rules       how many rules it holds
 * @param offers      how many offers its catalog holds
 */
public record RuleSetInfo(String version, String label, String origin, Instant loadedAt, boolean precompiled,
                          int rules, int offers) {

    public RuleSetInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    @Override
    public String toString() {
        return version + (label.isEmpty() ? "" : " (" + label + ")");
    }
}
