"""The cold benchmark's parts (bench/cold_queries.py): processes and their measurement
(proc), the questions (questions), the sqlite3 shell's and DuckDB's equivalent SQL (sqlite_sql,
duck_sql), the tools that answer them (tools) and the report (report)."""
