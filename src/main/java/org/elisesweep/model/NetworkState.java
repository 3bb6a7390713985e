package org.elisesweep.model;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything that changes while a network runs (docs/model.md §3): potentials, traces, rates,
 * weights and the contents of every delay line, plus the global step counter that positions
 * the delay lines, and the noise processes with the positions of their random streams
 * (docs/model.md §8). {@link #copy()} gives an independent deep copy, so one trained state can
 * start many disturbance scenarios ("train once, disturb many").
 *
 * <p>Delay lines are one shared rate history, {@code history[(m mod H)·N + j] = r_j(m)},
 * H a power of two above the longest delay, time-major so that a step pushes its rates in one
 * contiguous write; times before 0 read the initial φ(E_l). (Neuron-major lines, each delay
 * line contiguous in time, were measured in the step loop and in lock-step: no gain.)
 */
public final class NetworkState {
    /** The next Euler step to run (0 for a new network). */
    long step;
    /** Somatic potentials u (mV). */
    final double[] u;
    /** Dendritic potentials v (mV). */
    final double[] v;
    /** Presynaptic traces r̄. */
    final double[] trace;
    /** Somatic rates r = φ(u) of the last step. */
    final double[] rate;
    /** Delayed rates r^d for the next step. */
    final double[] delayedRate;
    /** Dendritic input s = W·r^d for the next step, computed with the weights after the last step's plasticity. */
    final double[] dendriticInput;
    /**
     * W by presynaptic rows: {@code weightRows[j][i]} = W_ij. One array per row (not EJML's flat
     * array) because the JIT vectorises the row loops only when W and s share their index
     * offset; see {@code org.elisesweep.bench.KernelBenchmark} (fusedPerRow vs fusedFlat).
     * {@link #weights()} gives W as an EJML matrix.
     */
    final double[][] weightRows;
    /**
     * Rate history, time-major, {@link #historyLength} slots of N rates. Written only by a step's
     * push, which advances {@link #step}: lock-step relies on it to keep a group's shared copy
     * from cycle to cycle ({@code LockstepLoop}).
     */
    final double[] history;
    final int historyLength;
    /** Membrane-noise processes and noise streams. */
    final NoiseState noise;

    /**
     * Pushes the rates of step t into {@code hist} (§3 steps 7 and 9): r_i = {@code rate[i·lanes + b]}
     * for neurons i in [0, n). Mutates {@code hist}.
     */
    static void push(double[] hist, int mask, long t, double[] rate, int b, int lanes, int n) {
        final int slot = (int) (t & mask);
        for (int i = 0; i < n; i++) {
            hist[slot * n + i] = rate[i * lanes + b];
        }
    }

    /**
     * The delayed rates of step {@code next} (§3 step 1): r^d_j = r_j(next − D_j + 1), into
     * {@code rd[j·lanes + b]} for j in [0, n). Writes {@code rd}.
     */
    static void delayedRates(double[] hist, int mask, long next, int[] delay, double[] rd, int b, int lanes, int n) {
        for (int j = 0; j < n; j++) {
            rd[j * lanes + b] = hist[(int) ((next - delay[j] + 1) & mask) * n + j];
        }
    }

    NetworkState(int n, int historyLength, NoiseState noise) {
        this.u = new double[n];
        this.v = new double[n];
        this.trace = new double[n];
        this.rate = new double[n];
        this.delayedRate = new double[n];
        this.dendriticInput = new double[n];
        this.weightRows = new double[n][n];
        this.historyLength = historyLength;
        this.history = new double[n * historyLength];
        this.noise = noise;
    }

    private NetworkState(NetworkState o, NoiseState noise) {
        step = o.step;
        u = o.u.clone();
        v = o.v.clone();
        trace = o.trace.clone();
        rate = o.rate.clone();
        delayedRate = o.delayedRate.clone();
        dendriticInput = o.dendriticInput.clone();
        weightRows = new double[o.weightRows.length][];
        for (int j = 0; j < weightRows.length; j++) {
            weightRows[j] = o.weightRows[j].clone();
        }
        history = o.history.clone();
        historyLength = o.historyLength;
        this.noise = noise;
    }

    /** An independent deep copy: running it never changes this state. */
    public NetworkState copy() {
        return new NetworkState(this, noise.copy());
    }

    /** An independent deep copy of everything but the noise, which becomes {@code noise}. */
    NetworkState copyWithNoise(NoiseState noise) {
        return new NetworkState(this, noise);
    }

    public int neurons() {
        return u.length;
    }

    public long step() {
        return step;
    }

    public double trace(int i) {
        return trace[i];
    }

    public double rate(int i) {
        return rate[i];
    }

    /** W_ij, the dendritic weight from j onto i. */
    public double weight(int i, int j) {
        return weightRows[j][i];
    }

    /** A copy of W with W.get(i, j) = W_ij. */
    public DMatrixRMaj weights() {
        int n = weightRows.length;
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                w.unsafe_set(i, j, weightRows[j][i]);
            }
        }
        return w;
    }

    /** Whether this and {@code o} hold bit-identical values everywhere, noise processes and streams included. */
    public boolean sameAs(NetworkState o) {
        return step == o.step && Arrays.equals(u, o.u) && Arrays.equals(v, o.v) && Arrays.equals(trace, o.trace)
                && Arrays.equals(rate, o.rate) && Arrays.equals(delayedRate, o.delayedRate)
                && Arrays.equals(dendriticInput, o.dendriticInput) && Arrays.deepEquals(weightRows, o.weightRows)
                && Arrays.equals(history, o.history) && noise.sameAs(o.noise);
    }
}
