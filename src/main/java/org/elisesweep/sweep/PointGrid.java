package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.PatternFormatException;

/**
 * The points of a sweep: the cartesian product of its axes over its fixed parameters. Point n has
 * one position per axis, the first axis varying slowest (like nested loops in file order), and
 * its parameters are the defaults, overridden by {@code base}, overridden by its axes' values,
 * with a pattern file inlined by content.
 */
final class PointGrid {
    private final List<Axis> axes;
    private final SortedMap<String, Object> fixed;
    private final PatternFiles patterns;
    private final Map<String, Integer> axisOfPath = new HashMap<>();
    private final long size;

    /**
     * @param axes  the axes, none sharing a path
     * @param fixed every parameter not on an axis: the defaults overridden by base
     */
    PointGrid(List<Axis> axes, SortedMap<String, Object> fixed, PatternFiles patterns) {
        this.axes = List.copyOf(axes);
        this.fixed = new TreeMap<>(fixed);
        this.patterns = patterns;
        long n = 1;
        for (int a = 0; a < axes.size(); a++) {
            n = n > Long.MAX_VALUE / axes.get(a).size() ? Long.MAX_VALUE : n * axes.get(a).size();
            for (String path : axes.get(a).paths()) {
                axisOfPath.put(path, a);
            }
        }
        this.size = n;
    }

    List<Axis> axes() {
        return axes;
    }

    /** The number of points: the product of the axes' sizes (1 without axes; Long.MAX_VALUE when larger). */
    long size() {
        return size;
    }

    /** The index of the axis that varies {@code path}, or -1. */
    int axisOf(String path) {
        return axisOfPath.getOrDefault(path, -1);
    }

    /** Point n's position on each axis (mixed radix, last axis fastest). */
    int[] positions(long n) {
        int[] pos = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int len = axes.get(a).size();
            pos[a] = (int) (n % len);
            n /= len;
        }
        return pos;
    }

    /** The point number of a position vector; inverse of {@link #positions}. */
    long number(int[] positions) {
        long n = 0;
        for (int a = 0; a < axes.size(); a++) {
            n = n * axes.get(a).size() + positions[a];
        }
        return n;
    }

    /** "axes[0] model.n-lat = 20, axes[1] model.lambda = 0.5": a point by its axis values ("" without axes). */
    String describe(int[] positions) {
        return IntStream.range(0, axes.size()).mapToObj(a -> axes.get(a).describe(positions[a]))
                .collect(Collectors.joining(", "));
    }

    /** Every parameter of the point at these positions. */
    SortedMap<String, Object> parameters(int[] positions) {
        SortedMap<String, Object> p = new TreeMap<>(fixed);
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            List<Object> row = axis.rows().get(positions[a]);
            for (int k = 0; k < axis.paths().size(); k++) {
                p.put(axis.paths().get(k), row.get(k));
            }
        }
        inlinePattern(p);
        return p;
    }

    /** The point at these positions, with its id and HOCON text. */
    SweepPoint point(int[] positions) {
        SortedMap<String, Object> p = parameters(positions);
        return SweepPoint.of(p);
    }

    /** Every point, in order. */
    List<SweepPoint> points() {
        List<SweepPoint> out = new ArrayList<>((int) size);
        for (long n = 0; n < size; n++) {
            out.add(point(positions(n)));
        }
        return out;
    }

    /**
     * Puts the pattern into {@code pattern.inline} by content: a pattern file's canonical text,
     * or an inline pattern's (so that layout and comments do not change the id). A built-in
     * pattern stays a name; a malformed inline pattern stays as written, for validation to report.
     */
    private void inlinePattern(SortedMap<String, Object> p) {
        String inline = (String) p.get(ParameterCatalog.PATTERN_INLINE);
        String source = (String) p.get(ParameterCatalog.PATTERN_SOURCE);
        if (!inline.isBlank()) {
            try {
                p.put(ParameterCatalog.PATTERN_INLINE, Pattern.parse(source, inline).toText());
            } catch (PatternFormatException e) {
                // left as written; SimulationConfig reports it with its path
            }
        } else if (!PatternFiles.isBuiltIn(source)) {
            p.put(ParameterCatalog.PATTERN_INLINE, patterns.inlineText(source));
        }
    }
}
