package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.elisesweep.spark.RunParameters;

/**
 * Which parameters a sweep varied, found from its {@code runs} table alone: every parameter is a
 * column there, swept or not, and a swept one has more than one distinct value. Also how the
 * swept parameters relate over the sweep's points: a zip group or a sampled block makes two
 * parameters vary one-to-one; a cartesian product of two axes makes a full grid.
 */
final class SweptAxes {
    private final List<SweptAxis> axes;
    /** The distinct combinations of the swept values, one per point: [point][axis]. */
    private final List<Object[]> design;

    private SweptAxes(List<SweptAxis> axes, List<Object[]> design) {
        this.axes = List.copyOf(axes);
        this.design = design;
    }

    /** No swept parameter: a sweep of one point. */
    static SweptAxes none() {
        return new SweptAxes(List.of(), List.of());
    }

    /** Finds the swept parameters of {@code runs} with two Spark queries. */
    static SweptAxes of(Dataset<Row> runs) {
        // 1. distinct values of every parameter column, in one pass
        List<String> columns = RunParameters.columns();
        Column[] counts = columns.stream().map(c -> countDistinct(col(c)).as(c)).toArray(Column[]::new);
        Row n = runs.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
        List<String> swept = columns.stream().filter(c -> n.<Long>getAs(c) > 1).toList();
        if (swept.isEmpty()) {
            return none();
        }

        // 2. the points' combinations of the swept values, from which each axis's values follow
        List<Row> points = runs.select(swept.stream().map(c -> col(c)).toArray(Column[]::new)).distinct()
                .collectAsList();
        List<SweptAxis> axes = new ArrayList<>();
        for (int k = 0; k < swept.size(); k++) {
            String c = swept.get(k);
            boolean numeric = runs.schema().apply(c).dataType() instanceof NumericType;
            Set<Object> values = new TreeSet<>(numeric ? Comparator.comparingDouble(v -> (Double) v)
                    : Comparator.comparing(Object::toString));
            SweptAxis untyped = new SweptAxis(c, RunParameters.pathOf(c), numeric, List.of());
            for (Row p : points) {
                values.add(untyped.valueOf(p.get(k)));
            }
            axes.add(new SweptAxis(c, untyped.path(), numeric, new ArrayList<>(values)));
        }
        List<Object[]> design = new ArrayList<>();
        for (Row p : points) {
            Object[] v = new Object[axes.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = axes.get(k).valueOf(p.get(k));
            }
            design.add(v);
        }
        return new SweptAxes(axes, design);
    }

    List<SweptAxis> all() {
        return axes;
    }

    boolean isEmpty() {
        return axes.isEmpty();
    }

    /** Number of distinct combinations of the two axes' values over the points. */
    private int pairs(SweptAxis a, SweptAxis b) {
        int i = axes.indexOf(a);
        int j = axes.indexOf(b);
        Set<List<Object>> seen = new HashSet<>();
        for (Object[] p : design) {
            seen.add(List.of(p[i], p[j]));
        }
        return seen.size();
    }

    /** The two vary together (a zip group or sampled block): each value of one goes with one value of the other. */
    boolean oneToOne(SweptAxis a, SweptAxis b) {
        int p = pairs(a, b);
        return p == a.size() && p == b.size();
    }

    /** Every combination of the two axes' values occurs: a grid (e.g. scaffold p × q). */
    boolean grid(SweptAxis a, SweptAxis b) {
        return pairs(a, b) == a.size() * b.size();
    }

    /** The axes that vary one-to-one with {@code a}. */
    List<SweptAxis> partnersOf(SweptAxis a) {
        return axes.stream().filter(b -> b != a && oneToOne(a, b)).toList();
    }

    /**
     * The axis to split a plot against {@code x} by, one line or bar colour per value: a
     * categorical or few-valued axis (at most {@code maxValues}) crossed with {@code x}, categories
     * first, then the fewest values; null when there is none. With {@code x} null, the axis to
     * split a plot of something else by (e.g. per disturbance scenario).
     */
    SweptAxis groupFor(SweptAxis x, int maxValues) {
        return axes.stream()
                .filter(g -> g != x && g.size() <= maxValues && (x == null || !oneToOne(x, g)))
                .min(Comparator.comparing((SweptAxis g) -> g.numeric()).thenComparingInt(SweptAxis::size))
                .orElse(null);
    }

    /** The axes other than those given: what a plot averages over. */
    List<SweptAxis> others(SweptAxis... shown) {
        List<SweptAxis> out = new ArrayList<>(axes);
        out.removeAll(Arrays.asList(shown));
        return out;
    }
}
