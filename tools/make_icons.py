"""Draw the app's icons (run once; the PNG and ICO files are committed): the KTCV mark on the brand red."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "audit" / "static" / "icons"
FONT = ROOT / "reports" / "assets" / "fonts" / "LiberationSerif-Bold.ttf"
RED, WHITE = (163, 20, 28), (255, 255, 255)


def draw(size: int, padding: float) -> Image.Image:
    image = Image.new("RGB", (size, size), RED)
    pen = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), int(size * (1 - 2 * padding) * 0.34))
    text = "KTCV"
    box = pen.textbbox((0, 0), text, font=font)
    x = (size - (box[2] - box[0])) / 2 - box[0]
    y = (size - (box[3] - box[1])) / 2 - box[1]
    pen.text((x, y), text, font=font, fill=WHITE)
    rule = int(size * 0.02) or 1
    width = (box[2] - box[0]) * 0.8
    top = y + box[3] + size * 0.04
    pen.rectangle([(size - width) / 2, top, (size + width) / 2, top + rule], fill=WHITE)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, 0.08).save(OUT / f"icon-{size}.png", optimize=True)
        draw(size, 0.2).save(OUT / f"icon-{size}-maskable.png", optimize=True)
    draw(180, 0.1).save(OUT / "apple-touch-icon.png", optimize=True)
    draw(64, 0.02).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
