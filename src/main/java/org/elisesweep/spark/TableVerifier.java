package org.elisesweep.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.elisesweep.model.Status;

/**
 * {@code elise verify}: checks that the tables of one sweep are exactly what its commits wrote,
 * reading every committed file on this machine with parquet-hadoop (no Spark):
 * <ul>
 *   <li>every file: footer readable, schema that of its table ({@link Tables}), every row decodable
 *       with the pages' checksums verified, as many rows as its footer declares;</li>
 *   <li>every batch with a {@code runs} file has its curves, replay and robustness files, and every
 *       detail file has its batch's {@code runs} file;</li>
 *   <li>no simulation twice in {@code runs};</li>
 *   <li>every simulation has the detail rows its parameters imply ({@link ExpectedRows}) in its
 *       batch, and no detail row lacks its simulation's {@code runs} row there.</li>
 * </ul>
 * With {@code repair}, damaged or inconsistent files go to {@code <root>/_quarantine/<UTC time>/}
 * and the affected batches are rewritten without the affected simulations ({@link BatchRewriter}),
 * so that the next sweep run recomputes exactly those. With {@code pruneStale}, the simulations
 * that the sweep's manifest ({@link SweepManifest}) does not plan are removed the same way.
 */
public final class TableVerifier {
    private static final int LISTED = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** @param repair set damaged or inconsistent files aside; @param pruneStale remove stale simulations */
    public record Options(boolean repair, boolean pruneStale) {
    }

    /** One problem: the file (relative to the output), what is wrong, the simulations it affects. */
    public record Problem(String file, String cause, SortedSet<String> simulations) {
        public String line() {
            if (simulations.isEmpty()) {
                return file + ": " + cause;
            }
            List<String> some = simulations.stream().limit(LISTED).toList();
            return file + ": " + cause + "; simulation" + (simulations.size() > 1 ? "s " : " ") + String.join(", ", some)
                    + (simulations.size() > LISTED ? " (and " + (simulations.size() - LISTED) + " more)" : "");
        }
    }

    /**
     * What a repair did.
     *
     * @param quarantine   where the replaced files went (null when nothing was moved)
     * @param filesMoved   files moved there
     * @param recompute    simulations removed as damaged or inconsistent, which the next sweep run recomputes
     * @param pruned       stale simulations removed (not recomputed: the sweep file no longer plans them)
     */
    public record Repair(String quarantine, int filesMoved, int recompute, int pruned) {
    }

    /**
     * The outcome for one sweep.
     *
     * @param files       committed files checked
     * @param simulations distinct simulations in readable {@code runs} files
     * @param manifest    the sweep's manifest, or null when no sweep run wrote one
     * @param stale       committed simulations the manifest does not plan (empty without a manifest)
     * @param repair      what --repair / --prune-stale did, or null when neither was asked
     */
    public record Result(String sweep, int files, int simulations, List<Problem> problems, SweepManifest manifest,
                         StaleRows stale, Repair repair) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private final FileSystem fs;
    private final Configuration conf;
    private final TableLayout layout;
    private final CommittedFiles files;
    /** Per table and batch: rows per simulation of the files that read cleanly. */
    private final Map<String, Map<String, Map<String, Integer>>> rows = new HashMap<>();
    /** Per batch: status of each simulation of its readable runs file. */
    private final SortedMap<String, Map<String, Status>> runs = new TreeMap<>();
    /** Per point: its expected detail rows, or null when this code cannot derive them. */
    private final Map<String, ExpectedRows> expected = new HashMap<>();
    private final Map<Path, String> damaged = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> setAside = new TreeSet<>();
    private final Set<Path> orphanFiles = new TreeSet<>();
    private final SortedMap<String, Set<String>> removals = new TreeMap<>();

    private TableVerifier(FileSystem fs, Configuration conf, TableLayout layout) throws IOException {
        this.fs = fs;
        this.conf = conf;
        this.layout = layout;
        this.files = CommittedFiles.list(fs, layout);
    }

    /**
     * Verifies sweep {@code sweep} under {@code outputRoot}, and repairs or prunes as asked.
     * Mutates the tables only with {@code repair} or {@code pruneStale}, and then never deletes
     * rows: the files they were in go to quarantine.
     */
    public static Result verify(Configuration conf, String outputRoot, String sweep, Options options)
            throws IOException {
        Path root = new Path(outputRoot);
        FileSystem fs = root.getFileSystem(conf);
        TableLayout layout = new TableLayout(fs.makeQualified(root).toString(), sweep);
        if (!options.repair() && !options.pruneStale()) {
            return check(fs, conf, layout, options);
        }
        // repairing writes: only while no driver writes this sweep (its lease refuses us otherwise)
        try (SweepLease lease = SweepLease.acquire(fs, layout, "elise verify", SweepLease.Policy.DEFAULT,
                System.err::println, () -> { })) {
            return check(fs, conf, layout, options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while taking the lease of sweep " + sweep);
        }
    }

    private static Result check(FileSystem fs, Configuration conf, TableLayout layout, Options options)
            throws IOException {
        String sweep = layout.sweep();
        TableVerifier v = new TableVerifier(fs, conf, layout);
        v.files.requireCurrentFormat(layout, layout.root().toString(), conf);   // never "repair" an older format
        v.readFiles();
        v.checkBatches();
        v.checkDuplicates();
        SweepManifest manifest = SweepManifest.read(fs, v.layout);
        StaleRows stale = StaleRows.of(v.committedKeys(), manifest == null ? null : manifest.plannedKeys());
        Repair repair = null;
        if (options.repair() || options.pruneStale() && !stale.keys().isEmpty()) {
            repair = v.apply(options.repair(), options.pruneStale() ? stale.keys() : Set.of());
        }
        return new Result(sweep, v.files.count(), v.committedKeys().size(), List.copyOf(v.problems), manifest, stale,
                repair);
    }

    // 1. every file, every row

    private void readFiles() {
        for (String table : CommittedFiles.COMMIT_ORDER) {
            for (Map.Entry<String, Path> e : files.of(table).entrySet()) {
                try {
                    read(table, e.getKey(), e.getValue());
                } catch (IOException | RuntimeException x) {
                    damaged.put(e.getValue(), "damaged (" + ParquetFiles.firstLine(x) + ")");
                }
            }
        }
    }

    private void read(String table, String batch, Path file) throws IOException {
        List<TableColumn> columns = Tables.columns(table);
        ParquetMetadata footer = ParquetFiles.footer(file, conf);
        String schema = ParquetFiles.schemaDifference(footer.getFileMetaData().getSchema(),
                Tables.parquetSchema(table, columns));
        if (schema != null) {
            damaged.put(file, "not a " + table + " file: " + schema);
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Status> statuses = new HashMap<>();
        long read = ParquetFiles.readAll(file, conf, g -> {
            String key = ParquetFiles.key(g);
            counts.merge(key, 1, Integer::sum);
            if (table.equals(Tables.RUNS)) {
                Status status = Status.valueOf(g.getString("status", 0));
                statuses.put(key, status);
                expected.computeIfAbsent(g.getString("point_id", 0), p -> expectedOf(g, columns, status));
            }
        });
        long declared = ParquetFiles.footerRows(footer);
        if (read != declared) {
            damaged.put(file, "holds " + read + " rows, its footer declares " + declared);
            return;
        }
        rows.computeIfAbsent(table, t -> new HashMap<>()).put(batch, counts);
        if (table.equals(Tables.RUNS)) {
            runs.put(batch, statuses);
        }
    }

    private static ExpectedRows expectedOf(Group run, List<TableColumn> columns,
                                           Status status) {
        if (status == Status.INVALID) {
            return ExpectedRows.NONE;
        }
        try {
            return ExpectedRows.of(RunParameters.spec(ParquetFiles.toRow(run, columns)));
        } catch (RuntimeException e) {   // parameters this code rejects: their detail rows cannot be told
            return null;
        }
    }

    // 2. each batch on its own

    private void checkBatches() {
        Set<String> batches = new TreeSet<>();
        CommittedFiles.COMMIT_ORDER.forEach(t -> batches.addAll(files.of(t).keySet()));
        for (String batch : batches) {
            Path runsFile = files.file(Tables.RUNS, batch);
            if (runsFile == null) {
                for (String table : Tables.DETAIL) {
                    Path f = files.file(table, batch);
                    if (f != null) {
                        problem(f, damaged.getOrDefault(f, "rows without their runs file (left by a task that died "
                                + "between its renames, or its runs file was lost): not committed"), keysOf(table, batch));
                        orphanFiles.add(f);
                    }
                }
            } else if (!damagedFilesOf(batch).isEmpty()) {
                for (Path f : damagedFilesOf(batch)) {
                    problem(f, damaged.get(f), keysOf(batch));
                }
                setAside.add(batch);
            } else if (files.missingDetailFiles().containsKey(batch)) {
                problem(runsFile, "its batch lacks its " + String.join(", ", files.missingDetailFiles().get(batch))
                        + " file (" + layout.relative(layout.committed(files.missingDetailFiles().get(batch).get(0), batch))
                        + " missing)", keysOf(batch));
                setAside.add(batch);
            } else {
                checkRows(batch);
            }
        }
    }

    private List<Path> damagedFilesOf(String batch) {
        List<Path> out = new ArrayList<>();
        for (String table : CommittedFiles.COMMIT_ORDER) {
            Path f = files.file(table, batch);
            if (f != null && damaged.containsKey(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every simulation of an intact batch against its detail rows, and the detail rows against runs. */
    private void checkRows(String batch) {
        Map<String, Status> statuses = runs.get(batch);
        Map<String, Integer> runRows = rows.get(Tables.RUNS).get(batch);
        Map<String, SortedSet<String>> byCause = new TreeMap<>();
        runRows.forEach((key, n) -> {
            if (n > 1) {
                byCause.computeIfAbsent(Tables.RUNS + "\0holds " + n + " rows of one simulation", c -> new TreeSet<>())
                        .add(key);
            }
        });
        for (String table : Tables.DETAIL) {
            if (files.file(table, batch) == null) {
                continue;   // networks of a sweep that does not store them
            }
            Map<String, Integer> detail = rows.get(table).get(batch);
            for (Map.Entry<String, Status> run : statuses.entrySet()) {
                ExpectedRows want = expected.get(run.getKey().substring(0, run.getKey().lastIndexOf('/')));
                String cause = want == null ? null
                        : want.problem(table, run.getValue(), detail.getOrDefault(run.getKey(), 0));
                if (cause != null) {
                    byCause.computeIfAbsent(table + "\0" + cause, c -> new TreeSet<>()).add(run.getKey());
                }
            }
            for (String key : detail.keySet()) {
                if (!statuses.containsKey(key)) {
                    byCause.computeIfAbsent(table + "\0rows of simulations that have no runs row in this batch",
                            c -> new TreeSet<>()).add(key);
                }
            }
        }
        byCause.forEach((tableAndCause, keys) -> {
            String[] tc = tableAndCause.split("\0", 2);
            problem(files.file(tc[0], batch), tc[1], keys);
            removals.computeIfAbsent(batch, b -> new TreeSet<>()).addAll(keys);
        });
    }

    // 3. across batches

    /**
     * A simulation in several runs files stays in the first by name of the batches that are kept
     * and is removed from the others; in a batch set aside anyway it is only reported.
     */
    private void checkDuplicates() {
        Map<String, String> keeperOf = new HashMap<>();
        for (boolean kept : new boolean[] {true, false}) {
            for (Map.Entry<String, Map<String, Status>> e : runs.entrySet()) {
                if (setAside.contains(e.getKey()) == kept) {
                    continue;
                }
                SortedMap<String, SortedSet<String>> byKeeper = new TreeMap<>();
                for (String key : e.getValue().keySet()) {
                    String keeper = kept ? keeperOf.putIfAbsent(key, e.getKey()) : keeperOf.get(key);
                    if (keeper != null) {
                        byKeeper.computeIfAbsent(keeper, k -> new TreeSet<>()).add(key);
                    }
                }
                byKeeper.forEach((keeper, keys) -> {
                    problem(files.file(Tables.RUNS, e.getKey()), "simulations also committed in "
                            + layout.relative(files.file(Tables.RUNS, keeper)) + ", which keeps them", keys);
                    if (kept) {
                        removals.computeIfAbsent(e.getKey(), b -> new TreeSet<>()).addAll(keys);
                    }
                });
            }
        }
    }

    // 4. repair

    private Repair apply(boolean repair, Set<String> stale) throws IOException {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        BatchRewriter rewriter = new BatchRewriter(fs, conf, layout, stamp);
        SortedMap<String, Set<String>> remove = new TreeMap<>();
        Set<String> gone = new TreeSet<>();
        if (repair) {
            for (String batch : setAside) {
                gone.addAll(keysOf(batch));
                rewriter.setAside(files, batch);
            }
            for (Path f : orphanFiles) {
                rewriter.setAside(f);
            }
            removals.forEach((batch, keys) -> remove.computeIfAbsent(batch, b -> new TreeSet<>()).addAll(keys));
            remove.values().forEach(gone::addAll);
        }
        // a duplicate removed here but kept in another batch is not recomputed
        runs.forEach((batch, statuses) -> statuses.keySet().stream()
                .filter(k -> !setAside.contains(batch) && !remove.getOrDefault(batch, Set.of()).contains(k))
                .forEach(gone::remove));
        int pruned = 0;
        for (Map.Entry<String, Map<String, Status>> e : runs.entrySet()) {
            for (String key : e.getValue().keySet()) {
                if (stale.contains(key) && !setAside.contains(e.getKey())
                        && remove.computeIfAbsent(e.getKey(), b -> new TreeSet<>()).add(key)) {
                    pruned++;
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : remove.entrySet()) {
            if (!setAside.contains(e.getKey()) && damagedFilesOf(e.getKey()).isEmpty()) {
                rewriter.removeFromBatch(files, e.getKey(), e.getValue());
            }
        }
        int moved = rewriter.moved();
        return new Repair(moved == 0 ? null : layout.quarantine(stamp).toString(), moved, gone.size(), pruned);
    }

    // helpers

    private void problem(Path file, String cause, SortedSet<String> simulations) {
        problems.add(new Problem(layout.relative(file), cause, simulations));
    }

    /** The simulations of a batch: those of its runs file, or of its readable detail files. */
    private SortedSet<String> keysOf(String batch) {
        SortedSet<String> keys = new TreeSet<>();
        if (runs.containsKey(batch)) {
            keys.addAll(runs.get(batch).keySet());
            return keys;
        }
        for (String table : Tables.DETAIL) {
            keys.addAll(keysOf(table, batch));
        }
        return keys;
    }

    private SortedSet<String> keysOf(String table, String batch) {
        return new TreeSet<>(rows.getOrDefault(table, Map.of()).getOrDefault(batch, Map.of()).keySet());
    }

    /** Simulations of readable runs files. */
    private Set<String> committedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        runs.values().forEach(s -> keys.addAll(s.keySet()));
        return keys;
    }
}
