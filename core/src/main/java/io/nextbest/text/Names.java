package io.nextbest.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the name someone most likely meant, for "did you mean" hints. */
public final class Names {
    private Names() {
    }

    /** The candidate closest to {@code name}, if one is close enough to be a likely typo. */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String target = name.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            boolean contained = Math.min(c.length(), target.length()) >= 3 && (c.contains(target) || target.contains(c));
            int d = c.equals(target) ? 0 : contained ? 1 : distance(target, c);
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, target.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The Levenshtein distance between two texts. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
