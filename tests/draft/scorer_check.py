#!/usr/bin/env python3
"""The scorer's own check: each curated file, scored as if it were a draft of its article,
scores 1.0 for everything it holds (persons, events, dates, participations, links). A scorer
that miscounts a match fails here before it misreports a draft.

Usage: scorer_check.py bench/draft_score.py tests/draft [MORE.json ...]
  (MORE: other curated files, such as the bundled dataset, whose article is found in the
  folders of source texts)"""

import importlib.util
import os
import sys

spec = importlib.util.spec_from_file_location("draft_score", sys.argv[1])
score_mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score_mod)
folder = sys.argv[2]
dirs = score_mod.source_dirs([os.path.join(folder, "texts")])
failed = 0
golds = [os.path.join(folder, "gold", n) for n in sorted(os.listdir(os.path.join(folder, "gold")))]
golds += sys.argv[3:]
for path in golds:
    name = os.path.basename(path)
    result = score_mod.score(path, path, dirs)
    for key, value in score_mod.figures(result).items():
        if value is not None and value != 1.0:
            print(f"{name}: {key} = {value}, expected 1.0")
            failed += 1
print(f"{len(golds)} curated files scored against themselves; {failed} figures off")
sys.exit(1 if failed or not golds else 0)
