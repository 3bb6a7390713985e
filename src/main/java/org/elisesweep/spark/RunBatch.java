package org.elisesweep.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
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

    static String keyOf(PlannedRun[] runs, String driverRun) {
        String[] ids = Arrays.stream(runs).map(r -> r.pointId() + "/" + r.replicate()).sorted().toArray(String[]::new);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(driverRun.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
