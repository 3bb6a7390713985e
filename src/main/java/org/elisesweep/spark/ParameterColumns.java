package org.elisesweep.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.elisesweep.sweep.Parameter;
import org.elisesweep.sweep.ParameterCatalog;
import org.elisesweep.sweep.ParameterType;

/**
 * Every simulation parameter as its own column of the {@code runs} table: one column per point
 * parameter of the {@link ParameterCatalog} (all but {@code seed}, which {@code runs} has anyway),
 * in path order, named by its path with '.' and '-' replaced by '_' ({@code model.n-lat} →
 * {@code model_n_lat}) and typed by the catalog's type.
 */
final class ParameterColumns {
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<TableColumn> columns = new ArrayList<>();

    ParameterColumns() {
        ParameterCatalog catalog = ParameterCatalog.INSTANCE;
        for (String path : catalog.defaults().keySet()) {
            Parameter p = catalog.get(path);
            parameters.add(p);
            columns.add(column(path));
        }
    }

    static String columnName(String path) {
        return path.replace('.', '_').replace('-', '_');
    }

    /** The column of parameter {@code path}, as in {@code runs}. */
    static TableColumn column(String path) {
        Parameter p = ParameterCatalog.INSTANCE.get(path);
        return TableColumn.required(columnName(path), columnType(p.type())).in(p.unit());
    }

    /** The column type of a parameter type: choices are held as text, scenario lists as lists of text. */
    private static ColumnType columnType(ParameterType type) {
        return switch (type) {
            case INTEGER -> ColumnType.INT;
            case LONG -> ColumnType.LONG;
            case DOUBLE -> ColumnType.DOUBLE;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case STRING, CHOICE -> ColumnType.STRING;
            case LIST -> ColumnType.STRING_LIST;
        };
    }

    List<TableColumn> columns() {
        return columns;
    }

    /**
     * The parameters of a {@code runs} row, by path, typed as a point's parameters are
     * ({@link org.elisesweep.sweep.SweepPoint#parameters()}).
     *
     * @throws IllegalArgumentException naming a parameter column the row does not have
     */
    SortedMap<String, Object> parametersOf(Row row) {
        SortedMap<String, Object> out = new TreeMap<>();
        for (int k = 0; k < parameters.size(); k++) {
            String column = columns.get(k).name();
            int index;
            try {
                index = row.fieldIndex(column);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the runs table has no column " + column + " (parameter "
                        + parameters.get(k).path() + "): was it written by another version?", e);
            }
            Parameter p = parameters.get(k);
            out.put(p.path(), p.type() == ParameterType.LIST && !row.isNullAt(index)
                    ? ParameterType.fromElements(row.getList(index)) : row.get(index));
        }
        return out;
    }

    /** The parameter path of each column, in column order. */
    List<String> paths() {
        return parameters.stream().map(Parameter::path).toList();
    }

    /** A point's parameter values ({@link org.elisesweep.sweep.SweepPoint#parameters()}), in column order. */
    Object[] values(SortedMap<String, Object> point) {
        Object[] out = new Object[parameters.size()];
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            Object v = p.type().coerce(point.get(p.path()));
            out[k] = p.type() == ParameterType.LIST && v != null ? ParameterType.elements((String) v) : v;
        }
        return out;
    }
}
