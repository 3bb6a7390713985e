package org.elisesweep.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one simulation depends on: its results are a function of this record alone.
 *
 * @param model    network parameters
 * @param protocol training and replay protocol
 * @param pattern  the target pattern (fixes N_vis)
 * @param clamps   disturbance scenarios replayed in addition to the undisturbed one
 * @param seed     the one seed every random stream derives from (ELISE-MODEL.md §9)
 * @param noise    the noise sources of ELISE-MODEL.md §8
 */
public record SimulationSpec(ModelParams model, ProtocolParams protocol, Pattern pattern, List<Clamp> clamps,
                             long seed, NoiseParams noise) {

    public SimulationSpec {
        clamps = List.copyOf(clamps);
        List<Violation> found = new ArrayList<>();
        if (noise == null) {
            found.add(new Violation("noise", "is required"));
        } else {
            found.addAll(NoisyTeacher.violations(noise.teacher(), protocol.stepMs()));
        }
        Teacher probe = new Teacher(pattern, model, protocol.stepMs());
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Clamp c : clamps) {
            found.addAll(c.violationsFor(pattern.neurons(), model.nLat(), probe.cycleBins(), protocol));
            if (!names.add(c.name())) {
                found.add(new Violation("replay.scenarios", "scenario name '" + c.name() + "' appears twice"));
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidParametersException(found);
        }
    }

    /** A simulation without noise ({@link NoiseParams#none()}). */
    public SimulationSpec(ModelParams model, ProtocolParams protocol, Pattern pattern, List<Clamp> clamps, long seed) {
        this(model, protocol, pattern, clamps, seed, NoiseParams.none());
    }

    /** This simulation with other noise. */
    public SimulationSpec withNoise(NoiseParams other) {
        return new SimulationSpec(model, protocol, pattern, clamps, seed, other);
    }

    /** The paper's setting: defaults, Für Elise and its four clamp cases. */
    public static SimulationSpec paper(long seed) {
        ModelParams m = ModelParams.defaults();
        Pattern p = Pattern.fuerElise();
        ProtocolParams protocol = ProtocolParams.defaults();
        int bins = (int) Math.round(protocol.stepMs() / m.dt()) * p.steps();
        return new SimulationSpec(m, protocol, p, Clamp.paperCases(p.neurons(), bins, m.dt()), seed);
    }

    /** Cycles this simulation runs when nothing diverges: TC + 1 training, RC per replay scenario. */
    public long plannedCycles() {
        return protocol.trainingCycles() + 1L + (long) protocol.replayCycles() * (1 + clamps.size());
    }

    /** Euler steps this simulation runs when nothing diverges. */
    public long plannedSteps() {
        return plannedCycles() * Math.round(protocol.stepMs() / model.dt()) * pattern.steps();
    }
}
