package org.elisesweep.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.elisesweep.sweep.SimulationConfig;

/**
 * Every simulation parameter as its own column of the {@code runs} table: one column per leaf
 * of the defaults file (except {@code seed}, which {@code runs} has anyway), named by its path with
 * '.' and '-' replaced by '_' ({@code model.n-lat} → {@code model_n_lat}), typed as its default.
 */
final class ParameterColumns {
    private final List<String> paths = new ArrayList<>();
    private final List<TableColumn> columns = new ArrayList<>();

    ParameterColumns() {
        Map<String, ConfigValue> leaves = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : SimulationConfig.defaults().entrySet()) {
            leaves.put(e.getKey(), e.getValue());
        }
        leaves.remove("seed");
        for (Map.Entry<String, ConfigValue> e : leaves.entrySet()) {
            paths.add(e.getKey());
            ColumnType type = e.getValue().valueType() == ConfigValueType.LIST ? ColumnType.STRING
                    : ColumnType.of(e.getValue().unwrapped());
            columns.add(TableColumn.required(columnName(e.getKey()), type));
        }
    }

    static String columnName(String path) {
        return path.replace('.', '_').replace('-', '_');
    }

    List<TableColumn> columns() {
        return columns;
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
