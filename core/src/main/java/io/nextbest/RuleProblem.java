package io.nextbest;

/**
 * A problem in a rule file, placed as exactly as it can be.
 *
 * @param file     the file's name
 * @param location where in the file: {@code row 14}, {@code cell D14}, {@code line 8}; may be empty
 * @param message  what is wrong, with a hint where there is one
 */
public record RuleProblem(String file, String location, String message) {
    private static final int LONGEST_QUOTE = 200;
    private static final int SHOWN = 60;

    /** A value quoted in the message (between ' or `) longer than 200 characters is shown by its start and length. */
    public RuleProblem {
        message = shortened(message);
    }

    private static String shortened(String message) {
        if (message == null || message.length() <= LONGEST_QUOTE) {
            return message;
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), 4 * LONGEST_QUOTE));
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            int close = c == '\'' || c == '`' ? message.indexOf(c, i + 1) : -1;
            if (close - i - 1 > LONGEST_QUOTE) {
                out.append(c).append(message, i + 1, i + 1 + SHOWN).append("... (").append(close - i - 1)
                        .append(" characters)").append(c);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return location == null || location.isEmpty() ? file + ": " + message : file + ", " + location + ": " + message;
    }
}
