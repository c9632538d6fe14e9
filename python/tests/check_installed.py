#!/usr/bin/python3
"""The installed package imports from the install prefix and answers (ctest python.installed,
after package.install): `cmake --install` put bilateral/ where this Python looks under PREFIX
(python/site_dir.py), with the extension, the pure-Python files and the type stubs.

    check_installed.py PREFIX DATASET
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from site_dir import site_dir  # noqa: E402


def main():
    prefix, dataset = sys.argv[1], sys.argv[2]
    site = os.path.join(prefix, site_dir(prefix))
    package = os.path.join(site, "bilateral")
    for f in ("__init__.py", "_records.py", "_trend.py", "_bilateral.pyi", "py.typed"):
        if not os.path.exists(os.path.join(package, f)):
            sys.exit("FAIL: %s is not installed in %s" % (f, package))
    code = ("import bilateral, sys\n"
            "assert bilateral.__file__.startswith(sys.argv[1]), bilateral.__file__\n"
            "with bilateral.memory() as db:\n"
            "    db.import_file(sys.argv[2])\n"
            "    print('ok: %s, %d counterparts' % (bilateral.__file__, "
            "db.who_met('Anwar Ibrahim').total))\n")
    env = dict(os.environ, PYTHONPATH=site)  # only the installed copy, not the build tree's
    # Run from the prefix: a `python -c` looks in its working folder first (ctest's is
    # build/python, which holds the build tree's bilateral/).
    proc = subprocess.run([sys.executable, "-c", code, package, dataset], env=env, cwd=prefix,
                          capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
