package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every promise of outbound planning can fail: a copy of the default policy broken in one place makes its
 * property fail when jqwik runs it (1,000 tries at most; it stops at the first failure). The promise that the
 * same input gives the same plan has no table that could break it, and is not shown here. (A policy that
 * calls until 23:00 everywhere does not break the calling hours either: the rule pack's own calling-hours rule
 * still keeps every offer out after 21:00.)
 *
 * <table>
 *   <caption>The broken policies</caption>
 *   <tr><th>policy</th><th>what is broken</th><th>the promise that catches it</th></tr>
 *   <tr><td>{@link TexanSundayMornings}</td><td>calling-hours.csv lets Texan Sunday calls start at 08:00, not noon</td>
 *       <td>calling hours</td></tr>
 *   <tr><td>{@link LateMornings}</td><td>compliance.csv calls from 09:00</td><td>the next allowed window</td></tr>
 *   <tr><td>{@link StaleListAccepted}</td><td>a Do-Not-Call list is valid for ten years</td>
 *       <td>Do-Not-Call</td></tr>
 *   <tr><td>{@link RetentionAsService}</td><td>programs.csv makes retention a service program</td>
 *       <td>consent</td></tr>
 *   <tr><td>{@link SlowRevocation}</td><td>a revocation is honoured ten days late</td><td>revocation</td></tr>
 *   <tr><td>{@link LooseCaps}</td><td>caps.csv allows five contacts a day</td><td>caps</td></tr>
 *   <tr><td>{@link TooMuchCapacity}</td><td>capacity.csv overstates the center by ten</td><td>capacity</td></tr>
 *   <tr><td>{@link MarketingFirst}</td><td>programs.csv ranks retention and plan changes over fraud alerts</td>
 *       <td>capacity in priority order</td></tr>
 * </table>
 */
class BrokenOutboundPoliciesFailTest {

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                Arguments.of(TexanSundayMornings.class, "noContactIsPlannedOutsideTheCustomersCallingHours"),
                Arguments.of(LateMornings.class, "aDeferredContactLandsInTheNextAllowedWindow"),
                Arguments.of(StaleListAccepted.class, "noCallGoesToADoNotCallCustomerNorMarketingOnAStaleList"),
                Arguments.of(RetentionAsService.class, "noContactIsPlannedWithoutConsent"),
                Arguments.of(SlowRevocation.class, "noContactIsPlannedPastARevocation"),
                Arguments.of(LooseCaps.class, "noMarketingContactGoesOverAnyCap"),
                Arguments.of(TooMuchCapacity.class, "capacityIsNeverExceededAndFilledInPriorityOrder"),
                Arguments.of(MarketingFirst.class, "capacityIsNeverExceededAndFilledInPriorityOrder"));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("brokenPolicies")
    void aBrokenPolicyMakesItsPromiseFail(Class<?> policy, String promise) {
        JqwikRun.Outcome outcome = JqwikRun.property(policy, promise);

        assertThat(outcome.failure()).as("%s on %s", promise, policy.getSimpleName()).isPresent();
        assertThat(outcome.failure().get()).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest(name = "{0} keeps {1}")
    @MethodSource("brokenPolicies")
    void theDefaultPolicyKeepsThatPromise(Class<?> ignored, String promise) {
        assertThat(JqwikRun.property(DefaultOutboundPolicyKeepsEveryPromiseTest.class, promise).failure()).isEmpty();
    }

    /** A copy of the default policy, in {@code target/broken-policies/NAME}, with one text of one file replaced. */
    static OutboundPolicy broken(String name, String file, String text, String replacement) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "broken-policies", name));
            try (Stream<Path> files = Files.list(Path.of("..", "rules", "outbound"))) {
                for (Path f : files.toList()) {
                    String content = Files.readString(f);
                    if (f.getFileName().toString().equals(file)) {
                        assertThat(content).contains(text);
                        content = content.replace(text, replacement);
                    }
                    Files.writeString(dir.resolve(f.getFileName()), content);
                }
            }
            return OutboundPolicy.read(dir).withCapacity(OutboundPlanProperties.CAPACITY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static class TexanSundayMornings extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("texan-sunday-mornings", "calling-hours.csv", "TX,SUN,12:00,21:00", "TX,SUN,08:00,21:00");
        }
    }

    static class LateMornings extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("late-mornings", "compliance.csv", "calling hours from,08:00", "calling hours from,09:00");
        }
    }

    static class StaleListAccepted extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("stale-list", "compliance.csv", "list valid for days,31", "list valid for days,3650");
        }
    }

    static class RetentionAsService extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("retention-as-service", "programs.csv", "retention,MARKETING", "retention,SERVICE");
        }
    }

    static class SlowRevocation extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("slow-revocation", "compliance.csv", "revocation honoured within hours,0",
                    "revocation honoured within hours,240");
        }
    }

    static class LooseCaps extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("loose-caps", "caps.csv", "One contact a day,CAP_ONE_A_DAY,all,1,1",
                    "One contact a day,CAP_ONE_A_DAY,all,1,5");
        }
    }

    static class TooMuchCapacity extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return DefaultRules.outboundPolicy().withCapacity(Map.of(Channel.OUTBOUND_VOICE, 30, Channel.SMS, 60,
                    Channel.EMAIL, 60));
        }
    }

    static class MarketingFirst extends OutboundPlanProperties {
        @Override
        OutboundPolicy policy() {
            return broken("marketing-first", "programs.csv", "fraud-alert,SERVICE,100", "fraud-alert,SERVICE,1");
        }
    }
}
