package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Takers released at once to create the same file with {@link ExclusiveCreate}, round after round:
 * each round must have exactly one winner, and the file must hold the winner's content.
 */
final class CreateRace {
    private CreateRace() {
    }

    /** Taker t creates {@code target.apply(round)} through {@code clients.get(t)}. */
    static void assertOneWinnerPerRound(List<FileSystem> clients, IntFunction<Path> target, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            for (int round = 0; round < rounds; round++) {
                Path file = target.apply(round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> won = new ArrayList<>();
                for (int t = 0; t < clients.size(); t++) {
                    FileSystem fs = clients.get(t);
                    byte[] content = ("taker " + t).getBytes(StandardCharsets.UTF_8);
                    won.add(pool.submit(() -> {
                        start.await();
                        return ExclusiveCreate.create(fs, file, content);
                    }));
                }
                start.countDown();
                List<Integer> winners = new ArrayList<>();
                for (int t = 0; t < clients.size(); t++) {
                    if (won.get(t).get(60, TimeUnit.SECONDS)) {
                        winners.add(t);
                    }
                }
                assertEquals(1, winners.size(), "round " + round + ": winners " + winners);
                try (var in = clients.get(0).open(file)) {
                    assertEquals("taker " + winners.get(0), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
