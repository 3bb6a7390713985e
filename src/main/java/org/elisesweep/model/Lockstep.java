package org.elisesweep.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Lock-step groups (issue 13): several simulations whose cycles run together, one
 * {@link LockstepLoop} cycle for all of them, so that the per-neuron and per-synapse work of a
 * step runs across the networks. Each simulation keeps its own protocol (training, replay,
 * scenarios, scoring) on its own thread, which only hands its cycles over: when every member
 * still running has asked for its next cycle, the last to ask runs them all, then all go on.
 * So one thread computes at a time, and a member that finishes, diverges or runs out of time
 * simply leaves the group without disturbing the others.
 *
 * <p>A member's clock ({@link Stepper#nanoTime}) counts its own time outside the common cycles and
 * an equal share of each common cycle it took part in, so time budgets and µs per step stay per
 * simulation and comparable with simulations run alone.
 */
public final class Lockstep {
    /**
     * The most neurons for which a group of 8 networks of one wiring beat the single loop
     * (LockstepBenchmark, docs/performance.md): larger networks' W no longer fit the L2 cache 8 at a
     * time.
     */
    private static final int WIDEST_LOCKSTEP = 63;
    /**
     * The width of auto's groups, and the vector length (in doubles) they need: one AVX-512 vector
     * of doubles, the only width measured faster than the single loop.
     */
    private static final int AUTO_WIDTH = 8;

    private Lockstep() {
    }

    /**
     * What simulations must share to be stepped together (a key with equals and hashCode): sizes,
     * cycle length, mode, connectivity, delays and every constant of the step. Simulations with
     * the same key are stepped together for most of their cycles; others in one group are still
     * correct, only stepped apart ({@link LockstepLoop} checks each cycle itself).
     */
    public static Object groupKey(SimulationSpec spec) {
        ModelParams m = spec.model();
        return List.of(spec.pattern().neurons(), m.nLat(), spec.pattern().steps(), spec.protocol().stepMs(), m.mode(),
                m.connectivity(), m.denDelayMax(), m.scaffoldDelayMax(), StepConstants.of(m).withUnitLearningRates());
    }

    /**
     * Which simulations draw the same delays and scaffold (a key with equals and hashCode): the
     * same seed and parameters of those, as the common random numbers of a sweep give every point
     * of a replicate that changes none of them (a sparse mask's density may differ). A group of
     * them shares one rate history, read across the networks ({@link LockstepLoop}): the only
     * lock-step that is faster than the single loop.
     */
    public static Object wiringKey(SimulationSpec spec) {
        return Wiring.delaysAndScaffoldKey(spec.model(), spec.pattern().neurons(), spec.seed());
    }

    /**
     * The group width B that LockstepBenchmark found fastest for networks of {@code neurons}
     * neurons that share their wiring, on the project's machine (docs/performance.md): the default
     * of {@code execution.lockstep}. {@value #AUTO_WIDTH} (one AVX-512 vector of doubles) up to
     * {@value #WIDEST_LOCKSTEP} neurons, else 1 (alone).
     */
    public static int defaultWidth(int neurons) {
        return neurons <= WIDEST_LOCKSTEP ? AUTO_WIDTH : 1;
    }

    /**
     * Whether this JVM steps groups with the vector kernels (the Vector API module and C2). Without
     * them a group runs plain loops, slower than each simulation alone, so an executor then runs
     * {@code execution.lockstep = auto} alone ({@link #autoStepsGroups}).
     */
    public static boolean vectorised() {
        // the module first: choosing the kernels without it prints a note; then whether the vector
        // kernels did load
        return VectorModule.USABLE && LaneKernels.best() instanceof VectorLaneKernels;
    }

    /**
     * Whether {@code execution.lockstep = auto} steps groups in this JVM: the vector kernels, with
     * vectors of {@value #AUTO_WIDTH} doubles (AVX-512), the only width at which groups were
     * measured faster than the single loop. With narrower vectors (AVX2: 4, Arm NEON: 2) auto runs every simulation
     * alone; {@code lockstep = 8} still steps groups there, with the same bits.
     */
    public static boolean autoStepsGroups() {
        return vectorised() && VectorLaneKernels.width() == AUTO_WIDTH;
    }

    /** What {@code execution.lockstep = auto} groups, in words. */
    public static String autoRule() {
        return "groups of " + AUTO_WIDTH + " simulations of one wiring, up to " + WIDEST_LOCKSTEP + " neurons";
    }

    /** One line for {@code elise --version}: what {@code execution.lockstep = auto} does in this JVM. */
    public static String describeAuto() {
        if (autoStepsGroups()) {
            return "lock-step (auto): " + autoRule();
        }
        if (!vectorised()) {
            return "lock-step (auto): off (no vector kernels)";
        }
        return "lock-step (auto): off (vectors of " + VectorLaneKernels.width() + " doubles here; groups were "
                + "measured faster only with " + AUTO_WIDTH + ")";
    }

    /**
     * Runs every job, each with its own {@link Stepper}, as one lock-step group; returns their
     * results in job order. One job runs alone on the calling thread. A job's exception is
     * rethrown here (after all have ended); an interrupt stops the group.
     */
    public static <T> List<T> run(List<? extends Function<Stepper, T>> jobs) {
        if (jobs.size() == 1) {
            return List.of(jobs.get(0).apply(Stepper.ALONE));
        }
        Group group = new Group(jobs.size());
        // written by each job's thread, read after join (which orders the two)
        Object[] out = new Object[jobs.size()];
        Throwable[] thrown = new Throwable[jobs.size()];
        Thread[] threads = new Thread[jobs.size()];
        for (int k = 0; k < jobs.size(); k++) {
            final int job = k;
            Stepper member = group.new Member(k);
            threads[k] = new Thread(() -> {
                try {
                    out[job] = jobs.get(job).apply(member);
                } catch (Throwable t) {
                    thrown[job] = t;
                } finally {
                    group.leave();
                }
            }, Thread.currentThread().getName() + "-lockstep-" + k);
            threads[k].setDaemon(true);
            threads[k].start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : threads) {
                t.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lock-step group interrupted", e);
        }
        for (Throwable t : thrown) {
            if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
            }
        }
        List<T> results = new ArrayList<>();
        for (Object r : out) {
            @SuppressWarnings("unchecked")
            T typed = (T) r;
            results.add(typed);
        }
        return results;
    }

    /**
     * Cycles of several networks run together on the calling thread, without protocol: what
     * benchmarks and tests measure. Reuses its arrays; not thread-safe.
     */
    public static final class Cycles {
        private final LockstepLoop loop = new LockstepLoop(LaneKernels.best());

        /**
         * One cycle of every network in {@code nets} ({@link Network#runCycle(Phase, boolean, Clamp, double[][])}
         * of each, without clamp), {@code records[k]} (or null) receiving network k's visible rates.
         * Returns, per network, -1 or the step at which it ran away.
         */
        public long[] run(List<Network> nets, Phase phase, boolean teacherOn, double[][][] records) {
            List<LockstepLoop.Lane> lanes = new ArrayList<>();
            for (int k = 0; k < nets.size(); k++) {
                lanes.add(new LockstepLoop.Lane(nets.get(k), phase, teacherOn, null, records == null ? null : records[k]));
            }
            loop.run(lanes);
            return lanes.stream().mapToLong(l -> l.diverged).toArray();
        }
    }

    /** The members still running and the cycles they asked for; its monitor guards both. */
    private static final class Group {
        private final LockstepLoop loop = new LockstepLoop(LaneKernels.best());
        private final List<Member> waiting = new ArrayList<>();
        private int live;

        Group(int members) {
            this.live = members;
        }

        synchronized void leave() {
            live--;
            if (live > 0 && waiting.size() == live) {
                runWaiting();
            }
        }

        /**
         * Runs the cycles every live member asked for (called holding the monitor), charges each its
         * share. Members in their order, not the order they asked in, so that a group of the same
         * members keeps its shared history from cycle to cycle ({@link LockstepLoop}).
         */
        private void runWaiting() {
            List<Member> batch = new ArrayList<>(waiting);
            batch.sort(Comparator.comparingInt(m -> m.index));
            waiting.clear();
            List<LockstepLoop.Lane> lanes = new ArrayList<>();
            for (Member m : batch) {
                lanes.add(m.lane);
            }
            long start = System.nanoTime();
            Throwable failed = null;
            try {
                loop.run(lanes);
            } catch (RuntimeException | Error e) {
                failed = e;
            }
            long share = (System.nanoTime() - start) / batch.size();
            for (Member m : batch) {
                m.charged += share;
                m.failed = failed;
                m.done = true;
            }
            notifyAll();
        }

        /** One simulation of the group: its cycles go to the group, its clock counts its share. */
        final class Member implements Stepper {
            /** Its place in the group. */
            private final int index;
            private long charged;
            private long since = System.nanoTime();
            private long stepsInGroups;
            private LockstepLoop.Lane lane;
            private boolean done;
            private Throwable failed;

            Member(int index) {
                this.index = index;
            }

            @Override
            public long nanoTime() {
                return charged + (System.nanoTime() - since);
            }

            @Override
            public long stepsInGroups() {
                return stepsInGroups;
            }

            @Override
            public long runCycle(Network net, Phase phase, boolean teacherOn, Clamp clamp, double[][] record) {
                charged += System.nanoTime() - since;
                long before = net.state().step();
                synchronized (Group.this) {
                    lane = new LockstepLoop.Lane(net, phase, teacherOn, clamp, record);
                    done = false;
                    failed = null;
                    waiting.add(this);
                    if (waiting.size() == live) {
                        runWaiting();
                    }
                    while (!done) {
                        try {
                            Group.this.wait();
                        } catch (InterruptedException e) {
                            waiting.remove(this);
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("lock-step group interrupted", e);
                        }
                    }
                }
                since = System.nanoTime();
                if (lane.grouped) {
                    stepsInGroups += net.state().step() - before;
                }
                if (failed instanceof Error e) {
                    throw e;
                } else if (failed != null) {
                    throw (RuntimeException) failed;
                }
                return lane.diverged;
            }
        }
    }
}
