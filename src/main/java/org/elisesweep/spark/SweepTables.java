package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The result tables of one sweep under an output directory, as Spark SQL datasets: what analyses
 * such as the report read, without knowing the directory layout ({@link TableLayout}). A detail
 * table that has no files yet reads as empty, with its schema.
 */
public final class SweepTables {
    private static final scala.collection.immutable.Seq<String> KEYS =
            CollectionConverters.asScala(List.of("point_id", "replicate")).toList();
    private final SparkSession spark;
    private final TableLayout layout;
    private final FileSystem fs;
    private final String sweep;

    /** The (point_id, replicate) of the simulations to show, or null for every row of the partition. */
    private final Dataset<Row> shown;

    private SweepTables(SparkSession spark, TableLayout layout, FileSystem fs, String sweep, Dataset<Row> shown) {
        this.spark = spark;
        this.layout = layout;
        this.fs = fs;
        this.sweep = sweep;
        this.shown = shown;
    }

    /**
     * The names of the sweeps whose {@code runs} table lies under {@code outputRoot}, sorted.
     *
     * @throws NotASweepOutputException naming the directory and what it should hold when it has no runs table
     */
    public static List<String> sweepsIn(String outputRoot, Configuration hadoop) throws NotASweepOutputException,
            IOException {
        Path runs = new TableLayout(outputRoot, "").tableDir(Tables.RUNS);
        FileSystem fs = runs.getFileSystem(hadoop);
        List<String> names = new ArrayList<>();
        if (fs.isDirectory(runs)) {
            for (FileStatus f : fs.listStatus(runs)) {
                String name = f.getPath().getName();
                if (f.isDirectory() && name.startsWith("sweep=") && hasCommittedFile(fs, f.getPath())) {
                    names.add(name.substring("sweep=".length()));
                }
            }
        }
        if (names.isEmpty()) {
            throw new NotASweepOutputException(outputRoot + " is not a sweep's output directory: expected a Parquet "
                    + "table " + runs + "/sweep=<name>/part-*.parquet, as jobs/sweep.sh writes (see README, \"Tables\")");
        }
        names.sort(null);
        return names;
    }

    /**
     * {@code sweep} if {@code outputRoot} holds its results; with {@code sweep} null, the only sweep there.
     *
     * @throws NotASweepOutputException when there is no runs table (of that sweep), listing the sweeps there
     *                                  are, or when {@code sweep} is null and there are several
     */
    static String chooseSweep(String outputRoot, String sweep, Configuration hadoop) throws NotASweepOutputException,
            IOException {
        List<String> sweeps = sweepsIn(outputRoot, hadoop);
        if (sweep == null && sweeps.size() > 1) {
            throw new NotASweepOutputException(outputRoot + " holds the results of several sweeps ("
                    + String.join(", ", sweeps) + "); name the one to use (--sweep)");
        }
        String chosen = sweep == null ? sweeps.get(0) : sweep;
        if (!sweeps.contains(chosen)) {
            throw new NotASweepOutputException(outputRoot + " holds no results of sweep '" + chosen + "'; it holds "
                    + String.join(", ", sweeps));
        }
        return chosen;
    }

    private static boolean hasCommittedFile(FileSystem fs, Path partition) throws IOException {
        for (FileStatus f : fs.listStatus(partition)) {
            if (TableLayout.batchKeyOf(f.getPath().getName()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables of sweep {@code sweep} under {@code outputRoot}; with {@code sweep} null, of the
     * only sweep there.
     *
     * @throws NotASweepOutputException when there is no runs table (of that sweep), listing the sweeps there
     *                                  are, or when {@code sweep} is null and there are several
     * @throws DamagedTablesException   when a committed file's footer is unreadable
     */
    public static SweepTables open(SparkSession spark, String outputRoot, String sweep) throws NotASweepOutputException,
            IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        sweep = chooseSweep(outputRoot, sweep, hadoop);
        Path root = new Path(outputRoot);
        FileSystem fs = root.getFileSystem(hadoop);
        TableLayout layout = new TableLayout(fs.makeQualified(root).toString(), sweep);
        CommittedFiles files = CommittedFiles.list(fs, layout);
        files.requireReadableAndCurrent(layout, outputRoot, hadoop);
        return new SweepTables(spark, layout, fs, sweep, null);
    }

    /**
     * These tables restricted to the simulations of the current sweep file (the one the last sweep
     * run planned, by its manifest, {@link SweepManifest}): rows of points an edited sweep file no longer
     * has are left out. Without a manifest (outputs of older versions), every row.
     */
    public SweepTables currentSweepFile() throws IOException {
        SweepManifest manifest = SweepManifest.read(fs, layout);
        if (manifest == null) {
            return this;
        }
        List<Row> keys = new ArrayList<>();
        manifest.planned().forEach((point, replicates) -> replicates.forEach(r -> keys.add(RowFactory.create(point, r))));
        StructType schema = Tables.sparkSchema(List.of(TableColumn.required("point_id", ColumnType.STRING),
                TableColumn.required("replicate", ColumnType.INT)));
        return new SweepTables(spark, layout, fs, sweep, spark.createDataFrame(keys, schema));
    }

    /** Simulations in the runs table that these tables leave out (see {@link #currentSweepFile()}). */
    public long excludedSimulations() {
        if (shown == null) {
            return 0;
        }
        Dataset<Row> all = spark.read().parquet(layout.partitionDir(Tables.RUNS).toString())
                .select("point_id", "replicate").distinct();
        return all.join(functions.broadcast(shown), KEYS, "left_anti").count();
    }

    private Dataset<Row> shown(Dataset<Row> table) {
        return shown == null ? table : table.join(functions.broadcast(shown), KEYS, "left_semi");
    }

    public String sweep() {
        return sweep;
    }

    /** One row per simulation: keys, every parameter ({@link RunParameters}), status and summary metrics. */
    public Dataset<Row> runs() {
        return shown(spark.read().parquet(layout.partitionDir(Tables.RUNS).toString()));
    }

    /** One row per free-run validation cycle: point_id, replicate, cycle, mse, sumcorr. */
    public Dataset<Row> curves() throws IOException {
        return detail(Tables.CURVES, Tables.curves());
    }

    /** One row per scored replay cycle and scenario: point_id, replicate, scenario, cycle, mse, sumcorr, best_shift_ms. */
    public Dataset<Row> replay() throws IOException {
        return detail(Tables.REPLAY, Tables.replay());
    }

    /** One row per disturbance scenario of a run: Σcorr and MSE before, during and after, recovery, phase jump. */
    public Dataset<Row> robustness() throws IOException {
        return detail(Tables.ROBUSTNESS, Tables.robustness());
    }

    private Dataset<Row> detail(String table, List<TableColumn> columns) throws IOException {
        Path dir = layout.partitionDir(table);
        if (!fs.exists(dir)) {
            return spark.createDataFrame(List.of(), Tables.sparkSchema(columns));
        }
        return shown(spark.read().schema(Tables.sparkSchema(columns)).parquet(dir.toString()));
    }
}
