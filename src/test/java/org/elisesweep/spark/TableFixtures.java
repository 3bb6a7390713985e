package org.elisesweep.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Tables made by tests from rows that Spark transformed: written as one committed file of a sweep would be. */
public final class TableFixtures {
    private TableFixtures() {
    }

    /**
     * Writes {@code rows} (e.g. a committed runs file with a value changed) into the single Parquet
     * file {@code target}, with timestamps as a sweep writes them and the footer key of the current
     * table format, which Spark's writer cannot add (without it the file would be one of format 1).
     */
    public static void writeAsCommittedFile(Dataset<Row> rows, Path target) throws IOException {
        Path scratch = Files.createTempDirectory(target.getParent(), ".fixture");
        rows.sparkSession().conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        try {
            rows.coalesce(1).write().mode("overwrite").parquet(scratch.toString());
        } finally {
            rows.sparkSession().conf().unset("spark.sql.parquet.outputTimestampType");
        }
        Path part;
        try (Stream<Path> files = Files.list(scratch)) {
            part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        copyRows(part, target, java.util.Map.of(Tables.FORMAT_KEY, Integer.toString(Tables.FORMAT)));
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(target.resolveSibling("." + target.getFileName() + ".crc"));
    }

    /**
     * Copies the rows of Parquet file {@code from} into {@code to} (replaced) with the same schema and
     * {@code footer} as its only footer metadata besides the writer's own.
     */
    static void copyRows(Path from, Path to, java.util.Map<String, String> footer) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(from.toUri());
        Configuration conf = new Configuration();
        MessageType schema = ParquetFiles.footer(source, conf).getFileMetaData().getSchema();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), source).withConf(conf).build();
             ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(to.toUri()))
                     .withConf(conf).withType(schema).withExtraMetaData(footer)
                     .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                writer.write(g);
            }
        }
    }
}
