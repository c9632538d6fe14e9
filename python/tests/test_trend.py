"""[trend] Database.trend() and Database.pairs(): the command's `trend --json` and
`pairs --json`, field by field, and the answers a researcher checks by hand on the ICEWS file
the tests write (conftest.write_icews): a plain recount of its rows."""

import datetime

import pytest

import bilateral
from conftest import Cli

FIGURES = ("events", "meetings", "goldstein_events", "goldstein_sum", "goldstein_mean", "tone")


@pytest.fixture()
def icli(icews_db):
    return Cli(icews_db)


def rows_of(icews_file):
    with open(icews_file, encoding="utf-8") as f:
        next(f)
        return [line.rstrip("\n").split("\t") for line in f]


def check_trend(db, cli, args, **kwargs):
    mine = db.trend(**kwargs)
    theirs = cli.json("trend", *args)
    assert (mine.since, mine.until, mine.by, mine.directed) == (
        theirs["from"], theirs["to"], theirs["by"], theirs.get("directed", False))
    for r, t in zip(mine, theirs["rows"], strict=True):
        expected = dict(t)
        expected.setdefault("group", None)
        assert r.to_dict() == expected
    return mine


def test_trend_and_pairs_equal_the_commands(idb, icli):
    check_trend(idb, icli, ["--dyad", "ITA:MYS"], dyad="ITA:MYS")
    check_trend(idb, icli, ["--dyad", "USA:CHN", "--directed", "--by", "quarter", "--split",
                            "quad_class"], dyad=("USA", "CHN"), directed=True, by="quarter",
                split="quad_class")
    check_trend(idb, icli, ["--country", "IDN", "--by", "week", "--from", "2024-03", "--to",
                            "2024-04", "--split", "cameo_root"],
                country="IDN", by="week", since="2024-03", until="2024-04", split="cameo_root")
    mine = idb.pairs(country="ITA", limit=2)
    theirs = icli.json("pairs", "--country", "ITA", "--limit", "2")
    assert mine.total == theirs["total"] and mine.to_dicts() == theirs["pairs"]
    assert idb.pairs(rank="goldstein").to_dicts() == icli.json("pairs", "--rank",
                                                               "goldstein")["pairs"]


def test_a_dyads_monthly_trend_is_a_recount_of_the_rows(idb, icews_file):
    # Events with actors of Italy and of Malaysia (either side), per month of 2024, by hand.
    counts, goldstein = {}, {}
    for row in rows_of(icews_file):
        if {row[4], row[10]} != {"Italy", "Malaysia"}:
            continue
        month = row[1][:7]
        if not month.startswith("2024"):
            continue
        counts[month] = counts.get(month, 0) + 1
        goldstein[month] = goldstein.get(month, 0.0) + float(row[7])
    trend = idb.trend(dyad="ITA:MYS", since="2024", until="2024")
    assert [r.period for r in trend] == ["2024-%02d" % m for m in range(1, 13)]
    for r in trend:
        assert r.events == counts.get(r.period, 0)
        if r.period in goldstein:
            assert r.goldstein_sum == pytest.approx(goldstein[r.period])
        else:  # no event with a score: no sum, rather than a sum of 0
            assert r.goldstein_sum is None
        assert r.tone is None
        if r.events == 0:
            assert r.goldstein_mean is None and r.meetings == 0
    assert sum(r.events for r in trend) == sum(counts.values()) > 0


def test_directed_trends_split_the_undirected_one(idb):
    both = idb.trend(dyad="USA:CHN", by="year")
    there = idb.trend(dyad="USA:CHN", directed=True, by="year", since=both.since,
                      until=both.until)
    back = idb.trend(dyad="CHN:USA", directed=True, by="year", since=both.since,
                     until=both.until)
    assert [a.events + b.events for a, b in zip(there, back)] == [r.events for r in both]


def test_records_go_to_a_dataframe_and_errors_are_clear(idb):
    pandas = pytest.importorskip("pandas")
    df = idb.trend(country="ITA", split="quad_class", since=datetime.date(2024, 1, 1),
                   until="2024-06").to_dataframe()
    assert list(df.columns) == ["period", "start", "end", "group"] + list(FIGURES)
    wide = df.pivot(index="period", columns="group", values="events")
    assert list(wide.index) == ["2024-%02d" % m for m in range(1, 7)]
    assert isinstance(idb.pairs(since="2030").to_dataframe(), pandas.DataFrame)
    with pytest.raises(bilateral.InvalidArgumentError):
        idb.trend(dyad="ITA:MYS", by="fortnight")
    with pytest.raises(bilateral.InvalidArgumentError):
        idb.trend(country="ITA", directed=True)
    with pytest.raises(bilateral.NotFoundError):
        idb.trend(country="ZZZ")
