"""Draw the Teams app icons (run once; the PNGs are committed).

color.png: 192x192, full colour. outline.png: 32x32, white on transparent (Teams' rules).
The motif: three connected nodes, a learning network.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = (31, 95, 140, 255)  # keep in step with accentColor in manifest/manifest.json
WHITE = (255, 255, 255, 255)
OUT = Path(__file__).resolve().parents[1] / "manifest"


def network(draw: ImageDraw.ImageDraw, size: int, colour: tuple[int, ...], scale: float) -> None:
    """Three nodes joined in a triangle, centred in a size x size canvas."""
    nodes = [(0.5, 0.24), (0.24, 0.72), (0.76, 0.72)]
    points = [(x * size, y * size) for x, y in nodes]
    width = max(1, round(size * 0.06 * scale))
    for i, a in enumerate(points):
        draw.line([a, points[(i + 1) % 3]], fill=colour, width=width)
    radius = size * 0.12 * scale
    for x, y in points:
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)


def colour_icon() -> Image.Image:
    image = Image.new("RGBA", (192, 192), ACCENT)
    network(ImageDraw.Draw(image), 192, WHITE, 1.0)
    return image


def outline_icon() -> Image.Image:
    big = Image.new("RGBA", (256, 256), (0, 0, 0, 0))  # draw large, shrink: smoother edges
    network(ImageDraw.Draw(big), 256, WHITE, 1.1)
    small = big.resize((32, 32), Image.Resampling.LANCZOS)
    alpha = small.getchannel("A")
    white = Image.new("RGBA", (32, 32), WHITE)
    white.putalpha(alpha)  # every visible pixel pure white, only transparency varies
    return white


if __name__ == "__main__":
    colour_icon().save(OUT / "color.png", optimize=True)
    outline_icon().save(OUT / "outline.png", optimize=True)
    print(f"wrote {OUT / 'color.png'} and {OUT / 'outline.png'}")
