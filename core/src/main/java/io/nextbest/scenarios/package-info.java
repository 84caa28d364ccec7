/**
 * API: scenario files that analysts write ("this customer on this call gets this offer"), read by
 * {@link io.nextbest.scenarios.ScenarioReader} and run by {@link io.nextbest.scenarios.ScenarioRunner},
 * whose results show every rule and table row that fired.
 */
package io.nextbest.scenarios;
