package org.elisesweep.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.api.Binary;
import org.elisesweep.model.NetworkSnapshot;
import org.elisesweep.model.NetworkSnapshotSerializer;
import org.elisesweep.sweep.PlannedRun;

/**
 * Loads stored networks on an executor, straight from their file of the {@code networks} table
 * (parquet-hadoop, with a record filter on the key, so only the wanted snapshot is assembled).
 * Keeps the last one: a batch runs all scenarios of one stored network one after the other.
 */
final class StoredNetworkReader {
    private final Configuration conf;
    private PlannedRun.StoredNetwork lastKey;
    private NetworkSnapshot last;

    StoredNetworkReader(Configuration conf) {
        this.conf = conf;
    }

    /**
     * The snapshot stored under {@code key}.
     *
     * @throws IOException when the file cannot be read or does not hold that network
     */
    NetworkSnapshot load(PlannedRun.StoredNetwork key) throws IOException {
        if (key.equals(lastKey)) {
            return last;
        }
        FilterCompat.Filter filter = FilterCompat.get(FilterApi.and(
                FilterApi.eq(FilterApi.binaryColumn("point_id"), Binary.fromString(key.pointId())),
                FilterApi.eq(FilterApi.intColumn("replicate"), key.replicate())));
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(key.file()))
                .withConf(conf).withFilter(filter).build()) {
            Group row = reader.read();
            if (row == null) {
                throw new IOException("stored network of point " + key.pointId() + " replicate " + key.replicate()
                        + " is not in " + key.file());
            }
            last = NetworkSnapshotSerializer.fromBytes(row.getBinary("snapshot", 0).getBytes());
            lastKey = key;
            return last;
        }
    }
}
