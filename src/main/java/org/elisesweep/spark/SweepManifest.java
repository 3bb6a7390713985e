package org.elisesweep.spark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepPlan;

/**
 * What the current sweep file of a sweep plans, written by the driver of every sweep run to
 * {@code <root>/_manifests/sweep=<name>.json} ({@link TableLayout#manifest}): the sweep file's hash
 * and path, the model version and every planned simulation. {@code elise verify} tells stale rows
 * (of points the sweep file no longer plans) by it.
 *
 * @param planned the planned replicates of every point, by point id
 */
public record SweepManifest(@JsonProperty("sweep") String sweep,
                            @JsonProperty("config_hash") String configHash,
                            @JsonProperty("model_version") String modelVersion,
                            @JsonProperty("sweep_file") String sweepFile,
                            @JsonProperty("written_at") String writtenAt,
                            @JsonProperty("planned") SortedMap<String, List<Integer>> planned) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static SweepManifest of(SweepPlan plan) {
        SortedMap<String, List<Integer>> planned = new TreeMap<>();
        for (PlannedRun r : plan.runs()) {
            planned.computeIfAbsent(r.pointId(), p -> new ArrayList<>()).add(r.replicate());
        }
        planned.values().forEach(l -> l.sort(null));
        return new SweepManifest(plan.name(), plan.configHash(), ModelVersion.ID, plan.sourceFile(),
                Instant.now().toString(), planned);
    }

    /**
     * Writes the manifest of {@code plan}, replacing the previous one atomically: written to a
     * temporary file next to it, then renamed over it (readers see the old or the new one, never half).
     */
    static void write(FileSystem fs, TableLayout layout, SweepPlan plan) throws IOException {
        SweepManifest manifest = of(plan);
        replace(fs, layout.manifest(), out -> JSON.writeValue(out, manifest));
    }

    /** What writes a file's content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} by a temporary file next to it renamed over it: readers see the old or the new one. */
    static void replace(FileSystem fs, Path target, Content content) throws IOException {
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, false)) {
            content.writeTo(out);
        }
        FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, target, Options.Rename.OVERWRITE);
    }

    /** The manifest of the layout's sweep, or null when no sweep run wrote one. */
    static SweepManifest read(FileSystem fs, TableLayout layout) throws IOException {
        Path file = layout.manifest();
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            return JSON.readValue(in, SweepManifest.class);
        }
    }

    /** Every planned simulation, as {@link CommittedRuns#key}. */
    Set<String> plannedKeys() {
        Set<String> keys = new HashSet<>();
        planned.forEach((point, replicates) -> replicates.forEach(r -> keys.add(CommittedRuns.key(point, r))));
        return keys;
    }
}
