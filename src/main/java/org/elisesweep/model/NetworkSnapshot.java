package org.elisesweep.model;

import java.util.Arrays;

/**
 * A trained network, frozen at the end of training (before the weight disturbances of §8): its
 * whole {@link NetworkState} (noise processes and stream positions included), its learning curve,
 * and a hash of the {@link SimulationSpec#trainingSignature() training signature} that produced
 * it. {@link Simulation#replay} runs new disturbance scenarios from it without training again;
 * {@link NetworkSnapshotSerializer} stores it with Kryo. Immutable: the state is copied in, and
 * whatever continues from it works on a copy.
 */
public final class NetworkSnapshot {
    private final NetworkState state;
    private final LearningCurve curve;
    private final String trainingHash;

    NetworkSnapshot(NetworkState state, LearningCurve curve, String trainingHash) {
        this.state = state;
        this.curve = curve;
        this.trainingHash = trainingHash;
    }

    /** A snapshot of {@code trained} (copied), trained under {@code spec}. */
    static NetworkSnapshot of(NetworkState trained, LearningCurve curve, SimulationSpec spec) {
        return new NetworkSnapshot(trained.copy(), curve, hashOf(spec));
    }

    /** SHA-256 (hex) of {@code spec}'s training signature. */
    public static String hashOf(SimulationSpec spec) {
        return Sha256.hex(spec.trainingSignature());
    }

    /** Whether this network was trained exactly as {@code spec} trains. */
    public boolean trainedAs(SimulationSpec spec) {
        return trainingHash.equals(hashOf(spec));
    }

    /** The state itself, for serialisation and restoring (which copy it); never to be run. */
    NetworkState state() {
        return state;
    }

    /** N, the network's neurons. */
    public int neurons() {
        return state.neurons();
    }

    /** Euler steps of the training that produced it. */
    public long trainingSteps() {
        return state.step();
    }

    public LearningCurve curve() {
        return curve;
    }

    public String trainingHash() {
        return trainingHash;
    }

    /** Whether both hold bit-identical states, curves and training hashes. */
    public boolean sameAs(NetworkSnapshot o) {
        return trainingHash.equals(o.trainingHash) && state.sameAs(o.state)
                && Arrays.equals(curve.cycles(), o.curve.cycles())
                && Arrays.equals(curve.mse(), o.curve.mse())
                && Arrays.equals(curve.sumCorr(), o.curve.sumCorr());
    }
}
