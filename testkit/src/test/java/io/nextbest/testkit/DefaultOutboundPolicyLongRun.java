package io.nextbest.testkit;

import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.rules.DefaultRules;
import net.jqwik.api.PropertyDefaults;

/**
 * The promises at 1,000 tries each, for a run by hand (its name keeps it out of the build):
 * {@code ./mvnw -o -q verify -pl testkit -am -Dtest=DefaultOutboundPolicyLongRun -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@PropertyDefaults(tries = 1000)
class DefaultOutboundPolicyLongRun extends OutboundPlanProperties {
    @Override
    OutboundPolicy policy() {
        return DefaultRules.outboundPolicy().withCapacity(CAPACITY);
    }
}
