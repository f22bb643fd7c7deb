"""The treatment locator's core: SAMHSA's three formats in, one directory out, searched by ZIP code.

The fixtures (tests/fixtures/locator/, written by make_fixtures.py from the field lists in
../shared/facts/locator.md) hold the same facilities in each format, and the same broken rows.
Distances are checked against the zipcodes package's own haversine, not the guide's.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import zipcodes

from guide.locator import store
from guide.locator.build import build_directory, zip_centres
from guide.locator.directory import Directory
from guide.locator.facility import BIT, FILTERS
from guide.locator.importing import ImportFailed
from guide.locator.page import HELPLINE, locator_view
from guide.locator.store import LocatorFileError, read_directory, write_directory
from guide.packs.library import load_library

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "locator"
NATIONAL = FIXTURES / "2025_SU_Facilities_for_All_City_All.xlsx"
WORKBOOK = FIXTURES / "findtreatment-results.xlsx"
EXPORT = FIXTURES / "findtreatment-export.json"
TODAY = date(2026, 12, 3)
sys.path.insert(0, str(FIXTURES))
import make_fixtures  # noqa: E402  (the facilities the fixtures were written from)


@pytest.fixture(scope="module")
def built():
    return {path.name: build_directory([path], TODAY) for path in (NATIONAL, WORKBOOK, EXPORT)}


def essentials(directory: Directory) -> set[tuple]:
    """What a visitor reads of each facility (coordinates differ: the National Directory has none)."""
    return {
        (f.id, f.name, f.name2, f.address, f.phone, f.intake_phone, f.features, f.languages)
        for f in directory.facilities
    }


def test_each_format_gives_the_same_facilities(built):
    found = [essentials(directory) for directory, _problems, _imported in built.values()]
    assert len(found[0]) == len(make_fixtures.FACILITIES) == 8
    assert found[0] == found[1] == found[2]
    names = {name for _id, name, *_ in found[0]}
    assert "Sangamon Recovery Center (Adult Services)" not in names  # name2 is kept apart
    assert {f[0] for f in make_fixtures.FACILITIES} == names


def test_features_and_languages_come_from_the_data(built):
    directory = built[NATIONAL.name][0]
    by_name = {f.name: f for f in directory.facilities}
    sangamon = by_name["Sangamon Recovery Center"]
    assert set(sangamon.features) == {
        "outpatient", "intensive-outpatient", "buprenorphine", "naltrexone", "medicaid", "sliding-fee", "spanish",
    }  # fmt: skip
    assert set(by_name["Capital City Detox"].features) == {
        "detox", "hospital-inpatient", "medicare", "private-insurance", "cash",
    }  # fmt: skip
    assert set(by_name["Lincoln Residential Program"].features) == {
        "residential", "adolescents", "pregnant", "medicaid", "free",
    }  # fmt: skip
    assert by_name["Prairie Methadone Clinic"].languages == ("Arabic",)
    assert by_name["Lakefront Health Services"].languages == ("Chinese",)
    assert "veterans" in by_name["Veterans Path Outpatient"].features
    assert by_name["Veterans Path Outpatient"].phone == "217-555-0105 x12"
    assert by_name["Lakefront Health Services"].phone == "312-555-0106"
    assert sangamon.intake_phone == "217-555-0111"
    # Placed by the data's coordinates where it has them, else at the ZIP code's centre
    assert all(f.placed_by_zip for f in directory.facilities)
    assert not any(f.placed_by_zip for f in built[WORKBOOK.name][0].facilities)
    centre = zipcodes.matching("62701")[0]
    assert (sangamon.lat, sangamon.lon) == (float(centre["lat"]), float(centre["long"]))


def test_a_code_means_what_the_files_key_says(tmp_path):
    """The same code, named otherwise in a file's own key, is not read as Medicaid."""
    key = make_fixtures.KEY
    try:
        make_fixtures.KEY = [
            (c, cat, label, "Military insurance" if c == "MD" else name) for c, cat, label, name in key
        ]
        path = tmp_path / "renamed.xlsx"
        make_fixtures.write_national_directory(path, make_fixtures.FACILITIES)
    finally:
        make_fixtures.KEY = key
    directory, _problems, _imported = build_directory([path], TODAY)
    assert not any(f.has("medicaid") for f in directory.facilities)
    assert any(f.has("outpatient") for f in directory.facilities)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (NATIONAL, ["sheet 'SU Facilities', row 3: 'Sangamon Recovery Center': code 'ZZQ' is not in the file's",
                    "sheet 'SU Facilities', row 11: no name", "sheet 'SU Facilities', row 12: 'Short Zip Services'",
                    "sheet 'SU Facilities', row 13: 'No Phone Clinic': no phone number"]),
        (WORKBOOK, ["sheet 'Facilities with service detail', row 10: no name",
                    "sheet 'Facilities with service detail', row 11: 'Short Zip Services': ZIP code '6270' is not",
                    "sheet 'Facilities with service detail', row 12: 'No Phone Clinic'"]),
        (EXPORT, ["rows[8] (facility 9): no name", "rows[9] (facility 10): 'Short Zip Services'",
                  "rows[10] (facility 11): 'No Phone Clinic'", "rows[12] (facility 13): not a facility"]),
    ],
)  # fmt: skip
def test_every_row_it_cannot_use_is_a_problem_with_file_sheet_and_row(built, path, expected):
    _directory, problems, imported = built[path.name]
    assert all(problem.path == path for problem in problems)
    said = [str(problem) for problem in problems]
    for words in expected:
        assert any(words in line for line in said), (words, said)
    assert len(problems) == len(expected)
    assert imported.left_out_mental_health == (0 if path == NATIONAL else 1)


def test_an_excel_number_zip_keeps_its_leading_zero(tmp_path):
    boston = ("Harbor Recovery", "", "1 Example Sq", "", "Boston", "MA", "02134", "617-555-0100", "", "", "", "",
              "SA", "SA OP MD")  # fmt: skip
    path = tmp_path / "ma.xlsx"
    make_fixtures.write_national_directory(path, [boston])  # written as the number 2134
    directory, problems, _ = build_directory([path], TODAY)
    assert problems == []
    assert [f.zip for f in directory.facilities] == ["02134"]


def test_files_that_cannot_be_read_say_so(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "broken.json").write_text('{"rows": [\n  {"name1": "x",\n')
    (tmp_path / "other.json").write_text('{"results": []}')
    with pytest.raises(ImportFailed, match="not a SAMHSA facility file"):
        build_directory([tmp_path / "notes.txt"], TODAY)
    with pytest.raises(ImportFailed, match=r"broken\.xlsx: not a readable workbook"):
        build_directory([tmp_path / "broken.xlsx"], TODAY)
    with pytest.raises(ImportFailed, match=r"broken\.json:3: not valid JSON"):
        build_directory([tmp_path / "broken.json"], TODAY)
    with pytest.raises(ImportFailed, match='no "rows" list'):
        build_directory([tmp_path / "other.json"], TODAY)


def test_two_files_with_the_same_facility_make_one(tmp_path):
    directory, _problems, _ = build_directory([NATIONAL, EXPORT], TODAY)
    assert len(directory.facilities) == 8
    assert directory.files == (NATIONAL.name, EXPORT.name)


# The locator file


def test_the_file_gives_back_what_was_written(built, tmp_path):
    directory = built[WORKBOOK.name][0]
    write_directory(tmp_path / "locator.json.gz", directory)
    again = read_directory(tmp_path / "locator.json.gz")
    assert again.facilities == directory.facilities
    assert dict(again.zips) == {code: (round(a, 3), round(b, 3)) for code, (a, b) in directory.zips.items()}
    assert (again.source, again.edition, again.as_of, again.imported) == (
        "SAMHSA FindTreatment.gov facility listings", "2025", date(2025, 3, 31), TODAY,
    )  # fmt: skip
    assert len(again.problems) == 3
    first = (tmp_path / "locator.json.gz").read_bytes()
    write_directory(tmp_path / "locator.json.gz", directory)
    assert (tmp_path / "locator.json.gz").read_bytes() == first  # the same data, the same file


def _file(zips="62701+39.800-089.650", **facilities) -> bytes:
    """A locator file with one facility, with what a test breaks in it."""
    table = {"lat": [39.8], "lon": [-89.65], "bits": [1], "text": "\t".join(["1", "A"] + [""] * 10)} | facilities
    document = {"format": "recovery-guide-locator", "version": 2, "features": list(BIT), "languages": [],
                "facilities": table, "zips": zips}  # fmt: skip
    return gzip.compress(json.dumps(document).encode())


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not gzip at all", "cannot read the locator file"),
        (gzip.compress(b'{"format": "recovery-guide-locator", "version": 2, "facil')[:-12], "cut short or damaged"),
        (gzip.compress(b"[1, 2"), "damaged (not JSON)"),
        (gzip.compress(b'{"format": "something-else"}'), "not a locator file"),
        (gzip.compress(b'{"format": "recovery-guide-locator", "version": 7}'), "version 7: this guide reads version 2"),
        (gzip.compress(b'{"format": "recovery-guide-locator", "version": 1}'), "version 1: this guide reads version 2"),
        (gzip.compress(b'{"format": "recovery-guide-locator", "version": 2, "features": []}'), "damaged (KeyError"),
        (_file(text="a\tb"), "not 12 to a facility"),
        (_file(lat=[]), "1 facilities' words for 0 places"),
        (_file(zips="62701+39.800"), "not records of 20"),
        (_file(bits=["x"]), "services are not a number"),
    ],
    ids=[
        *("not-gzip", "cut-short", "not-json", "other-format", "newer-version", "version-1", "missing-part"),
        *("short-words", "fewer-places", "cut-zip-table", "bad-bits"),
    ],
)
def test_a_damaged_locator_file_is_a_problem_with_its_path(tmp_path, content, words):
    path = tmp_path / "locator.json.gz"
    path.write_bytes(content)
    with pytest.raises(LocatorFileError, match=re.escape(words)) as raised:
        read_directory(path)
    assert raised.value.problem.path == path


def test_the_kiosks_account_can_read_what_staff_wrote(built, tmp_path):
    """mkstemp makes a file only its owner reads: a kiosk running as another user saw no list."""
    path = tmp_path / "locator.json.gz"
    write_directory(path, built[NATIONAL.name][0])
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_damaged_file_is_read_once_however_often_the_page_asks(tmp_path):
    (tmp_path / "locator.json.gz").write_bytes(b"garbage")
    library = load_library([tmp_path])
    before = store.reads
    for _ in range(5):  # a visitor typing five digits
        assert store.load_directory(library) is None
    assert store.reads == before + 1
    assert [str(p) for p in library.problems].count(
        f"{tmp_path / 'locator.json.gz'}:1: error: cannot read the locator file: Not a gzipped file (b'ga')"
    ) == 1


def test_a_full_disk_leaves_the_old_file_as_it_was(built, tmp_path, monkeypatch):
    path = tmp_path / "locator.json.gz"
    write_directory(path, built[NATIONAL.name][0])
    before = path.read_bytes()

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", full)
    with pytest.raises(OSError):
        write_directory(path, built[WORKBOOK.name][0])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["locator.json.gz"]  # no half-written file left


# Searching


def test_nearest_first_by_the_independent_haversine(built):
    directory = built[WORKBOOK.name][0]
    origin = directory.locate("62701")
    found = directory.search(origin, limit=25)
    assert len(found) == 7  # Chicago is farther than 150 miles from Springfield
    theirs = [zipcodes.haversine(origin.lon, origin.lat, f.lon, f.lat) for f, _miles in found]
    assert theirs == sorted(theirs)
    for (_facility, miles), expected in zip(found, theirs, strict=True):
        assert miles == pytest.approx(expected, rel=0.01, abs=0.01)  # zipcodes gives miles too
    assert "Lakefront Health Services" not in {f.name for f, _ in found}
    chicago = directory.search(directory.locate("60601"))
    assert chicago[0][0].name == "Lakefront Health Services"


def test_filters_keep_only_facilities_with_every_feature(built):
    directory = built[NATIONAL.name][0]
    origin = directory.locate("62701-1234")  # ZIP+4 is the same place
    assert origin.zip == "62701"
    names = lambda filters: [f.name for f, _ in directory.search(origin, filters)]  # noqa: E731
    assert names({"medicaid", "spanish"}) == ["Sangamon Recovery Center"]
    assert set(names({"residential"})) == {"Lincoln Residential Program", "Peoria Women's Recovery House"}
    assert names({"detox", "medicaid"}) == []
    assert names({"methadone"}) == ["Prairie Methadone Clinic"]
    assert set(FILTERS) >= {"detox", "medicaid", "spanish", "sliding-fee", "free", "veterans"}


@pytest.mark.parametrize("typed", ["00000", "6270", "abcde", "627011", "", "99999"])
def test_an_unknown_zip_is_none(built, typed):
    assert built[NATIONAL.name][0].locate(typed) is None


def test_filters_at_one_zip_never_measure_again(built):
    """What keeps a query within a frame at 14,000 facilities (benchmarks/locator_bench.py)."""
    directory = build_directory([NATIONAL], TODAY)[0]
    origin = directory.locate("62701")
    for filters in ({"detox"}, {"medicaid"}, {"medicaid", "spanish"}, set(), {"free"}):
        directory.search(origin, filters)
    assert directory.measured == 1
    directory.search(directory.locate("60601"))
    assert directory.measured == 2


# The page a visitor reads


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_page_for_a_zip(built, lang):
    directory = built[NATIONAL.name][0]
    view = locator_view(directory, "62701", frozenset({"medicaid"}), lang, TODAY)
    assert view.rows[0].name == "Sangamon Recovery Center (Adult Services)"
    first = view.rows[0]
    assert first.distance == {"en": "less than a mile", "es": "a menos de una milla"}[lang]
    assert first.call == "tel:+12175550101"
    assert {"en": "Medicaid; Sliding fee", "es": "Medicaid; Tarifa según ingresos"}[lang] in first.payment
    assert {"en": "Spanish", "es": "Español"}[lang] in first.offers
    assert {"en": "Source: SAMHSA National Directory", "es": "Fuente: SAMHSA National Directory"}[lang] in view.as_of
    assert view.stale == ""
    assert "GeoNames" in view.attribution[0]
    far = next(row.distance for row in view.rows if "Jacksonville" in row.address)
    # zipcodes.haversine between the two ZIP codes' centres: 31.09 miles
    assert far == {"en": "about 31 miles", "es": "a unas 31 millas"}[lang]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_nothing_found_offers_the_national_helpline(built, lang):
    directory = built[NATIONAL.name][0]
    for zip_code, filters in (("62701", {"detox", "medicaid"}), ("99501", set()), ("00000", set())):
        view = locator_view(directory, zip_code, frozenset(filters), lang, TODAY)
        assert view.rows == ()
        assert HELPLINE in view.message
    assert "00000" in locator_view(directory, "00000", frozenset(), lang, TODAY).message
    assert HELPLINE in locator_view(None, "62701", frozenset(), lang, TODAY).message


def test_a_directory_over_a_year_old_says_it_may_be_out_of_date(tmp_path, built):
    old = build_directory([EXPORT], TODAY, as_of=date(2025, 11, 1))[0]
    assert old.is_stale(TODAY)
    assert not built[WORKBOOK.name][0].is_stale(date(2026, 3, 30))
    view = locator_view(old, "62701", frozenset(), "es", TODAY)
    assert "más de un año" in view.stale
    assert "1 de noviembre de 2025" in view.as_of


# The command line and guide check


def guide(*args, cwd):
    return subprocess.run([sys.executable, "-m", "guide", *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def test_import_then_check_reports_problems_and_age(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    source = tmp_path / "old.json"
    shutil.copy(EXPORT, source)
    done = guide("locator", "import", str(source), "--out", str(pack), "--as-of", "2025-06-30", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "8 facilities from old.json" in done.stdout
    assert "rows[8] (facility 9): no name" in done.stdout
    checked = guide("check", str(pack), cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    lines = checked.stdout.splitlines()
    assert any("locator.json.gz:1: warning: from old.json: rows[9] (facility 10): 'Short Zip" in line for line in lines)
    assert any("the facility data is from 2025-06-30" in line and "may be out of date" in line for line in lines)
    assert any(line.startswith(f"{pack / 'locator.json.gz'}: 8 facilities") and "days old" in line for line in lines)
    assert guide("check", "--strict", str(pack), cwd=tmp_path).returncode == 1
    library = load_library([pack])
    assert library.locator == pack / "locator.json.gz"


def test_check_reports_a_damaged_locator_file_as_an_error(tmp_path):
    (tmp_path / "locator.json.gz").write_bytes(b"garbage")
    checked = guide("check", str(tmp_path), cwd=tmp_path)
    assert checked.returncode == 1
    assert f"{tmp_path / 'locator.json.gz'}:1: error: cannot read the locator file" in checked.stdout


def test_check_readability_still_checks(tmp_path):
    """--readability printed its table and exited 0, hiding every problem."""
    (tmp_path / "locator.json.gz").write_bytes(b"garbage")
    checked = guide("check", "--readability", str(tmp_path), cwd=tmp_path)
    assert "| language | article | reading level |" in checked.stdout
    assert "error: cannot read the locator file" in checked.stdout
    assert checked.returncode == 1


@pytest.mark.parametrize("empty", ["empty.xlsx", "empty.json"])
def test_an_empty_file_writes_nothing(tmp_path, empty):
    done = guide("locator", "import", str(FIXTURES / empty), "--out", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 1
    assert "no facility could be used: nothing written" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["import", "/no/such.xlsx"], "file not found: /no/such.xlsx"),
        (["import", str(EXPORT), "--out", "/no/such/pack"], "content folder not found"),
        (["import", str(EXPORT), "--as-of", "March"], "--as-of must be a date"),
        (["import", str(FIXTURES / "make_fixtures.py")], "not a SAMHSA facility file"),
    ],
)
def test_import_mistakes_get_one_line_and_status_2(tmp_path, args, words):
    done = guide("locator", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr


def test_the_zip_table_is_the_whole_country():
    centres, source = zip_centres()
    assert len(centres) > 40_000 and "GeoNames" in source
    assert centres["10001"] == (40.7484, -73.9967)


def test_the_library_and_the_store_agree_on_the_file_name():
    import inspect

    from guide.packs import library

    assert f'"{store.FILE_NAME}"' in inspect.getsource(library)


def test_the_kiosk_reads_the_file_once(tmp_path, built):
    write_directory(tmp_path / "locator.json.gz", built[NATIONAL.name][0])
    library = load_library([tmp_path])
    before = store.reads
    first = store.load_directory(library)
    assert store.load_directory(library) is first
    assert store.reads == before + 1
    data = json.loads(gzip.decompress((tmp_path / "locator.json.gz").read_bytes()))
    assert len(data["facilities"]["bits"]) == len(first.facilities)


def test_a_file_from_a_guide_with_other_filters_keeps_what_each_bit_meant(tmp_path):
    """Bits are read by the names stored with them: a newer importer's extra filter (unknown
    here) and another order must not make a facility "Medicaid" that isn't."""
    path = tmp_path / "locator.json.gz"
    document = json.loads(gzip.decompress(_file()))
    document["features"] = ["telehealth", "medicaid", "detox"]  # bit 0 unknown here
    document["facilities"]["bits"] = [0b011]  # telehealth and Medicaid
    path.write_bytes(gzip.compress(json.dumps(document).encode()))
    (facility,) = read_directory(path).facilities
    assert facility.features == ("medicaid",)


def test_a_search_makes_only_the_facilities_it_shows(tmp_path, built):
    """The words of 14,000 facilities are not turned into objects at a first open: only the rows shown."""
    write_directory(tmp_path / "locator.json.gz", built[NATIONAL.name][0])
    directory = read_directory(tmp_path / "locator.json.gz")
    found = directory.search(directory.locate("62701"), {"outpatient"}, limit=2)
    assert len(found) == 2
    made = sorted(directory.facilities._made)
    assert made == sorted(directory.facilities.index(f) for f, _ in found)
