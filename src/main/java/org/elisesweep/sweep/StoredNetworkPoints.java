package org.elisesweep.sweep;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.elisesweep.model.NetworkSnapshot;
import org.elisesweep.model.SimulationSpec;

/**
 * The points of a sweep on stored networks ({@code from-networks}): each stored network continues
 * under every point of the sweep, with the parameters it was trained with and the sweep's own
 * values for what it sets (replay.*, noise.*). Such a point is an ordinary point: its id is that
 * of a whole simulation with the same parameters, whose results it reproduces bit for bit.
 */
public final class StoredNetworkPoints {
    private StoredNetworkPoints() {
    }

    /**
     * The point that continues a network trained with {@code stored}'s parameters under
     * {@code point}: {@code stored} with {@code point}'s values of {@code overridePaths}.
     */
    public static SweepPoint combine(SortedMap<String, Object> stored, SweepPoint point,
                                     Set<String> overridePaths) {
        SortedMap<String, Object> p = new TreeMap<>(stored);
        for (String path : overridePaths) {
            p.put(path, point.parameters().get(path));
        }
        return SweepPoint.of(p);
    }

    /**
     * Why {@code point} cannot continue a network trained with seed {@code seed} whose training
     * hash ({@link NetworkSnapshot#hashOf}) is {@code trainingHash}, or null when it can.
     */
    public static String problemWith(SweepPoint point, long seed, String trainingHash) {
        SimulationSpec spec;
        try {
            spec = point.spec(seed, "point");
        } catch (ConfigProblems e) {
            return String.join("; ", e.problems());
        }
        if (!NetworkSnapshot.hashOf(spec).equals(trainingHash)) {
            return "it would train differently from the stored network: noise that acts in training cannot be added to"
                    + " a trained network (set noise.membrane.phase and noise.teacher.phase to replay)";
        }
        return null;
    }
}
