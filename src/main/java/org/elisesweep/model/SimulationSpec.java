package org.elisesweep.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one simulation depends on: its results are a function of this record alone.
 *
 * @param model    network parameters
 * @param protocol training and replay protocol
 * @param pattern  the target pattern (fixes N_vis)
 * @param clamps   disturbance scenarios replayed in addition to the undisturbed one
 * @param seed     the one seed every random stream derives from (docs/model.md §9)
 * @param noise    the noise sources of docs/model.md §8
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
        // the cycle's length only: building a Teacher (its conductances) took 0.4 ms, in the driver once per run
        int cycleBins = Teacher.cycleBins(pattern, model, protocol.stepMs());
        Set<String> names = new HashSet<>();
        for (Clamp c : clamps) {
            found.addAll(c.violationsFor(pattern.neurons(), model.nLat(), cycleBins, protocol));
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
        int bins = Teacher.cycleBins(p, m, protocol.stepMs());
        return new SimulationSpec(m, protocol, p, Clamp.paperCases(p.neurons(), bins, m.dt()), seed);
    }

    /**
     * Everything training depends on, as text: the model version, model parameters, pattern,
     * pattern step, training cycles and validation period, seed, and the membrane and teacher
     * noise where they act in training. Two specs with the same signature train to bit-identical
     * states, so one's trained network can replay the other's scenarios ({@link Simulation#replay});
     * they may differ in replay cycles, scenarios, weight disturbances and replay-only noise.
     */
    public String trainingSignature() {
        NoiseParams.MembraneNoise membrane = noise.membrane();
        boolean membraneTrains = membrane.phase().covers(Phase.TRAINING)
                && (membrane.sigma() > 0 || membrane.dendriteSigma() > 0);
        NoiseParams.TeacherNoise teacher = noise.teacher();
        boolean teacherTrains = teacher.phase().covers(Phase.TRAINING) && teacher.enabled();
        return String.join("\n", ModelVersion.ID, "model " + model,
                "pattern " + pattern.toText().replace('\n', '/'), "step-ms " + protocol.stepMs(),
                "training " + protocol.trainingCycles() + " cycles, validation every " + protocol.validationPeriod(),
                "seed " + seed, "membrane noise " + (membraneTrains ? membrane : "off in training"),
                "teacher noise " + (teacherTrains ? teacher : "off in training"));
    }

    /** Cycles simulated in training: the extra nudged cycle and TC. */
    public long trainingCycles() {
        return protocol.trainingCycles() + 1L;
    }

    /** Cycles this simulation runs when nothing diverges: TC + 1 training, RC per replay scenario. */
    public long plannedCycles() {
        return trainingCycles() + (long) protocol.replayCycles() * (1 + clamps.size());
    }

    /** Euler steps this simulation runs when nothing diverges. */
    public long plannedSteps() {
        return plannedCycles() * stepsPerCycle();
    }

    /** Euler steps this simulation runs after training (what continuing a stored network costs). */
    public long plannedStepsAfterTraining() {
        return (plannedCycles() - trainingCycles()) * stepsPerCycle();
    }

    private long stepsPerCycle() {
        return Teacher.cycleBins(pattern, model, protocol.stepMs());
    }
}
