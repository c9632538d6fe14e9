// The DuckDB peer's load: the shared ICEWS file (../shared/bench/gen_icews.py) into a new DuckDB
// file, as a researcher would do it: one CREATE TABLE ... AS SELECT from read_csv, typed columns,
// no index (DuckDB answers from its column zone maps). Written to OUT.part and renamed into
// place; an existing OUT is refused.
//
//   node bench/duckdb/load.mjs DATA.tsv OUT.duckdb
//
// Prints `peer=duckdb size=<rows> metric=load_s value=<wall seconds>` (steady clock around
// opening the file, the load and the checkpoint) and `metric=rows`.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

const [data, out] = process.argv.slice(2);
if (!data || !out) {
  console.error('usage: node load.mjs DATA.tsv OUT.duckdb');
  process.exit(2);
}
if (fs.existsSync(out)) {
  console.error(`load.mjs: ${out} exists; refusing to replace it`);
  process.exit(2);
}
const part = out + '.part';
fs.rmSync(part, { force: true });
fs.rmSync(part + '.wal', { force: true });

// The 20 ICEWS columns, renamed to identifiers; CAMEO codes stay text (leading zeros).
const columns = {
  event_id: 'BIGINT', event_date: 'DATE', source_name: 'VARCHAR', source_sectors: 'VARCHAR',
  source_country: 'VARCHAR', event_text: 'VARCHAR', cameo: 'VARCHAR', intensity: 'DOUBLE',
  target_name: 'VARCHAR', target_sectors: 'VARCHAR', target_country: 'VARCHAR',
  story_id: 'BIGINT', sentence: 'INTEGER', publisher: 'VARCHAR', city: 'VARCHAR',
  district: 'VARCHAR', province: 'VARCHAR', country: 'VARCHAR', latitude: 'DOUBLE',
  longitude: 'DOUBLE',
};
const spec = Object.entries(columns).map(([k, t]) => `'${k}': '${t}'`).join(', ');
const path = data.replaceAll("'", "''");

const t0 = process.hrtime.bigint();
const instance = await DuckDBInstance.create(part);
const con = await instance.connect();
await con.run(
  `CREATE TABLE ev AS SELECT * FROM read_csv('${path}', delim = '\t', header = true, ` +
  `quote = '', escape = '', columns = {${spec}})`);
await con.run('CHECKPOINT');
const reader = await con.runAndReadAll('SELECT count(*)::BIGINT FROM ev');
const rows = Number(reader.getRows()[0][0]);
con.closeSync();
instance.closeSync();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
fs.renameSync(part, out);
console.log(`peer=duckdb size=${rows} metric=load_s value=${seconds.toFixed(3)}`);
console.log(`peer=duckdb size=${rows} metric=rows value=${rows}`);
