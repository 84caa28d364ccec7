package io.nextbest.validation;

import io.nextbest.RuleProblem;

/**
 * One thing wrong, or worth a look, in a rule file, placed at its cell where it has one.
 *
 * @param severity {@link Severity#ERROR} stops the rules from loading; a warning does not
 * @param file     the file's name
 * @param sheet    the sheet's name; empty for CSV and DRL files
 * @param cell     a cell reference such as {@code D14}, {@code row 14}, {@code line 8}; may be empty
 * @param column   the column's header label, such as {@code Max tenure}; may be empty
 * @param message  what is wrong, with a hint
 */
public record Finding(Severity severity, String file, String sheet, String cell, String column, String message) {

    /** A value quoted in the message longer than 200 characters is shown by its start and length, as in a {@link RuleProblem}. */
    public Finding {
        message = new RuleProblem(file, cell, message).message();
    }

    /** How much a finding matters. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public static Finding error(String file, String sheet, String cell, String column, String message) {
        return new Finding(Severity.ERROR, file, sheet, cell, column, message);
    }

    public static Finding warning(String file, String sheet, String cell, String column, String message) {
        return new Finding(Severity.WARNING, file, sheet, cell, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same finding as an error (for {@code --strict}). */
    public Finding asError() {
        return new Finding(Severity.ERROR, file, sheet, cell, column, message);
    }

    /** {@code suitability.drl.xlsx, sheet Suitability, cell D14 (column "Max tenure"): 'twenty' is not a number}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (sheet != null && !sheet.isEmpty()) {
            sb.append(", sheet ").append(sheet);
        }
        if (cell != null && !cell.isEmpty()) {
            sb.append(cell.matches("[A-Z]+\\d+") ? ", cell " : ", ").append(cell);
        }
        if (column != null && !column.isEmpty()) {
            sb.append(" (column \"").append(column).append("\")");
        }
        return sb.append(": ").append(message).toString();
    }
}
