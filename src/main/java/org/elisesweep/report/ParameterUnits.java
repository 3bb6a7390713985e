package org.elisesweep.report;

import java.util.Map;

/**
 * The unit of each simulation parameter (simulation-defaults.conf: mV, ms, conductances in 1/ms,
 * delays in Euler steps), for axis titles. Dimensionless parameters have none.
 */
final class ParameterUnits {
    private static final Map<String, String> BY_PATH = Map.ofEntries(
            Map.entry("pattern.step-ms", "ms"),
            Map.entry("model.n-lat", "neurons"),
            Map.entry("model.dt", "ms"),
            Map.entry("model.e-l", "mV"), Map.entry("model.e-e", "mV"), Map.entry("model.e-i", "mV"),
            Map.entry("model.threshold", "mV"), Map.entry("model.slope", "1/mV"),
            Map.entry("model.g-l", "1/ms"), Map.entry("model.g-den", "1/ms"),
            Map.entry("model.g-e0", "1/ms"), Map.entry("model.g-i0", "1/ms"),
            Map.entry("model.eta-vis", "per Euler step"), Map.entry("model.eta-lat", "per Euler step"),
            Map.entry("model.den-delay-min", "Euler steps"), Map.entry("model.den-delay-max", "Euler steps"),
            Map.entry("model.scaffold-delay-min", "Euler steps"), Map.entry("model.scaffold-delay-max", "Euler steps"),
            Map.entry("model.inhibition-extra-delay", "Euler steps"),
            Map.entry("training.cycles", "cycles"), Map.entry("training.validation-period", "cycles"),
            Map.entry("replay.cycles", "cycles"), Map.entry("replay.realign-cycles", "cycles"),
            Map.entry("noise.membrane.sigma", "mV"), Map.entry("noise.membrane.tau", "ms"),
            Map.entry("noise.membrane.dendrite-sigma", "mV"), Map.entry("noise.membrane.dendrite-tau", "ms"),
            Map.entry("noise.teacher.sigma", "mV"), Map.entry("noise.teacher.tau", "ms"),
            Map.entry("noise.teacher.jitter-ms", "ms"));

    private ParameterUnits() {
    }

    /** The unit of a parameter, or "" when it is dimensionless or not a number. */
    static String of(String path) {
        return BY_PATH.getOrDefault(path, "");
    }

    /** An axis title: the path, with its unit in parentheses when it has one. */
    static String title(String path) {
        String unit = of(path);
        return unit.isEmpty() ? path : path + " (" + unit + ")";
    }
}
