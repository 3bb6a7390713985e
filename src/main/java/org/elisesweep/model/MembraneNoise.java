package org.elisesweep.model;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The membrane noise of one network (docs/model.md §8): an Ornstein–Uhlenbeck process per soma
 * and per dendrite, each kind only when its σ is above 0, whose values η_i, η^d_i (mV) live in the
 * network's {@link NoiseState} and draw from its two membrane streams. One per network, not
 * thread-safe.
 */
final class MembraneNoise {
    private final NoiseState state;
    /** The processes of soma and dendrite, null when their σ is 0. */
    private final OrnsteinUhlenbeck soma;
    private final OrnsteinUhlenbeck dendrite;
    private final ZigguratSampler.NormalizedGaussian somaGauss;
    private final ZigguratSampler.NormalizedGaussian dendriteGauss;
    private final int n;
    private final int nDendrite;
    /** dt·g_l (dimensionless): the Euler factor of the noise term g_l·η. */
    private final double dtGl;

    MembraneNoise(NoiseParams.MembraneNoise params, ModelParams m, NoiseState state, int n, int nDendrite) {
        this.state = state;
        this.soma = params.sigma() > 0 ? new OrnsteinUhlenbeck(params.sigma(), params.tau(), m.dt()) : null;
        this.dendrite = params.dendriteSigma() > 0
                ? new OrnsteinUhlenbeck(params.dendriteSigma(), params.effectiveDendriteTau(), m.dt()) : null;
        this.somaGauss = ZigguratSampler.NormalizedGaussian.of(state.somaRng);
        this.dendriteGauss = ZigguratSampler.NormalizedGaussian.of(state.dendriteRng);
        this.n = n;
        this.nDendrite = nDendrite;
        this.dtGl = m.dt() * m.gL();
    }

    boolean hasSoma() {
        return soma != null;
    }

    boolean hasDendrite() {
        return dendrite != null;
    }

    /** Draws each enabled process from its stationary distribution (§8). Mutates η, η^d and their streams. */
    void start() {
        if (soma != null) {
            soma.fillStationary(state.soma, 0, n, somaGauss);
        }
        if (dendrite != null) {
            dendrite.fillStationary(state.dendrite, 0, nDendrite, dendriteGauss);
        }
    }

    /**
     * Membrane noise of one step: advances the soma process when {@code onSoma} and the dendrite
     * process when {@code onDendrite} by dt (exactly, {@link OrnsteinUhlenbeck}) and adds its term
     * to the Euler update just made: u_i += dt·g_l·η_i for every soma, v_i += dt·g_l·η^d_i for
     * every dendrite (mV). With the Euler update this is u_i ← u_i + dt·[g_l(E_l − u_i) + … +
     * g_l·η_i], the noise term added last (so a noiseless cycle is the unchanged loop). Draws N
     * (soma) and N_dendrite (dendrite) normal deviates in ascending i from the two membrane
     * streams. Mutates {@code u}, {@code v} and the noise state. The flags must be false for a
     * process that does not exist.
     */
    void apply(double[] u, double[] v, boolean onSoma, boolean onDendrite) {
        if (onSoma) {
            final double[] eta = state.soma;
            soma.advance(eta, 0, n, somaGauss);
            for (int i = 0; i < n; i++) {
                u[i] += dtGl * eta[i];
            }
        }
        if (onDendrite) {
            final double[] eta = state.dendrite;
            dendrite.advance(eta, 0, nDendrite, dendriteGauss);
            for (int i = 0; i < nDendrite; i++) {
                v[i] += dtGl * eta[i];
            }
        }
    }
}
