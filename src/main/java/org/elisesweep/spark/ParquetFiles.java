package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetInputFormat;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One committed Parquet file read and rewritten row by row with parquet-hadoop (which Spark
 * brings), on the machine that calls: footers, every row with the pages' CRC checksums verified
 * (parquet-hadoop writes them by default, {@link TableWriter} keeps that default), and a copy
 * without some simulations.
 */
final class ParquetFiles {
    private ParquetFiles() {
    }

    /** Rows of one file, one at a time. */
    interface RowVisitor {
        void visit(Group row);
    }

    /** The problem of a footer that {@link #footer} could not read, in one line. */
    static String unreadableFooter(Exception e) {
        return "unreadable Parquet footer (" + firstLine(e) + ")";
    }

    static ParquetMetadata footer(Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter();
        }
    }

    /** Rows the footer declares. */
    static long footerRows(ParquetMetadata footer) {
        return footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
    }

    /**
     * Decodes every row of {@code file}, verifying each page's checksum, and hands it to {@code visitor}.
     *
     * @return the number of rows read
     * @throws IOException or a RuntimeException of parquet-hadoop when a page is damaged
     */
    static long readAll(Path file, Configuration conf, RowVisitor visitor) throws IOException {
        Configuration verifying = new Configuration(conf);
        verifying.setBoolean(ParquetInputFormat.PAGE_VERIFY_CHECKSUM_ENABLED, true);
        long rows = 0;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(verifying).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                visitor.visit(g);
                rows++;
            }
        }
        return rows;
    }

    /**
     * Writes the rows of {@code file} that are not of a simulation in {@code keys} to {@code target},
     * with the file's own schema.
     *
     * @return the number of rows written; 0 leaves no file at {@code target}
     */
    static long copyWithout(Path file, Set<String> keys, Path target, Configuration conf) throws IOException {
        ParquetMetadata footer = footer(file, conf);
        MessageType schema = footer.getFileMetaData().getSchema();
        Map<String, String> ours = new HashMap<>(footer.getFileMetaData().getKeyValueMetaData());
        ours.keySet().retainAll(Set.of(Tables.FORMAT_KEY, TableFormat.SPARK_SCHEMA_KEY));
        long kept = 0;
        ParquetWriter<Group> writer = null;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                if (!keys.contains(key(g))) {
                    if (writer == null) {
                        writer = ExampleParquetWriter.builder(target).withConf(conf).withType(schema)
                                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withExtraMetaData(ours)
                                .withCompressionCodec(CompressionCodecName.SNAPPY).build();
                    }
                    writer.write(g);
                    kept++;
                }
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        return kept;
    }

    /** The simulation of a row: {@code point_id/replicate}, as {@link CommittedRuns#key}. */
    static String key(Group row) {
        return CommittedRuns.key(row.getString("point_id", 0), row.getInteger("replicate", 0));
    }

    /**
     * How the columns of {@code actual} differ from {@code expected} (names, order, physical and
     * logical types), or null. Nullability is not compared: Spark marks every column optional
     * when it writes, and files rewritten by earlier versions were written by Spark. Optional columns
     * at the end that {@code actual} lacks were added after it was written: readers see them as null.
     */
    static String schemaDifference(MessageType actual, MessageType expected) {
        List<Type> a = actual.getFields();
        List<Type> e = expected.getFields();
        for (int k = 0; k < Math.max(a.size(), e.size()); k++) {
            if (k >= a.size()) {
                if (e.get(k).isRepetition(Type.Repetition.OPTIONAL)) {
                    continue;   // an optional column added at the end after this file was written
                }
                return "lacks column " + e.get(k).getName();
            }
            if (k >= e.size()) {
                return "has an extra column " + a.get(k).getName();
            }
            String have = describe(a.get(k));
            String want = describe(e.get(k));
            if (!have.equals(want)) {
                return "column " + (k + 1) + " is " + have + ", expected " + want;
            }
        }
        return null;
    }

    private static String describe(Type t) {
        if (!t.isPrimitive()) {
            return t.getName() + " (a group" + (t.getLogicalTypeAnnotation() == null ? "" : ", " + t.getLogicalTypeAnnotation())
                    + " of " + t.asGroupType().getFields().stream().map(ParquetFiles::describe).toList() + ")";
        }
        Object logical = t.getLogicalTypeAnnotation();
        return t.getName() + " " + t.asPrimitiveType().getPrimitiveTypeName().name().toLowerCase()
                + (logical == null ? "" : " (" + logical + ")");
    }

    /** A row of {@code columns} as a Spark row with schema, e.g. for {@link RunParameters#spec}. */
    static Row toRow(Group g, List<TableColumn> columns) {
        StructType schema = Tables.sparkSchema(columns);
        Object[] values = new Object[columns.size()];
        for (int k = 0; k < values.length; k++) {
            TableColumn c = columns.get(k);
            if (g.getFieldRepetitionCount(c.name()) == 0) {
                continue;
            }
            values[k] = switch (c.type()) {
                case INT -> g.getInteger(c.name(), 0);
                case LONG -> g.getLong(c.name(), 0);
                case DOUBLE -> g.getDouble(c.name(), 0);
                case BOOLEAN -> g.getBoolean(c.name(), 0);
                case STRING -> g.getString(c.name(), 0);
                case BINARY -> g.getBinary(c.name(), 0).getBytes();
                case TIMESTAMP -> new java.sql.Timestamp(Math.floorDiv(g.getLong(c.name(), 0), 1000L));
                case STRING_LIST -> {
                    Group list = g.getGroup(c.name(), 0);
                    List<String> elements = new ArrayList<>();
                    for (int e = 0; e < list.getFieldRepetitionCount(0); e++) {
                        elements.add(list.getGroup(0, e).getString(ColumnType.ELEMENT, 0));
                    }
                    yield CollectionConverters.asScala(elements).toSeq();
                }
            };
        }
        return new GenericRowWithSchema(values, schema);
    }

    /**
     * The first line of the message of an exception's innermost cause that has one (parquet-hadoop
     * wraps e.g. a failed page checksum in "Can not read value at 0"), with its type.
     */
    static String firstLine(Throwable e) {
        Throwable said = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t;
            }
        }
        String m = said.getMessage() == null ? "" : said.getMessage().lines().findFirst().orElse("");
        return said.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }
}
