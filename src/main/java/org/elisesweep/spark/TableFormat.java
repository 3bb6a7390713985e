package org.elisesweep.spark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The footer metadata every table file carries: the table format ({@link Tables#FORMAT}) and the
 * Spark schema with each column's unit, under the key Spark reads a file's schema and field
 * metadata from (so {@code df.schema()} shows the units; DuckDB shows them with
 * {@code parquet_kv_metadata}). Files without the format key are of format 1.
 */
final class TableFormat {
    /** Where Spark keeps its schema in a Parquet footer (ParquetReadSupport.SPARK_METADATA_KEY). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private TableFormat() {
    }

    static Map<String, String> footerMetadata(java.util.List<TableColumn> columns) {
        return Map.of(Tables.FORMAT_KEY, Integer.toString(Tables.FORMAT),
                SPARK_SCHEMA_KEY, Tables.sparkSchema(columns).json());
    }

    /** The table format of a file, by its footer: 1 for files written before the format was recorded. */
    static int of(ParquetMetadata footer) {
        String v = footer.getFileMetaData().getKeyValueMetaData().get(Tables.FORMAT_KEY);
        try {
            return v == null ? 1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Refuses to add to, repair or report on tables of another format: the sweep would write files
     * whose columns differ from those already there, which no reader can take as one table.
     *
     * @param footers committed files of a sweep and their footers, checked in order
     * @throws SweepConflictException naming the first file of another format and what to do instead
     */
    static void requireCurrent(Map<Path, ParquetMetadata> footers, TableLayout layout, String output) {
        for (Map.Entry<Path, ParquetMetadata> e : footers.entrySet()) {
            Path file = e.getKey();
            int format = of(e.getValue());
            if (format != Tables.FORMAT) {
                throw new SweepConflictException(layout.relative(file) + " in " + output + " has table format "
                        + format + ", this version writes format " + Tables.FORMAT + " (" + CHANGES
                        + ") and does not mix the two: recompute sweep '" + layout.sweep()
                        + "' into a new output directory (Spark and DuckDB still read the old tables as they are)");
            }
        }
    }

    /** What format 2 changed, for the message above. */
    private static final String CHANGES = "timestamps, replay_scenarios as a list, per-neuron Σcorr columns, units";

    /** Microseconds since 1970 UTC, the unit of a {@link ColumnType#TIMESTAMP}. */
    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
