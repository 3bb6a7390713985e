// Runs one SQL statement in DuckDB (an independent Parquet reader) and prints its rows as JSON.
// Usage: node query.mjs "SELECT ..."   (with @duckdb/node-api installed next to it)
import { DuckDBInstance } from '@duckdb/node-api';

const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const result = await connection.runAndReadAll(process.argv[2]);
console.log(JSON.stringify(result.getRowObjectsJson()));
