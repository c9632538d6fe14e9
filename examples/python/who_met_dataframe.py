#!/usr/bin/python3
"""Who met Anwar Ibrahim, as a pandas DataFrame (or as plain rows when pandas is missing).

    PYTHONPATH=build/python /usr/bin/python3 examples/python/who_met_dataframe.py \\
        data/italy-malaysia-2025.json /tmp/example.db [ACTOR] [--plain]

Loads the dataset into a fresh database file, then asks who met ACTOR (default: Anwar Ibrahim)
and prints one row per counterpart: name, id, number of meetings, first and last meeting.
`--plain` prints the plain rows even when pandas is installed. Runs under ctest
(python.example.who_met_dataframe), its output checked.
"""

import os
import sys

import bilateral


def main(argv):
    plain = "--plain" in argv
    args = [a for a in argv if a != "--plain"]
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    dataset, db_path = args[0], args[1]
    actor = args[2] if len(args) == 3 else "Anwar Ibrahim"

    for suffix in ("", "-wal", "-shm"):  # a fresh database each run
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    with bilateral.open(db_path, readonly=False) as db:
        summary = db.import_file(dataset)
        print("loaded %d actors and %d events from %s" % (summary.actors, summary.events,
                                                          os.path.basename(dataset)))
        met = db.who_met(actor)

    print("%s met %d actors" % (met.actor.name, met.total))
    try:
        if plain:
            raise ImportError("--plain")
        import pandas
    except ImportError:
        # Plain rows: each counterpart is a record with attributes (and to_dict()).
        columns = ["name", "id", "meetings", "first", "last"]
        rows = [[str(getattr(m, c)) for c in columns] for m in met]
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
        for row in [columns] + rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        return
    df = pandas.DataFrame(met)  # one row per counterpart, one column per field
    print(df[["name", "id", "meetings", "first", "last"]].to_string(index=False))
    print("meetings in all: %d, with %d Italian actors" % (
        df["meetings"].sum(), (df["country"] == "ITA").sum()))


if __name__ == "__main__":
    main(sys.argv[1:])
