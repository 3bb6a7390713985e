package org.elisesweep.spark;

/** One column of a result table. */
record TableColumn(String name, ColumnType type, boolean nullable) {
    static TableColumn required(String name, ColumnType type) {
        return new TableColumn(name, type, false);
    }

    static TableColumn optional(String name, ColumnType type) {
        return new TableColumn(name, type, true);
    }
}
