"""`mchch`: check a workbook, start a new one, serve the workshop app, print its papers, export it.

Exit codes: 0 success, 1 the workbook has problems, 2 a usage error, 3 (`report --pdf`)
the HTML was written but no PDF could be made. Bad data never
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

    export = commands.add_parser("export", help="ส่งออกสมุดงานทั้งเล่มเป็นไฟล์เดียว / export the whole workbook")
    export.add_argument("path", type=Path, help="the workbook folder")
    kind = export.add_mutually_exclusive_group(required=True)
    kind.add_argument("--xlsx", dest="kind", action="store_const", const="xlsx", help="one Excel file, a sheet per CSV")
    kind.add_argument("--zip", dest="kind", action="store_const", const="zip", help="a ZIP of the CSV files")
    export.add_argument("-o", "--output", type=Path, help="the file to write, or a folder to write it in "
                        "(default: next to the workbook folder)")
    export.add_argument("--force", action="store_true", help="overwrite the file if it exists")

    paper = commands.add_parser("report", help="รายงานผลต่อคณะกรรมการ มชช. อำเภอ / the district report (HTML, PDF)")
    paper.add_argument("path", type=Path, help="the workbook folder")
    paper.add_argument("-o", "--output", type=Path, help="the HTML file to write (default: next to the workbook "
                       "folder); written again each time")
    paper.add_argument("--pdf", action="store_true", help="also print it to a PDF beside the HTML (needs Chromium)")
    paper.add_argument("--form", action="store_true", help="the application form (step 1) instead of the report")
    paper.add_argument("--thai-digits", action="store_true", help="numbers and dates in Thai digits")
    paper.add_argument("--language", choices=("th", "en"), default="th")
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
    if args.command == "export":
        return export_workbook(args.path, args.kind, args.output, args.force)
    if args.command == "report":
        return report(args.path, args.output, args.pdf, args.form, args.thai_digits, args.language)
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


def export_workbook(path: Path, kind: str, output: Path | None = None, force: bool = False) -> int:
    """Write the whole workbook as one XLSX or ZIP file; never over an existing file unless `force`."""
    from . import export  # here: only this command needs openpyxl
    from .csvfile import atomic_write
    from .model import Refused

    try:
        data = export.workbook_xlsx(path) if kind == "xlsx" else export.workbook_zip(path)
    except Refused as error:  # not a workbook, or a file that cannot be read: said, not a traceback
        print(both(error.key, **error.params), file=sys.stderr)
        return EXIT_PROBLEMS
    name = export.export_file_name(path, kind)
    target = output if output is not None else path.resolve().parent / name
    if target.is_dir():
        target = target / name
    if target.exists() and not force:
        print(both("export_exists", path=target), file=sys.stderr)
        return EXIT_USAGE
    try:
        atomic_write(target, data)  # a crash leaves no half-written file
    except OSError as error:
        print(both("export_cannot_write", path=target, detail=error.strerror or error), file=sys.stderr)
        return EXIT_USAGE
    print(both("export_written", path=target))
    return EXIT_OK


EXIT_NO_PDF = 3  # `report --pdf`: the HTML was written, but no PDF could be made on this computer


def report(path: Path, output: Path | None = None, pdf: bool = False, form: bool = False,
           thai_digits: bool = False, language: str = "th") -> int:
    """Write the district report (with `form`, the application form) as HTML; with `pdf`, a PDF beside it."""
    from . import report as paper  # here: only this command needs Jinja2 and the charts
    from .csvfile import atomic_write
    from .model import Refused
    from .pdf import html_to_pdf

    workbook, problems = check_workbook(path)
    if workbook is None:  # the report is made from a readable workbook only: say what is wrong
        print(both("cli_problems", count=len(errors_only(problems)), path=path), file=sys.stderr)
        for problem in errors_only(problems):
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    options = paper.ReportOptions(lang=language, digits=thai_digits)
    html = (paper.application_form_html if form else paper.district_report_html)(workbook, options)
    name = f"{path.resolve().name}-{'application-form' if form else 'report'}.html"
    target = output if output is not None else path.resolve().parent / name
    if target.is_dir():
        target = target / name
    if target.suffix.lower() == ".pdf":  # `-o report.pdf --pdf`: the HTML goes beside it, not into it
        target = target.with_suffix(".html")
    try:
        atomic_write(target, html.encode("utf-8"))
        print(both("cli_report_written", path=target))
        if pdf:
            target = target.with_suffix(".pdf")
            target.unlink(missing_ok=True)  # an older PDF must not pass for this report if printing fails
            atomic_write(target, html_to_pdf(html))
            print(both("cli_report_written", path=target))
    except OSError as error:
        print(both("cli_cannot_write", path=target, detail=error.strerror or error), file=sys.stderr)
        return EXIT_USAGE
    except Refused as error:  # no Chromium, or it failed: the HTML is there to print from a browser
        print(both(error.key, **error.params), file=sys.stderr)
        return EXIT_NO_PDF
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
