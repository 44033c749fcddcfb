"""Serve the workshop notebook with Voila on this computer only (127.0.0.1).

The page must work with no internet: Voila's `lab` template links Font Awesome from a
CDN although its own bundle already carries it, so we serve a template (`mchch`) that
drops those links.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .settings import AppSettings

_PACKAGE = Path(__file__).resolve().parent
TEMPLATE = "mchch"
HOST = "127.0.0.1"


def notebook_path() -> Path:
    installed = _PACKAGE / "notebooks" / "workshop.ipynb"
    return installed if installed.exists() else _PACKAGE.parent / "notebooks" / "workshop.ipynb"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def voila_command(notebook: Path, port: int) -> list[str]:
    return [
        sys.executable, "-m", "voila", str(notebook),
        f"--port={port}",
        "--no-browser",
        f"--Voila.ip={HOST}",
        f"--template={TEMPLATE}",
        "--theme=light",
        "--VoilaConfiguration.file_allowlist=[]",  # the page needs no file from the folder
        # A reloaded or closed tab leaves its kernel behind (Voilà's shutdown call is refused
        # for want of an XSRF token); end kernels nobody is connected to after 10 minutes.
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
    ]


def voila_environment(settings: AppSettings) -> dict[str, str]:
    """The server's environment: our template on the Jupyter path, the settings for the kernel."""
    environ = dict(os.environ)
    share = str(_PACKAGE / "voila_share")
    environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (share, environ.get("JUPYTER_PATH", "")) if p)
    environ.update(settings.to_environment())
    return environ


def start(settings: AppSettings, port: int, notebook: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        voila_command(notebook or notebook_path(), port), env=voila_environment(settings)
    )


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    """Stop the Voila server (it shuts its kernels down on SIGTERM); kill it if it hangs."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_ready(url: str, process: subprocess.Popen, timeout: float = 90) -> bool:
    """True once the server answers at `url`; False if it died or did not answer in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.25)
    return False


def url_for(port: int) -> str:
    return f"http://{HOST}:{port}/"
