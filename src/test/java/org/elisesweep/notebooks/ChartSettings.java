package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart settings of one paragraph result, {@code config.results."<i>".graph} of a Zeppelin note:
 * a {@code mode} (table, lineChart, multiBarChart, ...) and the result columns it draws, each named by
 * {@code name} and position {@code index}: {@code keys} (x axis), {@code groups} (one series per value)
 * and {@code values} (y) for the pivot charts, {@code setting.scatterChart.xAxis/yAxis/group/size} for
 * the scatter chart. Zeppelin silently drops a column whose name and index do not both match the
 * result, which leaves an empty or wrong chart; hence the check against the result's schema.
 */
final class ChartSettings {
    private static final List<String> PIVOT_MODES = List.of("lineChart", "multiBarChart", "stackedAreaChart",
            "pieChart");
    private static final List<String> SCATTER_FIELDS = List.of("xAxis", "yAxis", "group", "size");

    private ChartSettings() {
    }

    /** What is wrong with the settings on their own, if anything: the mode and what it needs. */
    static Optional<String> problem(JsonNode graph) {
        String mode = graph.path("mode").asText("");
        if (mode.equals("table")) {
            return Optional.empty();
        }
        if (PIVOT_MODES.contains(mode)) {
            return graph.path("keys").isEmpty() || graph.path("values").isEmpty()
                    ? Optional.of(mode + " without keys or values")
                    : Optional.empty();
        }
        if (mode.equals("scatterChart")) {
            JsonNode scatter = graph.path("setting").path("scatterChart");
            return scatter.path("xAxis").isObject() && scatter.path("yAxis").isObject()
                    ? Optional.empty()
                    : Optional.of("scatterChart without setting.scatterChart.xAxis and yAxis");
        }
        return Optional.of("unknown chart mode '" + mode + "' (known: table, " + PIVOT_MODES + ", scatterChart)");
    }

    /** The columns the settings name that the result (of these columns, in order) does not have at that index. */
    static List<String> missingColumns(JsonNode graph, List<String> result) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> ref : columnReferences(graph)) {
            String name = ref.getValue().path("name").asText("");
            int index = ref.getValue().path("index").asInt(-1);
            boolean matches = index >= 0 && index < result.size() && result.get(index).equals(name);
            if (!matches) {
                missing.add(ref.getKey() + " '" + name + "' at index " + index);
            }
        }
        return missing;
    }

    private static List<Map.Entry<String, JsonNode>> columnReferences(JsonNode graph) {
        List<Map.Entry<String, JsonNode>> refs = new ArrayList<>();
        for (String role : List.of("keys", "groups", "values")) {
            graph.path(role).forEach(column -> refs.add(Map.entry(role, column)));
        }
        JsonNode scatter = graph.path("setting").path("scatterChart");
        for (String field : SCATTER_FIELDS) {
            if (scatter.path(field).isObject()) {
                refs.add(Map.entry("scatterChart." + field, scatter.path(field)));
            }
        }
        return refs;
    }
}
