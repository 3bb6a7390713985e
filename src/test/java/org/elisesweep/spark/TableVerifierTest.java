package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code elise verify} on real sweep outputs damaged on disk: every damage named, repaired into
 * quarantine, and recomputed by the next run to exactly the rows of an undisturbed sweep.
 */
class TableVerifierTest {
    private static final SparkSession SPARK = SharedSpark.get();
    private static final SweepPlan PLAN = SweepJobTest.plan(SweepJobTest.SWEEP);
    private static final String S = "sweep=e2e";
    /** Run metrics: everything of a runs row but timings, host and provenance. */
    private static final String METRICS = "point_id, replicate, seed, model_lambda, status, error, learned_at_cycle, "
            + "final_mse, final_sumcorr, final_sumcorr_per_neuron, replay_mean_sumcorr, replay_min_sumcorr, "
            + "replay_final_sumcorr, replay_mean_mse, replay_drift_ms_per_cycle, spectral_radius, n_vis, steps, config_hash";

    @TempDir
    static Path dir;
    /** An undisturbed sweep, one simulation per batch; each test damages a copy of it. */
    private static Path clean;

    @BeforeAll
    static void undisturbedSweep() throws Exception {
        clean = dir.resolve("clean");
        assertTrue(sweep(clean).complete());
    }

    private static SweepSummary sweep(Path out) throws IOException {
        return SweepJob.run(SPARK, PLAN, new SweepJob.Options(out.toString(), false, false, 6));
    }

    private static TableVerifier.Result verify(Path out, boolean repair, boolean prune) throws IOException {
        return TableVerifier.verify(new Configuration(), out.toString(), "e2e", new TableVerifier.Options(repair, prune));
    }

    @Test
    void damagedAndDuplicatedFilesAreNamedThenRepairedAndRecomputedBitForBit() throws Exception {
        Path out = copyOf(clean, "damaged");
        List<Path> runs = partFiles(out.resolve("runs").resolve(S));
        assertEquals(6, runs.size());
        Map<String, String> keyOf = keyByBatch(runs);
        String truncated = batch(runs.get(0));
        String flippedRuns = batch(runs.get(1));
        String flippedReplay = batch(runs.get(2));
        String duplicated = batch(runs.get(3));
        truncate(runs.get(0));
        flipLastByteOfAColumnChunk(runs.get(1));
        Path replay = out.resolve("replay").resolve(S).resolve("part-" + flippedReplay + ".parquet");
        flipLastByteOfAColumnChunk(replay);
        // the tables have no Hadoop .crc side files: only the pages' own checksums can tell
        assertFalse(Files.exists(replay.resolveSibling("." + replay.getFileName() + ".crc")));
        String copy = "ffffffffffffffffffff";
        Files.copy(runs.get(3), runs.get(3).resolveSibling("part-" + copy + ".parquet"));

        // 1. verify names each, with the simulations affected
        TableVerifier.Result found = verify(out, false, false);
        Map<String, String> causes = new TreeMap<>();
        for (TableVerifier.Problem p : found.problems()) {
            causes.merge(p.file(), p.cause(), (a, b) -> a + " | " + b);
        }
        assertEquals(Set.of(runsFile(truncated), runsFile(flippedRuns), "replay/" + S + "/part-"
                + flippedReplay + ".parquet", runsFile(copy)), causes.keySet(), found.problems().toString());
        assertTrue(causes.get(runsFile(truncated)).startsWith("damaged ("), causes.toString());
        assertTrue(causes.get(runsFile(flippedRuns)).startsWith("damaged ("), causes.toString());
        // found by the page checksum, which is verified on read
        assertTrue(causes.get("replay/" + S + "/part-" + flippedReplay + ".parquet").matches("damaged \\(.*CRC.*"),
                causes.toString());
        assertTrue(causes.get(runsFile(copy)).contains("lacks its curves, replay, robustness file"), causes.toString());
        assertTrue(causes.get(runsFile(copy)).contains("also committed in " + runsFile(duplicated)), causes.toString());
        for (TableVerifier.Problem p : found.problems()) {
            String batch = p.file().substring(p.file().lastIndexOf("part-") + 5, p.file().length() - 8);
            String key = keyOf.get(batch.equals(copy) ? duplicated : batch);
            assertEquals(Set.of(key), p.simulations(), p.line());
            assertTrue(p.line().startsWith(p.file() + ": ") && p.line().endsWith("simulation " + key), p.line());
        }

        // 2. a rerun refuses in one line, with the command that repairs
        DamagedTablesException refused = assertThrows(DamagedTablesException.class, () -> sweep(out));
        assertTrue(refused.getMessage().contains(runsFile(truncated) + ": unreadable Parquet footer"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("run `elise verify " + out + " --sweep e2e --repair`, then rerun the "
                + "sweep"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());

        // 3. repair: the damaged batches and the copy go to quarantine; verify is clean
        TableVerifier.Result repaired = verify(out, true, false);
        assertEquals(3, repaired.repair().recompute());
        Path quarantine = Path.of(java.net.URI.create(repaired.repair().quarantine()));
        for (String table : List.of("runs", "curves", "replay", "robustness")) {
            for (String batch : List.of(truncated, flippedRuns, flippedReplay)) {
                assertTrue(Files.exists(quarantine.resolve(table).resolve(S).resolve("part-" + batch + ".parquet")),
                        table + " of " + batch);
            }
        }
        assertTrue(Files.exists(quarantine.resolve("runs").resolve(S).resolve("part-" + copy + ".parquet")));
        assertEquals(13, repaired.repair().filesMoved());
        TableVerifier.Result after = verify(out, false, false);
        assertTrue(after.clean(), after.problems().toString());
        assertEquals(3, after.simulations());

        // 4. the rerun recomputes exactly those, to the same numbers
        SweepSummary rerun = sweep(out);
        assertEquals(3L, rerun.computedNow().get(Status.OK));
        assertEquals(3, rerun.skipped());
        assertSameTables(clean, out);
        assertTrue(verify(out, false, false).clean());
    }

    @Test
    void aDeletedDetailPartitionIsNamedForEveryBatchAndRecomputed() throws Exception {
        Path out = copyOf(clean, "deleted");
        deleteTree(out.resolve("curves").resolve(S));

        TableVerifier.Result found = verify(out, false, false);
        assertEquals(6, found.problems().size());
        for (TableVerifier.Problem p : found.problems()) {
            assertTrue(p.file().startsWith("runs/" + S + "/part-"), p.line());
            assertEquals("its batch lacks its curves file (curves/" + S + "/" + p.file().substring(p.file().lastIndexOf('/') + 1)
                    + " missing)", p.cause());
        }
        assertThrows(DamagedTablesException.class, () -> sweep(out));

        verify(out, true, false);
        assertTrue(verify(out, false, false).clean());
        assertEquals(6L, sweep(out).computedNow().get(Status.OK));
        assertSameTables(clean, out);
    }

    @Test
    void aBaseChangeLeavesStaleRowsThatAreReportedAndPrunedExactly() throws Exception {
        Path out = copyOf(clean, "stale");
        SweepPlan edited = SweepJobTest.plan(SweepJobTest.SWEEP.replace("replay.cycles = 8", "replay.cycles = 9"));
        SweepSummary summary = SweepJob.run(SPARK, edited, new SweepJob.Options(out.toString(), false, false, 2));
        assertTrue(summary.complete());
        // honest counts: this sweep file's simulations, by key; the old ones reported, not counted
        assertEquals(6, summary.committed());
        assertEquals(6, summary.planned());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        summary.print(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(printed.toString(java.nio.charset.StandardCharsets.UTF_8).contains("sweep e2e: 6 of 6 simulations "
                + "committed (6 computed now, 0 already done)"), printed.toString());

        Set<String> old = keys(PLAN);
        Set<String> current = keys(edited);
        assertTrue(java.util.Collections.disjoint(old, current), "a base change gives every point a new id");
        StaleRows stale = summary.stale();
        assertEquals(old, stale.keys());
        assertEquals(3, stale.points());
        assertTrue(printed.toString(java.nio.charset.StandardCharsets.UTF_8).contains(
                stale.describe(edited.configHash(), summary.outputRoot(), "e2e")), printed.toString());
        TableVerifier.Result found = verify(out, false, false);
        assertTrue(found.clean(), found.problems().toString());
        assertEquals(old, found.stale().keys());
        assertEquals("the table also holds 6 simulations of 3 points that are not in the current sweep file (config "
                + edited.configHash().substring(0, 8) + "); `elise verify " + out + " --sweep e2e --prune-stale` removes "
                + "them", found.stale().describe(found.manifest().configHash(), out.toString(), "e2e"));

        TableVerifier.Result pruned = verify(out, false, true);
        assertEquals(6, pruned.repair().pruned());
        assertEquals(current, keysIn(out));
        // the replay rows left are exactly those of the current points: 5 scenarios × 5 scored cycles
        assertEquals(6 * 5 * 5, SPARK.read().parquet(out.resolve("replay").toString()).count());
        assertEquals(6 * 2, SPARK.read().parquet(out.resolve("curves").toString()).count());
        TableVerifier.Result after = verify(out, false, false);
        assertTrue(after.clean() && after.stale().keys().isEmpty(), after.toString());
        assertTrue(Files.isDirectory(Path.of(java.net.URI.create(pruned.repair().quarantine())).resolve("runs")));
    }

    // the tables of two outputs agree: runs metrics and every detail row

    private static void assertSameTables(Path expected, Path actual) {
        assertEquals(rows(expected, "runs", METRICS), rows(actual, "runs", METRICS));
        for (String table : List.of("curves", "replay", "robustness")) {
            assertEquals(rows(expected, table, "*"), rows(actual, table, "*"), table);
        }
    }

    private static List<String> rows(Path out, String table, String columns) {
        SPARK.read().parquet(out.resolve(table).toString()).createOrReplaceTempView("t");
        return SPARK.sql("SELECT " + columns + " FROM t").collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static Set<String> keys(SweepPlan plan) {
        return plan.runs().stream().map((PlannedRun r) -> r.pointId() + "/" + r.replicate()).collect(Collectors.toSet());
    }

    private static Set<String> keysIn(Path out) {
        return SPARK.read().parquet(out.resolve("runs").toString()).collectAsList().stream()
                .map(r -> r.getAs("point_id") + "/" + r.getAs("replicate")).collect(Collectors.toSet());
    }

    private static Map<String, String> keyByBatch(List<Path> runsFiles) {
        Map<String, String> m = new TreeMap<>();
        for (Path f : runsFiles) {
            Row r = SPARK.read().parquet(f.toString()).first();
            m.put(batch(f), r.getAs("point_id") + "/" + r.getAs("replicate"));
        }
        return m;
    }

    private static String runsFile(String batch) {
        return "runs/" + S + "/part-" + batch + ".parquet";
    }

    private static String batch(Path file) {
        String name = file.getFileName().toString();
        return name.substring("part-".length(), name.length() - ".parquet".length());
    }

    // damage

    private static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    /** Flips the last byte of the largest column chunk: inside a data page's payload, never a header. */
    private static void flipLastByteOfAColumnChunk(Path file) throws IOException {
        ColumnChunkMetaData largest = null;
        for (ColumnChunkMetaData c : ParquetFiles.footer(new org.apache.hadoop.fs.Path(file.toUri()),
                new Configuration()).getBlocks().get(0).getColumns()) {
            if (largest == null || c.getTotalSize() > largest.getTotalSize()) {
                largest = c;
            }
        }
        assertNotNull(largest);
        long at = largest.getStartingPos() + largest.getTotalSize() - 1;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }

    // files

    private static List<Path> partFiles(Path partition) throws IOException {
        try (Stream<Path> s = Files.list(partition)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    private static Path copyOf(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = s.toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = new ArrayList<>(s.toList());
        }
        java.util.Collections.reverse(all);
        for (Path p : all) {
            Files.delete(p);
        }
        assertFalse(Files.exists(root));
    }
}
