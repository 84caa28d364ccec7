package io.nextbest.engine;

import io.nextbest.DecisionRequest;
import io.nextbest.Interaction;
import java.time.Instant;

/**
 * Decision ids: a 64-bit FNV-1a hash of the rule set's version, the customer, the interaction (its id,
 * channel and intent) and the decision time. Every part is text or a number, hashed the same way on
 * every JVM, so the same request decided by the same rule set has the same id in any process, and an
 * outcome reported to another server finds its decision.
 */
final class DecisionIds {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private DecisionIds() {
    }

    static String of(String ruleSetVersion, DecisionRequest request, Instant now) {
        Interaction interaction = request.interaction();
        long h = OFFSET;
        h = mix(h, ruleSetVersion);
        h = mix(h, request.customer().id());
        h = mix(h, interaction.id());
        h = mix(h, interaction.channel().name());
        h = mix(h, interaction.intent().name());
        h = mix(h, now.getEpochSecond());
        h = mix(h, now.getNano());
        String hex = Long.toHexString(h);
        return "d-" + "0".repeat(16 - hex.length()) + hex;
    }

    private static long mix(long h, String s) {
        // A separator after each part, so that ("ab", "c") and ("a", "bc") differ; null differs from "".
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * PRIME;
            }
        }
        return (h ^ (s == null ? 0x1FFFF : 0x10000)) * PRIME;
    }

    private static long mix(long h, long value) {
        for (int shift = 0; shift < 64; shift += 16) {
            h = (h ^ ((value >>> shift) & 0xFFFF)) * PRIME;
        }
        return h;
    }
}
