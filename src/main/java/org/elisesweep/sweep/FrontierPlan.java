package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated frontier sweep ({@link FrontierFile}): the searched parameter and how to search
 * ({@link FrontierSpec}), the configurations to search it for (the points of the file's other
 * axes), and the probes as ordinary points: a probe is its configuration with the searched
 * parameter set, so its id depends on its parameters only and its replicates take the seeds of
 * the file's seeding (with common seeding, every configuration's probes share them).
 */
public final class FrontierPlan {
    /**
     * One configuration.
     *
     * @param index      its place in file order (the first axis varying slowest)
     * @param id         the point id of its parameters without the searched one ({@link SweepPoint#idOf})
     * @param parameters every parameter but the searched one
     */
    public record Configuration(int index, String id, SortedMap<String, Object> parameters) {
    }

    private final FrontierSpec spec;
    private final SweepPlan ends;
    private final String configHash;
    private final List<String> warnings;
    private final List<Configuration> configurations = new ArrayList<>();
    private final ParameterType type;
    /** The clamp scenario's field searched, or null when the searched path is a parameter. */
    private final ScenarioField field;

    /**
     * @param ends the file's points with the searched parameter at the ends of its range, each
     *             configuration's two ends in turn
     */
    FrontierPlan(FrontierSpec spec, SweepPlan ends, String configHash, List<String> warnings) {
        this.spec = Objects.requireNonNull(spec);
        this.ends = ends;
        this.configHash = configHash;
        this.warnings = List.copyOf(warnings);
        this.field = ScenarioField.isOne(spec.path()) ? ScenarioField.of(spec.path()) : null;
        this.type = field != null ? field.type() : ParameterCatalog.INSTANCE.type(spec.path());
        for (int k = 0; k < ends.points().size(); k += 2) {
            SortedMap<String, Object> p = new TreeMap<>(ends.points().get(k).parameters());
            p.remove(spec.path());
            configurations.add(new Configuration(k / 2, SweepPoint.idOf(p), p));
        }
    }

    public String name() {
        return ends.name();
    }

    public String sourceFile() {
        return ends.sourceFile();
    }

    public FrontierSpec spec() {
        return spec;
    }

    public List<Configuration> configurations() {
        return List.copyOf(configurations);
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The parameters whose values differ between configurations (those of the file's axes), in path order. */
    public SortedSet<String> varyingPaths() {
        SortedSet<String> out = new TreeSet<>();
        SortedMap<String, Object> first = configurations.get(0).parameters();
        for (Configuration c : configurations) {
            c.parameters().forEach((path, value) -> {
                if (!value.equals(first.get(path))) {
                    out.add(path);
                }
            });
        }
        return out;
    }

    /** The probe of configuration {@code c} at {@code x} (already snapped to the parameter's numbers). */
    public SweepPoint probe(Configuration c, double x) {
        SortedMap<String, Object> p = new TreeMap<>(c.parameters());
        if (field != null) {
            String list = ParameterCatalog.REPLAY_SCENARIOS;
            p.put(list, field.apply((String) p.get(list), type.fromNumber(x)));
        } else {
            p.put(spec.path(), type.fromNumber(x));
        }
        return SweepPoint.of(p);
    }

    /** The sweep of the first round's probes (the ends of the range and the values between), e.g. for a dry run. */
    public SweepPlan firstRound() {
        List<SweepPoint> probes = new ArrayList<>();
        List<Double> xs = new FrontierSearch(spec).next(List.of(), 0).next();
        configurations.forEach(c -> xs.forEach(x -> probes.add(probe(c, x))));
        return sweepOf(probes);
    }

    /**
     * The ordinary sweep of {@code probes}, each with the frontier's replicates; its config hash is
     * the whole file's (frontier section included).
     */
    public SweepPlan sweepOf(List<SweepPoint> probes) {
        return new SweepPlan(ends.name(), ends.sourceFile(), configHash, ends.baseSeed(), spec.replicates(),
                ends.seeding(), probes, ends.execution(), warnings, ends.networks(), null, null);
    }
}
