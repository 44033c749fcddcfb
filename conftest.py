"""Test-wide setup that must also reach the notebooks run by nbval.

The notebook kernel inherits this process's environment: point the app at a throwaway
copy of the main sample, and the user's data folder at a temporary one, so running the
tests never touches the bundled samples or the user's own workbooks.
"""

import os
import shutil
import tempfile
from pathlib import Path

from mchch_widgets.samples import ENV_DATA_DIR, sample_path
from mchch_widgets.settings import ENV_WORKBOOK

_scratch = Path(tempfile.mkdtemp(prefix="mchch-tests-"))
os.environ[ENV_DATA_DIR] = str(_scratch / "data")
os.environ.setdefault(ENV_WORKBOOK, str(shutil.copytree(sample_path(), _scratch / "notebook-workbook")))

import atexit

atexit.register(shutil.rmtree, _scratch, ignore_errors=True)
