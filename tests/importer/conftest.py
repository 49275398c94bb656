"""Importer tests: a fixture site in our own words (sites/), images drawn with Pillow."""

import pytest
from PIL import Image as PILImage


def draw(path, size=(600, 400), color="#12355b", fmt="JPEG"):
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, color).save(path, format=fmt)
    return path


@pytest.fixture
def media(tmp_path):
    """The consultancy site's images; operator.jpg is only findable by its file name."""
    folder = tmp_path / "media"
    draw(folder / "elsewhere" / "operator.jpg", size=(900, 1200), color="#445566")
    draw(folder / "images" / "first-month.png", color="#aa6644", fmt="PNG")
    draw(folder / "images" / "sam.jpg", size=(400, 400), color="#66aa44")
    return folder
