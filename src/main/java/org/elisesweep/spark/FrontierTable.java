package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.elisesweep.sweep.FrontierPlan;
import org.elisesweep.sweep.FrontierSearch;
import org.elisesweep.sweep.ParameterCatalog;
import org.elisesweep.sweep.ParameterType;

/**
 * The {@code frontiers} table of a frontier sweep: one row per configuration (README "Robustness
 * frontiers" gives the schema), one Parquet file {@code <root>/frontiers/sweep=<name>/frontiers.parquet}
 * rewritten after every round: written next to it under a hidden name, then renamed over it, so a
 * reader sees the previous round's table or this one, never half of one. The same rows give the
 * same bytes, in any JVM.
 */
final class FrontierTable {
    static final String NAME = "frontiers";

    private final FrontierPlan plan;
    private final List<String> varying;
    private final List<TableColumn> columns = new ArrayList<>();

    FrontierTable(FrontierPlan plan) {
        this.plan = plan;
        this.varying = List.copyOf(plan.varyingPaths());
        columns.add(TableColumn.required("configuration", ColumnType.INT));
        columns.add(TableColumn.required("configuration_id", ColumnType.STRING));
        for (String path : varying) {
            columns.add(ParameterColumns.column(path));
        }
        columns.add(TableColumn.required("parameter", ColumnType.STRING));
        columns.add(TableColumn.required("criterion", ColumnType.STRING));
        for (String c : List.of("x_star", "x_low", "x_high", "last_pass", "first_fail")) {
            columns.add(TableColumn.optional(c, ColumnType.DOUBLE));
        }
        columns.add(TableColumn.required("rounds", ColumnType.INT));
        columns.add(TableColumn.required("probes", ColumnType.INT));
        columns.add(TableColumn.required("simulations", ColumnType.LONG));
        columns.add(TableColumn.required("violations", ColumnType.INT));
        columns.add(TableColumn.required("status", ColumnType.STRING));
    }

    static Path file(TableLayout layout) {
        return new Path(layout.partitionDir(NAME), NAME + ".parquet");
    }

    /** Replaces the table by the rows of {@code estimates}, one per configuration in plan order. */
    void write(FileSystem fs, TableLayout layout, List<FrontierSearch.Estimate> estimates) throws IOException {
        Path target = file(layout);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        fs.mkdirs(target.getParent());
        MessageType schema = Tables.parquetSchema(NAME, columns);
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(tmp).withConf(fs.getConf()).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.CREATE).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withExtraMetaData(TableFormat.footerMetadata(columns))
                // one encoding per column: parquet-mr lists a column's encodings from a HashSet, whose order
                // changes from JVM to JVM; data pages v2 without dictionaries record only the values' encoding
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).withDictionaryEncoding(false).build()) {
            for (int k = 0; k < estimates.size(); k++) {
                writer.write(row(rows.newGroup(), plan.configurations().get(k), estimates.get(k)));
            }
        }
        FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, target, Options.Rename.OVERWRITE);
    }

    private Group row(Group g, FrontierPlan.Configuration c, FrontierSearch.Estimate e) {
        g.append("configuration", c.index());
        g.append("configuration_id", c.id());
        for (String path : varying) {
            String column = ParameterColumns.columnName(path);
            Object value = c.parameters().get(path);
            if (value instanceof Integer i) {
                g.append(column, i);
            } else if (value instanceof Long l) {
                g.append(column, l);
            } else if (value instanceof Double d) {
                g.append(column, d);
            } else if (value instanceof Boolean b) {
                g.append(column, b);
            } else if (ParameterCatalog.INSTANCE.get(path).type() == ParameterType.LIST) {
                Group list = g.addGroup(column);
                ParameterType.elements(String.valueOf(value)).forEach(x -> list.addGroup(0).append(ColumnType.ELEMENT, x));
            } else {
                g.append(column, String.valueOf(value));
            }
        }
        g.append("parameter", plan.spec().path());
        g.append("criterion", plan.spec().criterion());
        appendIfSet(g, "x_star", e.xStar());
        appendIfSet(g, "x_low", e.low());
        appendIfSet(g, "x_high", e.high());
        appendIfSet(g, "last_pass", e.lastPass());
        appendIfSet(g, "first_fail", e.firstFail());
        g.append("rounds", e.rounds());
        g.append("probes", e.probes());
        g.append("simulations", e.simulations());
        g.append("violations", e.violations());
        g.append("status", e.status().name());
        return g;
    }

    private static void appendIfSet(Group g, String column, Double value) {
        if (value != null) {
            g.append(column, value);
        }
    }
}
