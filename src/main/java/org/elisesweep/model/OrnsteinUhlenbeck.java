package org.elisesweep.model;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The exact discretisation of an Ornstein–Uhlenbeck process (docs/model.md §8),
 * dη = −(η/τ)·dt + σ·sqrt(2/τ)·dW: stationary mean 0, SD σ, autocorrelation e^(−|lag|/τ).
 * Over a step Δ: η ← η·e^(−Δ/τ) + σ·sqrt(1 − e^(−2Δ/τ))·ξ, ξ standard normal, which keeps
 * these statistics exactly for any Δ (no Euler error). Immutable; the state η belongs to the caller.
 */
final class OrnsteinUhlenbeck {
    private final double sigma;
    /** e^(−Δ/τ). */
    private final double decay;
    /** σ·sqrt(1 − e^(−2Δ/τ)), written with expm1 so that it stays accurate for Δ ≪ τ. */
    private final double kick;

    /**
     * @param sigma stationary SD σ (mV)
     * @param tau   correlation time τ (ms), > 0
     * @param step  Δ (ms)
     */
    OrnsteinUhlenbeck(double sigma, double tau, double step) {
        this.sigma = sigma;
        this.decay = StrictMath.exp(-step / tau);
        this.kick = sigma * StrictMath.sqrt(-StrictMath.expm1(-2 * step / tau));
    }

    /** η one step later, given the normal deviate ξ. */
    double next(double eta, double xi) {
        return decay * eta + kick * xi;
    }

    /** A draw from the stationary distribution N(0, σ²), given ξ. */
    double stationary(double xi) {
        return sigma * xi;
    }

    /** Advances η_i for i in [from, to) by one step, one draw per i in ascending order. Mutates {@code eta}. */
    void advance(double[] eta, int from, int to, NormalizedGaussianSampler gauss) {
        for (int i = from; i < to; i++) {
            eta[i] = next(eta[i], gauss.sample());
        }
    }

    /** Sets η_i for i in [from, to) to independent stationary draws. Mutates {@code eta}. */
    void fillStationary(double[] eta, int from, int to, NormalizedGaussianSampler gauss) {
        for (int i = from; i < to; i++) {
            eta[i] = stationary(gauss.sample());
        }
    }
}
