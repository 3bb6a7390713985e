package org.elisesweep.model;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The teacher of one nudged cycle under teacher noise (docs/model.md §8, see
 * {@link NoiseParams.TeacherNoise}): each {@link #draw} makes a fresh noisy target
 * u_tgt,i(w(t)) + ζ_i(t) and its conductances G^E, G^I (§5). Holds the scratch arrays of one
 * network; the random streams are in the network's {@link NoiseState}.
 */
final class NoisyTeacher {
    private final Teacher teacher;
    private final NoiseParams.TeacherNoise params;
    private final OrnsteinUhlenbeck ou;
    private final double dt;
    /** This cycle's boundary shifts δ_k (ms), k = 0…K; δ_0 = δ_K = 0. */
    private final double[] shiftsMs;
    /** This cycle's boundaries p_k = k·B + δ_k/dt (bins). */
    private final double[] boundaries;
    private final double[] uTarget;
    private final double[] gExc;
    private final double[] gInh;

    /** @throws InvalidParametersException when the jitter could swap two boundaries (J ≥ L/2) */
    NoisyTeacher(Teacher teacher, NoiseParams.TeacherNoise params, double dt) {
        List<Violation> found = violations(params, teacher.binsPerStep() * dt);
        if (!found.isEmpty()) {
            throw new InvalidParametersException(found);
        }
        this.teacher = teacher;
        this.params = params;
        this.ou = new OrnsteinUhlenbeck(params.sigma(), params.tau(), dt);
        this.dt = dt;
        int steps = teacher.cycleBins() / teacher.binsPerStep();
        this.shiftsMs = new double[steps + 1];
        this.boundaries = new double[steps + 1];
        int size = teacher.cycleBins() * teacher.visibleNeurons();
        this.uTarget = new double[size];
        this.gExc = new double[size];
        this.gInh = new double[size];
    }

    /** Range checks that need the pattern step L (ms): J < L/2 keeps the boundaries in order. */
    static List<Violation> violations(NoiseParams.TeacherNoise params, double stepMs) {
        Checks c = new Checks("noise.teacher.");
        c.require(params.jitterMs() < stepMs / 2, "jitter-ms", "must be below half a pattern step, "
                + stepMs / 2 + " ms (got " + params.jitterMs() + ")");
        return c.violations();
    }

    /**
     * Draws this cycle's target: first the boundary shifts δ_1…δ_{K−1} = J·(2U − 1) (U uniform in
     * [0, 1), from the jitter stream, only when J > 0) and the warped clean target; then, when
     * σ_t > 0, per visible neuron i (ascending) an OU trace over the cycle's bins from the teacher
     * stream, ζ_i(0) stationary, added to it; then G^E and G^I. Advances the streams of {@code noise}.
     */
    void draw(NoiseState noise) {
        int bins = teacher.binsPerStep();
        int steps = boundaries.length - 1;
        double[] clean = teacher.targetArray();
        if (params.jitterMs() > 0) {
            UniformRandomProvider rng = noise.jitterRng;
            for (int k = 0; k <= steps; k++) {
                shiftsMs[k] = k == 0 || k == steps ? 0.0 : params.jitterMs() * (2 * rng.nextDouble() - 1);
                boundaries[k] = k * bins + shiftsMs[k] / dt;
            }
            teacher.warpedTargets(boundaries, uTarget);
        } else {
            System.arraycopy(clean, 0, uTarget, 0, clean.length);
        }
        if (params.sigma() > 0) {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(noise.teacherRng);
            int nVis = teacher.visibleNeurons();
            for (int i = 0; i < nVis; i++) {
                double zeta = ou.stationary(gauss.sample());
                uTarget[i] += zeta;
                for (int b = 1; b < teacher.cycleBins(); b++) {
                    zeta = ou.next(zeta, gauss.sample());
                    uTarget[b * nVis + i] += zeta;
                }
            }
        }
        teacher.conductances(uTarget, gExc, gInh);
    }

    /** This cycle's boundary shifts δ_0…δ_K (ms), a copy. */
    double[] boundaryShiftsMs() {
        return shiftsMs.clone();
    }

    /** This cycle's noisy target, bin-major (mV): do not modify. */
    double[] targetArray() {
        return uTarget;
    }

    /** This cycle's G^E, bin-major: do not modify. */
    double[] excitationArray() {
        return gExc;
    }

    /** This cycle's G^I, bin-major: do not modify. */
    double[] inhibitionArray() {
        return gInh;
    }
}
