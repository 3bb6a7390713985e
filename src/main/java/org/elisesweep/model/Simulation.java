package org.elisesweep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the protocol of docs/model.md §6 on one network: training with free-run validation,
 * then the weight disturbances of §8 (weight noise, synapse deletion), then replay of the
 * undisturbed scenario and of each clamp, every scenario starting from its own copy of the
 * (disturbed) trained state, noise state included; then scores everything (§7). Membrane and
 * teacher noise act in the phases their parameters name. Never throws for a simulation
 * that diverges, runs out of time or fails: that is reported in the result's status.
 */
public final class Simulation {
    private final SimulationSpec spec;
    private final SimulationListener listener;
    private final Stepper stepper;
    private final long deadlineNanos;
    private final long totalCycles;
    private long cyclesDone;
    private long steps;

    private Simulation(SimulationSpec spec, SimulationListener listener, long budgetNanos, long totalCycles,
                       Stepper stepper) {
        this.spec = spec;
        this.listener = listener;
        this.stepper = stepper;
        this.deadlineNanos = budgetNanos <= 0 ? Long.MAX_VALUE : stepper.nanoTime() + budgetNanos;
        this.totalCycles = totalCycles;
    }

    /** Runs {@code spec} to the end. */
    public static SimulationResult run(SimulationSpec spec, SimulationListener listener) {
        return run(spec, listener, 0);
    }

    /**
     * Runs {@code spec}; stops with status TIMEOUT once {@code budgetNanos} (≤ 0: none) of wall
     * time have passed, checked after every cycle.
     */
    public static SimulationResult run(SimulationSpec spec, SimulationListener listener, long budgetNanos) {
        return run(spec, listener, budgetNanos, null);
    }

    /**
     * As {@link #run(SimulationSpec, SimulationListener, long)}, handing the trained network to
     * {@code trained} (if not null) when training completes, before any weight disturbance or replay.
     */
    public static SimulationResult run(SimulationSpec spec, SimulationListener listener, long budgetNanos,
                                       Consumer<NetworkSnapshot> trained) {
        return run(spec, listener, budgetNanos, trained, Stepper.ALONE);
    }

    /**
     * As {@link #run(SimulationSpec, SimulationListener, long, Consumer)}, its cycles run and its
     * time counted by {@code stepper} (a member of a lock-step group, {@link Lockstep}): the same
     * results, bit for bit, except the wall time.
     */
    public static SimulationResult run(SimulationSpec spec, SimulationListener listener, long budgetNanos,
                                       Consumer<NetworkSnapshot> trained, Stepper stepper) {
        Simulation sim = new Simulation(spec, listener, budgetNanos, spec.plannedCycles(), stepper);
        return sim.execute(() -> {
            Trained t = sim.train();
            if (t.network != null && trained != null) {
                trained.accept(NetworkSnapshot.of(t.network.state(), t.curve, spec));
            }
            return t;
        });
    }

    /**
     * Runs the part of {@code spec} after training (weight disturbances, replay, scoring) on the
     * stored network {@code trained}, which must have been trained as {@code spec} trains
     * ({@link NetworkSnapshot#trainedAs}; otherwise the result has status ERROR). The result is
     * that of {@link #run} on {@code spec}, bit for bit, except for the steps and wall time, which
     * count only what ran here; its learning curve is the stored one.
     */
    public static SimulationResult replay(SimulationSpec spec, NetworkSnapshot trained, SimulationListener listener,
                                          long budgetNanos) {
        return replay(spec, trained, listener, budgetNanos, Stepper.ALONE);
    }

    /** As {@link #replay(SimulationSpec, NetworkSnapshot, SimulationListener, long)}, on {@code stepper}. */
    public static SimulationResult replay(SimulationSpec spec, NetworkSnapshot trained, SimulationListener listener,
                                          long budgetNanos, Stepper stepper) {
        Simulation sim = new Simulation(spec, listener, budgetNanos, spec.plannedCycles() - spec.trainingCycles(),
                stepper);
        return sim.execute(() -> {
            if (!trained.trainedAs(spec)) {
                throw new IllegalArgumentException("the stored network was trained with other parameters than "
                        + "this simulation's training parameters (training hash " + trained.trainingHash() + ")");
            }
            return new Trained(NetworkFactory.restore(spec, trained.state()), trained.curve(), null);
        });
    }

    private SimulationResult execute(Supplier<Trained> training) {
        long start = stepper.nanoTime();
        Outcome o;
        try {
            Trained t = training.get();
            o = t.failure != null ? t.failure : replayAll(t.network, t.curve);
        } catch (RuntimeException e) {
            o = new Outcome(Status.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    new LearningCurve(new int[0], new double[0], new double[0]), List.of(), null);
        }
        double wall = (stepper.nanoTime() - start) / 1e9;
        return new SimulationResult(o.status, o.message, steps, wall, o.curve, o.scenarios, o.weights);
    }

    private record Outcome(Status status, String message, LearningCurve curve, List<ScenarioResult> scenarios,
                           WeightSummary weights) {
    }

    /** The end of training: a trained network and its curve, or the outcome of a training that failed. */
    private record Trained(Network network, LearningCurve curve, Outcome failure) {
    }

    /** Thrown internally to unwind when the time budget is spent. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("time budget exhausted", null, false, false);
        }
    }

    /** Training (§6): one extra nudged cycle, then cycles 0..TC-1, every PF-th free for validation. */
    private Trained train() {
        ProtocolParams p = spec.protocol();
        Network net = Network.create(spec.model(), spec.pattern(), p.stepMs(), spec.seed(), spec.noise());
        int nVis = spec.pattern().neurons();
        double[][] target = net.teacher().sampledTargetRates();
        int points = (p.trainingCycles() + p.validationPeriod() - 1) / p.validationPeriod();
        LearningCurve curve = new LearningCurve(new int[points], new double[points], new double[points]);
        double[][] record = new double[nVis][net.samplesPerCycle()];
        int scored = 0;
        try {
            long diverged = cycle(net, Phase.TRAINING, true, null, null, "training");
            for (int c = 0; c < p.trainingCycles() && diverged < 0; c++) {
                boolean validation = p.isValidationCycle(c);
                diverged = cycle(net, Phase.TRAINING, !validation, null, validation ? record : null, "training");
                if (validation && diverged < 0) {
                    CycleScore s = CycleScore.unshifted(record, target);
                    curve.cycles()[scored] = c;
                    curve.mse()[scored] = s.mse();
                    curve.sumCorr()[scored] = s.sumCorr();
                    scored++;
                }
            }
            if (diverged >= 0) {
                return new Trained(null, null, new Outcome(Status.DIVERGED, "training diverged at step " + diverged,
                        curve.truncated(scored), List.of(), null));
            }
        } catch (OutOfTime e) {
            return new Trained(null, null, new Outcome(Status.TIMEOUT,
                    "time budget exhausted during training after " + steps + " steps", curve.truncated(scored),
                    List.of(), null));
        }
        return new Trained(net, curve.truncated(scored), null);
    }

    /**
     * After training: the weight disturbances of §8, then replay of the undisturbed scenario and of
     * each clamp, each from its own copy of the (disturbed) trained state; mutates {@code net}'s weights.
     */
    private Outcome replayAll(Network net, LearningCurve curve) {
        int nVis = spec.pattern().neurons();
        double[][] target = net.teacher().sampledTargetRates();
        WeightSummary weights = WeightSummary.of(net.state(), nVis);
        // weight noise and synapse deletion (§8): once, so that every scenario replays the same disturbed W
        net.perturbWeights(spec.noise().weights());

        // replay: undisturbed first, then each clamp, each from a copy of the trained state
        ShiftScan scan = new ShiftScan(target);
        List<ScenarioResult> scenarios = new ArrayList<>();
        ReplayScores undisturbed = null;
        List<Clamp> runs = new ArrayList<>();
        runs.add(null);
        runs.addAll(spec.clamps());
        Status status = Status.OK;
        StringBuilder message = new StringBuilder();
        try {
            for (Clamp clamp : runs) {
                ScenarioResult r = replay(net.copy(), clamp, scan, undisturbed);
                if (clamp == null) {
                    undisturbed = r.scores();
                }
                if (r.status() != Status.OK) {
                    status = Status.DIVERGED;
                    message.append(message.length() == 0 ? "" : "; ").append("replay '").append(r.name())
                            .append("' diverged at replay step ").append(r.divergedAt());
                }
                scenarios.add(r);
                if (clamp == null && undisturbed == null) {
                    break;   // without an undisturbed replay there is nothing to compare clamps with
                }
            }
        } catch (OutOfTime e) {
            return new Outcome(Status.TIMEOUT, "time budget exhausted during replay after " + steps + " steps",
                    curve, scenarios, weights);
        }
        return new Outcome(status, message.toString(), curve, scenarios, weights);
    }

    /** Replays one scenario on {@code net} (a copy of the trained network) and scores it. */
    private ScenarioResult replay(Network net, Clamp clamp, ShiftScan scan, ReplayScores undisturbed) {
        ProtocolParams p = spec.protocol();
        int nVis = spec.pattern().neurons();
        int samples = net.samplesPerCycle();
        String name = clamp == null ? Clamp.UNDISTURBED : clamp.name();
        double[][][] rec = new double[p.replayCycles()][nVis][samples];
        long startStep = net.state().step();
        for (int c = 0; c < p.replayCycles(); c++) {
            Clamp active = clamp != null && clamp.cycle() == c ? clamp : null;
            long diverged = cycle(net, Phase.REPLAY, c < p.realignCycles(), active, rec[c], "replay:" + name);
            if (diverged >= 0) {
                return new ScenarioResult(name, clamp, Status.DIVERGED, diverged - startStep, null, null, null);
            }
        }
        int first = p.firstScoredReplayCycle();
        int n = p.lastScoredReplayCycle() - first + 1;
        double[] mse = new double[n];
        double[] corr = new double[n];
        double[] shiftMs = new double[n];
        double sampleMs = 2 * spec.model().dt();
        double cycleMs = samples * sampleMs;
        int lastShift = 0;
        for (int k = 0; k < n; k++) {
            ShiftScan.Best best = scan.scan(rec[first + k], rec[first + k + 1]);
            mse[k] = best.mse();
            corr[k] = best.sumCorr();
            shiftMs[k] = ReplayScores.wrap(best.shift() * sampleMs, cycleMs);
            lastShift = best.shift();
        }
        ReplayScores scores = new ReplayScores(first, mse, corr, shiftMs, cycleMs);
        Robustness robustness = clamp == null || undisturbed == null ? null
                : Robustness.of(undisturbed, scores, clamp.cycle());
        return new ScenarioResult(name, clamp, Status.OK, -1, scores, robustness,
                window(rec[first + n - 1], rec[first + n], lastShift));
    }

    /** Samples [s, s + R) of two consecutive cycle recordings. */
    private static double[][] window(double[][] cycle, double[][] following, int shift) {
        int r = cycle[0].length;
        double[][] out = new double[cycle.length][r];
        for (int i = 0; i < cycle.length; i++) {
            System.arraycopy(cycle[i], shift, out[i], 0, r - shift);
            System.arraycopy(following[i], 0, out[i], r - shift, shift);
        }
        return out;
    }

    private long cycle(Network net, Phase phase, boolean teacherOn, Clamp clamp, double[][] record, String label) {
        long before = net.state().step();
        long diverged = stepper.runCycle(net, phase, teacherOn, clamp, record);
        steps += net.state().step() - before;
        cyclesDone++;
        listener.cycleDone(label, cyclesDone, totalCycles);
        if (stepper.nanoTime() > deadlineNanos) {
            throw new OutOfTime();
        }
        return diverged;
    }
}
