package org.elisesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.elisesweep.sweep.ConfigProblems;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.StoredNetworkPoints;
import org.elisesweep.sweep.SweepPlan;
import org.elisesweep.sweep.SweepPoint;

/**
 * Resolves a sweep on stored networks ({@code from-networks}) on the driver: reads which networks
 * the source sweep stored (key columns and file names only, never the snapshots) and the
 * parameters they were trained with, and plans one run per stored network and sweep point, each
 * checked like any point before anything runs.
 */
final class StoredNetworkPlanner {
    private StoredNetworkPlanner() {
    }

    /**
     * {@code plan} with its runs: every stored network of the source sweep under every point.
     *
     * @throws ConfigProblems naming from-networks when there are no such networks, or the points
     *                        that cannot continue them
     */
    static SweepPlan resolve(SparkSession spark, SweepPlan plan) {
        SweepPlan.NetworkSource source = plan.networks().source();
        Path root = new Path(source.output());
        Path networksDir = new Path(root, Tables.NETWORKS);
        try {
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(networksDir)) {
                throw problem(plan, "from-networks.output: " + source.output() + " has no networks table (" + networksDir
                        + "); run the sweep that trains them with store-networks = true");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset<Row> networks = spark.read().parquet(networksDir.toString())
                .select(functions.col("sweep"), functions.col("point_id"), functions.col("replicate"),
                        functions.col("seed"), functions.col("training_hash"),
                        functions.col("_metadata.file_path").as("file"));
        String sweep = sourceSweep(plan, networks);
        Dataset<Row> runs = spark.read().parquet(new Path(root, Tables.RUNS).toString())
                .filter(functions.col("sweep").equalTo(sweep)).drop("seed");
        List<Row> stored = networks.filter(functions.col("sweep").equalTo(sweep)).drop("sweep")
                .join(runs, new String[] {"point_id", "replicate"})
                .orderBy("point_id", "replicate").collectAsList();

        ParameterColumns columns = new ParameterColumns();
        Map<String, SweepPoint> points = new LinkedHashMap<>();
        List<PlannedRun> planned = new ArrayList<>();
        Set<String> problems = new LinkedHashSet<>();
        Set<String> keys = new HashSet<>();
        for (Row row : stored) {
            String storedId = row.getAs("point_id");
            int replicate = row.getAs("replicate");
            long seed = row.getAs("seed");
            String hash = row.getAs("training_hash");
            SortedMap<String, Object> trainedWith = columns.parametersOf(row);
            for (SweepPoint point : plan.points()) {
                SweepPoint p = StoredNetworkPoints.combine(trainedWith, point, plan.networks().overridePaths());
                String problem = StoredNetworkPoints.problemWith(p, seed, hash);
                if (problem != null) {
                    problems.add("stored network " + storedId + "/" + replicate + " cannot continue under "
                            + describe(point, plan) + ": " + problem);
                    continue;
                }
                if (!keys.add(p.pointId() + "/" + replicate)) {
                    problems.add("stored network " + storedId + "/" + replicate + " under " + describe(point, plan)
                            + " is the same simulation (point " + p.pointId() + ") as another stored network's;"
                            + " the source sweep varied only what this sweep sets");
                    continue;
                }
                points.putIfAbsent(p.pointId(), p);
                planned.add(new PlannedRun(p.pointId(), replicate, seed, p.parameters(),
                        new PlannedRun.StoredNetwork(row.getAs("file"), storedId, replicate)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblems(plan.sourceFile(), problems.stream().limit(20).toList());
        }
        return plan.withStoredRuns(new ArrayList<>(points.values()), planned);
    }

    /** The sweep whose networks to continue: the one named, or the only one stored there. */
    private static String sourceSweep(SweepPlan plan, Dataset<Row> networks) {
        SweepPlan.NetworkSource source = plan.networks().source();
        List<String> sweeps = networks.select("sweep").distinct().orderBy("sweep").collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        if (source.sweep() == null && sweeps.size() != 1) {
            throw problem(plan, "from-networks.sweep: " + source.output() + " stores networks of the sweeps "
                    + String.join(", ", sweeps) + "; name one");
        }
        String sweep = source.sweep() == null ? sweeps.get(0) : source.sweep();
        if (!sweeps.contains(sweep)) {
            throw problem(plan, "from-networks.sweep: no stored networks of sweep '" + sweep + "' in " + source.output()
                    + " (it has " + (sweeps.isEmpty() ? "none" : String.join(", ", sweeps)) + ")");
        }
        return sweep;
    }

    private static String describe(SweepPoint point, SweepPlan plan) {
        StringBuilder b = new StringBuilder();
        for (String path : plan.networks().overridePaths()) {
            b.append(b.length() == 0 ? "" : ", ").append(path).append(" = ").append(point.parameters().get(path));
        }
        return b.length() == 0 ? "the sweep's settings" : b.toString();
    }

    private static ConfigProblems problem(SweepPlan plan, String message) {
        return new ConfigProblems(plan.sourceFile(), List.of(message));
    }
}
