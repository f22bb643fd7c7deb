"""`guide locator import FILE... [--out DIR]`: SAMHSA's files -> a pack's locator file. Qt-free.

Run by staff on any machine, online or not: the ZIP code centres come from the `zipcodes`
package (GeoNames data compiled into it) and go into the locator file with the facilities, so
the kiosk needs neither openpyxl nor zipcodes, only the file.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from datetime import date, datetime
from pathlib import Path

from guide.locator.directory import Directory
from guide.locator.importing import ImportFailed, import_files
from guide.locator.store import FILE_NAME, SAMHSA, write_directory

FINDTREATMENT = "SAMHSA FindTreatment.gov facility listings"


@functools.cache  # one read of the 42,000 records per process (0.4 s)
def zip_centres() -> tuple[dict[str, tuple[float, float]], str]:
    """Every active US ZIP code's centre, and where they come from."""
    try:
        import zipcodes
    except ImportError:
        needed = "placing facilities needs the zipcodes package: pip install 'recovery-guide[locator]'"
        raise ImportFailed(needed) from None
    centres = {}
    for record in zipcodes.list_all():
        if record.get("active") and record.get("lat") and record.get("long"):
            centres[record["zip_code"]] = (float(record["lat"]), float(record["long"]))
    version = getattr(zipcodes, "__version__", "")
    return centres, f"GeoNames (CC BY 4.0) via zipcodes {version}".strip()


def build_directory(paths: list[Path], today: date, *, source: str = "", edition: str = "", as_of: date | None = None):
    """(the Directory, the Problems) for `paths`; ImportFailed for a file that can't be read at all."""
    zips, zip_source = zip_centres()
    imported = import_files(paths, zips)
    if as_of is None:
        as_of = imported.latest_update or _file_date(paths)
    if not source:
        source = SAMHSA if "national-directory" in imported.formats else FINDTREATMENT
    if not edition:
        years = [m.group(0) for p in paths if (m := re.search(r"(?<!\d)20\d\d(?!\d)", p.name))]
        edition = max(years) if years else str(as_of.year)
    problems = list(imported.problems)
    directory = Directory(
        facilities=imported.facilities,
        zips=zips,
        source=source,
        edition=edition,
        as_of=as_of,
        imported=today,
        files=tuple(path.name for path in paths),
        zip_source=zip_source,
        problems=tuple((_where(p), p.message) for p in problems),
    )
    return directory, problems, imported


def _where(problem) -> str:
    return problem.path.name  # the message says the sheet and row


def _file_date(paths: list[Path]) -> date:
    """No date in the data: the newest file's own date."""
    return max(datetime.fromtimestamp(path.stat().st_mtime).date() for path in paths)


def locator_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="guide locator", description="Treatment facilities for 'Find treatment near you'."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import", help="read SAMHSA's facility files into a content pack")
    command.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".xlsx or .json from SAMHSA")
    command.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="the content pack (default: here)")
    command.add_argument("--source", default="", help="the data's name, as visitors read it")
    command.add_argument("--edition", default="", help='the edition, like "2025" (default: from the file name)')
    command.add_argument("--as-of", default="", metavar="YYYY-MM-DD", help="the data's date (default: from the data)")
    args = parser.parse_args(argv)
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            print(f"guide locator: --as-of must be a date like 2025-03-31, not {args.as_of!r}", file=sys.stderr)
            return 2
    for path in args.files:
        if not path.is_file():
            print(f"guide locator: file not found: {path}", file=sys.stderr)
            return 2
    if not args.out.is_dir():
        print(f"guide locator: content folder not found: {args.out}", file=sys.stderr)
        return 2
    try:
        directory, problems, imported = build_directory(
            args.files, date.today(), source=args.source, edition=args.edition, as_of=as_of
        )
    except ImportFailed as error:
        print(f"guide locator: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if not directory.facilities:
        print("guide locator: no facility could be used: nothing written", file=sys.stderr)
        return 1
    target = args.out / FILE_NAME
    try:
        write_directory(target, directory)
    except OSError as error:
        print(f"guide locator: cannot write {target}: {error.strerror or error}; nothing was changed", file=sys.stderr)
        return 1
    left = f"; {imported.left_out_mental_health} mental-health-only left out" if imported.left_out_mental_health else ""
    print(
        f"{target}: {len(directory.facilities)} facilities from {', '.join(directory.files)} "
        f"({directory.source}, {directory.edition}, data as of {directory.as_of}){left}; "
        f"{len(problems)} row problem{'s' if len(problems) != 1 else ''}"
    )
    return 0
