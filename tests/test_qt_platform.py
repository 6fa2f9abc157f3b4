"""Before Qt loads: the xcb platform plugin's system libraries are checked, and the missing ones
named with the Debian/Ubuntu/Kylin/UOS packages that hold them (mediation_desk/qt_platform.py).

The desk itself is run with two of the plugin's libraries hidden: an `ldd` first on PATH reports
them "not found", exactly as the dynamic loader's own does on a machine without them. A plugin
built here (when a C compiler is at hand) links a library that is really not there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mediation_desk import qt_platform

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
real_ldd = shutil.which("ldd")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux") or real_ldd is None, reason="Linux with ldd")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No platform forced, no plugin path, a cache folder of this test's own."""
    for name in ("QT_QPA_PLATFORM", "QT_QPA_PLATFORM_PLUGIN_PATH", "QT_PLUGIN_PATH", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def hiding_ldd(folder: Path) -> Path:
    """An `ldd` that answers like the real one on a machine without the HIDDEN libraries."""
    folder.mkdir(parents=True, exist_ok=True)
    edits = " ".join(f"-e 's#^\\([[:space:]]*{re.escape(lib)}\\) => .*#\\1 => not found#'" for lib in HIDDEN)
    script = folder / "ldd"
    script.write_text(f'#!/bin/sh\n{real_ldd} "$@" | sed {edits}\n')
    script.chmod(0o755)
    return folder


@linux_only
def test_the_desk_names_the_missing_packages_before_loading_qt(tmp_path: Path) -> None:
    if qt_platform.find_platform_plugin("xcb") is None:
        pytest.skip("PySide6 has no xcb plugin here")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "MEDIATION_DESK_"))}
    env.update(
        PATH=f"{hiding_ldd(tmp_path / 'bin')}{os.pathsep}{env.get('PATH', '')}",
        DISPLAY=":97",  # a display is named, so only the libraries can stop the window
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mediation_desk", "--data-dir", str(tmp_path / "desk")],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    said = done.stdout + done.stderr
    assert done.returncode not in (0, -6, 134), said  # refused with a message, not aborted inside Qt
    assert "libxcb-icccm4" in said and "libxcb-keysyms1" in said and "sudo apt-get install" in said
    assert all(lib in said for lib in HIDDEN)
    assert "mediation-desk setup" in said  # the summary promised when the window cannot open
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert not any(name.startswith("PySide6") for name in imported), "Qt was loaded before the check"


@linux_only
def test_a_plugin_linking_a_library_that_is_not_there(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build a plugin with")
    work = clean_env / "plugin"
    work.mkdir()
    (work / "a.c").write_text("int mediation_desk_hidden(void) { return 1; }\n")
    (work / "p.c").write_text(
        "int mediation_desk_hidden(void);\nint plugin(void) { return mediation_desk_hidden(); }\n"
    )
    soname = "libxcb-mdtest-hidden.so.4"
    subprocess.run(
        [compiler, "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", work / soname, work / "a.c"], check=True
    )
    subprocess.run([compiler, "-shared", "-fPIC", "-o", work / "libqxcb.so", work / "p.c", work / soname], check=True)
    (work / soname).unlink()  # built against it, now gone: the situation of a PC without the package
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(work))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")

    message = qt_platform.missing_platform_libraries()
    assert message is not None and soname in message and "libxcb-mdtest-hidden4" in message

    monkeypatch.setattr(qt_platform.shutil, "which", lambda name: None)  # no ldd: loading names the first
    assert qt_platform.unresolved_libraries(work / "libqxcb.so") == [soname]


@linux_only
def test_a_complete_machine_is_remembered_until_its_libraries_change(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = qt_platform.find_platform_plugin("xcb")
    if plugin is None or qt_platform.unresolved_libraries(plugin):
        pytest.skip("this machine lacks the xcb plugin or its libraries")
    ld_cache = clean_env / "ld.so.cache"
    ld_cache.write_bytes(b"1")
    monkeypatch.setattr(qt_platform, "LD_CACHE", ld_cache)
    assert qt_platform.missing_platform_libraries() is None
    checks: list[Path] = []
    monkeypatch.setattr(qt_platform, "unresolved_libraries", lambda p: checks.append(p) or list(HIDDEN))
    assert qt_platform.missing_platform_libraries() is None and checks == []  # remembered
    os.utime(ld_cache, ns=(1, 1))  # a library package installed or removed since: ldconfig ran
    message = qt_platform.missing_platform_libraries()
    assert checks == [plugin] and message is not None and "libxcb-icccm4 libxcb-keysyms1" in message


@pytest.mark.parametrize(
    "platform",
    ["offscreen", "minimal", "wayland", "wayland;xcb", "vnc:size=800x600", "eglfs"],
)
def test_other_platforms_are_left_to_qt(clean_env: Path, monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    monkeypatch.setattr(qt_platform, "unresolved_libraries", lambda p: list(HIDDEN))
    assert qt_platform.missing_platform_libraries() is None


@pytest.mark.parametrize("requested", ["xcb", "xcb:dpi=96", " xcb ;", ";;xcb", ""])
def test_xcb_however_it_is_spelled(clean_env: Path, monkeypatch: pytest.MonkeyPatch, requested: str) -> None:
    if sys.platform != "linux" or qt_platform.find_platform_plugin("xcb") is None:
        pytest.skip("Linux with PySide6's xcb plugin")
    monkeypatch.setenv("QT_QPA_PLATFORM", requested)
    monkeypatch.setattr(qt_platform, "unresolved_libraries", lambda p: list(HIDDEN))
    message = qt_platform.missing_platform_libraries()
    assert message is not None and "libxcb-icccm4" in message


def test_a_wayland_session_may_fall_back(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr(qt_platform, "find_platform_plugin", lambda name: Path(f"/plugins/{name}.so"))
    monkeypatch.setattr(qt_platform, "_known_complete", lambda p: False)
    monkeypatch.setattr(qt_platform, "_remember_complete", lambda p: None)
    monkeypatch.setattr(sys, "platform", "linux")
    missing = {"/plugins/xcb.so": list(HIDDEN), "/plugins/wayland.so": []}
    monkeypatch.setattr(qt_platform, "unresolved_libraries", lambda p: missing[str(p)])
    assert qt_platform.missing_platform_libraries() is None  # Qt opens the window on Wayland
    missing["/plugins/wayland.so"] = ["libwayland-client.so.0"]
    message = qt_platform.missing_platform_libraries()
    assert message is not None and "libwayland-client0" in message and "libxcb-icccm4" in message


@pytest.mark.parametrize("system", ["win32", "darwin"])
def test_windows_and_macos_are_not_checked(monkeypatch: pytest.MonkeyPatch, system: str) -> None:
    monkeypatch.setattr(sys, "platform", system)
    monkeypatch.setattr(qt_platform, "unresolved_libraries", lambda p: list(HIDDEN))
    assert qt_platform.missing_platform_libraries() is None


def test_no_plugin_where_qt_keeps_it_is_not_judged(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(qt_platform, "plugin_folders", lambda: [clean_env / "nowhere"])
    assert qt_platform.missing_platform_libraries() is None


@pytest.mark.parametrize(
    "soname,package",
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libz.so.1", "zlib1g"),
        ("libfoo.so.1.2.3", "libfoo1"),
        ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
        ("libm.so.6", "libc6"),
        ("libvorbis.so.0", "libvorbis0a"),
        # Not a library's soname: no package is made up for it.
        ("ld-linux-x86-64.so.2", None),
        ("libfoo.so", None),
        ("", None),
        ("libQt6Gui.so", None),
    ],
)
def test_debian_package_names(soname: str, package: str | None) -> None:
    assert qt_platform.debian_package(soname) == package


def test_the_desks_own_qt_missing_says_reinstall() -> None:
    message = qt_platform.describe_missing({"xcb": ["libQt6XcbQpa.so.6", "libxcb-icccm.so.4"]})
    assert "重新安装" in message and "sudo apt-get install libxcb-icccm4" in message
    assert "libqt6xcbqpa6" not in message  # never sent to apt
