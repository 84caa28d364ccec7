package io.nextbest.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a number can take: on a numeric property of a fact, so that table verification does not
 * report gaps outside them (no table needs a row for a negative tenure); on a numeric argument of an
 * {@link Action}, so that validation reports a value outside them at its cell (a propensity of 1.3).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER})
public @interface Range {
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;
}
