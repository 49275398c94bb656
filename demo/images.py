"""Original demo images drawn with Pillow: abstract compositions and simple portraits.

Drawn into a folder when the demo loads; the Markdown in site/ names them (/images/x.jpg) and
the importer finds them there. The same seed draws the same bytes, so re-imports reuse them.
"""

import random
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

PALETTE = ["#12355b", "#f4a259", "#a4461c", "#5b8e7d", "#e9eef5", "#bc4b51", "#8cb369"]
WIDE, SQUARE = (1600, 1000), (400, 400)
# File name: (seed, size, portrait).
DEMO_IMAGES = {
    "shapes.jpg": (1, WIDE, False),
    "workshop.jpg": (2, WIDE, False),
    "priya-raman.jpg": (10, SQUARE, True),
    "tom-ellery.jpg": (11, SQUARE, True),
    "outgrown-first-architecture.jpg": (20, WIDE, False),
    "writing-architecture-decisions-down.jpg": (21, WIDE, False),
    "why-delivery-estimates-go-wrong.jpg": (22, WIDE, False),
    "first-ninety-days-fractional-delivery-leader.jpg": (23, WIDE, False),
}


def _composition(seed, size):
    rng = random.Random(seed)
    image = PILImage.new("RGB", size, rng.choice(["#f4f1ec", "#e9eef5", "#12355b"]))
    draw = ImageDraw.Draw(image)
    width, height = size
    for _ in range(9):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(width // 10, width // 3)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.choice(PALETTE))
    for _ in range(4):
        x = rng.randrange(width)
        draw.rectangle((x, 0, x + rng.randrange(20, width // 6), height), fill=rng.choice(PALETTE))
    return image.filter(ImageFilter.GaussianBlur(2))


def _portrait(seed, size):
    rng = random.Random(seed)
    width, height = size
    image = PILImage.new("RGB", size, rng.choice(["#e9eef5", "#f4f1ec"]))
    draw = ImageDraw.Draw(image)
    skin = rng.choice(["#f1c27d", "#c68642", "#8d5524", "#e0ac69"])
    draw.ellipse(
        (width * 0.15, height * 0.62, width * 0.85, height * 1.3), fill=rng.choice(PALETTE)
    )
    draw.ellipse((width * 0.3, height * 0.2, width * 0.7, height * 0.62), fill=skin)
    return image


def draw_demo_images(folder):
    """Write every demo image into ``folder``/images/."""
    images = Path(folder) / "images"
    images.mkdir(parents=True, exist_ok=True)
    for name, (seed, size, portrait) in DEMO_IMAGES.items():
        picture = (_portrait if portrait else _composition)(seed, size)
        picture.save(images / name, format="JPEG", quality=85)
