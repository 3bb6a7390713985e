package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-writer lease on a local file system: atomic creation, refusal, staleness, waiting, loss. */
class SweepLeaseTest {
    private static final SweepLease.Policy FAST = SweepLease.Policy.DEFAULT.staleAfter(Duration.ofSeconds(3));

    private final FileSystem fs = local();

    private static FileSystem local() {
        try {
            return FileSystem.getLocal(new Configuration());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TableLayout layout(java.nio.file.Path dir) {
        return new TableLayout(dir.toUri().toString(), "s");
    }

    private SweepLease take(TableLayout layout, SweepLease.Policy policy, List<String> said) throws Exception {
        return SweepLease.acquire(fs, layout, "app-" + Thread.currentThread().getId(), policy, said::add, () -> { });
    }

    @Test
    void manyTakersRacingForOneNameGetExactlyOneWinnerWhoseContentIsTheFile(@TempDir java.nio.file.Path dir)
            throws Exception {
        CreateRace.assertOneWinnerPerRound(java.util.Collections.nCopies(16, fs),
                round -> new Path(dir.toUri().toString(), "lease-" + round), 40);
        try (var files = java.nio.file.Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".draft")), "drafts left behind");
        }
    }

    @Test
    void aSecondDriverIsRefusedNamingTheHolderAndTheFirstReleasesOnClose(@TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        try (SweepLease first = take(layout, FAST, new ArrayList<>())) {
            LeaseHeldException e = assertThrows(LeaseHeldException.class, () -> take(layout, FAST, new ArrayList<>()));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("Spark application " + first.holder().sparkApplication()), e.getMessage());
            assertTrue(e.getMessage().matches(".*heartbeat \\d+ s ago.*--wait.*"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertFalse(fs.exists(SweepLease.path(layout)), "the lease is removed on close");
        try (SweepLease again = take(layout, FAST, new ArrayList<>())) {
            assertNull(again.lost());
        }
    }

    @Test
    void theHolderRenewsItsHeartbeatSoALiveLeaseNeverGoesStale(@TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        try (SweepLease first = take(layout, FAST, new ArrayList<>())) {
            Thread.sleep(FAST.staleAfter().toMillis() + 1500);   // longer than the stale limit
            assertThrows(LeaseHeldException.class, () -> take(layout, FAST, new ArrayList<>()));
            assertNull(first.lost());
        }
    }

    /** A driver killed with SIGKILL leaves its lease with a heartbeat that no longer moves. */
    private void leaveCrashedLease(TableLayout layout, long ageMillis) throws Exception {
        leaveLease(layout, new SweepLease.Holder("elsewhere", 999_999, "app-dead", "2026-01-01T00:00:00Z", "dead-token"),
                ageMillis);
    }

    private void leaveLease(TableLayout layout, SweepLease.Holder dead, long ageMillis) throws Exception {
        Path path = SweepLease.path(layout);
        fs.mkdirs(path.getParent());
        try (var out = fs.create(path, true)) {
            out.write(new ObjectMapper().writeValueAsBytes(dead));
        }
        fs.setTimes(path, System.currentTimeMillis() - ageMillis, -1);
    }

    @Test
    void aStaleLeaseIsTakenOverWithAWarningByExactlyOneOfSeveralTakers(@TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        leaveCrashedLease(layout, 10_000);
        int takers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        List<String> said = new CopyOnWriteArrayList<>();
        List<SweepLease> holders = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int t = 0; t < takers; t++) {
            attempts.add(pool.submit((Callable<Void>) () -> {
                start.await();
                try {
                    holders.add(take(layout, FAST, said));
                } catch (LeaseHeldException refused) {
                    // the others find the new, live lease
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : attempts) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1, holders.size(), "holders " + holders.size());
        assertTrue(said.stream().anyMatch(s -> s.startsWith("warning: taking over the stale lease of sweep 's'")
                && s.contains("pid 999999")), String.valueOf(said));
        assertEquals(holders.get(0).holder().token(), SweepLease.read(fs, SweepLease.path(layout)).token());
        holders.get(0).close();
    }

    @Test
    void aLeaseOfAProcessOfThisHostThatEndedIsTakenOverAtOnce(@TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        leaveLease(layout, new SweepLease.Holder(host, ended.pid(), "local-1764585600000",
                java.time.Instant.now().toString(), "dead-token"), 0);
        List<String> said = new ArrayList<>();
        try (SweepLease got = take(layout, SweepLease.Policy.DEFAULT, said)) {   // stale only after 60 s
            assertEquals(got.holder().token(), SweepLease.read(fs, SweepLease.path(layout)).token());
        }
        assertEquals(1, said.size(), String.valueOf(said));
        assertTrue(said.get(0).contains("pid " + ended.pid()) && said.get(0).contains("no longer runs on this host"),
                said.get(0));
    }

    @Test
    void theLeaseOfAnEndedClusterDriverWaitsForItsStaleLimitSinceItsExecutorsMayStillCommit(
            @TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        leaveLease(layout, new SweepLease.Holder(host, ended.pid(), "app-20261201113106-0001",
                java.time.Instant.now().toString(), "dead-token"), 0);
        assertThrows(LeaseHeldException.class, () -> take(layout, FAST, new ArrayList<>()));
        fs.setTimes(SweepLease.path(layout), System.currentTimeMillis() - 10_000, -1);   // now stale
        try (SweepLease got = take(layout, FAST, new ArrayList<>())) {
            assertNull(got.lost());
        }
    }

    @Test
    void aWaitingDriverGetsTheLeaseWhenTheHolderFinishes(@TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        List<String> said = new CopyOnWriteArrayList<>();
        SweepLease first = take(layout, FAST, new ArrayList<>());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<SweepLease> second = pool.submit(() -> take(layout, FAST.waiting(true), said));
        Thread.sleep(1500);
        assertFalse(second.isDone(), "the second driver waits while the first holds the lease");
        first.close();
        try (SweepLease got = second.get(30, TimeUnit.SECONDS)) {
            assertEquals(got.holder().token(), SweepLease.read(fs, SweepLease.path(layout)).token());
        }
        pool.shutdown();
        assertEquals(1, said.size(), String.valueOf(said));
        assertTrue(said.get(0).startsWith("waiting for the lease of sweep 's' held by host "), said.get(0));
    }

    @Test
    void aHolderWhoseLeaseWasTakenNoticesAtItsNextRenewal(@TempDir java.nio.file.Path dir) throws Exception {
        TableLayout layout = layout(dir);
        CountDownLatch lost = new CountDownLatch(1);
        SweepLease first = SweepLease.acquire(fs, layout, "app-1", FAST, s -> { }, lost::countDown);
        leaveCrashedLease(layout, 0);   // someone replaced it (as a taker does after a long pause of ours)
        assertTrue(lost.await(10, TimeUnit.SECONDS), "onLost ran");
        assertNotNull(first.lost());
        assertTrue(first.lost().contains("taken over by host elsewhere, pid 999999"), first.lost());
        first.close();
        assertEquals("dead-token", SweepLease.read(fs, SweepLease.path(layout)).token(), "close leaves another's lease");
    }
}
