package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.KryoException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Trained-network snapshots ("train once, disturb many", docs/model.md §8): a snapshot stored
 * with Kryo and reloaded replays exactly as the in-memory network of a whole simulation, also
 * under disturbances the stored run never had.
 */
class NetworkSnapshotTest {
    private static final long SEED = 21;

    private static SimulationSpec spec(NoiseParams noise, List<Clamp> clamps, int replayCycles, double etaLat) {
        ModelParams m = ModelParams.defaults().toBuilder().nLat(15).etaLat(etaLat).build();
        return new SimulationSpec(m, new ProtocolParams(60, 20, replayCycles, 3, 10.0), Pattern.fuerElise(), clamps,
                SEED, noise);
    }

    private static SimulationSpec plain() {
        return spec(NoiseParams.none(), List.of(new Clamp("silence", 4, 0, 2500, 0, 12, 0)), 8, 1e-3);
    }

    /** Training plus the replay-only disturbances of §8 a stored network can get later. */
    private static SimulationSpec disturbedInReplay() {
        NoiseParams none = NoiseParams.none();
        NoiseParams noise = new NoiseParams(new NoiseParams.MembraneNoise(0.0, 5.0, 1.5, 0.0, NoisePhase.REPLAY),
                new NoiseParams.TeacherNoise(1.0, 5.0, 0.0, NoisePhase.REPLAY),
                new NoiseParams.WeightNoise(0.05, WeightNoiseKind.MULTIPLICATIVE, 0.1));
        List<Clamp> clamps = List.of(new Clamp("tonic", 5, 900, 1500, 0, 12, 15.0),
                new Clamp("latent-half", 4, 0, 2500, Population.LATENT, 0, 14, 0.5, 0.0));
        return spec(noise, clamps, 10, 1e-3);
    }

    private static NetworkSnapshot trainAndCapture(SimulationSpec spec, List<SimulationResult> result) {
        AtomicReference<NetworkSnapshot> captured = new AtomicReference<>();
        result.add(Simulation.run(spec, SimulationListener.NONE, 0, captured::set));
        return captured.get();
    }

    private static byte[] store(NetworkSnapshot s) {
        return NetworkSnapshotSerializer.toBytes(s);
    }

    private static NetworkSnapshot load(byte[] bytes) {
        return NetworkSnapshotSerializer.fromBytes(bytes);
    }

    @Test
    void aStoredNetworkReloadedReplaysBitIdenticallyToTheWholeSimulation() {
        List<SimulationResult> whole = new ArrayList<>();
        NetworkSnapshot trained = trainAndCapture(plain(), whole);
        assertEquals(Status.OK, whole.get(0).status());

        NetworkSnapshot reloaded = load(store(trained));
        assertTrue(reloaded.sameAs(trained));
        SimulationResult replayed = Simulation.replay(plain(), reloaded, SimulationListener.NONE, 0);

        ResultBits.assertSameResults(whole.get(0), replayed);
        // only replay ran: 2 scenarios × 8 cycles of 2500 steps, against 61 + 16 cycles for the whole run
        assertEquals(2L * 8 * 2500, replayed.steps());
        assertEquals(whole.get(0).steps() - 61L * 2500, replayed.steps());
    }

    @Test
    void newDisturbancesOnAStoredNetworkEqualAWholeSimulationWithThem() {
        // trained without any noise; replayed later with replay-only membrane and teacher noise,
        // weight noise, deletion and other clamps: a whole simulation with those gives the same bits
        NetworkSnapshot trained = load(store(trainAndCapture(plain(), new ArrayList<>())));
        SimulationSpec later = disturbedInReplay();
        assertEquals(plain().trainingSignature(), later.trainingSignature());

        SimulationResult fromStored = Simulation.replay(later, trained, SimulationListener.NONE, 0);
        SimulationResult whole = Simulation.run(later, SimulationListener.NONE);
        ResultBits.assertSameResults(whole, fromStored);
        // and the disturbances did something: the undisturbed replay differs from the noise-free one
        SimulationResult quiet = Simulation.replay(plain(), trained, SimulationListener.NONE, 0);
        assertNotEquals(quiet.scenario(Clamp.UNDISTURBED).scores().meanSumCorr(),
                fromStored.scenario(Clamp.UNDISTURBED).scores().meanSumCorr());
    }

    @Test
    void replayingNeverChangesTheSnapshot() {
        NetworkSnapshot trained = trainAndCapture(plain(), new ArrayList<>());
        byte[] before = store(trained);
        Simulation.replay(disturbedInReplay(), trained, SimulationListener.NONE, 0);
        SimulationResult again = Simulation.replay(plain(), trained, SimulationListener.NONE, 0);
        assertArrayEquals(before, store(trained));
        ResultBits.assertSameResults(Simulation.run(plain(), SimulationListener.NONE), again);
    }

    @Test
    void aNetworkTrainedOtherwiseIsRefusedAsAnErrorResult() {
        NetworkSnapshot trained = trainAndCapture(plain(), new ArrayList<>());
        SimulationSpec otherRate = spec(NoiseParams.none(), List.of(), 8, 2e-3);
        assertNotEquals(plain().trainingSignature(), otherRate.trainingSignature());
        assertFalse(trained.trainedAs(otherRate));

        SimulationResult r = Simulation.replay(otherRate, trained, SimulationListener.NONE, 0);
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("trained with other parameters"), r.message());
        assertEquals(0, r.steps());
    }

    @Test
    void membraneNoiseThatActsInTrainingIsPartOfTheTrainingSignature() {
        NoiseParams none = NoiseParams.none();
        for (NoisePhase phase : NoisePhase.values()) {
            NoiseParams noisy = new NoiseParams(new NoiseParams.MembraneNoise(0.0, 5.0, 1.0, 0.0, phase),
                    none.teacher(), none.weights());
            boolean trains = phase != NoisePhase.REPLAY;
            assertEquals(!trains, spec(noisy, List.of(), 8, 1e-3).trainingSignature().equals(plain().trainingSignature()),
                    "phase " + phase);
        }
    }

    @Test
    void anotherSnapshotFormatIsRejectedWithAClearMessage() {
        byte[] bytes = store(trainAndCapture(plain(), new ArrayList<>()));
        bytes[0] = (byte) (NetworkSnapshotSerializer.FORMAT + 1);   // the format number comes first, varint
        KryoException e = assertThrows(KryoException.class, () -> load(bytes));
        assertTrue(e.getMessage().contains("snapshot format " + (NetworkSnapshotSerializer.FORMAT + 1)), e.getMessage());
    }
}
