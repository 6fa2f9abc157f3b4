"""Whether Qt's platform plugin can load on this machine, checked before Qt is imported.

On Linux Qt opens its window through a platform plugin (xcb for X11) that links a dozen small X
libraries PySide6 does not ship. When one is missing Qt aborts the whole process (exit 134) with a
message that blames the wrong package, before any of our code can say anything. So the command
line asks here first: the plugin's shared libraries are resolved the way the dynamic loader will
(`ldd`), and the missing ones are named with the Debian/Ubuntu packages that hold them (银河麒麟
Kylin and 统信 UOS use the same names). Windows and macOS need no system libraries; a platform
other than xcb (offscreen, minimal, wayland, vnc…) is left to Qt.

A machine found complete is remembered in the cache folder until the plugin or the system's
library cache (/etc/ld.so.cache, rewritten whenever a library package is installed or removed)
changes, so a normal start does not pay for `ldd` again."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import platformdirs

from mediation_desk.paths import APP_AUTHOR, APP_NAME, bundle_root

PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}
LD_CACHE = Path("/etc/ld.so.cache")
CACHE_FILE = "qt-platform-ok.txt"
LDD_TIMEOUT = 15.0  # seconds; a slow disk at first start, never a hung start

# Debian names a library package after the library's soname (`libfoo.so.3` → libfoo3,
# `libfoo-2.so.0` → libfoo-2-0, `libfoo_bar.so.1` → libfoo-bar1, Debian Policy §8.1); these do not
# follow the rule.
_GLIBC = ("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2", "libutil.so.1")
_PACKAGE_EXCEPTIONS = {
    **dict.fromkeys(_GLIBC, "libc6"),
    "libvorbis.so.0": "libvorbis0a",
    "libbz2.so.1.0": "libbz2-1.0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
_SONAME = re.compile(r"^lib(?P<name>.+)\.so\.(?P<major>\d+)(?:\.\d+)*$")
_NOT_FOUND = re.compile(r"^\s*(?P<soname>\S+)\s+=>\s+not found\s*$", re.M)
_DLOPEN_MISSING = re.compile(r"(?P<soname>lib[^\s:/]+\.so[.\d]*): cannot open shared object file")


def missing_platform_libraries() -> str | None:
    """A message naming the missing system packages, or None when the window can start."""
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS: PySide6 ships every library its platform plugin needs
    candidates = _platforms_to_check(os.environ.get("QT_QPA_PLATFORM", ""), os.environ)
    if not candidates:
        return None
    missing: dict[str, list[str]] = {}
    for platform in candidates:
        plugin = find_platform_plugin(platform)
        if plugin is None:
            return None  # not where Qt keeps it: nothing to judge, Qt says what it finds
        if _known_complete(plugin):
            return None
        lacking = unresolved_libraries(plugin)
        if not lacking:
            _remember_complete(plugin)
            return None
        missing[platform] = lacking
    return describe_missing(missing)


def _platforms_to_check(requested: str, env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order, when we can judge every one of them; else [].

    QT_QPA_PLATFORM may list several (`wayland;xcb`) with options (`xcb:dpi=96`); a platform we do
    not check (offscreen in the tests, minimal, vnc…) means Qt may well start without X."""
    names = [part.split(":", 1)[0].strip() for part in requested.split(";") if part.strip()]
    if not names:
        names = ["xcb"]
        if env.get("WAYLAND_DISPLAY"):
            names.append("wayland")  # a Wayland session: Qt can fall back to it
    if names[0] != "xcb" or any(name not in PLUGIN_FILES for name in names):
        return []
    return names


def plugin_folders() -> list[Path]:
    """Where Qt looks for platform plugins, in its order: QT_QPA_PLATFORM_PLUGIN_PATH, the
    `platforms` folder under each QT_PLUGIN_PATH entry, then PySide6's own (inside the frozen
    bundle when frozen). Found without importing PySide6, which would load Qt."""
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [Path(p) / "platforms" for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    roots: list[Path] = []
    frozen = bundle_root()
    if frozen is not None:
        roots.append(frozen / "PySide6")
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        folders += [root / "Qt" / "plugins" / "platforms", root / "plugins" / "platforms"]
    return folders


def find_platform_plugin(platform: str) -> Path | None:
    for folder in plugin_folders():
        candidate = folder / PLUGIN_FILES[platform]
        if candidate.is_file():
            return candidate
    return None


def unresolved_libraries(plugin: Path) -> list[str]:
    """The sonames the dynamic loader cannot find for `plugin`, its own dependencies' included."""
    ldd = shutil.which("ldd")
    if ldd is not None:
        try:
            done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=LDD_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            pass  # no usable ldd after all: try loading the plugin below
        else:
            found = _NOT_FOUND.findall(done.stdout + "\n" + done.stderr)
            if found or done.returncode == 0:
                return _unique(found)
    # Without ldd (a trimmed system) loading the plugin names the first missing library only.
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        match = _DLOPEN_MISSING.search(str(exc))
        return [match["soname"]] if match else []
    return []


def debian_package(soname: str) -> str | None:
    """The Debian/Ubuntu/Kylin/UOS package that holds the library, by Debian's naming rule."""
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    match = _SONAME.match(soname)
    if match is None:
        return None
    name = match["name"].lower().replace("_", "-")
    return f"lib{name}{'-' if name[-1].isdigit() else ''}{match['major']}"


def describe_missing(missing: dict[str, list[str]]) -> str:
    """Chinese, then English: what is missing, and the command that installs it."""
    libraries = _unique(lib for libs in missing.values() for lib in libs)
    ours = [lib for lib in libraries if lib.startswith(("libQt6", "libpyside6"))]
    system = [lib for lib in libraries if lib not in ours]
    packages = _unique(pkg for lib in system if (pkg := debian_package(lib)))
    plugins = "、".join(missing)
    lines = [f"工作台窗口无法打开：Qt 的 {plugins} 平台插件缺少系统库 {'、'.join(libraries)}。"]
    if packages:
        lines += [
            "请安装这些系统软件包后再启动（Debian、Ubuntu、银河麒麟、统信 UOS，需要管理员权限）：",
            f"  sudo apt-get install {' '.join(packages)}",
        ]
    if ours:
        lines.append(f"{'、'.join(ours)} 属于工作台自带的 Qt：安装不完整，请重新安装工作台。")
    lines.append(
        f"The window cannot open: Qt's {', '.join(missing)} platform plugin needs libraries that are "
        f"missing: {', '.join(libraries)}."
    )
    if packages:
        lines.append(f"Install them (Debian, Ubuntu, Kylin, UOS): sudo apt-get install {' '.join(packages)}")
    if ours:
        lines.append("The desk's own Qt is incomplete: install the desk again.")
    return "\n".join(lines)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- remembering a complete machine ----------------------------------------------------------------


def _fingerprint(plugin: Path) -> str | None:
    """What must not change for an earlier "complete" to hold: the plugin, the library cache."""
    try:
        parts = [str(plugin.resolve()), str(plugin.stat().st_mtime_ns)]
        parts.append(str(LD_CACHE.stat().st_mtime_ns) if LD_CACHE.exists() else "-")
    except OSError:
        return None
    parts.append(os.environ.get("LD_LIBRARY_PATH", ""))
    return "|".join(parts)


def _cache_path() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)) / CACHE_FILE


def _known_complete(plugin: Path) -> bool:
    fingerprint = _fingerprint(plugin)
    if fingerprint is None:
        return False
    try:
        return fingerprint in _cache_path().read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False


def _remember_complete(plugin: Path) -> None:
    fingerprint = _fingerprint(plugin)
    if fingerprint is None:
        return
    path = _cache_path()
    try:  # best effort: a read-only home only costs the next start its ldd
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fingerprint + "\n", encoding="utf-8")
    except OSError:
        pass
