package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.elisesweep.hdfs.MiniHdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease on a real HDFS (MiniHdfs on 127.0.0.1): atomic create-if-absent, and a second driver refused. */
class HdfsLeaseIT {
    @TempDir
    static java.nio.file.Path dir;
    private static MiniHdfs hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        hdfs = MiniHdfs.start(dir.resolve("hdfs"));
    }

    @AfterAll
    static void stopHdfs() {
        hdfs.close();
    }

    @Test
    void takersWithTheirOwnHdfsClientsRacingForOneNameGetExactlyOneWinner() throws Exception {
        int takers = 8;
        List<FileSystem> clients = new ArrayList<>();
        for (int t = 0; t < takers; t++) {
            clients.add(FileSystem.newInstance(hdfs.uri(), hdfs.configuration()));   // as separate drivers
        }
        try {
            CreateRace.assertOneWinnerPerRound(clients, round -> new Path(hdfs.uri("/race/lease-" + round)), 20);
        } finally {
            for (FileSystem fs : clients) {
                fs.close();
            }
        }
    }

    @Test
    void aDriverMeetingALiveLeaseOnHdfsIsRefusedInOneLineAndWritesNothing() throws Exception {
        java.nio.file.Path file = DriverProcess.smallSweep(dir, "held", 1);
        String out = hdfs.uri("/held-out");
        FileSystem fs = hdfs.fileSystem();
        TableLayout layout = new TableLayout(out, "held");
        try (SweepLease held = SweepLease.acquire(fs, layout, "app-of-this-test", SweepLease.Policy.DEFAULT,
                s -> { }, () -> { });
             DriverProcess d = DriverProcess.start(dir.resolve("refused.log"), DriverProcess.CONSOLE_AS_USERS_SEE_IT,
                     DriverProcess.sweepOnOneCore(file, out))) {
            assertEquals(2, d.waitFor(Duration.ofMinutes(2)), d.output());
            List<String> lines = d.output().lines().toList();
            assertEquals(1, lines.size(), d.output());
            assertTrue(lines.get(0).startsWith("error: sweep 'held' in " + out + " is being written by another driver")
                    && lines.get(0).contains("Spark application app-of-this-test"), lines.get(0));
            assertFalse(fs.exists(new Path(out + "/runs")), "the refused driver wrote nothing");
            assertEquals(held.holder().token(), SweepLease.read(fs, SweepLease.path(layout)).token());
        }
        assertFalse(fs.exists(SweepLease.path(layout)), "released");
    }
}
