package org.elisesweep.spark;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The column types of the result tables, with their Parquet and Spark SQL equivalents. */
enum ColumnType {
    INT(PrimitiveTypeName.INT32, DataTypes.IntegerType),
    LONG(PrimitiveTypeName.INT64, DataTypes.LongType),
    DOUBLE(PrimitiveTypeName.DOUBLE, DataTypes.DoubleType),
    BOOLEAN(PrimitiveTypeName.BOOLEAN, DataTypes.BooleanType),
    STRING(PrimitiveTypeName.BINARY, DataTypes.StringType),
    BINARY(PrimitiveTypeName.BINARY, DataTypes.BinaryType),
    /** An instant, microseconds since 1970 UTC: Spark's TIMESTAMP, DuckDB's TIMESTAMP WITH TIME ZONE. */
    TIMESTAMP(PrimitiveTypeName.INT64, DataTypes.TimestampType),
    /** A list of strings, as the standard three-level Parquet LIST of required elements. */
    STRING_LIST(PrimitiveTypeName.BINARY, DataTypes.createArrayType(DataTypes.StringType, false));

    /** The name of the element field of a {@link #STRING_LIST}, as Spark and DuckDB write it. */
    static final String ELEMENT = "element";

    private final PrimitiveTypeName parquet;
    private final DataType spark;

    ColumnType(PrimitiveTypeName parquet, DataType spark) {
        this.parquet = parquet;
        this.spark = spark;
    }

    DataType sparkType() {
        return spark;
    }

    Type parquetField(String name, boolean nullable) {
        if (this == STRING_LIST) {
            Types.GroupBuilder<org.apache.parquet.schema.GroupType> list = nullable
                    ? Types.optionalGroup() : Types.requiredGroup();
            return list.as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(Types.required(PrimitiveTypeName.BINARY)
                                    .as(LogicalTypeAnnotation.stringType()).named(ELEMENT))
                            .named("list"))
                    .named(name);
        }
        Types.PrimitiveBuilder<PrimitiveType> b = nullable
                ? Types.optional(parquet) : Types.required(parquet);
        if (this == STRING) {
            b = b.as(LogicalTypeAnnotation.stringType());
        } else if (this == TIMESTAMP) {
            b = b.as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        }
        return b.named(name);
    }
}
