package org.elisesweep.sweep;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.model.Sha256;
import org.elisesweep.model.SimulationSpec;

/**
 * One point of the sweep: its canonical id and its parameters.
 *
 * @param pointId    {@link #idOf}{@code (parameters, role)}
 * @param parameters every simulation parameter (each entry of the {@link ParameterCatalog} except
 *                   {@code seed}, which is chosen per replicate), typed as the catalog types it:
 *                   Integer, Double, Boolean, String ({@code replay.scenarios} as its canonical
 *                   JSON text); a pattern file is inlined into {@code pattern.inline} while
 *                   {@code pattern.source} keeps its name
 * @param role       the point's {@link SensitivityRole} in a sensitivity design (its text), or null
 */
public record SweepPoint(String pointId, SortedMap<String, Object> parameters, String role) {

    public SweepPoint {
        Objects.requireNonNull(pointId, "pointId");
        parameters = PointParameters.copyOf(parameters);
    }

    /** A point that has no role in a sensitivity design. */
    public SweepPoint(String pointId, SortedMap<String, Object> parameters) {
        this(pointId, parameters, null);
    }

    /** The point of these parameters (every point parameter, typed as {@link #parameters()} are). */
    public static SweepPoint of(SortedMap<String, Object> parameters) {
        return of(parameters, null);
    }

    /** The point of these parameters with a role in a sensitivity design (null: none). */
    static SweepPoint of(SortedMap<String, Object> parameters, String role) {
        return new SweepPoint(idOf(parameters, role), parameters, role);
    }

    /**
     * This point's simulation with {@code seed}, through the validation every point gets
     * ({@link SimulationConfig#spec}).
     *
     * @param source names the simulation in messages
     * @throws ConfigProblems when the parameters are not a valid simulation
     */
    public SimulationSpec spec(long seed, String source) {
        return SimulationConfig.spec(parameters, seed, source);
    }

    /**
     * The canonical id of a point: the first 16 hex digits of the SHA-256 of
     * <pre>
     * ModelVersion.ID "\n"
     * path "=" value "\n"     (for every parameter, in sorted path order)
     * </pre>
     * where a value is rendered by its parameter's type ({@link ParameterType#canonical}): whole
     * numbers in decimal, doubles by their exact bits ({@code Double.toHexString}, so 30 and 30.0
     * are the same for a double parameter), strings JSON-quoted. Left out: {@code seed} (a point's
     * replicates share its id), and {@code pattern.source} when {@code pattern.inline} is set (a
     * pattern counts by its content, not by the file it came from).
     *
     * <p>So the id changes with any parameter, with a changed default, and with the model version
     * (so that results of two model versions are never mixed), and not with key order, number
     * formatting, or anything about how the sweep runs.
     */
    public static String idOf(SortedMap<String, Object> parameters) {
        return idOf(parameters, null);
    }

    /**
     * The id of a point with a role in a sensitivity design: as {@link #idOf(SortedMap)} with the
     * line {@code "role=" role "\n"} appended, so that two roles with equal parameters (e.g. an
     * A_B^i row whose rounded value equals A's) are two points.
     */
    public static String idOf(SortedMap<String, Object> parameters, String role) {
        ParameterCatalog known = ParameterCatalog.INSTANCE;
        Object inline = parameters.get(ParameterCatalog.PATTERN_INLINE);
        boolean byContent = inline instanceof String s && !s.isBlank();
        StringBuilder text = new StringBuilder(ModelVersion.ID).append('\n');
        SortedMap<String, Object> sorted = parameters.comparator() == null ? parameters
                : PointParameters.copyOf(parameters);
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String path = e.getKey();
            if (path.equals(ParameterCatalog.SEED) || byContent && path.equals(ParameterCatalog.PATTERN_SOURCE)) {
                continue;
            }
            ParameterType type = known.isKnown(path) ? known.type(path) : ParameterType.STRING;
            text.append(path).append('=').append(type.canonical(e.getValue())).append('\n');
        }
        if (role != null) {
            text.append("role=").append(role).append('\n');
        }
        return Sha256.hex(text.toString()).substring(0, 16);
    }
}
