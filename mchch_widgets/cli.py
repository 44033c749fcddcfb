"""`mchch`: check a workbook, start a new one, or serve the workshop app.

Exit codes: 0 success, 1 the workbook has problems, 2 a usage error. Bad data never
gives a traceback: it gives the list of problems in Thai and English.
"""

from __future__ import annotations

import argparse
import signal
import sys
import webbrowser
from pathlib import Path

from . import serve as server
from .model import TARGET_TYPES, TITLE_MAX, new_workbook
from .settings import AppSettings
from .store import check_workbook, create_workbook, errors_only
from .text import both

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mchch", description="สมุดงาน มชช. / มชช. community self-assessment workbook"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="ตรวจสมุดงาน / check a workbook folder")
    check.add_argument("path", type=Path, help="the workbook folder")

    run = commands.add_parser("serve", help="เปิดแอปเวิร์กช็อป / serve the workshop app with Voila")
    run.add_argument("path", type=Path, nargs="?", help="the workbook folder (default: a copy of the sample)")
    run.add_argument("--port", type=int, default=8866, help="port on 127.0.0.1 (default 8866)")
    run.add_argument("--no-browser", action="store_true", help="do not open a browser")
    run.add_argument("--language", choices=("th", "en"), default="th", help="language at start")

    new = commands.add_parser("new", help="สร้างสมุดงานใหม่ / create an empty workbook")
    new.add_argument("path", type=Path, help="a new or empty folder")
    new.add_argument("--type", dest="target_type", choices=TARGET_TYPES, required=True)
    new.add_argument("--name", required=True, help="the leader's, group's, network's or community's name")
    new.add_argument("--facilitator", default="")
    return parser


def main(argv: list[str] | None = None) -> int:
    # Thai text must print on any console, including Windows' and a pipe's.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.path)
    if args.command == "new":
        return new(args.path, args.target_type, args.name, args.facilitator)
    return serve(args.path, args.port, not args.no_browser, args.language)


def validate(path: Path) -> int:
    workbook, problems = check_workbook(path)
    errors = errors_only(problems)
    warnings = [p for p in problems if p.severity == "warning"]
    if errors:
        print(both("cli_problems", count=len(errors), path=path))
        for problem in errors:
            print(f"  - {problem}")
    if warnings:
        print(both("cli_warnings", count=len(warnings)))
        for problem in warnings:
            print(f"  - {problem}")
    if workbook is None:
        return EXIT_PROBLEMS
    print(both("cli_valid", path=path))
    return EXIT_OK


def new(path: Path, target_type: str, name: str, facilitator: str) -> int:
    name = name.strip()
    if not name or len(name) > TITLE_MAX:
        print(both("err_too_long", limit=TITLE_MAX) if name else both("err_required"), file=sys.stderr)
        return EXIT_USAGE
    try:
        create_workbook(path, new_workbook(name, target_type, facilitator=facilitator))
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(both("cli_cannot_create", path=path, detail=error.strerror or error), file=sys.stderr)
        return EXIT_USAGE
    print(both("cli_created", path=path))
    return EXIT_OK


def serve(path: Path | None, port: int, open_browser: bool, language: str = "th") -> int:
    settings = AppSettings(workbook=str(path.resolve()) if path else "", language=language)
    folder = settings.workbook_folder()
    if not path:
        print(both("cli_sample_copy", path=folder))
    settings.workbook = str(folder)
    if validate(folder) != EXIT_OK:
        return EXIT_PROBLEMS
    if not server.port_is_free(port):
        print(both("cli_port_busy", port=port), file=sys.stderr)
        return EXIT_USAGE
    url = server.url_for(port)
    print(both("cli_serving", path=folder), flush=True)
    _stop_on_termination()
    process = server.start(settings, port)
    try:
        if not server.wait_until_ready(url, process):
            print(both("cli_server_failed"), file=sys.stderr)
            return EXIT_PROBLEMS
        print(both("cli_open_at", url=url), flush=True)
        if open_browser:
            webbrowser.open(url)
        return process.wait()
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        server.stop(process)  # never leave Voila and its kernels running behind us


def _stop_on_termination() -> None:
    """Treat SIGTERM (and SIGHUP: the terminal closed) like Ctrl+C, so Voila is stopped too."""
    def interrupt(_signum, _frame):
        raise KeyboardInterrupt
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), interrupt)
