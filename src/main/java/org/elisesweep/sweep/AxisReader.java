package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Reads one entry of a sweep file's {@code axes} list (explicit values, a linear or log range, a
 * zip group, or a sampled block) into an {@link Axis}. Every problem is collected, prefixed with
 * where it is (e.g. {@code axes[2].values[1]}) and followed by its file and line, so that one
 * pass reports them all.
 *
 * <p>Integer parameters: explicit values must be whole numbers; values from a range or a sampler
 * are rounded to the nearest whole number, which a warning says, and two positions that round to
 * the same number are an error (they would be one point twice).
 */
final class AxisReader {
    private static final List<String> RANGE_KINDS = List.of("values", "linear", "log");
    private static final List<String> PATH_AXIS_KEYS = List.of("path", "values", "linear", "log");
    private static final List<String> ZIP_KEYS = List.of("zip");
    private static final List<String> SAMPLE_KEYS = List.of("sample", "count", "seed", "ranges");
    private static final List<String> RANGE_KEYS = List.of("from", "to", "count");
    private static final List<String> SAMPLE_RANGE_KEYS = List.of("path", "from", "to", "log");

    private final ParameterCatalog known;
    private final PatternFiles patterns;
    private final List<String> problems;
    private final List<String> warnings;
    private final PointBudget budget;

    /** Appends to {@code problems} and {@code warnings}; counts each axis read into {@code budget}. */
    AxisReader(ParameterCatalog known, PatternFiles patterns, List<String> problems, List<String> warnings,
               PointBudget budget) {
        this.known = known;
        this.patterns = patterns;
        this.problems = problems;
        this.warnings = warnings;
        this.budget = budget;
    }

    /** One parameter's values along an axis, before they become an {@link Axis} (alone or zipped). */
    private record Column(String path, String pathLocation, List<Object> values) {
    }

    /**
     * The axis {@code axes[index]}, or null when its points cannot be known (the problems say why);
     * an axis that would make the sweep larger than its budget is not built.
     */
    Axis read(ConfigValue item, int index) {
        Axis axis = axis(item, index);
        if (axis != null) {
            budget.add(axis.size());
        }
        return axis;
    }

    private Axis axis(ConfigValue item, int index) {
        String at = "axes[" + index + "]";
        if (item.valueType() != ConfigValueType.OBJECT) {
            problems.add(at + ": expected an axis object such as { path = model.n-lat, values = [20, 30] }, found "
                    + item.render(ConfigRenderOptions.concise()) + StrictReader.originOf(item));
            return null;
        }
        Config obj = ((ConfigObject) item).toConfig();
        String origin = StrictReader.originOf(item);
        if (obj.hasPath("zip")) {
            return zip(obj, at, origin);
        }
        if (obj.hasPath("sample")) {
            return sample(obj, at, origin);
        }
        Column column = column(obj, at, "an axis");
        if (column == null) {
            return null;
        }
        String kind = RANGE_KINDS.stream().filter(obj::hasPath).findFirst().orElseThrow();
        BiFunction<Integer, Integer, String> repeat = kind.equals("values")
                ? (i, j) -> at + ".values[" + j + "]: repeats values[" + i + "]"
                : (i, j) -> at + "." + kind + ": values " + i + " and " + j + " (from 0) are equal after rounding to whole"
                        + " numbers; use a smaller count or explicit values";
        return distinct(new Axis(at, List.of(column.path()), List.of(column.pathLocation()),
                column.values().stream().map(List::of).toList(), origin), repeat);
    }

    /** A path with values, linear or log: a simple axis or a zip member. */
    private Column column(Config obj, String at, String what) {
        StrictReader in = new StrictReader(obj);
        in.rejectUnknownKeys(PATH_AXIS_KEYS, what);
        problems.addAll(in.problemsUnder(at));
        List<String> kinds = RANGE_KINDS.stream().filter(obj::hasPath).toList();
        String path = path(obj, at);
        if (kinds.isEmpty()) {
            problems.add(at + ": " + what + " needs values = [...], linear { from, to, count } or log { from, to, count }"
                    + (what.equals("an axis") ? " with a path, or is a zip = [...] or sample = ... block" : "")
                    + StrictReader.originOf(obj.root()));
            return null;
        }
        if (kinds.size() > 1) {
            problems.add(at + ": give one of values, linear, log; found " + String.join(" and ", kinds)
                    + StrictReader.originOf(obj.root()));
            return null;
        }
        if (path == null) {
            return null;
        }
        String kind = kinds.get(0);
        List<Object> values = kind.equals("values")
                ? values(obj.getValue("values"), at + ".values", path)
                : range(obj.getValue(kind), at + "." + kind, kind.equals("log"), path);
        return values == null ? null : new Column(path, at + ".path", values);
    }

    /** The simulation parameter named at {@code at}.path, or null with a problem. */
    String path(Config obj, String at) {
        if (!obj.hasPath("path")) {
            if (!obj.hasPathOrNull("path")) {
                problems.add(at + ": missing path, the simulation parameter to vary (e.g. path = model.n-lat)"
                        + StrictReader.originOf(obj.root()));
            } else {
                problems.add(at + ".path: is null; expected a simulation parameter such as model.n-lat");
            }
            return null;
        }
        StrictReader in = new StrictReader(obj);
        String path = in.getString("path");
        if (!in.problems().isEmpty()) {
            problems.addAll(in.problemsUnder(at));
            return null;
        }
        String origin = StrictReader.originOf(obj.getValue("path"));
        if (path.equals(ParameterCatalog.SEED)) {
            problems.add(at + ".path: seed cannot vary; each simulation's seed comes from the sweep's seed, replicates"
                    + " and seeding" + origin);
            return null;
        }
        if (!known.isKnown(path)) {
            problems.add(at + ".path: unknown parameter '" + path + "'" + known.suggestion(path) + origin);
            return null;
        }
        return path;
    }

    /** Explicit values, each converted to the parameter's type. */
    private List<Object> values(ConfigValue list, String at, String path) {
        if (list.valueType() != ConfigValueType.LIST) {
            problems.add(at + ": expected a list of values, found " + list.render(ConfigRenderOptions.concise())
                    + StrictReader.originOf(list));
            return null;
        }
        ConfigList items = (ConfigList) list;
        if (items.isEmpty()) {
            problems.add(at + ": is empty; an axis needs at least one value" + StrictReader.originOf(list));
            return null;
        }
        if (!budget.admits(at, items.size(), problems)) {
            return null;
        }
        ParameterType type = known.type(path);
        List<Object> out = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < items.size(); i++) {
            ConfigValue item = items.get(i);
            String where = at + "[" + i + "]: ";
            try {
                Object value = type.convert(item);
                String patternProblem = path.equals(ParameterCatalog.PATTERN_SOURCE)
                        ? patterns.problemWith((String) value) : null;
                if (patternProblem != null) {
                    problems.add(where + patternProblem + StrictReader.originOf(item));
                }
                out.add(value);
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage() + " for " + path + StrictReader.originOf(item));
            }
        }
        return problems.size() == before ? out : null;
    }

    /** A linear or log range { from, to, count } of a numeric parameter. */
    private List<Object> range(ConfigValue value, String at, boolean log, String path) {
        if (value.valueType() != ConfigValueType.OBJECT) {
            problems.add(at + ": expected { from = ..., to = ..., count = ... }, found "
                    + value.render(ConfigRenderOptions.concise()) + StrictReader.originOf(value));
            return null;
        }
        Config r = ((ConfigObject) value).toConfig();
        ParameterType type = known.type(path);
        if (!type.isNumeric()) {
            problems.add(at + ": " + path + " is not a number; a range needs a numeric parameter (use values = [...])"
                    + StrictReader.originOf(value));
            return null;
        }
        StrictReader in = new StrictReader(r);
        in.rejectUnknownKeys(RANGE_KEYS, "a range");
        double from = in.getDouble("from");
        double to = in.getDouble("to");
        long count = in.getLong("count");
        if (in.problems().isEmpty()) {
            if (count < 1) {
                in.problem("count", "must be ≥ 1 (got " + count + ")");
            } else if (count == 1 && from != to) {
                in.problem("count", "must be ≥ 2 for a range from " + from + " to " + to
                        + " (count = 1 only with from = to)");
            } else if (count > 1 && from == to) {
                in.problem("count", "must be 1 when from = to (" + from + "); more would repeat the same value");
            }
            if (log && from <= 0) {
                in.problem("from", "must be > 0 for a log range (got " + from + ")");
            }
            if (log && to <= 0) {
                in.problem("to", "must be > 0 for a log range (got " + to + ")");
            }
        }
        if (!in.problems().isEmpty()) {
            problems.addAll(in.problemsUnder(at));
            return null;
        }
        if (!budget.admits(at + ".count", count, problems)) {
            return null;
        }
        List<Double> raw = new ValueRange(from, to, (int) count, log).values();
        List<Object> out = raw.stream().map(type::fromNumber).toList();
        warnIfRounded(at.substring(0, at.lastIndexOf('.')) + " " + path, at.substring(at.lastIndexOf('.') + 1)
                + " range", raw, out);
        return out;
    }

    /** Parameters that vary together: member k's i-th value goes with every other member's i-th. */
    private Axis zip(Config obj, String at, String origin) {
        StrictReader in = new StrictReader(obj);
        in.rejectUnknownKeys(ZIP_KEYS, "a zip axis (its members name their paths)");
        problems.addAll(in.problemsUnder(at));
        ConfigValue value = obj.getValue("zip");
        if (value.valueType() != ConfigValueType.LIST || ((ConfigList) value).size() < 2) {
            problems.add(at + ".zip: expected a list of at least two axes to vary together, e.g. zip = [ { path = a,"
                    + " values = [1, 2] }, { path = b, values = [3, 4] } ]" + StrictReader.originOf(value));
            return null;
        }
        ConfigList members = (ConfigList) value;
        List<Column> columns = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            String memberAt = at + ".zip[" + k + "]";
            ConfigValue m = members.get(k);
            if (m.valueType() != ConfigValueType.OBJECT || ((ConfigObject) m).containsKey("zip")
                    || ((ConfigObject) m).containsKey("sample")) {
                problems.add(memberAt + ": a zip member is one parameter with values, linear or log, e.g."
                        + " { path = model.eta-lat, values = [1e-3, 2e-3] }" + StrictReader.originOf(m));
                columns.add(null);
                continue;
            }
            columns.add(column(((ConfigObject) m).toConfig(), memberAt, "a zip member"));
        }
        if (columns.contains(null)) {
            return null;
        }
        int n = columns.get(0).values().size();
        if (columns.stream().anyMatch(c -> c.values().size() != n)) {
            problems.add(at + ".zip: members have different lengths ("
                    + columns.stream().map(c -> c.path() + " has " + c.values().size()).collect(Collectors.joining(", "))
                    + "); zipped parameters vary together, so each needs the same number of values" + origin);
            return null;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int row = i;
            rows.add(columns.stream().map(c -> c.values().get(row)).toList());
        }
        return distinct(new Axis(at, columns.stream().map(Column::path).toList(),
                columns.stream().map(Column::pathLocation).toList(), rows, origin),
                (i, j) -> at + ".zip: rows " + i + " and " + j + " (from 0) are identical");
    }

    /** A sampled block: {@code count} points of a random, Latin-hypercube or Sobol design over ranges. */
    private Axis sample(Config obj, String at, String origin) {
        StrictReader in = new StrictReader(obj);
        in.rejectUnknownKeys(SAMPLE_KEYS, "a sample block");
        Sampler sampler = in.getChoice("sample", Sampler.allowed(), Sampler::parse, null);
        long count = 0;
        if (!obj.hasPath("count")) {
            in.problem("count", "missing; a sample block needs count, the number of points to sample");
        } else {
            count = in.getLong("count");
            if (in.problems().isEmpty() && count < 1) {
                in.problem("count", "must be ≥ 1 (got " + count + ")");
            }
        }
        long seed = obj.hasPath("seed") ? in.getLong("seed") : 0L;
        problems.addAll(in.problemsUnder(at));
        List<SampledRange> ranges = sampledRanges(obj, at);
        if (sampler == null || ranges == null || !in.problems().isEmpty()) {
            return null;
        }
        if (sampler == Sampler.SOBOL && ranges.size() > Sampler.SOBOL_MAX_DIMENSIONS) {
            problems.add(at + ".ranges: a Sobol block has at most " + Sampler.SOBOL_MAX_DIMENSIONS + " ranges" + origin);
            return null;
        }
        if (!budget.admits(at + ".count", count, problems)) {
            return null;
        }
        return sampled(sampler, (int) count, seed, ranges, at, origin);
    }

    /** The block's {@code count} points, mapped from the unit cube onto its ranges. */
    private Axis sampled(Sampler sampler, int count, long seed, List<SampledRange> ranges, String at, String origin) {
        if (sampler == Sampler.SOBOL && !Sampler.isPowerOfTwo(count)) {
            int lower = Integer.highestOneBit(count);
            warnings.add(at + ": sobol count " + count + " is not a power of two; a Sobol sequence is balanced only over"
                    + " 2^m points (use " + lower + " or " + 2L * lower + ")");
        }
        double[][] unit = sampler.unitCube(count, ranges.size(), seed);
        List<List<Object>> rows = new ArrayList<>();
        for (double[] u : unit) {
            List<Object> row = new ArrayList<>();
            for (int d = 0; d < ranges.size(); d++) {
                row.add(ranges.get(d).type().fromNumber(ranges.get(d).range().at(u[d])));
            }
            rows.add(row);
        }
        for (int d = 0; d < ranges.size(); d++) {
            if (ranges.get(d).type() == ParameterType.INTEGER) {
                warnings.add(at + " " + ranges.get(d).path() + ": sampled values rounded to whole numbers (an integer"
                        + " parameter), so the sampler's stratification holds only approximately");
            }
        }
        return distinct(new Axis(at, ranges.stream().map(SampledRange::path).toList(),
                ranges.stream().map(SampledRange::pathLocation).toList(), rows, origin),
                (i, j) -> at + ": samples " + i + " and " + j + " (from 0) are identical after rounding to whole numbers;"
                        + " lower count or widen the ranges");
    }

    /** One dimension of a sampled block. */
    record SampledRange(String path, String pathLocation, ParameterType type, ValueRange range) {
    }

    /** The {@code ranges} of a sampled block (or a sensitivity section) at {@code at}, or null with problems. */
    List<SampledRange> sampledRanges(Config obj, String at) {
        if (!obj.hasPath("ranges") || obj.getValue("ranges").valueType() != ConfigValueType.LIST
                || ((ConfigList) obj.getValue("ranges")).isEmpty()) {
            problems.add(at + ".ranges: expected a non-empty list such as [ { path = model.scaffold.p, from = 0.1,"
                    + " to = 0.4 } ]" + (obj.hasPath("ranges") ? StrictReader.originOf(obj.getValue("ranges"))
                            : StrictReader.originOf(obj.root())));
            return null;
        }
        ConfigList items = (ConfigList) obj.getValue("ranges");
        List<SampledRange> out = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            String rangeAt = at + ".ranges[" + k + "]";
            ConfigValue item = items.get(k);
            if (item.valueType() != ConfigValueType.OBJECT) {
                problems.add(rangeAt + ": expected { path = ..., from = ..., to = ..., log = false }, found "
                        + item.render(ConfigRenderOptions.concise()) + StrictReader.originOf(item));
                out.add(null);
                continue;
            }
            out.add(sampledRange(((ConfigObject) item).toConfig(), rangeAt));
        }
        return out.contains(null) ? null : out;
    }

    private SampledRange sampledRange(Config r, String at) {
        StrictReader in = new StrictReader(r);
        in.rejectUnknownKeys(SAMPLE_RANGE_KEYS, "a sampled range");
        problems.addAll(in.problemsUnder(at));
        String path = path(r, at);
        if (path != null && !known.type(path).isNumeric()) {
            problems.add(at + ".path: " + path + " is not a number; samplers need numeric parameters"
                    + StrictReader.originOf(r.getValue("path")));
            path = null;
        }
        in = new StrictReader(r);
        double from = in.getDouble("from");
        double to = in.getDouble("to");
        boolean log = r.hasPath("log") && in.getBoolean("log");
        if (in.problems().isEmpty()) {
            if (!(to > from)) {
                in.problem("to", "must be greater than from (" + from + "), got " + to);
            }
            if (log && from <= 0) {
                in.problem("from", "must be > 0 for a log range (got " + from + ")");
            }
        }
        problems.addAll(in.problemsUnder(at));
        if (path == null || !in.problems().isEmpty()) {
            return null;
        }
        // only ValueRange.at is used: the sampler chooses the fractions along the range
        return new SampledRange(path, at + ".path", known.type(path), new ValueRange(from, to, 2, log));
    }

    /** The axis, or null with a problem when two of its positions are the same (they would be one point twice). */
    private Axis distinct(Axis axis, BiFunction<Integer, Integer, String> repeatMessage) {
        int[] repeat = Axis.firstRepeat(axis.paths(), axis.rows());
        if (repeat == null) {
            return axis;
        }
        problems.add(repeatMessage.apply(repeat[0], repeat[1]) + " (" + axis.describe(repeat[1])
                + "); the positions of an axis must differ, or two points would be one" + axis.origin());
        return null;
    }

    private void warnIfRounded(String what, String kind, List<Double> raw, List<Object> rounded) {
        boolean changed = false;
        for (int i = 0; i < raw.size(); i++) {
            changed |= ((Number) rounded.get(i)).doubleValue() != raw.get(i);
        }
        if (changed) {
            warnings.add(what + ": " + kind + " rounded to whole numbers (an integer parameter): "
                    + rounded.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }
}
