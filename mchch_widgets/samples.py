"""The bundled sample workbooks, and writable copies of them for practice.

The bundled samples are never modified: the app opens a copy in the user's data folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import platformdirs

MAIN_SAMPLE = "khiriwong-natural-dye-group"
ENV_DATA_DIR = "MCHCH_DATA_DIR"  # where writable copies go; tests point it at a temporary folder
_PACKAGE = Path(__file__).resolve().parent


def samples_folder() -> Path:
    # An installed wheel carries the samples inside the package; a source checkout has
    # them at the top of the repository (DESIGN.md section 3).
    installed = _PACKAGE / "sample_data"
    return installed if installed.is_dir() else _PACKAGE.parent / "sample_data"


def sample_names() -> list[str]:
    return sorted(p.name for p in samples_folder().iterdir() if (p / "profile.csv").exists())


def sample_path(name: str = MAIN_SAMPLE) -> Path:
    return samples_folder() / name


def data_folder() -> Path:
    return Path(os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir("mchch", appauthor=False))


def writable_sample_copy(name: str = MAIN_SAMPLE) -> Path:
    """A copy of sample `name` that the user may change; made once, then reused as it is."""
    target = data_folder() / "workbooks" / name
    if not (target / "profile.csv").exists():
        target.mkdir(parents=True, exist_ok=True)
        for source in sample_path(name).glob("*.csv"):
            shutil.copyfile(source, target / source.name)
    return target
