package org.elisesweep.spark;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of one table into one Parquet file with parquet-hadoop (which Spark brings), on an
 * executor. Rows are given as values in column order; null only in optional columns; a
 * {@link ColumnType#TIMESTAMP} as an {@link Instant}, a {@link ColumnType#STRING_LIST} as a {@link List}.
 */
final class TableWriter implements Closeable {
    private final List<TableColumn> columns;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;

    TableWriter(Path file, String table, List<TableColumn> columns, Configuration conf) throws IOException {
        this.columns = columns;
        MessageType schema = Tables.parquetSchema(table, columns);
        this.groups = new SimpleGroupFactory(schema);
        // no .crc side files next to the tables (readers globbing a table's directory trip on them):
        // Parquet's own page checksums, which verify reads, protect the data
        file.getFileSystem(conf).setWriteChecksum(false);
        this.writer = ExampleParquetWriter.builder(file).withConf(conf).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(TableFormat.footerMetadata(columns))
                .withCompressionCodec(CompressionCodecName.SNAPPY).build();
    }

    void write(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + columns.size() + " columns");
        }
        Group g = groups.newGroup();
        for (int k = 0; k < values.length; k++) {
            Object v = values[k];
            TableColumn c = columns.get(k);
            if (v == null) {
                if (!c.nullable()) {
                    throw new IllegalArgumentException("column " + c.name() + " must not be null");
                }
                continue;
            }
            switch (c.type()) {
                case INT -> g.add(k, ((Number) v).intValue());
                case LONG -> g.add(k, ((Number) v).longValue());
                case DOUBLE -> g.add(k, ((Number) v).doubleValue());
                case BOOLEAN -> g.add(k, (Boolean) v);
                case STRING -> g.add(k, v.toString());
                case BINARY -> g.add(k, Binary.fromConstantByteArray((byte[]) v));
                case TIMESTAMP -> g.add(k, TableFormat.micros((Instant) v));
                case STRING_LIST -> {
                    Group list = g.addGroup(k);
                    for (Object element : (List<?>) v) {
                        list.addGroup(0).add(ColumnType.ELEMENT, element.toString());
                    }
                }
                default -> throw new IllegalStateException(c.type().name());
            }
        }
        writer.write(g);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
