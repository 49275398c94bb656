"""Images named in the Markdown: found in the media folder, imported once by content hash.

``/public/images/x.jpeg`` is looked up as ``MEDIA/public/images/x.jpeg``, then (for a relative
path) beside the Markdown file, then as any file named ``x.jpeg`` under ``MEDIA``. An image
already in the library with the same content (Wagtail's SHA-1 ``file_hash``) is reused, also
across runs.
"""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike


@dataclass
class FoundImage:
    path: Path
    sha1: str
    title: str
    existing_id: int | None  # the library's image with the same content, if any


class MediaLibrary:
    def __init__(self, media_dir, source_dir):
        self.media_dir = Path(media_dir)
        self.source_dir = Path(source_dir)
        self._by_name = None
        self._found = {}  # resolved path -> FoundImage: one import per file per run
        self._created = []  # pks of images this run created

    def _named(self, name):
        if self._by_name is None:
            self._by_name = {}
            for file in sorted(self.media_dir.rglob("*")):
                if file.is_file():
                    self._by_name.setdefault(file.name, file)
        return self._by_name.get(name)

    def locate(self, src, source_path):
        """The file ``src`` names, or None."""
        relative = PurePosixPath(src.split("?", 1)[0].split("#", 1)[0])
        candidates = [self.media_dir / relative.as_posix().lstrip("/")]
        if not relative.is_absolute():
            candidates.append(self.source_dir / PurePosixPath(source_path).parent / relative)
        for candidate in candidates:
            if candidate.is_file():
                return candidate
        return self._named(relative.name)

    def find(self, src, source_path, title):
        """(FoundImage, None) or (None, why it cannot be used)."""
        if src.lower().startswith(("http://", "https://", "//")):
            return None, f"image {src} is remote: not downloaded, figure left out"
        path = self.locate(src, source_path)
        if path is None:
            return None, f"image {src} not found under {self.media_dir}: figure left out"
        key = path.resolve()
        if key not in self._found:
            try:
                with PILImage.open(path) as picture:
                    picture.verify()
                with path.open("rb") as handle:
                    sha1 = hash_filelike(handle)
            except (OSError, SyntaxError, ValueError):
                return None, f"image {src} ({path.name}) cannot be read as an image: left out"
            existing = get_image_model().objects.filter(file_hash=sha1).order_by("pk").first()
            self._found[key] = FoundImage(path, sha1, title or path.stem, existing and existing.pk)
        return self._found[key], None

    def save(self, found):
        """The library's image for ``found``: the existing one with its content, or a new one."""
        image_model = get_image_model()
        existing = image_model.objects.filter(file_hash=found.sha1).order_by("pk").first()
        if existing is not None:
            return existing
        with found.path.open("rb") as handle:
            image = image_model(
                title=found.title[:255],
                file=ImageFile(handle, name=found.path.name),
                file_size=found.path.stat().st_size,
                file_hash=found.sha1,  # set here: Wagtail only computes it in its upload form
            )
            image.save()
        self._created.append(image.pk)
        return image

    def imported_count(self):
        """Images this run added to the library (not counting those of rolled-back files)."""
        return get_image_model().objects.filter(pk__in=self._created).count()
