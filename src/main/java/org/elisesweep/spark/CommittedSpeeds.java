package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.elisesweep.model.Status;

/**
 * What an output already holds of a sweep, for {@code --dry-run}: the committed simulations (by key)
 * and the µs per step that its committed OK runs measured, by network size (N_vis + N_lat). Read
 * with parquet-hadoop, without Spark; empty when the output holds nothing of the sweep yet.
 *
 * @param committed     the keys ({@link CommittedRuns#key}) of the committed simulations
 * @param microsBySize  the measured µs per step of every committed OK run, by network size
 */
public record CommittedSpeeds(Set<String> committed, Map<Integer, List<Double>> microsBySize) {
    public static final CommittedSpeeds NONE = new CommittedSpeeds(Set.of(), Map.of());

    public static CommittedSpeeds read(String outputRoot, String sweep, Configuration hadoop) throws IOException {
        Path root = new Path(outputRoot);
        FileSystem fs = root.getFileSystem(hadoop);
        if (!fs.exists(root)) {
            return NONE;
        }
        TableLayout layout = new TableLayout(fs.makeQualified(root).toString(), sweep);
        Set<String> keys = new HashSet<>();
        Map<Integer, List<Double>> micros = new TreeMap<>();
        for (Path file : CommittedFiles.list(fs, layout).of(Tables.RUNS).values()) {
            ParquetFiles.readAll(file, hadoop, g -> {
                keys.add(ParquetFiles.key(g));
                if (Status.OK.name().equals(g.getString("status", 0)) && g.getFieldRepetitionCount("us_per_step") > 0) {
                    int size = g.getInteger("n_vis", 0) + g.getInteger("model_n_lat", 0);
                    micros.computeIfAbsent(size, s -> new ArrayList<>()).add(g.getDouble("us_per_step", 0));
                }
            });
        }
        return new CommittedSpeeds(keys, micros);
    }
}
