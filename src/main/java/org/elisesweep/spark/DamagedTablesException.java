package org.elisesweep.spark;

/**
 * A committed file of a sweep is damaged (unreadable footer) or missing (a detail file of a
 * committed batch): using the tables would fail or silently lose rows; {@code elise verify --repair}
 * sets them right.
 */
public final class DamagedTablesException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DamagedTablesException(String firstProblem, int more, String output, String sweep) {
        super("damaged tables of sweep '" + sweep + "': " + firstProblem
                + (more > 0 ? " (and " + more + " more problems)" : "")
                + "; run `elise verify " + output + " --sweep " + sweep + " --repair`, then rerun the sweep");
    }
}
