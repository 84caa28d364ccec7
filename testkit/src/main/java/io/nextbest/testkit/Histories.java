package io.nextbest.testkit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** History lengths as a contact center sees them: often none, mostly a handful, rarely hundreds. */
final class Histories {
    private Histories() {
    }

    /**
     * Lists of {@code one} from {@code min} to {@code max} long. Within the default bounds, {@code
     * emptyPercent} of them are empty, most hold one to five, some up to 40 and a few more, up to {@code max}. Lists
     * shrink towards the shortest allowed, then element by element.
     */
    static <T> Arbitrary<List<T>> sized(Arbitrary<T> one, int min, int max, int emptyPercent) {
        List<Tuple2<Integer, Arbitrary<List<T>>>> bands = new ArrayList<>();
        band(bands, emptyPercent, one, min, max, 0, 0);
        band(bands, 85 - emptyPercent, one, min, max, 1, 5);
        band(bands, 12, one, min, max, 6, 40);
        band(bands, 3, one, min, max, 41, Integer.MAX_VALUE);
        if (bands.isEmpty()) {
            return one.list().ofMinSize(min).ofMaxSize(max);
        }
        return Arbitraries.frequencyOf(bands);
    }

    private static <T> void band(List<Tuple2<Integer, Arbitrary<List<T>>>> bands, int weight, Arbitrary<T> one,
                                 int min, int max, int from, int to) {
        int lo = Math.max(min, from);
        int hi = Math.min(max, to);
        if (weight > 0 && lo <= hi) {
            bands.add(Tuple.of(weight, one.list().ofMinSize(lo).ofMaxSize(hi)));
        }
    }
}
