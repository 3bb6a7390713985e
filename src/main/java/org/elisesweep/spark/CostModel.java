package org.elisesweep.spark;

import com.typesafe.config.ConfigFactory;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SimulationConfig;

/**
 * A rough estimate of a simulation's wall time, used only to size tasks: Euler steps times
 * µs per step ≈ 0.4 + 3·10⁻⁴·N² for N neurons (the step loop's measured cost; see the README's
 * speed figures). Being off by a factor of two only makes tasks shorter or longer.
 */
final class CostModel {
    private CostModel() {
    }

    static double seconds(PlannedRun run) {
        SimulationSpec spec = SimulationConfig.parse(ConfigFactory.parseString(run.parametersHocon()), run.pointId());
        return seconds(spec);
    }

    static double seconds(SimulationSpec spec) {
        int n = spec.pattern().neurons() + spec.model().nLat();
        return spec.plannedSteps() * (0.4 + 3e-4 * n * n) * 1e-6;
    }
}
