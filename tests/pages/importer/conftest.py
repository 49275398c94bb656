"""Importer tests: a fixture site in our own words (sites/), images drawn with Pillow."""

import pytest
from PIL import Image as PILImage

from pages.redirects import live_table


@pytest.fixture(autouse=True)
def fresh_redirect_rules():
    # A rolled-back test can leave the rules' version where the next test's change brings it
    # again: make the middleware reload its table on the next request.
    live_table.current.version = None
    live_table.current.expire()
    yield
    live_table.current.version = None
    live_table.current.expire()


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
