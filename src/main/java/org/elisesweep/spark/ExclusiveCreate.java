package org.elisesweep.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.ipc.RemoteException;

/**
 * Create a file with its content only if no file of that name exists, as one atomic step, on the
 * file systems where that can be had:
 * <ul>
 *   <li>local files: Hadoop's {@code create(path, false)} checks and then creates (a race), so the content
 *       is written to a private file first and published with a hard link ({@code link(2)} fails if the
 *       name exists, and the file appears whole); where hard links are not supported, NIO's
 *       {@code CREATE_NEW} ({@code O_EXCL});</li>
 *   <li>HDFS and others: {@code create(path, overwrite = false)}, decided by HDFS's NameNode under its
 *       namespace lock. Object stores (s3a, gs, abfs) only give this where the store supports
 *       conditional writes: see README "One writer per output".</li>
 * </ul>
 */
final class ExclusiveCreate {
    private ExclusiveCreate() {
    }

    /** Writes {@code content} to {@code path} if it does not exist; false if it already did. */
    static boolean create(FileSystem fs, Path path, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            return createLocal(java.nio.file.Path.of(fs.makeQualified(path).toUri()), content);
        }
        try (FSDataOutputStream out = fs.create(path, false)) {
            out.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (RemoteException e) {
            if (e.getClassName().endsWith("AlreadyBeingCreatedException")
                    || e.getClassName().endsWith("FileAlreadyExistsException")) {
                return false;   // another client is creating it right now
            }
            throw e;
        }
    }

    private static boolean createLocal(java.nio.file.Path target, byte[] content) throws IOException {
        java.nio.file.Path draft = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".draft");
        try {
            Files.write(draft, content);
            Files.createLink(target, draft);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            return createNew(target, content);   // no hard links on this file system
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static boolean createNew(java.nio.file.Path target, byte[] content) throws IOException {
        try {
            Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
