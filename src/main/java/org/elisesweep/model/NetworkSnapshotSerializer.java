package org.elisesweep.model;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Kryo serializer of a {@link NetworkSnapshot} (DESIGN.md: Kryo also for trained-network
 * snapshots; Spark ships the Kryo used here). It lives in the model package because it writes the
 * state's fields one by one: a snapshot stores numbers, never class names, so it stays readable
 * whatever else changes in the code. Layout, after a format number: training hash, learning curve
 * (cycles, MSE, Σcorr), then the state (N, history length H, step, u, v, r̄, r, r^d, s, W by
 * presynaptic rows, the N·H rate history, η, η^d and the positions of the four noise streams).
 * Doubles are written as their raw bits, so a reloaded state is bit-identical.
 */
public final class NetworkSnapshotSerializer extends Serializer<NetworkSnapshot> {
    /** Bumped whenever the layout changes; reading another format is an error, not a guess. */
    public static final int FORMAT = 1;

    /** A snapshot as bytes: the format number first, then the layout above. */
    public static byte[] toBytes(NetworkSnapshot snapshot) {
        int n = snapshot.state().neurons();
        Output out = new Output(64 * n + 8 * n * (n + snapshot.state().historyLength + 8), -1);
        kryo().writeObject(out, snapshot);
        return out.toBytes();
    }

    /**
     * The snapshot {@link #toBytes} wrote.
     *
     * @throws KryoException when the bytes are of another format or cut short
     */
    public static NetworkSnapshot fromBytes(byte[] bytes) {
        return kryo().readObject(new Input(bytes), NetworkSnapshot.class);
    }

    /** A Kryo that knows only snapshots and writes no references (a snapshot has no shared parts). Cheap to make. */
    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.register(NetworkSnapshot.class, new NetworkSnapshotSerializer());
        return kryo;
    }

    @Override
    public void write(Kryo kryo, Output out, NetworkSnapshot snapshot) {
        out.writeInt(FORMAT, true);
        out.writeString(snapshot.trainingHash());
        LearningCurve c = snapshot.curve();
        out.writeInt(c.points(), true);
        out.writeInts(c.cycles());
        out.writeDoubles(c.mse());
        out.writeDoubles(c.sumCorr());
        NetworkState s = snapshot.state();
        int n = s.neurons();
        out.writeInt(n, true);
        out.writeInt(s.historyLength, true);
        out.writeLong(s.step);
        for (double[] a : new double[][] {s.u, s.v, s.trace, s.rate, s.delayedRate, s.dendriticInput}) {
            out.writeDoubles(a);
        }
        for (double[] row : s.weightRows) {
            out.writeDoubles(row);
        }
        out.writeDoubles(s.history);
        NoiseState noise = s.noise;
        out.writeDoubles(noise.soma);
        out.writeDoubles(noise.dendrite);
        for (UniformRandomProvider rng : new UniformRandomProvider[] {noise.somaRng, noise.dendriteRng,
                noise.teacherRng, noise.jitterRng}) {
            byte[] state = RandomStreams.stateBytes(rng);
            out.writeInt(state.length, true);
            out.writeBytes(state);
        }
    }

    @Override
    public NetworkSnapshot read(Kryo kryo, Input in, Class<NetworkSnapshot> type) {
        int format = in.readInt(true);
        if (format != FORMAT) {
            throw new KryoException("stored network has snapshot format " + format + "; this version reads format "
                    + FORMAT + " (train the networks again with this version)");
        }
        String hash = in.readString();
        int points = in.readInt(true);
        LearningCurve curve = new LearningCurve(in.readInts(points), in.readDoubles(points), in.readDoubles(points));
        int n = in.readInt(true);
        int historyLength = in.readInt(true);
        long step = in.readLong();
        double[][] vectors = new double[6][];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = in.readDoubles(n);
        }
        double[][] rows = new double[n][];
        for (int j = 0; j < n; j++) {
            rows[j] = in.readDoubles(n);
        }
        double[] history = in.readDoubles(n * historyLength);
        double[] soma = in.readDoubles(n);
        double[] dendrite = in.readDoubles(n);
        UniformRandomProvider[] rngs = new UniformRandomProvider[4];
        for (int k = 0; k < rngs.length; k++) {
            rngs[k] = RandomStreams.fromStateBytes(in.readBytes(in.readInt(true)));
        }
        NetworkState s = new NetworkState(n, historyLength, NoiseState.of(soma, dendrite, rngs[0], rngs[1], rngs[2], rngs[3]));
        s.step = step;
        double[][] targets = {s.u, s.v, s.trace, s.rate, s.delayedRate, s.dendriticInput};
        for (int k = 0; k < targets.length; k++) {
            System.arraycopy(vectors[k], 0, targets[k], 0, n);
        }
        for (int j = 0; j < n; j++) {
            System.arraycopy(rows[j], 0, s.weightRows[j], 0, n);
        }
        System.arraycopy(history, 0, s.history, 0, history.length);
        return new NetworkSnapshot(s, curve, hash);
    }
}
