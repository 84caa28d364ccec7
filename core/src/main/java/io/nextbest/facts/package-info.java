/**
 * API for rule authors: the fact every rule matches ({@link io.nextbest.facts.Situation}), the actions
 * rules call on it (marked {@link io.nextbest.facts.Action}), and the marks that tell validation what
 * values a property or argument takes ({@link io.nextbest.facts.Range}, {@link io.nextbest.facts.OneOf}).
 * Decision tables import {@code io.nextbest.facts.Situation}; applications never need this package.
 */
package io.nextbest.facts;
