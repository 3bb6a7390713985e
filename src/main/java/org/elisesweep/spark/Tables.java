package org.elisesweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables (DESIGN.md "Tables"): their names and columns, as Parquet and Spark schemas.
 * Every table starts with the key columns point_id, replicate; the sweep name is the partition
 * directory ({@code sweep=<name>}), which Spark, DuckDB (hive_partitioning) and pandas read as a column.
 */
final class Tables {
    static final String RUNS = "runs";
    static final String CURVES = "curves";
    static final String REPLAY = "replay";
    static final String ROBUSTNESS = "robustness";
    /** Trained networks, written only by sweeps with {@code store-networks = true}. */
    static final String NETWORKS = "networks";
    /** Sensitivity indices, written by the analysis of a sensitivity sweep ({@link SensitivityTable}). */
    static final String SENSITIVITY = "sensitivity";
    /** Detail tables are committed before {@code runs}, whose row marks a simulation as done. */
    static final List<String> DETAIL = List.of(CURVES, REPLAY, ROBUSTNESS, NETWORKS);

    private static final ColumnType S = ColumnType.STRING;
    private static final ColumnType I = ColumnType.INT;
    private static final ColumnType L = ColumnType.LONG;
    private static final ColumnType D = ColumnType.DOUBLE;
    private static final ColumnType B = ColumnType.BOOLEAN;
    private static final ColumnType T = ColumnType.TIMESTAMP;
    private static final String CYCLES = "cycles";

    /**
     * The layout and types of the tables' columns, written into every file's footer under
     * {@link #FORMAT_KEY}. 2: timestamps, a list-typed {@code replay_scenarios}, per-neuron Σcorr
     * columns, {@code code_dirty}, units; files of format 1 (no key) are read by Spark as they are
     * but no sweep, verify or report mixes them with these ({@link TableFormat}).
     */
    static final int FORMAT = 2;
    static final String FORMAT_KEY = "elise.table-format";

    private Tables() {
    }

    /** Key columns; {@code sweep} is not stored in the files but comes from the partition directory. */
    private static List<TableColumn> keys() {
        List<TableColumn> c = new ArrayList<>();
        c.add(TableColumn.required("point_id", S));
        c.add(TableColumn.required("replicate", I));
        return c;
    }

    static List<TableColumn> runs(ParameterColumns parameters) {
        List<TableColumn> c = keys();
        c.add(TableColumn.required("seed", L));
        c.addAll(parameters.columns());
        c.add(TableColumn.required("status", S));
        c.add(TableColumn.optional("error", S));
        c.add(TableColumn.optional("learned_at_cycle", I).in(CYCLES));
        c.add(TableColumn.optional("final_mse", D));
        sumCorr(c, "final_sumcorr", true);
        sumCorr(c, "replay_mean_sumcorr", true);
        sumCorr(c, "replay_min_sumcorr", true);
        sumCorr(c, "replay_final_sumcorr", true);
        c.add(TableColumn.optional("replay_mean_mse", D));
        c.add(TableColumn.optional("replay_drift_ms_per_cycle", D).in("ms/cycle"));
        c.add(TableColumn.optional("spectral_radius", D));
        c.add(TableColumn.required("n_vis", I).in("neurons"));
        // the task as learned, measured on the pattern itself whatever made it (file, inline text, generator)
        c.add(TableColumn.optional("task_steps", I).in("pattern steps"));
        c.add(TableColumn.optional("task_active_fraction", D));
        c.add(TableColumn.optional("task_markov_order", I).in("pattern steps"));
        c.add(TableColumn.optional("task_pattern_hash", S));
        c.add(TableColumn.required("steps", L).in("steps"));
        c.add(TableColumn.required("wall_seconds", D).in("s"));
        c.add(TableColumn.optional("us_per_step", D).in("µs"));
        c.add(TableColumn.required("model_version", S));
        c.add(TableColumn.required("code_version", S));
        c.add(TableColumn.required("code_dirty", B));
        c.add(TableColumn.required("config_hash", S));
        c.add(TableColumn.required("spark_version", S));
        c.add(TableColumn.required("java_version", S));
        c.add(TableColumn.required("host", S));
        c.add(TableColumn.required("started_at", T).in("UTC"));
        c.add(TableColumn.required("ended_at", T).in("UTC"));
        c.add(TableColumn.optional("role", S));   // in a sensitivity design (SensitivityRole), else null
        return c;
    }

    /**
     * A Σcorr column (a sum over the visible neurons of correlations, at most n_vis) and its value
     * per visible neuron, {@code <name>_per_neuron} (at most 1), so that tasks of different sizes compare.
     */
    private static void sumCorr(List<TableColumn> c, String name, boolean nullable) {
        c.add(new TableColumn(name, D, nullable, ""));
        c.add(new TableColumn(name + "_per_neuron", D, nullable, ""));
    }

    static List<TableColumn> curves() {
        List<TableColumn> c = keys();
        c.add(TableColumn.required("cycle", I).in(CYCLES));
        c.add(TableColumn.required("mse", D));
        sumCorr(c, "sumcorr", false);
        return c;
    }

    static List<TableColumn> replay() {
        List<TableColumn> c = keys();
        c.add(TableColumn.required("scenario", S));
        c.add(TableColumn.required("cycle", I).in(CYCLES));
        c.add(TableColumn.required("mse", D));
        sumCorr(c, "sumcorr", false);
        c.add(TableColumn.required("best_shift_ms", D).in("ms"));
        return c;
    }

    static List<TableColumn> robustness() {
        List<TableColumn> c = keys();
        c.add(TableColumn.required("scenario", S));
        sumCorr(c, "sumcorr_before", false);
        sumCorr(c, "sumcorr_during", false);
        sumCorr(c, "sumcorr_after", false);
        c.add(TableColumn.required("mse_before", D));
        c.add(TableColumn.required("mse_during", D));
        c.add(TableColumn.required("mse_after", D));
        c.add(TableColumn.required("recovered", B));
        c.add(TableColumn.optional("recovery_cycles", I).in(CYCLES));
        c.add(TableColumn.required("phase_jump_ms", D).in("ms"));
        return c;
    }

    /**
     * One trained network per simulation whose training completed: its seed, the hash of what its
     * training depended on ({@code NetworkSnapshot.hashOf}), the snapshot format and the Kryo
     * snapshot itself ({@code NetworkSnapshotSerializer}).
     */
    static List<TableColumn> networks() {
        List<TableColumn> c = keys();
        c.add(TableColumn.required("seed", L));
        c.add(TableColumn.required("training_hash", S));
        c.add(TableColumn.required("snapshot_format", I));
        c.add(TableColumn.required("neurons", I));
        c.add(TableColumn.required("training_steps", L));
        c.add(TableColumn.required("snapshot", ColumnType.BINARY));
        return c;
    }

    /**
     * One row per analysed output and parameter: the method, S1 and ST with their bootstrap
     * intervals (sobol), μ* with its interval and σ (morris), the design's n, and the rows used
     * and dropped (failures), with the interval's level.
     */
    static List<TableColumn> sensitivity() {
        List<TableColumn> c = new ArrayList<>();
        c.add(TableColumn.required("output", S));
        c.add(TableColumn.required("parameter", S));
        c.add(TableColumn.required("method", S));
        for (String index : List.of("s1", "st", "mu_star")) {
            c.add(TableColumn.optional(index, D));
            c.add(TableColumn.optional(index + "_low", D));
            c.add(TableColumn.optional(index + "_high", D));
        }
        c.add(TableColumn.optional("sigma", D));
        c.add(TableColumn.required("n", I));
        c.add(TableColumn.required("rows_used", I));
        c.add(TableColumn.required("rows_dropped", I));
        c.add(TableColumn.required("substituted", I));
        c.add(TableColumn.required("confidence", D));
        c.add(TableColumn.required("bootstrap", I));
        return c;
    }

    /** The columns of {@code table}, one of {@link #RUNS} and {@link #DETAIL}. */
    static List<TableColumn> columns(String table) {
        return switch (table) {
            case RUNS -> runs(new ParameterColumns());
            case CURVES -> curves();
            case REPLAY -> replay();
            case ROBUSTNESS -> robustness();
            case NETWORKS -> networks();
            default -> throw new IllegalArgumentException("no table " + table);
        };
    }

    static MessageType parquetSchema(String table, List<TableColumn> columns) {
        return new MessageType(table, columns.stream().map(c -> c.type().parquetField(c.name(), c.nullable())).toList());
    }

    static StructType sparkSchema(List<TableColumn> columns) {
        return DataTypes.createStructType(columns.stream()
                .map(c -> new StructField(c.name(), c.type().sparkType(), c.nullable(),
                        c.unit().isEmpty() ? Metadata.empty()
                                : new MetadataBuilder().putString("unit", c.unit()).build()))
                .toArray(StructField[]::new));
    }
}
