package org.elisesweep.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a point of a sensitivity design is for, part of the point's identity ({@link SweepPoint#idOf})
 * and stored in the {@code role} column of the {@code runs} table, so that an analysis finds each
 * value by its role and never by the order in which rows are read.
 *
 * <p>Text form: {@code A:j} and {@code B:j} (row j of the Saltelli matrices A and B),
 * {@code ABi:j} (row j of A with column i taken from B), {@code Tt:s} (Morris trajectory t, step
 * s, where step 0 is the trajectory's base point); i, j, t, s from 0.
 *
 * @param matrix which matrix or trajectory
 * @param column for AB: the parameter i taken from B; for a Morris step: the step s; else 0
 * @param row    the Saltelli row j or the Morris trajectory t
 */
public record SensitivityRole(Matrix matrix, int column, int row) {
    /** The part of a design a point belongs to. */
    public enum Matrix { A, B, AB, TRAJECTORY }

    private static final Pattern TEXT = Pattern.compile("(A|B|AB(\\d+)|T(\\d+)):(\\d+)");

    public SensitivityRole {
        if (column < 0 || row < 0) {
            throw new IllegalArgumentException("negative index in a sensitivity role");
        }
    }

    public static SensitivityRole a(int row) {
        return new SensitivityRole(Matrix.A, 0, row);
    }

    public static SensitivityRole b(int row) {
        return new SensitivityRole(Matrix.B, 0, row);
    }

    public static SensitivityRole ab(int parameter, int row) {
        return new SensitivityRole(Matrix.AB, parameter, row);
    }

    public static SensitivityRole step(int trajectory, int step) {
        return new SensitivityRole(Matrix.TRAJECTORY, step, trajectory);
    }

    /** The role written as {@link #text()}; IllegalArgumentException for any other text. */
    public static SensitivityRole parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a sensitivity role (A:j, B:j, ABi:j or Tt:s)");
        }
        int last = Integer.parseInt(m.group(4));
        if (m.group(2) != null) {
            return ab(Integer.parseInt(m.group(2)), last);
        }
        if (m.group(3) != null) {
            return step(Integer.parseInt(m.group(3)), last);
        }
        return m.group(1).equals("A") ? a(last) : b(last);
    }

    /** "A:17", "B:17", "AB2:17", "T17:3". */
    public String text() {
        return switch (matrix) {
            case A -> "A:" + row;
            case B -> "B:" + row;
            case AB -> "AB" + column + ":" + row;
            case TRAJECTORY -> "T" + row + ":" + column;
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
