package org.elisesweep.spark;

import org.apache.hadoop.fs.Path;

/**
 * Where a sweep's files live under its output root:
 * {@code <root>/<table>/sweep=<name>/part-<batch>.parquet} for committed results (Hive-style
 * partitioning by sweep, so several sweeps can share a root) and
 * {@code <root>/_staging/<name>/<batch>-<attempt>/} while a task writes. Spark and other Parquet
 * readers skip paths starting with '_', so staged files are never read; the same holds for the
 * sweep's manifest ({@code <root>/_manifests/sweep=<name>.json}) and for files that
 * {@code elise verify --repair} moved aside ({@code <root>/_quarantine/<UTC time>/<relative path>}).
 */
final class TableLayout {
    private final Path root;
    private final String sweep;

    TableLayout(String root, String sweep) {
        this.root = new Path(root);
        this.sweep = sweep;
    }

    Path root() {
        return root;
    }

    String sweep() {
        return sweep;
    }

    Path tableDir(String table) {
        return new Path(root, table);
    }

    Path partitionDir(String table) {
        return new Path(tableDir(table), "sweep=" + sweep);
    }

    Path committed(String table, String batchKey) {
        return new Path(partitionDir(table), "part-" + batchKey + ".parquet");
    }

    Path staging(String batchKey, String attempt) {
        return new Path(new Path(new Path(root, "_staging"), sweep), batchKey + "-" + attempt);
    }

    /** The sweep's manifest: what its current sweep file plans ({@link SweepManifest}). */
    Path manifest() {
        return new Path(new Path(root, "_manifests"), "sweep=" + sweep + ".json");
    }

    /** The sensitivity section of the sweep's current sweep file, for {@code elise sensitivity} ({@link SensitivityTable}). */
    Path sensitivityDesign() {
        return new Path(new Path(root, "_manifests"), "sweep=" + sweep + ".sensitivity.json");
    }

    /** The sweep's {@code sensitivity} table: one file, replaced by every analysis. */
    Path sensitivityTable() {
        return new Path(partitionDir(Tables.SENSITIVITY), "part-analysis.parquet");
    }

    /** Where {@code file}, a file under the root, goes when quarantined at {@code stamp}. */
    Path quarantined(String stamp, Path file) {
        return new Path(quarantine(stamp), relative(file));
    }

    /** The quarantine folder of one repair. */
    Path quarantine(String stamp) {
        return new Path(new Path(root, "_quarantine"), stamp);
    }

    /** {@code file} relative to the root, e.g. {@code runs/sweep=S/part-0a1b.parquet}. */
    String relative(Path file) {
        String r = root.toUri().getPath();
        String f = file.toUri().getPath();
        return f.startsWith(r + "/") ? f.substring(r.length() + 1) : file.toString();
    }

    /** The batch key of a committed file name, or null if it is not one of ours. */
    static String batchKeyOf(String fileName) {
        if (fileName.startsWith("part-") && fileName.endsWith(".parquet")) {
            return fileName.substring("part-".length(), fileName.length() - ".parquet".length());
        }
        return null;
    }
}
