package org.elisesweep.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One axis of a sweep, whatever its kind, reduced to a table: the parameters it sets and one row
 * of their values per position. A values or range axis has one path; a zip group or sampled block
 * has several that change together. Axes combine by cartesian product.
 *
 * @param label         where the axis is in the file, e.g. {@code axes[2]}
 * @param paths         the parameters it sets
 * @param pathLocations where each path is named in the file (e.g. {@code axes[3].zip[1].path})
 * @param rows          per position, the values of {@code paths} (typed as {@link ParameterType})
 * @param origin        " (file: line)" of the axis, or ""
 */
record Axis(String label, List<String> paths, List<String> pathLocations, List<List<Object>> rows, String origin) {

    Axis {
        paths = List.copyOf(paths);
        pathLocations = List.copyOf(pathLocations);
        rows = rows.stream().map(List::copyOf).toList();
    }

    int size() {
        return rows.size();
    }

    /** "axes[2] model.eta-vis = 1.0E-4, model.eta-lat = 0.001": the axis at one position. */
    String describe(int row) {
        return label + " " + IntStream.range(0, paths.size())
                .mapToObj(k -> paths.get(k) + " = " + rows.get(row).get(k))
                .collect(Collectors.joining(", "));
    }

    /** "axes[2] model.eta-lat = 0.001": one of the axis's parameters at one position. */
    String describe(int row, String path) {
        return label + " " + path + " = " + rows.get(row).get(paths.indexOf(path));
    }

    /**
     * The first two positions whose rows are equal (compared canonically, so 0.0 = -0.0), as
     * {first, repeat}, or null when all differ. Two equal rows would make two points with one id.
     */
    static int[] firstRepeat(List<String> paths, List<List<Object>> rows) {
        ParameterCatalog known = ParameterCatalog.INSTANCE;
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            String key = IntStream.range(0, paths.size())
                    .mapToObj(k -> known.type(paths.get(k)).canonical(row.get(k)))
                    .collect(Collectors.joining("\n"));
            Integer first = seen.putIfAbsent(key, r);
            if (first != null) {
                return new int[] {first, r};
            }
        }
        return null;
    }
}
