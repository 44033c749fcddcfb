"""`mchch serve` as a process: it serves on 127.0.0.1, and stopping it stops Voila and its kernels."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from workbook_files import wait_until

from mchch_widgets import serve
from mchch_widgets.samples import sample_path


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_stopping_mchch_serve_stops_voila_and_frees_the_port(tmp_path: Path, how: str):
    folder = shutil.copytree(sample_path(), tmp_path / "workbook")
    port = serve.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mchch_widgets", "serve", str(folder), "--no-browser", f"--port={port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        assert serve.wait_until_ready(serve.url_for(port), process)

        process.send_signal(getattr(signal, how))

        assert process.wait(timeout=30) == 0
        assert wait_until(lambda: serve.port_is_free(port), timeout=30), "Voila is still listening after mchch serve stopped"
    finally:
        serve.stop(process)


def test_a_port_in_use_is_refused_with_a_message(tmp_path: Path):
    folder = shutil.copytree(sample_path(), tmp_path / "workbook")
    import socket

    with socket.socket() as busy:
        busy.bind((serve.HOST, 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "mchch_widgets", "serve", str(folder), "--no-browser", f"--port={port}"],
            capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
        )
    assert result.returncode == 2
    assert f"พอร์ต {port} ถูกใช้อยู่" in result.stderr and f"port {port} is already in use" in result.stderr
