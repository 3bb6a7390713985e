package org.elisesweep.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elisesweep.sweep.SweepPoint;

/**
 * Every simulation parameter as its own column of the {@code runs} table: one column per point
 * parameter (every leaf of the defaults file but {@code seed}, which {@code runs} has anyway),
 * named by its path with '.' and '-' replaced by '_' ({@code model.n-lat} → {@code model_n_lat}),
 * typed as the sweep layer types it (the defaults file alone cannot tell 1.0 from 1).
 */
final class ParameterColumns {
    private final List<String> paths = new ArrayList<>();
    private final List<TableColumn> columns = new ArrayList<>();

    ParameterColumns() {
        for (Map.Entry<String, Object> e : SweepPoint.defaultParameters().entrySet()) {
            paths.add(e.getKey());
            columns.add(TableColumn.required(columnName(e.getKey()), ColumnType.of(e.getValue())));
        }
    }

    static String columnName(String path) {
        return path.replace('.', '_').replace('-', '_');
    }

    List<TableColumn> columns() {
        return columns;
    }

    /**
     * The parameters of a {@code runs} row, by path, typed as a point's parameters are
     * ({@link SweepPoint#parameters()}).
     *
     * @throws IllegalArgumentException naming a parameter column the row does not have
     */
    java.util.SortedMap<String, Object> parametersOf(org.apache.spark.sql.Row row) {
        java.util.SortedMap<String, Object> out = new java.util.TreeMap<>();
        for (int k = 0; k < paths.size(); k++) {
            String column = columns.get(k).name();
            int index;
            try {
                index = row.fieldIndex(column);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the runs table has no column " + column + " (parameter "
                        + paths.get(k) + "): was it written by another version?", e);
            }
            out.put(paths.get(k), row.get(index));
        }
        return out;
    }

    /** The parameter path of each column, in column order. */
    List<String> paths() {
        return paths;
    }

    /** The parameter values of a resolved simulation config, in column order. */
    Object[] values(Config resolved) {
        Object[] out = new Object[paths.size()];
        for (int k = 0; k < paths.size(); k++) {
            String path = paths.get(k);
            out[k] = switch (columns.get(k).type()) {
                case INT -> resolved.getInt(path);
                case LONG -> resolved.getLong(path);
                case DOUBLE -> resolved.getDouble(path);
                case BOOLEAN -> resolved.getBoolean(path);
                default -> resolved.getValue(path).valueType() == ConfigValueType.STRING ? resolved.getString(path)
                        : resolved.getValue(path).render(ConfigRenderOptions.concise());
            };
        }
        return out;
    }
}
