package io.nextbest.rules;

import io.nextbest.RulePack;
import io.nextbest.outbound.OutboundPolicy;
import java.util.List;

/**
 * The default rule pack: the programs of a contact center (retention, welcome, plan change, cross-sell
 * and upsell, proactive service, and the outbound programs that events start) and the engagement policies that keep offers precise. Its files live
 * in {@code rules/pack/} of the source tree and in {@code io/nextbest/rules/} of the jar.
 */
public final class DefaultRules {
    /** The pack's files, in the order they are compiled. */
    public static final List<String> FILES = List.of(
            "pack.properties",
            "catalog.json",
            "eligibility.drl.csv",
            "outbound.drl.csv",
            "applicability.drl",
            "applicability.drl.csv",
            "suitability.drl",
            "suitability.drl.csv",
            "arbitration.drl.csv",
            "outbound-arbitration.drl.csv");

    private DefaultRules() {
    }

    /** The default pack, read from the class path. */
    public static RulePack pack() {
        return RulePack.classpath(DefaultRules.class.getClassLoader(), "io/nextbest/rules", FILES);
    }

    /**
     * The default outbound contact policy and compliance rules, read from the class path: the files of {@code
     * rules/outbound/} of the source tree.
     */
    public static OutboundPolicy outboundPolicy() {
        return OutboundPolicy.classpath(DefaultRules.class.getClassLoader(), "io/nextbest/rules/outbound");
    }
}
