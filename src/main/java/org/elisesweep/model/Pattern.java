package org.elisesweep.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A target pattern (docs/model.md §5): a binary matrix of N_vis rows (one per visible neuron,
 * a "note") by K steps, played cyclically. The pattern fixes N_vis. Immutable.
 *
 * <p>Text format ({@link #parse}): one line per visible neuron, one character 0 or 1 per
 * step (spaces and tabs between them are ignored); blank lines and lines starting with
 * {@code #} are skipped; every row must have the same number of steps.
 */
public final class Pattern {
    /** Name of the built-in Für Elise pattern. */
    public static final String FUER_ELISE = "fuer_elise";

    /** Active notes per step of Für Elise (docs/model.md §5). */
    private static final int[][] FUER_ELISE_STEPS = {
        {6}, {0}, {1}, {0}, {1}, {0}, {4}, {2}, {3}, {5, 11}, {5, 10}, {5, 8}, {7}, {6}, {5},
        {4, 12}, {4, 10}, {4, 9}, {6}, {3}, {4, 11}, {5, 10}, {5}, {5, 8}, {6}};

    private final String name;
    private final boolean[][] active;

    private Pattern(String name, boolean[][] active) {
        this.name = name;
        this.active = active;
    }

    /** The built-in pattern: 13 visible neurons, 25 steps (docs/model.md §5). */
    public static Pattern fuerElise() {
        boolean[][] a = new boolean[13][FUER_ELISE_STEPS.length];
        for (int step = 0; step < FUER_ELISE_STEPS.length; step++) {
            for (int note : FUER_ELISE_STEPS[step]) {
                a[note][step] = true;
            }
        }
        return new Pattern(FUER_ELISE, a);
    }

    /** A pattern from rows of booleans ([neuron][step]); copies the input. */
    public static Pattern of(String name, boolean[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new PatternFormatException(name, "a pattern needs at least one neuron and one step");
        }
        boolean[][] copy = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new PatternFormatException(name, "row " + (i + 1) + " has " + rows[i].length
                        + " steps, row 1 has " + rows[0].length);
            }
            copy[i] = rows[i].clone();
        }
        return new Pattern(name, copy);
    }

    /** A pattern from its steps ([step][neuron]); the columns are not copied (callers pass fresh ones). */
    static Pattern ofColumns(String name, boolean[][] columns) {
        boolean[][] rows = new boolean[columns[0].length][columns.length];
        for (int k = 0; k < columns.length; k++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i][k] = columns[k][i];
            }
        }
        return new Pattern(name, rows);
    }

    /** Reads a pattern file in the text format of the class comment. */
    public static Pattern load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PatternFormatException(file.toString(), "cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses the text format of the class comment; {@code source} names it in errors. */
    public static Pattern parse(String source, String text) {
        List<boolean[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int firstRowLine = 0;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String cells = line.replaceAll("[ \t]", "");
            boolean[] row = new boolean[cells.length()];
            for (int k = 0; k < cells.length(); k++) {
                char ch = cells.charAt(k);
                if (ch != '0' && ch != '1') {
                    throw new PatternFormatException(source, "line " + (ln + 1) + ": '" + ch
                            + "' at step " + (k + 1) + "; only 0 and 1 are allowed");
                }
                row[k] = ch == '1';
            }
            if (rows.isEmpty()) {
                firstRowLine = ln + 1;
            } else if (row.length != rows.get(0).length) {
                throw new PatternFormatException(source, "line " + (ln + 1) + " has " + row.length
                        + " steps but line " + firstRowLine + " has " + rows.get(0).length
                        + "; every row must have the same number of steps");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new PatternFormatException(source, "contains no rows; expected one line of 0/1 per visible neuron");
        }
        return new Pattern(source, rows.toArray(new boolean[0][]));
    }

    /** The built-in pattern of that name, or a pattern file at that path. */
    public static Pattern resolve(String nameOrPath) {
        if (FUER_ELISE.equals(nameOrPath)) {
            return fuerElise();
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new PatternFormatException(nameOrPath, "is neither a built-in pattern (" + FUER_ELISE
                    + ") nor an existing file");
        }
        return load(p);
    }

    public String name() {
        return name;
    }

    /** N_vis, the number of rows. */
    public int neurons() {
        return active.length;
    }

    /** K, the number of steps per cycle. */
    public int steps() {
        return active[0].length;
    }

    /** Whether neuron i is on in step k, with k taken cyclically. */
    public boolean isOn(int neuron, int step) {
        int k = Math.floorMod(step, steps());
        return active[neuron][k];
    }

    /** Step k's column: which neurons are on (a copy; k taken cyclically). */
    boolean[] column(int step) {
        boolean[] c = new boolean[neurons()];
        for (int i = 0; i < c.length; i++) {
            c[i] = isOn(i, step);
        }
        return c;
    }

    /**
     * Whether every neuron is on in some step and off in another: a neuron whose target never changes
     * has no correlation to score (docs/model.md §7: it adds 0 to Σcorr), so Σcorr could not reach N_vis.
     */
    public boolean everyNeuronVaries() {
        for (boolean[] row : active) {
            boolean on = false;
            boolean off = false;
            for (boolean b : row) {
                on |= b;
                off |= !b;
            }
            if (!on || !off) {
                return false;
            }
        }
        return true;
    }

    /** The fraction of (neuron, step) cells that are on. */
    public double activeFraction() {
        long on = 0;
        for (boolean[] row : active) {
            for (boolean b : row) {
                on += b ? 1 : 0;
            }
        }
        return (double) on / ((long) neurons() * steps());
    }

    /** The Markov order: how many past steps always determine the next ({@link MarkovOrder}). */
    public int markovOrder() {
        return MarkovOrder.of(this);
    }

    /** SHA-256 (hex) of the pattern's canonical text ({@link #toText}): equal exactly for equal patterns. */
    public String sha256() {
        return Sha256.hex(toText());
    }

    /** The pattern in its own text format. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (boolean[] row : active) {
            for (boolean b : row) {
                sb.append(b ? '1' : '0');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && Arrays.deepEquals(active, p.active);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(active);
    }
}
