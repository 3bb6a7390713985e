package org.elisesweep.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.serializer.KryoRegistrator;
import org.elisesweep.sweep.PlannedRun;

/**
 * Registers every class a sweep ships through Spark's serializer (spark.kryo.registrationRequired
 * is on, so an unregistered class fails loudly instead of being written with its full name).
 * Records have final fields Kryo's default serializer cannot set, hence the explicit serializers.
 */
public final class KryoSetup implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(PlannedRun.class, new PlannedRunSerializer());
        kryo.register(PlannedRun[].class);
        kryo.register(RunBatch.class, new RunBatchSerializer());
        kryo.register(BatchOutcome.class);
        kryo.register(int[].class);
        kryo.register(Object[].class);
        // Spark SQL's own reads (Parquet schema inference, collect of key columns) ship these
        for (String name : SPARK_SQL_CLASSES) {
            try {
                kryo.register(Class.forName(name, false, KryoSetup.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Spark class " + name + " is missing: is the Spark version right?", e);
            }
        }
    }

    /** Classes Spark SQL serialises with the configured serializer during the jobs a sweep runs. */
    private static final String[] SPARK_SQL_CLASSES = {
        "org.apache.spark.sql.types.StructType",
        "[Lorg.apache.spark.sql.types.StructType;",
        "org.apache.spark.sql.types.StructField",
        "[Lorg.apache.spark.sql.types.StructField;",
        "org.apache.spark.sql.types.Metadata",
        "org.apache.spark.sql.types.BooleanType$",
        "org.apache.spark.sql.types.IntegerType$",
        "org.apache.spark.sql.types.LongType$",
        "org.apache.spark.sql.types.DoubleType$",
        "org.apache.spark.sql.types.StringType",
        "org.apache.spark.sql.types.BinaryType$",
        "org.apache.spark.sql.types.TimestampType$",
        "org.apache.spark.sql.types.ArrayType",
    };

    private static final class PlannedRunSerializer extends Serializer<PlannedRun> {
        @Override
        public void write(Kryo kryo, Output out, PlannedRun r) {
            out.writeString(r.pointId());
            out.writeInt(r.replicate(), true);
            out.writeLong(r.seed());
            // the typed values themselves, so that the executor need not parse anything to run
            out.writeInt(r.parameters().size(), true);
            for (Map.Entry<String, Object> e : r.parameters().entrySet()) {
                out.writeString(e.getKey());
                kryo.writeClassAndObject(out, e.getValue());
            }
            PlannedRun.StoredNetwork n = r.network();
            out.writeBoolean(n != null);
            if (n != null) {
                out.writeString(n.file());
                out.writeString(n.pointId());
                out.writeInt(n.replicate(), true);
            }
            out.writeString(r.role());   // Kryo writes null strings
        }

        @Override
        public PlannedRun read(Kryo kryo, Input in, Class<PlannedRun> type) {
            String pointId = in.readString();
            int replicate = in.readInt(true);
            long seed = in.readLong();
            int size = in.readInt(true);
            SortedMap<String, Object> parameters = new TreeMap<>();
            for (int k = 0; k < size; k++) {
                parameters.put(in.readString(), kryo.readClassAndObject(in));
            }
            PlannedRun.StoredNetwork n = in.readBoolean()
                    ? new PlannedRun.StoredNetwork(in.readString(), in.readString(), in.readInt(true)) : null;
            return new PlannedRun(pointId, replicate, seed, Collections.unmodifiableSortedMap(parameters), n,
                    in.readString());
        }
    }

    private static final class RunBatchSerializer extends Serializer<RunBatch> {
        @Override
        public void write(Kryo kryo, Output out, RunBatch b) {
            out.writeString(b.key);
            kryo.writeObject(out, b.runs);
        }

        @Override
        public RunBatch read(Kryo kryo, Input in, Class<RunBatch> type) {
            String key = in.readString();
            return new RunBatch(key, kryo.readObject(in, PlannedRun[].class));
        }
    }
}
