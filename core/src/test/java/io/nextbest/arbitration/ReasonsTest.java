package io.nextbest.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ReasonsTest {

    @Property(tries = 5000)
    void twoDecimalsWritesWhatStringFormatWrites(@ForAll @DoubleRange(min = 0, max = 1e9) double x) {
        assertThat(Reasons.twoDecimals(new StringBuilder(), x).toString())
                .isEqualTo(String.format(Locale.ROOT, "%.2f", x));
    }

    @Example
    void twoDecimalsRoundsHalfUpLikeStringFormat() {
        for (double x : new double[] {0, 0.005, 0.015, 0.125, 1.005, 2.675, 168.48000000000002, 216.0, 9.995, 1e-4}) {
            assertThat(Reasons.twoDecimals(new StringBuilder(), x).toString())
                    .as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.2f", x));
        }
    }
}
