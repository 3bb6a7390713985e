package org.elisesweep.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.sweep.SimulationConfig;

/**
 * The simulation parameters in a row of the {@code runs} table: which columns hold them, the
 * parameter path each column stands for ({@code model_n_lat} ↔ {@code model.n-lat}), and the
 * simulation a row describes. A run's results depend only on its parameters and seed, so
 * {@link #spec} of a row reruns that simulation bit for bit (under the same model version).
 */
public final class RunParameters {
    private static final Map<String, String> PATH_BY_COLUMN = pathsByColumn();

    private RunParameters() {
    }

    private static Map<String, String> pathsByColumn() {
        ParameterColumns parameters = new ParameterColumns();
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < parameters.paths().size(); k++) {
            m.put(parameters.columns().get(k).name(), parameters.paths().get(k));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every parameter column of {@code runs}, in table order, with the parameter path it holds. */
    public static Map<String, String> pathByColumn() {
        return PATH_BY_COLUMN;
    }

    /** The runs column of a parameter path, e.g. {@code model_n_lat} for {@code model.n-lat}. */
    public static String columnOf(String path) {
        return ParameterColumns.columnName(path);
    }

    /** The parameter path of a column, e.g. {@code model.n-lat} for {@code model_n_lat}; null if not a parameter column. */
    public static String pathOf(String column) {
        return PATH_BY_COLUMN.get(column);
    }

    /**
     * The simulation of one {@code runs} row: its parameter columns and its seed, read back through
     * the same validation as a sweep's points.
     *
     * @throws org.elisesweep.sweep.ConfigProblems if the row's parameters are not valid for this code
     */
    public static SimulationSpec spec(Row run) {
        return SimulationConfig.spec(new ParameterColumns().parametersOf(run), run.<Long>getAs("seed"),
                "point " + run.getAs("point_id") + " replicate " + run.getAs("replicate"));
    }

    /** The parameter columns, in table order. */
    public static List<String> columns() {
        return List.copyOf(PATH_BY_COLUMN.keySet());
    }
}
