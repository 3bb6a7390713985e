package org.elisesweep.model;

/**
 * The noise sources of docs/model.md §8 (extension), each off by default. Immutable; each part
 * rejects out-of-range values with an {@link InvalidParametersException} naming the parameter by
 * its path ({@code noise.…}). Every source draws from its own stream of {@link RandomStreams}, so
 * changing a noise level never changes the scaffold, the delays or the initial weights.
 *
 * @param membrane Ornstein–Uhlenbeck noise in somata and dendrites
 * @param teacher  noise and timing jitter of the teacher's target
 * @param weights  weight noise and synapse deletion after training
 */
public record NoiseParams(MembraneNoise membrane, TeacherNoise teacher, WeightNoise weights) {

    public NoiseParams {
        Checks c = new Checks("noise.");
        c.require(membrane != null, "membrane", "is required").require(teacher != null, "teacher", "is required")
                .require(weights != null, "weights", "is required");
        c.throwIfAny();
    }

    /** No noise at all: the model of docs/model.md §3–6 unchanged. */
    public static NoiseParams none() {
        return new NoiseParams(new MembraneNoise(0.0, 5.0, 0.0, 0.0, NoisePhase.BOTH),
                new TeacherNoise(0.0, 5.0, 0.0, NoisePhase.BOTH),
                new WeightNoise(0.0, WeightNoiseKind.ADDITIVE, 0.0));
    }

    /**
     * Membrane noise: one Ornstein–Uhlenbeck process per neuron and compartment (stationary mean 0,
     * SD σ in mV, autocorrelation e^(−|lag|/τ)), entering the Euler update as g_l·η:
     * u_i ← u_i + dt·[… (§3 step 3)] + dt·g_l·η_i and
     * v_i ← v_i + dt·g_l·(E_l + s_i − v_i) + dt·g_l·η^d_i, i.e. η shifts the compartment's leak reversal, so that a leak-only compartment driven by slow
     * noise (τ ≫ 1/g_l) fluctuates by σ. A soma coupled to its dendrite fluctuates much less
     * (about σ·g_l/(g_l + g_den) for fast noise): see {@code NoiseTest}.
     *
     * @param sigma         σ, stationary SD of the somatic process η_i (mV); 0 = off
     * @param tau           τ, its correlation time (ms)
     * @param dendriteSigma σ_d, stationary SD of the dendritic process η^d_i (mV); 0 = off
     * @param dendriteTau   τ_d (ms); 0 = the same as {@code tau}
     * @param phase         the phases in which both processes act (outside them η is neither
     *                      applied nor advanced)
     */
    public record MembraneNoise(double sigma, double tau, double dendriteSigma, double dendriteTau,
                                NoisePhase phase) {
        public MembraneNoise {
            Checks c = new Checks("noise.membrane.");
            c.nonNegative("sigma", sigma).positive("tau", tau).nonNegative("dendrite-sigma", dendriteSigma)
                    .nonNegative("dendrite-tau", dendriteTau)
                    .require(phase != null, "phase", "must be one of training, replay, both");
            c.throwIfAny();
        }

        /** τ_d, the dendritic correlation time: {@code dendriteTau}, or {@code tau} when that is 0. */
        public double effectiveDendriteTau() {
            return dendriteTau == 0.0 ? tau : dendriteTau;
        }
    }

    /**
     * Teacher noise, redrawn for every nudged cycle: the target u_tgt,i(t) of §5 becomes
     * u_tgt,i(w(t)) + ζ_i(t), where ζ_i is an Ornstein–Uhlenbeck process (SD σ_t, correlation time
     * τ_t, started from its stationary distribution at the cycle's first step) and w a time warp
     * that moves each boundary between pattern steps k−1 and k (k = 1…K−1) by δ_k uniform in
     * [−J, J) ms and stretches the steps between them linearly. The cycle's own start and end are
     * not moved, so consecutive cycles join without a gap. The teacher conductances G^E, G^I are
     * then computed from the noisy target by the formulas of §5.
     *
     * @param sigma    σ_t, stationary SD of ζ (mV); 0 = off
     * @param tau      τ_t, correlation time of ζ (ms)
     * @param jitterMs J, largest boundary shift (ms); 0 = off; must be below half a pattern step
     * @param phase    the phases whose nudged cycles get a noisy teacher
     */
    public record TeacherNoise(double sigma, double tau, double jitterMs, NoisePhase phase) {
        public TeacherNoise {
            Checks c = new Checks("noise.teacher.");
            c.nonNegative("sigma", sigma).positive("tau", tau).nonNegative("jitter-ms", jitterMs)
                    .require(phase != null, "phase", "must be one of training, replay, both");
            c.throwIfAny();
        }

        /** Whether any teacher noise is configured. */
        public boolean enabled() {
            return sigma > 0 || jitterMs > 0;
        }
    }

    /**
     * Disturbances of the trained weights, applied once after training and before replay (so
     * every replay scenario sees them), to existing learning synapses only (never W_ii, absent
     * sparse synapses or, in the reservoir and soma-only modes, the fixed latent dendrites):
     * first noise, W_ij ← W_ij + σ_w·ξ_ij or W_ij·(1 + σ_w·ξ_ij), then deletion of
     * round(f·M) of the M learning synapses, chosen uniformly, which stay 0 through further learning.
     *
     * @param sigma          σ_w, 0 = no weight noise
     * @param kind           additive or multiplicative
     * @param deleteFraction f in [0, 1]
     */
    public record WeightNoise(double sigma, WeightNoiseKind kind, double deleteFraction) {
        public WeightNoise {
            Checks c = new Checks("noise.weights.");
            c.nonNegative("sigma", sigma)
                    .require(kind != null, "kind", "must be one of additive, multiplicative")
                    .inRange("delete-fraction", deleteFraction, 0.0, 1.0, false);
            c.throwIfAny();
        }

        /** Whether this changes any weight. */
        public boolean enabled() {
            return sigma > 0 || deleteFraction > 0;
        }
    }
}
