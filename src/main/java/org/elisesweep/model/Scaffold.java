package org.elisesweep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fixed somato-somatic scaffold (docs/model.md §4): a sparse directed graph from visible
 * and latent neurons onto latent somata. Neurons are indexed 0…N_vis−1 (visible), then
 * N_vis…N−1 (latent). Immutable; stored as compressed rows of each target's sources, in the
 * order the connections were grown.
 */
public final class Scaffold {
    /** Attempts to place one connection before giving up on it (only reachable for degenerate q). */
    private static final int MAX_ATTEMPTS_PER_LATENT = 10_000;

    private final int nVis;
    private final int n;
    private final int[] sourceStart;
    private final int[] sources;

    private Scaffold(int nVis, int n, int[] sourceStart, int[] sources) {
        this.nVis = nVis;
        this.n = n;
        this.sourceStart = sourceStart;
        this.sources = sources;
    }

    /**
     * Grows a scaffold by the procedure of docs/model.md §4: sources taken from the open list,
     * out-degree 0 with probability p0, otherwise 1 + (number of successive U < p^n), targets drawn
     * among latents ≠ source and accepted with probability q^(in-degree). {@code rule} says how
     * sources and targets are picked and whether an existing connection may be added again
     * ({@link ScaffoldRule}); with {@link ScaffoldRule#ORIGINAL} a repeated connection is listed
     * twice in the target's sources, counts twice in its in-degree and drives it twice. A source
     * stops early when no latent can accept any more (all taken, or q = 0 and none left with
     * in-degree 0); as a safety net, a connection that finds no accepting target in
     * 10 000·N_lat draws is dropped. Mutates {@code rng}.
     */
    public static Scaffold grow(int nVis, int nLat, double p, double q, double p0, ScaffoldRule rule,
                                UniformRandomProvider rng) {
        boolean original = rule == ScaffoldRule.ORIGINAL;
        int n = nVis + nLat;
        List<List<Integer>> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.add(new ArrayList<>());
        }
        boolean[][] exists = new boolean[n][];
        boolean[] marked = new boolean[n];
        List<Integer> open = new ArrayList<>();
        for (int v = 0; v < nVis; v++) {
            open.add(v);
            marked[v] = true;
        }
        while (!open.isEmpty()) {
            int s = takeSource(open, rule, rng);
            exists[s] = new boolean[n];
            int degree = outDegree(p, p0, rng);
            for (int c = 0; c < degree && canAccept(s, nVis, n, q, original ? null : exists[s], in); c++) {
                for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_LATENT * nLat; attempt++) {
                    int t = nVis + pick(nLat, rule, rng);
                    if (t == s) {
                        continue;
                    }
                    boolean accept = rng.nextDouble() < StrictMath.pow(q, in.get(t).size());
                    if (accept && (original || !exists[s][t])) {
                        exists[s][t] = true;
                        in.get(t).add(s);
                        if (!marked[t]) {
                            marked[t] = true;
                            open.add(t);
                        }
                        break;
                    }
                }
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + in.get(i).size();
        }
        int[] src = new int[start[n]];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < in.get(i).size(); k++) {
                src[start[i] + k] = in.get(i).get(k);
            }
        }
        return new Scaffold(nVis, n, start, src);
    }

    /**
     * Removes a source from the open list and returns it: picked by {@link #pick}, then the last
     * source moved into its place ({@link ScaffoldRule#UNIFORM}) or the rest kept in order
     * ({@link ScaffoldRule#ORIGINAL}). Mutates {@code open} and {@code rng}.
     */
    static int takeSource(List<Integer> open, ScaffoldRule rule, UniformRandomProvider rng) {
        int pick = pick(open.size(), rule, rng);
        int s = open.get(pick);
        if (rule == ScaffoldRule.ORIGINAL) {
            open.remove(pick);
        } else {
            open.set(pick, open.get(open.size() - 1));
            open.remove(open.size() - 1);
        }
        return s;
    }

    /**
     * An index in [0, len): uniform ({@link ScaffoldRule#UNIFORM}), or round(U·(len−1)) with U
     * uniform in [0, 1) ({@link ScaffoldRule#ORIGINAL}: 0 and len−1 have half the weight of the
     * others). Mutates {@code rng}.
     */
    static int pick(int len, ScaffoldRule rule, UniformRandomProvider rng) {
        return rule == ScaffoldRule.ORIGINAL ? (int) Math.round(rng.nextDouble() * (len - 1)) : rng.nextInt(len);
    }

    /**
     * Whether some latent t ≠ s could still accept (q > 0, or in-degree 0 when q = 0) and, unless
     * {@code fromS} is null (duplicates allowed), does not have s → t yet.
     */
    private static boolean canAccept(int s, int nVis, int n, double q, boolean[] fromS, List<List<Integer>> in) {
        for (int t = nVis; t < n; t++) {
            if (t != s && (fromS == null || !fromS[t]) && (q > 0 || in.get(t).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** Out-degree of a source: 0 with probability p0; else 1, then +1 while U < p^n. */
    static int outDegree(double p, double p0, UniformRandomProvider rng) {
        if (rng.nextDouble() < p0) {
            return 0;
        }
        int degree = 1;
        while (rng.nextDouble() < StrictMath.pow(p, degree)) {
            degree++;
        }
        return degree;
    }

    public int visibleNeurons() {
        return nVis;
    }

    public int neurons() {
        return n;
    }

    /** Number of scaffold connections. */
    public int size() {
        return sources.length;
    }

    /** The sources of target i's scaffold input (empty for visible neurons). */
    public int[] sourcesOf(int i) {
        return Arrays.copyOfRange(sources, sourceStart[i], sourceStart[i + 1]);
    }

    public int inDegree(int i) {
        return sourceStart[i + 1] - sourceStart[i];
    }

    public int outDegree(int j) {
        int d = 0;
        for (int s : sources) {
            if (s == j) {
                d++;
            }
        }
        return d;
    }

    /** Whether the scaffold has j → i. */
    public boolean has(int j, int i) {
        for (int k = sourceStart[i]; k < sourceStart[i + 1]; k++) {
            if (sources[k] == j) {
                return true;
            }
        }
        return false;
    }

    /** Compressed rows for the step loop: sources of i are sources[start[i] … start[i+1]). Do not modify. */
    int[] sourceStartArray() {
        return sourceStart;
    }

    int[] sourceArray() {
        return sources;
    }
}
