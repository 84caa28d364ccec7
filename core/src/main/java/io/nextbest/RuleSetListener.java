package io.nextbest;

/**
 * Hears what becomes of rule edits when an engine reloads its rules. Called on the thread that
 * reloads; keep it quick.
 */
public interface RuleSetListener {

    /** A new rule set validated and now decides. */
    default void loaded(RuleSetInfo ruleSet) {
    }

    /**
     * An edit did not validate, or could not be read or compiled for another reason; the last good rule
     * set goes on deciding. The same files are tried again at the next reload.
     */
    default void rejected(RuleSetException problems) {
    }
}
