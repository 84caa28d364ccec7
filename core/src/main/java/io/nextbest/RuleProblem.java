package io.nextbest;

/**
 * A problem in a rule file, placed as exactly as it can be.
 *
 * @param file     the file's name
 * @param location where in the file: {@code row 14}, {@code cell D14}, {@code line 8}; may be empty
 * @param message  what is wrong, with a hint where there is one
 */
public record RuleProblem(String file, String location, String message) {

    @Override
    public String toString() {
        return location == null || location.isEmpty() ? file + ": " + message : file + ", " + location + ": " + message;
    }
}
