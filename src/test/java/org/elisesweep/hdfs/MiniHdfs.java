package org.elisesweep.hdfs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: Hadoop's MiniDFSCluster (a NameNode and one DataNode in this JVM, on
 * 127.0.0.1 and free ports, replication 1), its storage in a directory of the caller's. Other
 * processes (a driver JVM) reach it by {@link #uri()} like any HDFS.
 */
public final class MiniHdfs implements AutoCloseable {
    private final MiniDFSCluster cluster;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts it with its name and data directories under {@code baseDir}; returns once it is writable. */
    public static MiniHdfs start(Path baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        conf.setInt("dfs.replication", 1);
        conf.setBoolean("dfs.permissions.enabled", false);
        // small and quick: DataNode heartbeats every second, no trash, no web UI beyond the free ports
        conf.setLong("dfs.heartbeat.interval", 1);
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(1)
                .nameNodePort(0).nameNodeHttpPort(0).format(true).build();
        cluster.waitClusterUp();
        cluster.waitActive();
        return new MiniHdfs(cluster);
    }

    /** {@code hdfs://127.0.0.1:PORT}: the file system's root. */
    public URI uri() {
        return URI.create("hdfs://127.0.0.1:" + cluster.getNameNodePort());
    }

    /** {@code hdfs://127.0.0.1:PORT/path}, for an absolute {@code path} such as {@code /out}. */
    public String uri(String path) {
        return uri() + path;
    }

    /** A Hadoop configuration whose default file system is this HDFS (a fresh copy; the caller may change it). */
    public Configuration configuration() {
        Configuration conf = new Configuration(cluster.getConfiguration(0));
        conf.set("fs.defaultFS", uri().toString());
        return conf;
    }

    /** A client of this HDFS (Hadoop's cached instance: do not close it; {@link #close()} does). */
    public FileSystem fileSystem() throws IOException {
        return FileSystem.get(uri(), configuration());
    }

    /** Stops the DataNode and the NameNode; the storage directory stays (a @TempDir removes it). */
    @Override
    public void close() {
        cluster.shutdown();
    }
}
