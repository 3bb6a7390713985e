package org.elisesweep.spark;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Checks a sweep's output location before Spark starts, so that a wrong one costs a second, not a sweep. */
public final class OutputLocation {
    private OutputLocation() {
    }

    /**
     * Checks that {@code out} is a directory (or can become one) that this process can write: creates it
     * and writes and removes a probe file under {@code _leases/}.
     *
     * @throws InvalidOutputException when {@code out} is empty, not a Hadoop path, or an existing file
     * @throws IOException            when its file system is missing, unreachable, full or read-only
     */
    public static void checkWritable(String out, Configuration hadoop) throws IOException {
        if (out == null || out.isBlank()) {
            throw new InvalidOutputException("--out is empty: give a directory or a Hadoop URI (e.g. hdfs://host:8020/out)");
        }
        Path root;
        try {
            root = new Path(out);
        } catch (IllegalArgumentException e) {
            throw new InvalidOutputException("--out " + out + " is not a path or Hadoop URI: " + e.getMessage());
        }
        FileSystem fs = root.getFileSystem(hadoop);
        FileStatus status = fs.exists(root) ? fs.getFileStatus(root) : null;
        if (status != null && !status.isDirectory()) {
            throw new InvalidOutputException("--out " + out + " is a file, not a directory: give a directory for the tables");
        }
        Path probe = new Path(new Path(root, "_leases"), ".probe-" + UUID.randomUUID());
        if (!fs.mkdirs(probe.getParent())) {
            throw new IOException("cannot create " + probe.getParent() + ": Permission denied");
        }
        fs.create(probe, false).close();
        fs.delete(probe, false);
    }
}
