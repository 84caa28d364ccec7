package io.nextbest.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Which customers a program holds out: a sticky, deterministic share, from a hash of the customer, the
 * program and the period (the calendar month, UTC). The same customer is in or out of a program for a
 * whole month, on every server and after every restart, and a new month draws again so that no
 * customer is kept from a program for good.
 */
final class Holdout {
    /** The share of customers held out of a program that sets none. */
    static final double DEFAULT_SHARE = 0.05;

    private final double defaultShare;
    private final Map<String, Double> shares;

    Holdout(double defaultShare, Map<String, Double> shares) {
        this.defaultShare = defaultShare;
        this.shares = Map.copyOf(shares);
    }

    boolean heldOut(String customerId, String program, Instant time) {
        return position(customerId, program, period(time)) < share(program);
    }

    double share(String program) {
        return shares.getOrDefault(program, defaultShare);
    }

    static String period(Instant time) {
        return YearMonth.from(time.atZone(ZoneOffset.UTC)).toString();
    }

    /**
     * Where the customer falls in [0, 1) for this program and period: FNV-1a over the three texts, then
     * a 64-bit finaliser so that ids differing in one character land far apart.
     */
    static double position(String customerId, String program, String period) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, customerId);
        h = fnv(h, program);
        h = fnv(h, period);
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long fnv(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        return (h ^ 0xffff) * 0x100000001b3L;
    }
}
