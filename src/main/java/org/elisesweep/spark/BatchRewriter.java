package org.elisesweep.spark;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Takes simulations out of committed batches so that the next sweep run recomputes them: a file
 * is rewritten without their rows, or a whole batch is set aside. What is replaced goes to a
 * quarantine folder when one is given ({@code elise verify --repair}) and is deleted otherwise
 * ({@code --rerun-failed}, whose rows are recomputed anyway).
 *
 * <p>Order, so that a crash at any point leaves tables that a rerun or another repair sets right:
 * a rewritten file is written aside first and then replaces the original; a batch is rewritten
 * detail tables first and {@code runs} last (until then its simulations still count as committed,
 * afterwards as missing); a batch set aside loses its {@code runs} file first (its detail files are
 * then what a task that died between its renames leaves).
 */
final class BatchRewriter {
    private final FileSystem fs;
    private final Configuration conf;
    private final TableLayout layout;
    private final String quarantineStamp;
    private int moved;

    /** @param quarantineStamp the quarantine folder's name (a UTC time), or null to delete what is replaced */
    BatchRewriter(FileSystem fs, Configuration conf, TableLayout layout, String quarantineStamp) {
        this.fs = fs;
        this.conf = conf;
        this.layout = layout;
        this.quarantineStamp = quarantineStamp;
    }

    /** Removes the rows of {@code keys} from every table's file of {@code batch}, runs last. */
    void removeFromBatch(CommittedFiles files, String batch, Set<String> keys) throws IOException {
        for (String table : CommittedFiles.COMMIT_ORDER) {
            Path file = files.file(table, batch);
            if (file != null && fs.exists(file)) {
                rewriteWithout(file, keys);
            }
        }
    }

    /** Sets every file of {@code batch} aside, its runs file first. */
    void setAside(CommittedFiles files, String batch) throws IOException {
        for (int k = CommittedFiles.COMMIT_ORDER.size() - 1; k >= 0; k--) {
            Path file = files.file(CommittedFiles.COMMIT_ORDER.get(k), batch);
            if (file != null && fs.exists(file)) {
                replace(file, null);
            }
        }
    }

    /** Sets one file aside. */
    void setAside(Path file) throws IOException {
        replace(file, null);
    }

    /** Rewrites {@code file} without the rows of {@code keys}; a file left without rows goes entirely. */
    void rewriteWithout(Path file, Set<String> keys) throws IOException {
        Path aside = new Path(layout.staging("rewrite", UUID.randomUUID().toString()), file.getName());
        try {
            long kept = ParquetFiles.copyWithout(file, keys, aside, conf);
            replace(file, kept > 0 ? aside : null);
        } finally {
            fs.delete(aside.getParent(), true);
        }
    }

    /** Files moved to quarantine so far. */
    int moved() {
        return moved;
    }

    /** Moves {@code file} to quarantine (or deletes it), then puts {@code replacement} (if any) in its place. */
    private void replace(Path file, Path replacement) throws IOException {
        if (quarantineStamp == null) {
            fs.delete(file, false);
        } else {
            Path target = layout.quarantined(quarantineStamp, file);
            fs.mkdirs(target.getParent());
            if (!fs.rename(file, target)) {
                throw new IOException("cannot move " + file + " to " + target);
            }
            moved++;
        }
        if (replacement != null && !fs.rename(replacement, file)) {
            throw new IOException("cannot replace " + file + " by " + replacement);
        }
    }
}
