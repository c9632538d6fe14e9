"""The SQL DuckDB runs for each question it can answer, on its own file made from the same TSV
(bench/duckdb/load.mjs: one table `ev`, the 20 ICEWS columns renamed, empty fields NULL).
Actors and countries are the file's names. The counterpart rule is the command's default as far
as the raw rows can state it: CAMEO 040-046 (the meeting kinds and phone calls, as
`who-met --phone-calls`), the counterpart from another country or from none; rows are counted,
not meetings (meeting grouping is bilateral's import).
"""
from .sqlite_sql import q, limited

MEETING_CODES = "('040', '041', '042', '043', '044', '045', '046')"

QUAD = ("CASE WHEN CAST(substr(cameo, 1, 2) AS INTEGER) <= 5 THEN 1 "
        "WHEN CAST(substr(cameo, 1, 2) AS INTEGER) <= 8 THEN 2 "
        "WHEN CAST(substr(cameo, 1, 2) AS INTEGER) <= 13 THEN 3 ELSE 4 END")


def who_met(name, limit=None):
    n = q(name)
    return limited(
        "WITH m AS ("
        "SELECT target_name AS other, target_country AS oc, source_country AS ac, event_date "
        f"FROM ev WHERE source_name = {n} AND cameo IN {MEETING_CODES} UNION ALL "
        "SELECT source_name, source_country, target_country, event_date "
        f"FROM ev WHERE target_name = {n} AND cameo IN {MEETING_CODES}) "
        "SELECT other, count(*) AS n, min(event_date), max(event_date) FROM m "
        "WHERE oc IS NULL OR ac IS NULL OR oc <> ac GROUP BY other ORDER BY n DESC, other;",
        limit)


def timeline(name, limit=None):
    n = q(name)
    return limited(
        "SELECT event_id, event_date, cameo, event_text, source_name, target_name, intensity "
        f"FROM ev WHERE source_name = {n} OR target_name = {n} ORDER BY event_date, event_id;",
        limit)


def _trend(where):
    return (f"SELECT strftime(event_date, '%Y-%m') AS month, {QUAD} AS quad, count(*) AS events, "
            "sum(intensity) AS goldstein_sum, avg(intensity) AS goldstein_mean FROM ev "
            f"WHERE {where} GROUP BY ALL ORDER BY 1, 2;")


def trend_dyad(a, b):
    """Country names, either direction."""
    return _trend(f"(source_country = {q(a)} AND target_country = {q(b)}) OR "
                  f"(source_country = {q(b)} AND target_country = {q(a)})")


def trend_country(c):
    return _trend(f"(source_country = {q(c)} OR target_country = {q(c)})")


def pairs(date_from, date_to, country=None, limit=20):
    """ISO dates, both ends included."""
    where = ("source_country <> target_country "
             f"AND event_date BETWEEN DATE {q(date_from)} AND DATE {q(date_to)}")
    if country:
        where += f" AND (source_country = {q(country)} OR target_country = {q(country)})"
    return limited(
        "SELECT least(source_country, target_country) AS a, "
        "greatest(source_country, target_country) AS b, count(*) AS events, "
        f"avg(CASE WHEN {QUAD} <= 2 THEN 1.0 ELSE 0.0 END) AS cooperation, "
        f"avg(intensity) AS goldstein_mean FROM ev WHERE {where} "
        "GROUP BY ALL ORDER BY events DESC, a, b;", limit)
