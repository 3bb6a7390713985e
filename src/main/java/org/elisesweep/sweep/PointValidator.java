package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Checks, before anything runs, that points are valid simulations: each goes through
 * {@link SimulationConfig#spec}, the same validation a single run gets. A problem is blamed on
 * what set the parameter it is about, and said once however many points share it:
 * <ul>
 * <li>an axis: {@code axes[0] model.n-lat = 0: model.n-lat: must be ≥ 1 (got 0) (file: 12)};</li>
 * <li>base: {@code base.training.cycles: must be ≥ 1 (got 0) (file: 5)};</li>
 * <li>a combination (a default or base value that some axis values make invalid): the problem and
 * the first point where it occurs, e.g. {@code replay.scenarios.tonic-window: ... (at axes[1]
 * pattern.step-ms = 2.0 and at 3 other points)}.</li>
 * </ul>
 * At most {@value #MESSAGES_PER_PARAMETER} messages per parameter are listed, then how many more.
 * Sweeps of up to {@link #FULL_CHECK_LIMIT} points are checked whole (about 1 ms a point). Larger
 * ones get a deterministic selection of that many points that includes every position of every
 * axis while they fit, and a warning; a point left unchecked that is invalid fails when it runs.
 */
final class PointValidator {
    static final int FULL_CHECK_LIMIT = 2000;
    /** A sampler can put hundreds of values out of range; a few of them make the point. */
    static final int MESSAGES_PER_PARAMETER = 5;

    private final ParameterCatalog known;
    private final PointGrid grid;
    private final Map<String, String> baseOrigins;

    /** @param baseOrigins for each parameter set in base, " (file: line)" of its value */
    PointValidator(ParameterCatalog known, PointGrid grid, Map<String, String> baseOrigins) {
        this.known = known;
        this.grid = grid;
        this.baseOrigins = Map.copyOf(baseOrigins);
    }

    /** Occurrences of one problem: the first point's description and how many points have it. */
    private static final class Seen {
        final String firstPoint;
        int points;

        Seen(String firstPoint) {
            this.firstPoint = firstPoint;
        }
    }

    /**
     * Every problem of the checked points, deduplicated, in order of first occurrence; appends a
     * warning when not all points were checked.
     */
    List<String> problems(List<String> warnings) {
        List<Long> checked = selection();
        if (checked.size() < grid.size()) {
            warnings.add("checked " + checked.size() + " of " + grid.size() + " points before running ("
                    + (coversEveryPosition() ? "every position of every axis" : "a spread selection")
                    + "); an invalid point among the others fails when it runs");
        }
        List<List<String>> perPoint = checked.parallelStream().map(this::problemsOf).toList();
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            int[] positions = grid.positions(checked.get(i));
            for (String problem : perPoint.get(i)) {
                String where = blame(problem, positions);
                seen.computeIfAbsent(where, w -> new Seen(grid.describe(positions))).points++;
            }
        }
        List<String> out = new ArrayList<>();
        Map<String, Integer> perParameter = new LinkedHashMap<>();
        for (Map.Entry<String, Seen> e : seen.entrySet()) {
            String parameter = parameterOf(e.getKey());
            if (perParameter.merge(parameter, 1, Integer::sum) > MESSAGES_PER_PARAMETER) {
                continue;
            }
            Seen s = e.getValue();
            boolean everywhere = s.points == checked.size() || s.firstPoint.isEmpty();
            boolean onAxis = e.getKey().startsWith("axes[");
            out.add(e.getKey() + (everywhere || onAxis ? "" : " (at " + s.firstPoint
                    + (s.points > 1 ? " and at " + (s.points - 1) + " other points" : "") + ")"));
        }
        perParameter.forEach((parameter, n) -> {
            if (n > MESSAGES_PER_PARAMETER) {
                out.add(parameter + ": " + (n - MESSAGES_PER_PARAMETER) + " more problems like the ones above");
            }
        });
        return out;
    }

    /** The parameter a blamed problem is about ("axes[0] model.n-lat = 0: model.n-lat: ..." gives model.n-lat). */
    private String parameterOf(String blamed) {
        String problem = blamed.startsWith("axes[") ? blamed.substring(blamed.indexOf(": ") + 2)
                : blamed.startsWith("base.") ? blamed.substring("base.".length()) : blamed;
        int colon = problem.indexOf(": ");
        String owner = colon < 0 ? null : known.ownerOf(problem.substring(0, colon));
        return owner == null ? "points" : owner;
    }

    private List<String> problemsOf(long n) {
        SortedMap<String, Object> parameters = grid.parameters(grid.positions(n));
        try {
            SimulationConfig.spec(parameters, known.defaultSeed(), "point");
            return List.of();
        } catch (ConfigProblems e) {
            return e.problems();
        }
    }

    /** The problem prefixed with what set the parameter it is about. */
    private String blame(String problem, int[] positions) {
        int colon = problem.indexOf(": ");
        String owner = colon < 0 ? null : known.ownerOf(problem.substring(0, colon));
        int axis = owner == null ? -1 : grid.axisOf(owner);
        if (axis >= 0) {
            Axis a = grid.axes().get(axis);
            return a.describe(positions[axis], owner) + ": " + problem + a.origin();
        }
        if (owner != null && baseOrigins.containsKey(owner)) {
            return "base." + problem + baseOrigins.get(owner);
        }
        return problem;
    }

    /** Every point, or a deterministic selection of FULL_CHECK_LIMIT: each axis position once, then evenly spread points. */
    private List<Long> selection() {
        long size = grid.size();
        if (size <= FULL_CHECK_LIMIT) {
            return LongStream.range(0, size).boxed().toList();
        }
        LinkedHashSet<Long> chosen = new LinkedHashSet<>();
        List<Axis> axes = grid.axes();
        for (int a = 0; a < axes.size() && chosen.size() < FULL_CHECK_LIMIT; a++) {
            for (int r = 0; r < axes.get(a).size() && chosen.size() < FULL_CHECK_LIMIT; r++) {
                int[] pos = new int[axes.size()];
                for (int b = 0; b < axes.size(); b++) {
                    pos[b] = b == a ? r : r % axes.get(b).size();
                }
                chosen.add(grid.number(pos));
            }
        }
        for (long i = 0; i < FULL_CHECK_LIMIT && chosen.size() < FULL_CHECK_LIMIT; i++) {
            chosen.add(i * size / FULL_CHECK_LIMIT);
        }
        for (long n = 0; chosen.size() < FULL_CHECK_LIMIT; n++) {
            chosen.add(n);
        }
        return chosen.stream().sorted().collect(Collectors.toList());
    }

    private boolean coversEveryPosition() {
        return grid.axes().stream().mapToLong(Axis::size).sum() <= FULL_CHECK_LIMIT;
    }
}
