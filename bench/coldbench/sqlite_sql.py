"""The SQL the `sqlite3` shell runs for each question, on the same file bilateral answers from
(the schema of docs/architecture.md; written for schema version 4). Each is what a user who knows
the schema would write, using the file's indexes and kept tables (event_scope) as bilateral does.
"""

MEETING_KINDS = ("official_visit", "state_visit", "bilateral_meeting", "talks", "roundtable",
                 "summit", "negotiation", "phone_call")


def q(s):
    return "'" + s.replace("'", "''") + "'"


def kinds_sql():
    return "(" + ",".join(q(k) for k in MEETING_KINDS) + ")"


def limited(sql, limit):
    return sql if not limit else sql.rstrip().rstrip(";") + f" LIMIT {int(limit)};"


def who_met(name, limit=None):
    # The command's default rule (docs/queries.md, "Sides"): counterparts on another side than the
    # actor's, or on none (a side is the participation's stated one, else the actor's country);
    # the rows of one meeting (event.meeting_id) count once. Event files have no delegations.
    # The actor is found first, as one would write it (a join on the name lets SQLite's planner
    # start from the 20M participations once the side condition is there).
    return limited(
        "SELECT o.key, o.name, count(DISTINCT coalesce(e.meeting_id, e.id)), min(e.day_lo), "
        "max(e.day_lo) FROM participation p JOIN actor a ON a.id = p.actor_id "
        "JOIN event e ON e.id = p.event_id JOIN participation x ON x.event_id = p.event_id "
        "AND x.actor_id <> p.actor_id JOIN actor o ON o.id = x.actor_id "
        f"WHERE p.actor_id = (SELECT id FROM actor WHERE name = {q(name)}) "
        f"AND e.status = 'occurred' AND e.kind IN {kinds_sql()} "
        "AND (coalesce(x.side, o.country) IS NULL OR coalesce(p.side, a.country) IS NULL "
        "OR coalesce(x.side, o.country) <> coalesce(p.side, a.country)) "
        "GROUP BY o.id ORDER BY 3 DESC, 2;", limit)


def timeline(name, limit=None):
    # CROSS JOIN keeps SQLite's join order (actor, its participations, their events): with a
    # LIMIT its planner would otherwise scan every participation (1 s instead of 50 ms at 100k).
    return limited(
        "SELECT DISTINCT e.key, e.kind, e.status, e.start_lo, e.title FROM actor a "
        "CROSS JOIN participation p ON p.actor_id = a.id CROSS JOIN event e ON e.id = p.event_id "
        f"WHERE a.name = {q(name)} ORDER BY e.day_lo, e.day_hi, e.key;", limit)


def dyad(a, b, limit=100):
    x, y = sorted((a, b))
    return limited(
        "SELECT e.key, e.kind, e.status, e.start_lo, s.rule, e.title FROM event_scope s "
        f"JOIN event e ON e.id = s.event_id WHERE s.a = {q(x)} AND s.b = {q(y)} "
        "ORDER BY s.lo, s.hi, e.key;", limit)


def path(a, b):
    # Breadth-first over the persisted adjacency, in SQL: levels up to 4 hops.
    return (
        "WITH RECURSIVE r(x, d) AS (SELECT id, 0 FROM actor "
        f"WHERE name = {q(a)} UNION SELECT l.other_id, r.d + 1 FROM r "
        "JOIN actor_link l ON l.actor_id = r.x WHERE r.d < 4) "
        f"SELECT min(d) FROM r WHERE x = (SELECT id FROM actor WHERE name = {q(b)});")


def holders(post_key):
    return (
        "SELECT h.key, h.name, r.valid_from_lo, r.valid_to_lo FROM actor p "
        "JOIN relation r ON r.to_id = p.id AND r.kind = 'holds_post' "
        "JOIN actor h ON h.id = r.from_id "
        f"WHERE p.key = {q(post_key)} ORDER BY r.valid_from_lo;")


STATS = ("SELECT 'actor', kind, count(*) FROM actor GROUP BY kind; "
         "SELECT 'event', kind, count(*) FROM event GROUP BY kind; "
         "SELECT 'relation', kind, count(*) FROM relation GROUP BY kind; "
         "SELECT count(*) FROM participation; SELECT count(*) FROM evidence; "
         "SELECT count(*) FROM source;")

POSTS = "SELECT key FROM actor WHERE kind = 'post' ORDER BY key;"

# --- trend and pairs (issue 18) ------------------------------------------------------------
# QuadClass from the CAMEO root (its first two digits): 01-05 verbal cooperation (1), 06-08
# material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4). An event is
# in a dyad or a country by its participants (event_scope rule 'participants': its source and
# target actors' countries), not by its place; event_scope's lo is the event's first day.

QUAD = ("CASE WHEN CAST(substr(e.cameo, 1, 2) AS INTEGER) <= 5 THEN 1 "
        "WHEN CAST(substr(e.cameo, 1, 2) AS INTEGER) <= 8 THEN 2 "
        "WHEN CAST(substr(e.cameo, 1, 2) AS INTEGER) <= 13 THEN 3 ELSE 4 END")

MONTH = "strftime('%Y-%m', s.lo * 86400, 'unixepoch')"


def _trend(where):
    return (f"SELECT {MONTH} AS month, {QUAD} AS quad, count(*) AS events, "
            "sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean "
            "FROM event_scope s JOIN event e ON e.id = s.event_id "
            f"WHERE {where} AND s.rule = 'participants' GROUP BY 1, 2 ORDER BY 1, 2;")


def trend_dyad(a, b):
    """Events, Goldstein sum and mean by month and QuadClass between two countries (ISO3),
    either direction."""
    x, y = sorted((a, b))
    return _trend(f"s.a = {q(x)} AND s.b = {q(y)}")


def trend_country(c):
    """The same for every event a country's actors take part in, with any partner."""
    return _trend(f"s.a = {q(c)} AND s.b = ''")


def pairs(day_from, day_to, country=None, limit=20):
    """Country pairs (both countries known and different) ranked by events within a window of
    days (days since 1970-01-01, both ends included), with the share of cooperation (QuadClass
    1-2) and the Goldstein mean; `country`: only that country's pairs."""
    where = f"s.b <> '' AND s.lo BETWEEN {int(day_from)} AND {int(day_to)}"
    if country:
        where += f" AND (s.a = {q(country)} OR s.b = {q(country)})"
    return limited(
        f"SELECT s.a, s.b, count(*) AS events, avg({QUAD} <= 2) AS cooperation, "
        "avg(e.goldstein) AS goldstein_mean FROM event_scope s JOIN event e ON e.id = s.event_id "
        f"WHERE {where} AND s.rule = 'participants' GROUP BY s.a, s.b ORDER BY 3 DESC, 1, 2;",
        limit)
