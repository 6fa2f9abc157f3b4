"""Render the pages of the README's document pictures: the 人民调解协议书 with two parties and with
three (one of them a company), and the 人民调解记录, as PNG files made by pdftoppm (poppler-utils).

    PYTHONPATH=. python tests/documents/render_pages.py [OUTPUT_DIR]

OUTPUT_DIR defaults to resources/screenshots/documents/. The desk is a fresh one in a temporary
folder, filled through the services as a clerk would; the people are invented."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(HERE.parent)]

from document_helpers import case_with, generate, legal_party  # noqa: E402
from service_helpers import make_env, party  # noqa: E402

RESOLUTION = 80  # dots per inch: an A4 page about 660 × 935 pixels
TERMS = [
    "陈建林于本协议签订之日起十日内将院墙降低三十公分，施工费用由双方各承担一半；",
    "王永年一次性支付陈建林采光损失补偿款人民币 1,500 元，于本协议生效之日当场付清；",
    "双方今后互相尊重、和睦相处，不得再因院墙之事发生争执；",
    "本协议履行完毕后，双方就院墙高度一事再无其他纠纷。",
]
FACTS = (
    "申请人王永年与被申请人陈建林系谢家塘村前后院邻居。2026 年 10 月，陈建林将两家之间的院墙加高约六十公分，"
    "遮挡了王永年家堂屋的采光，双方多次发生口角，王永年遂向本委员会申请调解。"
)


def render(pdf: bytes, target: Path, stem: str) -> list[Path]:
    """Each page of `pdf` as target/stem-N.png."""
    for old in target.glob(f"{stem}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / f"{stem}.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-png", str(source), str(target / stem)], check=True)
    return sorted(target.glob(f"{stem}-*.png"))


def main(target: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm not found: install poppler-utils")
    target.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        env = make_env(Path(scratch))
        try:
            two = [
                party("王永年", 1, occupation="农民", address="谢塘镇谢家塘村 12 号"),
                party("陈建林", 2, occupation="个体工商户", address="谢塘镇谢家塘村 14 号", role="respondent"),
            ]
            case_two = case_with(env, two, terms=TERMS, facts=FACTS, amount="1500")
            made += render(generate(env, case_two, "agreement").pdf, target, "agreement-2-parties")
            made += render(generate(env, case_two, "session_record").pdf, target, "session-record")
            three = [
                party("王永年", 3, occupation="农民", address="谢塘镇谢家塘村 12 号"),
                party("阿依古丽·买买提", 4, male=False, ethnicity="维吾尔族", role="respondent"),
                legal_party(5),
            ]
            case_three = case_with(env, three, terms=TERMS, facts=FACTS, amount="1500")
            made += render(generate(env, case_three, "agreement").pdf, target, "agreement-3-parties")
        finally:
            env.desk.close()
    return made


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots" / "documents"
    for path in main(out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
