package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

/** Which schema differences make a committed file foreign, and which are an older file of the same table. */
class ParquetFilesTest {
    private static MessageType schema(List<TableColumn> columns) {
        return Tables.parquetSchema("t", columns);
    }

    private static final TableColumn KEY = TableColumn.required("point_id", ColumnType.STRING);
    private static final TableColumn VALUE = TableColumn.required("mse", ColumnType.DOUBLE);
    private static final TableColumn ADDED = TableColumn.optional("role", ColumnType.STRING);

    @Test
    void aFileWrittenBeforeAnOptionalColumnWasAddedAtTheEndIsNoDamage() {
        assertNull(ParquetFiles.schemaDifference(schema(List.of(KEY, VALUE)), schema(List.of(KEY, VALUE, ADDED))));
    }

    @Test
    void aMissingRequiredColumnAnExtraColumnOrAnotherTypeIsNamed() {
        assertEquals("lacks column mse",
                ParquetFiles.schemaDifference(schema(List.of(KEY)), schema(List.of(KEY, VALUE))));
        assertEquals("has an extra column role",
                ParquetFiles.schemaDifference(schema(List.of(KEY, VALUE, ADDED)), schema(List.of(KEY, VALUE))));
        String other = ParquetFiles.schemaDifference(schema(List.of(KEY, TableColumn.required("mse", ColumnType.INT))),
                schema(List.of(KEY, VALUE)));
        assertEquals("column 2 is mse int32, expected mse double", other);
    }
}
