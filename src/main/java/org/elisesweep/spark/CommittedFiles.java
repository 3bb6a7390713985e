package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The committed files of one sweep, by table and batch key, as listed from its partition
 * directories ({@link TableLayout}); and the cheap integrity check a sweep run and the readers make
 * before they use them.
 */
final class CommittedFiles {
    /** Detail tables every batch writes (networks only when the sweep stores them). */
    static final List<String> ALWAYS_WRITTEN = List.of(Tables.CURVES, Tables.REPLAY, Tables.ROBUSTNESS);
    /** Every table, in commit order: detail tables first, {@code runs} last. */
    static final List<String> COMMIT_ORDER = commitOrder();

    private final Map<String, SortedMap<String, Path>> byTable = new LinkedHashMap<>();

    private static List<String> commitOrder() {
        List<String> tables = new ArrayList<>(Tables.DETAIL);
        tables.add(Tables.RUNS);
        return List.copyOf(tables);
    }

    static CommittedFiles list(FileSystem fs, TableLayout layout) throws IOException {
        CommittedFiles files = new CommittedFiles();
        for (String table : COMMIT_ORDER) {
            SortedMap<String, Path> batches = new TreeMap<>();
            Path dir = layout.partitionDir(table);
            if (fs.isDirectory(dir)) {
                for (FileStatus f : fs.listStatus(dir)) {
                    String key = TableLayout.batchKeyOf(f.getPath().getName());
                    if (key != null) {
                        batches.put(key, f.getPath());
                    }
                }
            }
            files.byTable.put(table, batches);
        }
        return files;
    }

    /** The batches of {@code table}, by key (sorted), with their file. */
    SortedMap<String, Path> of(String table) {
        return byTable.get(table);
    }

    /** The file of {@code batch} in {@code table}, or null. */
    Path file(String table, String batch) {
        return byTable.get(table).get(batch);
    }

    int count() {
        return byTable.values().stream().mapToInt(Map::size).sum();
    }

    /** Batches with a committed {@code runs} file that lack one of the detail files every batch writes. */
    Map<String, List<String>> missingDetailFiles() {
        Map<String, List<String>> missing = new TreeMap<>();
        for (String batch : of(Tables.RUNS).keySet()) {
            for (String table : ALWAYS_WRITTEN) {
                if (file(table, batch) == null) {
                    missing.computeIfAbsent(batch, b -> new ArrayList<>()).add(table);
                }
            }
        }
        return missing;
    }

    /**
     * The cheap checks before files are read or added to, reading each file's Parquet footer once
     * and never a data page: every footer is readable, then the runs files are of the table format
     * this version writes ({@link TableFormat}).
     *
     * @param output the output directory as the user gave it, for the command in the message
     * @throws DamagedTablesException naming the first damaged file, its cause and the repair command
     * @throws SweepConflictException naming the first runs file of another format
     */
    void requireReadableAndCurrent(TableLayout layout, String output, Configuration conf) {
        List<String> damaged = new ArrayList<>();
        Map<Path, ParquetMetadata> runs = new LinkedHashMap<>();
        for (String table : COMMIT_ORDER) {
            for (Path file : of(table).values()) {
                try {
                    ParquetMetadata footer = ParquetFiles.footer(file, conf);
                    if (table.equals(Tables.RUNS)) {
                        runs.put(file, footer);
                    }
                } catch (IOException | RuntimeException e) {
                    damaged.add(layout.relative(file) + ": " + ParquetFiles.unreadableFooter(e));
                }
            }
        }
        refuse(damaged, layout, output);
        TableFormat.requireCurrent(runs, layout, output);
    }

    /**
     * The format check alone, for verify, which reports damage itself: the runs files whose
     * footers read are of the table format this version writes ({@link TableFormat}).
     *
     * @throws SweepConflictException naming the first file of another format
     */
    void requireCurrentFormat(TableLayout layout, String output, Configuration conf) {
        Map<Path, ParquetMetadata> runs = new LinkedHashMap<>();
        for (Path file : of(Tables.RUNS).values()) {
            try {
                runs.put(file, ParquetFiles.footer(file, conf));
            } catch (IOException | RuntimeException damaged) {
                // left to the checks for damage
            }
        }
        TableFormat.requireCurrent(runs, layout, output);
    }

    /**
     * The check before a sweep run trusts its committed batches: each has its detail files, so that
     * a lost detail file (or partition) is not taken for finished work.
     *
     * @throws DamagedTablesException naming the first missing file and the repair command
     */
    void requireComplete(TableLayout layout, String output) {
        List<String> missing = new ArrayList<>();
        missingDetailFiles().forEach((batch, tables) -> tables.forEach(t -> missing.add(
                layout.relative(layout.committed(t, batch)) + ": missing, although its batch's runs file is committed")));
        refuse(missing, layout, output);
    }

    private static void refuse(List<String> problems, TableLayout layout, String output) {
        if (!problems.isEmpty()) {
            throw new DamagedTablesException(problems.get(0), problems.size() - 1, output, layout.sweep());
        }
    }
}
