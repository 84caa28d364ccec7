package io.nextbest;

/**
 * Hears what becomes of rule edits when an engine reloads its rules. Called on the thread that
 * reloads; keep it quick.
 */
public interface RuleSetListener {

    /** A new rule set validated and now decides; {@code version} is its content hash and load time. */
    default void loaded(String version) {
    }

    /** An edit did not validate; the last good rule set goes on deciding. */
    default void rejected(RuleSetException problems) {
    }
}
