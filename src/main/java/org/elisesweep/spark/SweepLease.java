package org.elisesweep.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The one-writer lease of a sweep's output: {@code <root>/_leases/sweep=<name>.lease}, a small JSON
 * file naming its holder, created atomically if absent ({@link ExclusiveCreate}). Its modification
 * time is the heartbeat, renewed every {@link Policy#renewEvery()} by a daemon thread; a lease whose
 * heartbeat is older than {@link Policy#staleAfter()} belongs to a driver that died and is taken over.
 *
 * <p>Takeover of a stale lease: the taker first creates {@code <lease>.takeover-<token>} atomically, so
 * that of several takers of one stale lease only one proceeds; it then checks that the lease is still
 * that stale one, deletes it and creates its own as any taker does. A holder that was only paused
 * (not dead) for longer than the stale limit finds at its next renewal that the lease is no longer
 * its own and reports it {@linkplain #lost() lost}; the sweep then stops.
 */
public final class SweepLease implements AutoCloseable {
    /**
     * @param renewEvery how often the holder renews its heartbeat
     * @param staleAfter heartbeat age after which the lease is taken over
     * @param waits      wait for a live lease instead of refusing at once
     */
    public record Policy(Duration renewEvery, Duration staleAfter, boolean waits) {
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(10), Duration.ofSeconds(60), false);

        public Policy {
            if (staleAfter.compareTo(renewEvery.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("the stale limit (" + staleAfter.toSeconds()
                        + " s) must be at least twice the renewal interval (" + renewEvery.toSeconds() + " s)");
            }
        }

        public Policy waiting(boolean w) {
            return new Policy(renewEvery, staleAfter, w);
        }

        /** Stale after {@code limit}, renewed six times within it (at most every 10 s). */
        public Policy staleAfter(Duration limit) {
            Duration renew = limit.dividedBy(6);
            return new Policy(renew.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : renew, limit, waits);
        }
    }

    /** What the lease file holds. */
    public record Holder(String host, long pid, String sparkApplication, String startedAt, String token) {
        String describe() {
            return "host " + host + ", pid " + pid + ", Spark application " + sparkApplication + ", started " + startedAt;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path path;
    private final Holder mine;
    private final ScheduledExecutorService heartbeat;
    private final Runnable onLost;
    private volatile String lostReason;

    private SweepLease(FileSystem fs, Path path, Holder mine, Duration renewEvery, Runnable onLost) {
        this.fs = fs;
        this.path = path;
        this.mine = mine;
        this.onLost = onLost;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "elise-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Where the lease of {@code sweep} under {@code outputRoot} lives. */
    static Path path(TableLayout layout) {
        return new Path(new Path(layout.root(), "_leases"), "sweep=" + layout.sweep() + ".lease");
    }

    /**
     * Takes the lease of the sweep of {@code layout}, taking over a stale one (with a warning) and, with
     * {@link Policy#waits()}, waiting for a live one.
     *
     * @param say    receives the one-line warnings and the "waiting for" notice
     * @param onLost run (on the heartbeat thread) when a renewal finds the lease is no longer this driver's
     * @throws LeaseHeldException when another driver holds a live lease and the policy does not wait
     */
    static SweepLease acquire(FileSystem fs, TableLayout layout, String sparkApplication, Policy policy,
                              Consumer<String> say, Runnable onLost) throws IOException, InterruptedException {
        Path path = path(layout);
        fs.mkdirs(path.getParent());
        Holder mine = new Holder(hostName(), ProcessHandle.current().pid(), sparkApplication, Instant.now().toString(),
                UUID.randomUUID().toString());
        byte[] content = JSON.writeValueAsBytes(mine);
        boolean announcedWait = false;
        while (true) {
            if (ExclusiveCreate.create(fs, path, content)) {
                return new SweepLease(fs, path, mine, policy.renewEvery(), onLost);
            }
            Holder held = read(fs, path);
            Long age = heartbeatAge(fs, path);
            if (held == null || age == null) {   // vanished, or still being written by its taker
                Thread.sleep(100);
                continue;
            }
            Duration heartbeat = Duration.ofMillis(age);
            boolean gone = goneFromThisHost(held);
            if (gone || heartbeat.compareTo(policy.staleAfter()) > 0) {
                say.accept("warning: taking over the stale lease of sweep '" + layout.sweep() + "' (" + held.describe()
                        + "; " + (gone ? "that process no longer runs on this host"
                        : "last heartbeat " + heartbeat.toSeconds() + " s ago, stale after "
                        + policy.staleAfter().toSeconds() + " s") + "); its unfinished batches are recomputed");
                takeOver(fs, path, held, policy);
                continue;
            }
            if (!policy.waits()) {
                throw new LeaseHeldException(layout.sweep(), layout.root().toString(), held, heartbeat);
            }
            if (!announcedWait) {
                say.accept("waiting for the lease of sweep '" + layout.sweep() + "' held by " + held.describe()
                        + " (heartbeat " + heartbeat.toSeconds() + " s ago)");
                announcedWait = true;
            }
            Thread.sleep(Math.min(1000, policy.renewEvery().toMillis()));
        }
    }

    /** Removes {@code stale} if, once this taker alone is taking it over, it is still that stale lease. */
    private static void takeOver(FileSystem fs, Path path, Holder stale, Policy policy) throws IOException {
        Path marker = new Path(path.getParent(), path.getName() + ".takeover-" + stale.token());
        if (!ExclusiveCreate.create(fs, marker, new byte[0])) {
            return;   // another taker is on it
        }
        try {
            Holder now = read(fs, path);
            Long age = heartbeatAge(fs, path);
            if (now != null && now.token().equals(stale.token()) && age != null
                    && (age > policy.staleAfter().toMillis() || goneFromThisHost(now))) {
                fs.delete(path, false);
            }
        } finally {
            fs.delete(marker, false);
        }
    }

    /**
     * Whether the holder was an embedded ({@code local[…]}) driver of this host that has ended (its pid
     * runs no process, or one started after the lease): its executors ran in its own JVM and ended
     * with it, so nothing of it can still commit, and a driver killed here need not wait out the stale
     * limit. A cluster driver's executors may finish a task after their driver died: its lease is
     * only taken over once stale.
     */
    private static boolean goneFromThisHost(Holder holder) {
        if (!holder.host().equals(hostName()) || !holder.sparkApplication().startsWith("local-")) {
            return false;
        }
        var process = ProcessHandle.of(holder.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        var started = process.get().info().startInstant();
        try {
            return started.isPresent() && started.get().isAfter(Instant.parse(holder.startedAt()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The holder named by the lease file, or null when there is none or it is still being written. */
    static Holder read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? null : JSON.readValue(new String(bytes, StandardCharsets.UTF_8), Holder.class);
        } catch (FileNotFoundException e) {
            return null;
        } catch (JsonProcessingException e) {
            return null;   // partly written (HDFS shows a file being written as empty or short)
        }
    }

    private static Long heartbeatAge(FileSystem fs, Path path) throws IOException {
        try {
            return Math.max(0, System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime());
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** Renews the heartbeat if the lease is still this driver's; otherwise marks it lost. */
    private void renew() {
        try {
            Holder now = read(fs, path);
            if (now == null || !now.token().equals(mine.token())) {
                lostReason = now == null ? "the lease file " + path + " was removed"
                        : "the lease was taken over by " + now.describe();
                heartbeat.shutdown();
                onLost.run();
                return;
            }
            fs.setTimes(path, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // a missed renewal is retried; the stale limit is several renewals long
        }
    }

    /** Null while this driver holds the lease; otherwise why it no longer does. */
    public String lost() {
        return lostReason;
    }

    Holder holder() {
        return mine;
    }

    /** Stops renewing and removes the lease if it is still this driver's. */
    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        Holder now = read(fs, path);
        if (now != null && now.token().equals(mine.token())) {
            fs.delete(path, false);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
