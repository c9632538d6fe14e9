#!/usr/bin/python3
"""Prints where this Python finds packages under an install prefix, relative to the prefix.

    site_dir.py PREFIX

Debian's python3 reads /usr/lib/python3/dist-packages (its `deb_system` scheme) for the /usr
prefix and PREFIX/lib/python3.X/dist-packages for any other (as /usr/local); elsewhere the
standard `posix_prefix` scheme applies (lib/python3.X/site-packages). Used by `cmake --install`
(python/CMakeLists.txt).
"""

import os
import sys
import sysconfig


def site_dir(prefix):
    prefix = os.path.normpath(prefix)
    names = sysconfig.get_scheme_names()
    vars = {"base": prefix, "platbase": prefix, "installed_base": prefix,
            "installed_platbase": prefix}
    if "deb_system" in names:
        if os.path.realpath(prefix) == "/usr":
            path = sysconfig.get_path("platlib", "deb_system", vars=vars)
        else:
            version = "%d.%d" % sys.version_info[:2]
            path = os.path.join(prefix, "lib", "python" + version, "dist-packages")
    else:
        scheme = "posix_prefix" if "posix_prefix" in names else sysconfig.get_default_scheme()
        path = sysconfig.get_path("platlib", scheme, vars=vars)
    return os.path.relpath(path, prefix)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: site_dir.py PREFIX")
    print(site_dir(sys.argv[1]))
