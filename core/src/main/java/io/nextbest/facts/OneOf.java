package io.nextbest.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text property of a fact whose values are the names of an enum, so that table validation can
 * tell an analyst that {@code 'COMPLIANT'} is not an intent and suggest {@code COMPLAINT}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneOf {
    Class<? extends Enum<?>> value();
}
