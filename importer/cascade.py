"""11ty's data cascade, as far as it can be read without running JavaScript.

For ``blog/post.md`` 11ty merges, lowest priority first: the global data of ``_data/`` (each
file a variable named after it: ``_data/site.json`` is ``site``), the directory data files of
each folder from the top down (``blog/blog.json``, then ``blog/blog.11tydata.json``), the
template data file (``blog/post.json``, ``blog/post.11tydata.json``), then the front matter.
Objects merge key by key and lists add up (tags from a folder and from the file both count).
JavaScript data files (``.js``, ``.cjs``, ``.mjs``) cannot be evaluated: they are reported.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

JS_SUFFIXES = (".js", ".cjs", ".mjs")
GLOBAL_SUFFIXES = (".json", ".yaml", ".yml")


@dataclass
class DataFile:
    path: str  # relative to the imported folder
    data: dict = field(default_factory=dict)
    problem: str = ""  # why its data is not applied


def deep_merge(low, high):
    """``high`` over ``low`` as 11ty merges data: objects key by key, lists added up."""
    merged = dict(low)
    for key, value in high.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        elif isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = [*merged[key], *value]
        elif isinstance(value, list) and isinstance(merged.get(key), str) and key == "tags":
            merged[key] = [merged[key], *value]
        elif isinstance(value, str) and isinstance(merged.get(key), list) and key == "tags":
            merged[key] = [*merged[key], value]
        else:
            merged[key] = value
    return merged


def _load(file, relative):
    """A DataFile for a JSON or YAML file; JavaScript and unreadable files carry a problem."""
    data = DataFile(relative)
    if file.name.endswith(JS_SUFFIXES):
        data.problem = "a JavaScript data file cannot be evaluated: its data is not applied"
        return data
    try:
        text = file.read_text(encoding="utf-8-sig")
        loaded = json.loads(text) if file.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        data.problem = f"cannot be read ({type(error).__name__}: {error}): its data is not applied"
        return data
    data.data = loaded if loaded is not None else {}
    return data


class DataCascade:
    def __init__(self, root):
        self.root = Path(root)
        self.global_files = []
        self.global_data = self._read_global()
        self._files = {}  # relative path -> DataFile (or None when absent)

    def _read_global(self):
        folder = self.root / "_data"
        merged = {}
        if not folder.is_dir():
            return merged
        for file in sorted(folder.rglob("*")):
            if not file.is_file() or not file.name.endswith(GLOBAL_SUFFIXES + JS_SUFFIXES):
                continue
            relative = file.relative_to(self.root).as_posix()
            data = _load(file, relative)
            self.global_files.append(data)
            if data.problem:
                continue
            # _data/a/b.json is the variable a.b
            parts = file.relative_to(folder).with_suffix("").parts
            target = merged
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = data.data
        return merged

    def _file(self, relative):
        if relative not in self._files:
            file = self.root / relative
            self._files[relative] = _load(file, relative) if file.is_file() else None
        return self._files[relative]

    def _candidates(self, path):
        """The data files that apply to ``path``, lowest priority first."""
        pure = PurePosixPath(path)
        folders = [PurePosixPath(*pure.parent.parts[:depth]) for depth in range(len(pure.parts))]
        names = []
        for folder in folders:
            name = folder.name or self.root.name  # the input folder's own data file
            names += [(folder, name)]
        stem = pure.name.split(".", 1)[0] if pure.name.endswith(".11ty.js") else pure.stem
        names.append((pure.parent, stem))
        for folder, name in names:
            for suffix in (".json", ".11tydata.json", ".11tydata.js", ".11tydata.cjs"):
                yield (folder / f"{name}{suffix}").as_posix()

    def for_file(self, path):
        """(data, {top-level key: data file that set it}, [DataFile with a problem])."""
        data, origins, problems = {}, {}, []
        for relative in self._candidates(path):
            found = self._file(relative)
            if found is None:
                continue
            if found.problem:
                problems.append(found)
                continue
            if not isinstance(found.data, dict):
                found.problem = "not a group of `key: value` data: not applied"
                problems.append(found)
                continue
            data = deep_merge(data, found.data)
            origins.update(dict.fromkeys(found.data, relative))
        return data, origins, problems

    def data_files(self):
        """Every data file read, global ones first."""
        local = sorted((f for f in self._files.values() if f), key=lambda f: f.path)
        return [*self.global_files, *local]
