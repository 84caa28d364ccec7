package io.nextbest.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a fact that rules call in their actions ({@code $s.leaveOut(drools, "kind SALES")}),
 * and says what it does. The engine, validation and table verification learn the actions from these
 * marks rather than each knowing their names: a new action is declared here,
 * once. The method's first parameter is the rule's context ({@code drools}); a numeric parameter may
 * carry a {@link Range} that validation enforces at the table cell.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {

    /** What the action does. */
    Effect value();

    /** True if the parameter after the rule's context is an offer target ({@code kind SALES}, {@code program welcome}). */
    boolean target() default false;

    /** What an action does to the offers. */
    enum Effect {
        /** Leaves offers out; several rules that do so add up. */
        LEAVE_OUT,
        /** Chooses the offers the rule's following score actions apply to. */
        SELECT,
        /** Sets a value of the offers: two rules that set it differently conflict. */
        SET,
        /** Multiplies a value of the offers; several rules that do so add up. */
        MULTIPLY;

        /** True if the action's effects of several rules add up rather than overwrite each other. */
        public boolean accumulates() {
            return this != SET;
        }
    }
}
