package org.elisesweep.spark;

/**
 * One column of a result table; {@code unit} ("" for none) goes into the column's field metadata
 * ({@link Tables#sparkSchema}), which every file carries in its footer.
 */
record TableColumn(String name, ColumnType type, boolean nullable, String unit) {
    static TableColumn required(String name, ColumnType type) {
        return new TableColumn(name, type, false, "");
    }

    static TableColumn optional(String name, ColumnType type) {
        return new TableColumn(name, type, true, "");
    }

    /** This column, measured in {@code unit}. */
    TableColumn in(String unit) {
        return new TableColumn(name, type, nullable, unit);
    }
}
