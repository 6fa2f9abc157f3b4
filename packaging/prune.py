"""Qt plugins the desk does not want in its bundle, and the system libraries only they brought.

PyInstaller collects every plugin of the Qt modules in use and, on Linux, copies in whatever those
link to from the build machine. Two of them cost much and give the desk nothing: the GTK 3
platform theme (the whole GTK, GLib-network and Cairo stack of the build machine, loaded only on a
GNOME desktop, where it would meet the target's own different GTK modules) and Qt's virtual
keyboard (QtQuick and QML for an on-screen keyboard nobody uses at a service-centre PC). They are
dropped here with every library no other bundled binary needs (worked out with ldd)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable

DROPPED_PLUGINS = ("libqgtk3.so", "libqtvirtualkeyboardplugin.so", "qgtk3.dll", "qtvirtualkeyboardplugin.dll")
# Our own and Python's: never dropped, whatever ldd says.
KEEP = re.compile(r"^(libpython|libpyside6|libshiboken6)")
_NEEDED = re.compile(r"^\s*(\S+)\s+=>", re.M)

Entry = tuple[str, str, str]  # PyInstaller's TOC entry: (name in the bundle, source, type)


def _library(name: str) -> str | None:
    """The file name of a library that is only there because something links to it: one copied
    to the bundle's top from the system, or one of Qt's own; None for the rest (the roots:
    Python's extension modules, Qt's plugins, the programs)."""
    name = name.replace("\\", "/")
    base = name.rsplit("/", 1)[-1]
    if ("/" not in name or name.startswith("PySide6/Qt/lib/")) and base.startswith("lib") and not KEEP.match(base):
        return base
    return None


def _needs(paths: Iterable[str]) -> set[str]:
    """The sonames the binaries load, their libraries' own included (ldd follows the chain)."""
    needed: set[str] = set()
    for path in paths:
        done = subprocess.run(["ldd", path], capture_output=True, text=True, check=False)
        needed.update(_NEEDED.findall(done.stdout))
    return needed


def prune(binaries: list[Entry]) -> list[Entry]:
    """The binaries without the dropped plugins and the libraries only they needed (Linux);
    elsewhere only the plugins go (Windows has no system libraries copied in)."""
    kept = [b for b in binaries if not b[0].replace("\\", "/").endswith(DROPPED_PLUGINS)]
    if not sys.platform.startswith("linux"):
        return kept
    needed = _needs(b[1] for b in kept if _library(b[0]) is None)
    return [b for b in kept if (lib := _library(b[0])) is None or lib in needed]
