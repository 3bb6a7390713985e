package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.spark.sql.Row;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Status;

/**
 * One committed simulation, read from its {@code runs} row without Spark (parquet-hadoop): its
 * simulation ({@link #spec()}, parameters and seed) and the figures a rerun of it must reproduce
 * bit for bit ({@link #differences}).
 */
public final class CommittedRun {
    private final String sweep;
    private final Row row;
    private final List<TableColumn> columns;

    private CommittedRun(String sweep, Row row, List<TableColumn> columns) {
        this.sweep = sweep;
        this.row = row;
        this.columns = columns;
    }

    /**
     * The committed simulation ({@code pointId}, {@code replicate}) of {@code sweep} (null: the only
     * sweep there) under {@code outputRoot}.
     *
     * @throws NotASweepOutputException when there is no such sweep, or the simulation is not committed
     */
    public static CommittedRun find(Configuration hadoop, String outputRoot, String sweep, String pointId, int replicate)
            throws NotASweepOutputException, IOException {
        String chosen = SweepTables.chooseSweep(outputRoot, sweep, hadoop);
        Path root = new Path(outputRoot);
        FileSystem fs = root.getFileSystem(hadoop);
        TableLayout layout = new TableLayout(fs.makeQualified(root).toString(), chosen);
        List<TableColumn> columns = Tables.runs(new ParameterColumns());
        String key = CommittedRuns.key(pointId, replicate);
        Group[] found = new Group[1];
        for (Path file : CommittedFiles.list(fs, layout).of(Tables.RUNS).values()) {
            ParquetFiles.readAll(file, hadoop, g -> {
                if (found[0] == null && ParquetFiles.key(g).equals(key)) {
                    found[0] = g;
                }
            });
            if (found[0] != null) {
                return new CommittedRun(chosen, ParquetFiles.toRow(found[0], columns), columns);
            }
        }
        throw new NotASweepOutputException("sweep '" + chosen + "' in " + outputRoot + " has no committed simulation "
                + "of point " + pointId + ", replicate " + replicate + " (see `elise query " + outputRoot
                + " \"SELECT point_id, replicate, status FROM runs\"`)");
    }

    public String sweep() {
        return sweep;
    }

    /** The simulation this row describes: its parameters and seed ({@link RunParameters#spec}). */
    public SimulationSpec spec() {
        return RunParameters.spec(row);
    }

    /** How many figures {@link #differences} compares. */
    public static int figures() {
        return RunMetrics.COUNT;
    }

    /**
     * The figures of {@code rerun} that differ from this row's, one line each ("final_mse: committed
     * X, now Y"); empty when the rerun reproduced the row bit for bit.
     */
    public List<String> differences(SimulationResult rerun, Pattern pattern) {
        Object[] now = RunMetrics.of(rerun.status(), rerun.message(), rerun, pattern);
        int first = columnIndex(RunMetrics.FIRST);
        List<String> differ = new ArrayList<>();
        for (int k = 0; k < now.length; k++) {
            String column = columns.get(first + k).name();
            Object committed = row.get(first + k);
            if (!Objects.equals(committed, now[k])) {
                differ.add(column + ": committed " + committed + ", now " + now[k]);
            }
        }
        return differ;
    }

    /** The status committed for this simulation. */
    public Status status() {
        return Status.valueOf(row.getString(columnIndex(RunMetrics.FIRST)));
    }

    private int columnIndex(String name) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalStateException("runs has no column " + name);
    }
}
