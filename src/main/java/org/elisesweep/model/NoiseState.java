package org.elisesweep.model;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The part of a {@link NetworkState} that belongs to the noise sources of docs/model.md §8: the
 * Ornstein–Uhlenbeck states η_i, η^d_i (mV) and the position of every noise stream. Part of the
 * state, so that a copy of a trained network replays with the same noise realisation as the
 * original would: scenarios started from one trained state differ only by their disturbance.
 */
final class NoiseState {
    /** Somatic membrane noise η_i (mV). */
    final double[] soma;
    /** Dendritic membrane noise η^d_i (mV). */
    final double[] dendrite;
    final UniformRandomProvider somaRng;
    final UniformRandomProvider dendriteRng;
    final UniformRandomProvider teacherRng;
    final UniformRandomProvider jitterRng;

    /** Zero noise, every stream at its start. */
    NoiseState(int n, RandomStreams streams) {
        this(new double[n], new double[n], streams.stream(RandomStreams.MEMBRANE_NOISE),
                streams.stream(RandomStreams.DENDRITE_NOISE), streams.stream(RandomStreams.TEACHER_NOISE),
                streams.stream(RandomStreams.TEACHER_JITTER));
    }

    /** Noise restored from stored parts (see {@link NetworkSnapshotSerializer}); takes the arrays and generators as they are. */
    static NoiseState of(double[] soma, double[] dendrite, UniformRandomProvider somaRng,
                         UniformRandomProvider dendriteRng, UniformRandomProvider teacherRng,
                         UniformRandomProvider jitterRng) {
        return new NoiseState(soma, dendrite, somaRng, dendriteRng, teacherRng, jitterRng);
    }

    private NoiseState(double[] soma, double[] dendrite, UniformRandomProvider somaRng,
                       UniformRandomProvider dendriteRng, UniformRandomProvider teacherRng,
                       UniformRandomProvider jitterRng) {
        this.soma = soma;
        this.dendrite = dendrite;
        this.somaRng = somaRng;
        this.dendriteRng = dendriteRng;
        this.teacherRng = teacherRng;
        this.jitterRng = jitterRng;
    }

    /**
     * A copy whose membrane processes are back at their start: η = η^d = 0 and their streams at
     * the beginning, as in a new network, while the teacher streams continue where they stand.
     */
    NoiseState withMembraneRestarted(RandomStreams streams) {
        return new NoiseState(new double[soma.length], new double[dendrite.length],
                streams.stream(RandomStreams.MEMBRANE_NOISE), streams.stream(RandomStreams.DENDRITE_NOISE),
                RandomStreams.copyOf(teacherRng), RandomStreams.copyOf(jitterRng));
    }

    /** An independent deep copy, generators included. */
    NoiseState copy() {
        return new NoiseState(soma.clone(), dendrite.clone(), RandomStreams.copyOf(somaRng),
                RandomStreams.copyOf(dendriteRng), RandomStreams.copyOf(teacherRng), RandomStreams.copyOf(jitterRng));
    }

    /** Whether this and {@code o} hold bit-identical noise and generators at the same positions. */
    boolean sameAs(NoiseState o) {
        return Arrays.equals(soma, o.soma) && Arrays.equals(dendrite, o.dendrite)
                && RandomStreams.sameState(somaRng, o.somaRng) && RandomStreams.sameState(dendriteRng, o.dendriteRng)
                && RandomStreams.sameState(teacherRng, o.teacherRng) && RandomStreams.sameState(jitterRng, o.jitterRng);
    }
}
