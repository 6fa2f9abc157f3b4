"""Build the installers in one command: the icons, the one-folder bundle (PyInstaller, desk and
district server together), then the .deb on Linux or the Inno Setup installer on Windows.

    pip install -e '.[packaging]'
    python packaging/build.py              # dist/mediation-desk/ and dist/mediation-desk_<version>_<arch>.deb
    python packaging/build.py --no-installer   # the bundle only

Prints what it made with the bundle's size and the time each step took (also as JSON with --json).
On Windows the installer needs Inno Setup's `iscc` on PATH (or --iscc); without it the bundle is
built and the command that would make the installer is printed."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the checkout's package, whatever is installed

# This script's folder is on sys.path (Python puts it first), so its siblings import by name.
from build_deb import build_deb  # noqa: E402
from make_icons import make_icons  # noqa: E402

from mediation_desk.paths import resource  # noqa: E402

APP_ID = "org.mediationdesk.MediationDesk"  # the .desktop file, the icon and the AppStream id


def project() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"name": data["name"], "version": data["version"], "description": data["description"]}


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(meta: dict[str, str], work: Path, dist: Path) -> Path:
    env = dict(os.environ, MEDIATION_DESK_BUILD_ICON=str(work / "icons" / f"{meta['name']}.ico"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(HERE / "mediation_desk.spec"),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
    ]
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return dist / meta["name"]


def build_inno(meta: dict[str, str], bundle: Path, icon: Path, dist: Path, iscc: str | None) -> Path | None:
    script = HERE / "windows" / "mediation-desk.iss"
    defines = [f"/DAppVersion={meta['version']}", f"/DBundleDir={bundle}", f"/DIconFile={icon}", f"/DOutputDir={dist}"]
    compiler = iscc or shutil.which("iscc") or shutil.which("ISCC")
    if compiler is None:
        print("Inno Setup (iscc) not found; to make the installer run:", file=sys.stderr)
        print("  iscc " + " ".join(defines) + f" {script}", file=sys.stderr)
        return None
    subprocess.run([compiler, *defines, str(script)], check=True)
    return dist / f"{meta['name']}-{meta['version']}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle and installers go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "packaging", help="intermediate files")
    parser.add_argument("--no-installer", action="store_true", help="build the bundle only")
    parser.add_argument("--iscc", help="Inno Setup's compiler (Windows), when not on PATH")
    parser.add_argument("--json", action="store_true", help="the summary as JSON")
    args = parser.parse_args(argv)
    meta = project()
    if not resource("fonts").is_dir():
        parser.error(f"no fonts at {resource('fonts')}: run from a checkout of the project")
    timings: dict[str, float] = {}

    started = time.perf_counter()
    icons = make_icons(args.work / "icons", meta["name"])  # the spec takes the .ico from here
    timings["icons_s"] = time.perf_counter() - started

    started = time.perf_counter()
    bundle = build_bundle(meta, args.work, args.dist)
    timings["bundle_s"] = time.perf_counter() - started
    summary: dict[str, object] = {
        "version": meta["version"],
        "bundle": str(bundle),
        "bundle_bytes": folder_size(bundle),
        "bundle_files": sum(1 for p in bundle.rglob("*") if p.is_file()),
    }

    installer: Path | None = None
    if not args.no_installer:
        started = time.perf_counter()
        if sys.platform == "win32":
            installer = build_inno(meta, bundle, args.work / "icons" / f"{meta['name']}.ico", args.dist, args.iscc)
        elif sys.platform.startswith("linux"):
            installer = build_deb(meta, bundle, icons, args.work / "deb", args.dist, APP_ID, HERE / "linux")
        timings["installer_s"] = time.perf_counter() - started
    if installer is not None:
        summary["installer"] = str(installer)
        summary["installer_bytes"] = installer.stat().st_size
    summary.update({k: round(v, 1) for k, v in timings.items()})

    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        mib = 1024 * 1024
        print(f"bundle     {bundle}  {summary['bundle_bytes'] / mib:.0f} MiB, {summary['bundle_files']} files")
        if installer is not None:
            print(f"installer  {installer}  {installer.stat().st_size / mib:.0f} MiB")
        print("time       " + ", ".join(f"{k[:-2]} {v:.0f} s" for k, v in timings.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
