package org.elisesweep.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.elisesweep.model.Sha256;
import org.elisesweep.sweep.PlannedRun;

/**
 * The simulations of one Spark task. Its key, a hash of the (point, replicate) pairs it holds and
 * of the driver run that planned it, names the files the task commits: a retried or speculative
 * attempt writes the same files, while a later run of the sweep (resume, --rerun-failed) never
 * collides with a file committed before.
 */
final class RunBatch implements Serializable {
    private static final long serialVersionUID = 1L;

    final String key;
    final PlannedRun[] runs;

    RunBatch(PlannedRun[] runs, String driverRun) {
        this.runs = runs;
        this.key = keyOf(runs, driverRun);
    }

    RunBatch(String key, PlannedRun[] runs) {
        this.key = key;
        this.runs = runs;
    }

    /** The first 10 bytes (20 hex digits) of the SHA-256 of the driver run and the sorted ids, one per line. */
    static String keyOf(PlannedRun[] runs, String driverRun) {
        StringBuilder text = new StringBuilder(driverRun).append('\n');
        Arrays.stream(runs).map(r -> r.pointId() + "/" + r.replicate()).sorted()
                .forEach(id -> text.append(id).append('\n'));
        return Sha256.hex(text.toString()).substring(0, 20);
    }
}
