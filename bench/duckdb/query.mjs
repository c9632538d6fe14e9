// The DuckDB peer's answer to one benchmark question, in a fresh process: opens the file
// read-only, runs one SQL statement and prints every row, tab-separated (or, with --json, one
// JSON object per line inside a JSON array), streamed chunk by chunk.
//
//   node bench/duckdb/query.mjs DB.duckdb [--json] SQL
//
// The SQL comes from bench/coldbench/duck_sql.py.
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const json = args.includes('--json');
const [db, sql] = args.filter((a) => a !== '--json');
if (!db || !sql) {
  console.error('usage: node query.mjs DB.duckdb [--json] SQL');
  process.exit(2);
}

const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
const con = await instance.connect();
const result = await con.stream(sql);
const names = result.columnNames();

function write(text) {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

let first = true;
if (json) await write('[');
for await (const rows of result.yieldRowsJson()) {
  let text = '';
  for (const row of rows) {
    if (json) {
      const o = {};
      names.forEach((n, i) => { o[n] = row[i]; });
      text += (first ? '' : ',\n') + JSON.stringify(o);
    } else {
      text += row.map((v) => (v === null ? '' : String(v))).join('\t') + '\n';
    }
    first = false;
  }
  await write(text);
}
if (json) await write(']\n');
con.closeSync();
instance.closeSync();
