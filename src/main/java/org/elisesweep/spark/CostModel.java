package org.elisesweep.spark;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import org.elisesweep.model.Pattern;
import org.elisesweep.sweep.SimulationConfig;
import org.elisesweep.sweep.SweepPoint;

/**
 * A rough estimate of a simulation's wall time, used only to size tasks: Euler steps times
 * µs per step ≈ 0.4 + 3·10⁻⁴·N² for N neurons (the step loop's measured cost; see docs/performance.md's
 * speed figures). Being off by a factor of two only makes tasks shorter or longer.
 *
 * <p>Works on a point's typed parameters with plain arithmetic (patterns and scenario lists are
 * parsed once per distinct value), so estimating 100 000 points takes milliseconds.
 */
final class CostModel {
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, Integer> scenarioCounts = new HashMap<>();

    /** Estimated seconds of one simulation of {@code point}. */
    double seconds(SweepPoint point) {
        return seconds(point, true);
    }

    /** Estimated seconds of one simulation of {@code point}, without its training when it continues a stored network. */
    double seconds(SweepPoint point, boolean trains) {
        Map<String, Object> p = point.parameters();
        Pattern pattern = patterns.computeIfAbsent(patternKey(p), key -> SimulationConfig.pattern(p));
        int scenarios = scenarioCounts.computeIfAbsent((String) p.get("replay.scenarios"),
                list -> ConfigFactory.parseString("s = " + list).getList("s").size());
        double binsPerStep = Math.round((Double) p.get("pattern.step-ms") / (Double) p.get("model.dt"));
        long cycles = (trains ? (Integer) p.get("training.cycles") + 1L : 0L) + (long) (Integer) p.get("replay.cycles") * (1 + scenarios);
        int n = pattern.neurons() + (Integer) p.get("model.n-lat");
        return cycles * binsPerStep * pattern.steps() * (0.4 + 3e-4 * n * n) * 1e-6;
    }

    /** The point's pattern parameters, which alone decide its pattern. */
    private static String patternKey(Map<String, Object> p) {
        StringBuilder key = new StringBuilder();
        p.forEach((path, value) -> {
            if (path.startsWith("pattern.")) {
                key.append(path).append('=').append(value).append('\n');
            }
        });
        return key.toString();
    }
}
