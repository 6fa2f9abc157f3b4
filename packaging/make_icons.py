"""The desk's icon, drawn at build time: a red seal-like square with 调 in white, in the standard
sizes of the freedesktop icon theme (16–256 px PNG) and as a Windows .ico.

Drawn with Pillow and the CJK font the desk ships (wqy-microhei), so the build needs no font of the
build machine and the icon looks the same wherever it is built."""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from mediation_desk.paths import resource

SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = (178, 34, 34, 255)  # 印章红: the colour of a committee's seal
WHITE = (255, 255, 255, 255)
GLYPH = "调"
FONT = resource("fonts", "wqy-microhei.ttc")


def draw(size: int) -> Image.Image:
    """One size drawn on its own (not scaled down from 256), so 16 px stays legible."""
    scale = 4  # drawn large and reduced: smooth edges without a vector renderer
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = max(big // 32, 1)
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 6, fill=RED)
    if size >= 24:  # the seal's inner border; at 16 px it would only blur the character
        inset = big // 10
        pen.rounded_rectangle(
            (inset, inset, big - inset, big - inset), radius=big // 10, outline=WHITE, width=max(big // 40, 1)
        )
    font = ImageFont.truetype(str(FONT), int(big * (0.62 if size >= 24 else 0.78)))
    left, top, right, bottom = pen.textbbox((0, 0), GLYPH, font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    pen.text((x, y), GLYPH, font=font, fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def make_icons(folder: Path, name: str) -> dict[int, Path]:
    """`folder/<size>/<name>.png` for every size and `folder/<name>.ico`; returns the PNGs."""
    pngs: dict[int, Path] = {}
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        path = folder / str(size) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path)
        pngs[size] = path
    images[256].save(folder / f"{name}.ico", sizes=[(s, s) for s in SIZES])
    return pngs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the desk's icons")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--name", default="mediation-desk")
    args = parser.parse_args(argv)
    for size, path in make_icons(args.folder, args.name).items():
        print(f"{size:>3} px  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
