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
    BINARY(PrimitiveTypeName.BINARY, DataTypes.BinaryType);

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
        Types.PrimitiveBuilder<PrimitiveType> b = nullable
                ? Types.optional(parquet) : Types.required(parquet);
        if (this == STRING) {
            b = b.as(LogicalTypeAnnotation.stringType());
        }
        return b.named(name);
    }
}
