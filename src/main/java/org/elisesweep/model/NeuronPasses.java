package org.elisesweep.model;

/**
 * The element-wise neuron passes of one Euler step (docs/model.md §3), shared by the loop of one
 * network ({@link StepLoop}: neurons i in [from, to)) and the lock-step loop of B networks
 * ({@link LockstepLoop}: flat indices i·B + b in [from·B, to·B)), so that both compute each
 * element with the very same expressions: that is what makes lock-step bit-identical. Each is a
 * straight loop without reduction, which C2 vectorises (longer, so better, in lock-step); φ
 * is {@link RateKernels}. Stateless; each mutates only the arrays it names
 * as written.
 */
final class NeuronPasses {
    private NeuronPasses() {
    }

    /**
     * Scaffold conductances of the latents (§3 step 2): g^E_i = Σ_k g_E0·max(r_j(t − D_E(j)), φ(E_l))
     * and g^I_i = Σ_k g_I0·max(r_j(t − D_I(j)), φ(E_l)) over the scaffold's connections k (target i,
     * source j), grouped by target, in their order ({@link StepLoop}'s scaffold arrays: the
     * target, j, D_E(j) and D_I(j)), read from the rate history {@code hist} (time-major,
     * {@code mask} = its length − 1, N = n rates a slot) at step t. Writes, for lane b
     * of {@code lanes} (1 and 0 for one network), element i·lanes + b of gE and gI of every
     * target. Each sum runs in a local from 0.0 (the bits of summing into the array), written
     * after each term, so that no chain of stores and loads runs through memory from one
     * connection to the next, and no inner loop of 0 to 4 connections mispredicts its exit.
     */
    static void scaffold(StepConstants c, double[] hist, int[] target, int[] source, int[] delayE, int[] delayI,
                         long t, int mask, int n, double[] gE, double[] gI, int lanes, int b) {
        final double gE0 = c.gE0();
        final double gI0 = c.gI0();
        final double rest = c.rest();
        final int slot = (int) (t & mask);
        double e = 0.0;
        double inh = 0.0;
        int previous = -1;
        for (int k = 0; k < target.length; k++) {
            final int to = target[k];
            final boolean first = to != previous;
            previous = to;
            e = (first ? 0.0 : e) + gE0 * Math.max(hist[((slot - delayE[k]) & mask) * n + source[k]], rest);
            inh = (first ? 0.0 : inh) + gI0 * Math.max(hist[((slot - delayI[k]) & mask) * n + source[k]], rest);
            gE[to * lanes + b] = e;
            gI[to * lanes + b] = inh;
        }
    }

    /**
     * Visible somata and dendrites (§3 steps 3–5) of one network, neurons i in [0, nVis), at
     * element i·lanes + b: u_i += dt·[g_l(E_l − u_i) + g_den(v_i − u_i) + G^E_i(E_E − u_i) +
     * G^I_i(E_I − u_i)], the teacher's terms only when {@code gExc} is not null (its conductances,
     * bin-major, from {@code tb} = bin·nVis); v*_i and v_i as for the latents. Writes u, vStar, v (mV).
     */
    static void visibleEuler(StepConstants c, double[] u, double[] v, double[] vStar, double[] input, double[] gExc,
                             double[] gInh, int tb, int nVis, int lanes, int b) {
        final double dt = c.dt();
        final double gL = c.gL();
        final double gDen = c.gDen();
        final double eL = c.eL();
        final double eE = c.eE();
        final double eI = c.eI();
        final double predGain = c.predGain();
        final double predRest = c.predRest();
        final boolean teacherOn = gExc != null;
        for (int i = 0; i < nVis; i++) {
            int k = i * lanes + b;
            double uo = u[k];
            double vo = v[k];
            double du = gL * (eL - uo) + gDen * (vo - uo);
            if (teacherOn) {
                du += gExc[tb + i] * (eE - uo) + gInh[tb + i] * (eI - uo);
            }
            u[k] = uo + dt * du;
            vStar[k] = predRest + predGain * vo;
            v[k] = vo + dt * gL * (eL + input[k] - vo);
        }
    }

    /**
     * Latent somata and dendrites (§3 steps 3–5): u_i += dt·[g_l(E_l − u_i) + g^E_i(E_E − u_i) +
     * g^I_i(E_I − u_i) + g_den(v_i − u_i)] with the old v, then v*_i from the old v and
     * v_i += dt·g_l·(E_l + s_i − v_i); without a dendrite (soma-only) the u update without its
     * g_den term, v and v* untouched. Writes u, and with a dendrite vStar and v (mV).
     */
    static void latentEuler(StepConstants c, boolean dendrite, double[] u, double[] v, double[] vStar, double[] gE,
                            double[] gI, double[] input, int from, int to) {
        final double dt = c.dt();
        final double gL = c.gL();
        final double gDen = c.gDen();
        final double eL = c.eL();
        final double eE = c.eE();
        final double eI = c.eI();
        if (dendrite) {
            // u with the old v first, then v: separate short loops, each small enough for C2 to vectorise
            for (int i = from; i < to; i++) {
                double uo = u[i];
                double du = gL * (eL - uo) + gE[i] * (eE - uo) + gI[i] * (eI - uo);
                du += gDen * (v[i] - uo);
                u[i] = uo + dt * du;
            }
            final double predGain = c.predGain();
            final double predRest = c.predRest();
            for (int i = from; i < to; i++) {
                double vo = v[i];
                vStar[i] = predRest + predGain * vo;
                v[i] = vo + dt * gL * (eL + input[i] - vo);
            }
        } else {
            for (int i = from; i < to; i++) {
                double uo = u[i];
                double du = gL * (eL - uo) + gE[i] * (eE - uo) + gI[i] * (eI - uo);
                u[i] = uo + dt * du;
            }
        }
    }

    /** Presynaptic traces (§3 step 6): r̄_i += dt·(−g_l·r̄_i + traceGain·r^d_i). Writes {@code trace}. */
    static void traces(StepConstants c, double[] trace, double[] rd, int from, int to) {
        final double dt = c.dt();
        final double gL = c.gL();
        final double traceGain = c.traceGain();
        for (int i = from; i < to; i++) {
            trace[i] += dt * (-gL * trace[i] + traceGain * rd[i]);
        }
    }

}
