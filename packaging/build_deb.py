"""The .deb for Debian, Ubuntu, 银河麒麟 (Kylin) and 统信 UOS, made from the one-folder bundle with
dpkg-deb: the bundle under /opt/mediation-desk, both commands on PATH, the menu entry, the
AppStream metainfo and the icons in the hicolor theme.

Its Depends are worked out from the bundle itself: every library a bundled binary loads from the
system (ldd), named by the same soname → package rule the desk's start check uses
(mediation_desk/qt_platform.py), and the C library at the newest symbol version any binary needs
(the bundle runs only where glibc is at least that old: build on the oldest system to support)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from mediation_desk.qt_platform import debian_package

INSTALL_DIR = Path("opt/mediation-desk")
# libgcc_s is libgcc-s1 from Debian 11 on, libgcc1 before (UOS 20 is Debian 10 based).
_RUNTIME = {"libgcc_s.so.1": "libgcc-s1 | libgcc1"}
_RESOLVED = re.compile(r"^\s*(?P<soname>\S+)\s+=>\s+(?P<path>/\S+)", re.M)
_GLIBC = re.compile(r"GLIBC_(\d+)\.(\d+)")


def _elf_files(bundle: Path) -> list[Path]:
    files = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def system_dependencies(bundle: Path) -> list[str]:
    """The packages the bundle's binaries need from the system, for the control file."""
    bundle = bundle.resolve()
    elves = _elf_files(bundle)
    bundled = {elf.name for elf in elves} | {p.name for p in bundle.rglob("*.so*") if p.is_symlink()}
    # As at run time: the bootloader puts the bundle's library folder first on the search path.
    env = dict(os.environ, LD_LIBRARY_PATH=str(bundle / "_internal"))
    sonames: set[str] = set()
    glibc = (0, 0)
    objdump = shutil.which("objdump")
    for elf in elves:
        done = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, check=False, env=env)
        for match in _RESOLVED.finditer(done.stdout):
            inside = Path(match["path"]).resolve().is_relative_to(bundle) or match["soname"] in bundled
            if not inside:
                sonames.add(match["soname"])
        if objdump is not None:
            symbols = subprocess.run([objdump, "-T", str(elf)], capture_output=True, text=True, check=False).stdout
            for major, minor in _GLIBC.findall(symbols):
                glibc = max(glibc, (int(major), int(minor)))
    packages: dict[str, None] = {}
    for soname in sorted(sonames):
        package = _RUNTIME.get(soname) or debian_package(soname)
        if package is not None and not soname.startswith("ld-linux"):
            packages[package] = None
    libc = f"libc6 (>= {glibc[0]}.{glibc[1]})" if glibc > (0, 0) else "libc6"
    return [libc if p == "libc6" else p for p in packages]


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def _fill(template: Path, values: dict[str, str]) -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def build_deb(
    meta: dict[str, str], bundle: Path, icons: dict[int, Path], work: Path, dist: Path, app_id: str, linux: Path
) -> Path:
    name, version = meta["name"], meta["version"]
    if work.exists():
        shutil.rmtree(work)
    root = work / "root"
    target = root / INSTALL_DIR
    shutil.copytree(bundle, target, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for command in (name, f"{name}-district"):
        os.symlink(f"/{INSTALL_DIR}/{command}", bin_dir / command)
    share = root / "usr" / "share"
    values = {"APP_ID": app_id, "NAME": name, "VERSION": version, "DATE": dt.date.today().isoformat()}
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{app_id}.desktop").write_text(
        _fill(linux / "mediation-desk.desktop", values), encoding="utf-8"
    )
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{app_id}.metainfo.xml").write_text(
        _fill(linux / "mediation-desk.metainfo.xml", values), encoding="utf-8"
    )
    for size, png in icons.items():
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(png, folder / f"{app_id}.png")
    doc = share / "doc" / name
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        f"{name}: the desk and its district server.\n"
        f"The fonts and the alarm sound are shipped with their licences in /{INSTALL_DIR}/_internal/"
        "mediation_desk/resources/ (fonts/*.LICENSE.txt, sounds/*.LICENSE.txt).\n",
        encoding="utf-8",
    )

    installed_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = root / "DEBIAN"
    control.mkdir()
    summary = "人民调解室工作台 — desk for village people's mediation rooms"
    description = meta["description"].replace("\n", " ")
    (control / "control").write_text(
        f"Package: {name}\n"
        f"Version: {version}\n"
        f"Architecture: {_architecture()}\n"
        f"Maintainer: {name} <{name}@localhost>\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(system_dependencies(bundle))}\n"
        f"Description: {summary}\n"
        f" {description}\n"
        " .\n"
        " Python and Qt are inside the package; the data folder (~/.local/share/mediation-desk)\n"
        " is kept when the package is removed or upgraded.\n",
        encoding="utf-8",
    )
    dist.mkdir(parents=True, exist_ok=True)
    deb = dist / f"{name}_{version}_{_architecture()}.deb"
    with tempfile.TemporaryDirectory() as tmp:
        # gzip, not zstd: dpkg on Kylin V10 and UOS 20 predates zstd support.
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(Path(tmp) / deb.name)],
            check=True,
            capture_output=True,
        )
        shutil.move(str(Path(tmp) / deb.name), deb)
    return deb
