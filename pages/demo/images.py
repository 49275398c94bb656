"""Original demo images drawn with Pillow: abstract compositions and simple portraits."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model

PALETTE = ["#12355b", "#f4a259", "#a4461c", "#5b8e7d", "#e9eef5", "#bc4b51", "#8cb369"]


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


def demo_image(title, seed, size=(1600, 1000), portrait=False):
    """An image in the Wagtail library, created once per title (re-runs reuse it)."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    picture = (_portrait if portrait else _composition)(seed, size)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    name = hashlib.sha1(title.encode()).hexdigest()[:10]
    return image_model.objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"demo-{name}.jpg")
    )
