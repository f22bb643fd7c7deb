"""A clinic's pack in the running window: its lines, services, articles, QR codes, problems."""

from pathlib import Path

import pytest
import zxingcpp
from helpers import article, read_barcodes
from PySide6.QtCore import Qt

from guide.reader.links import LinkKind

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example-pack"


@pytest.fixture
def clinic(window_factory, make_pack, qtbot):
    override = make_pack(
        {
            "en/articles/clonazepam.md": article(
                "Clonazepam at our clinic", body="Our own words on clonazepam: zanzibarword."
            )
        }
    )
    window = window_factory("--content", str(EXAMPLE), "--content", str(override))
    qtbot.waitUntil(window.search_ready)
    return window


def test_the_clinic_line_comes_right_after_emergency(clinic):
    texts = clinic.help_panel.contact_texts()
    assert texts[:5] == [
        "Emergency",
        "Call 911",
        "Springfield Recovery Clinic",
        "Call 217-555-0142",
        "Text 217-555-0143",
    ]
    assert "Call 988" in texts  # the national lines stay


def test_added_and_replaced_articles_show_in_the_sidebar_and_in_search(clinic):
    items = clinic.topic_tree.location_items()
    assert items["article:our-clinic"].text(0) == "Springfield Recovery Clinic"
    assert items["article:clonazepam"].text(0) == "Clonazepam at our clinic"
    assert clinic.search.index.search("springfield", "en").titles()[0] == "Springfield Recovery Clinic"
    assert clinic.search.index.search("zanzibarword", "en").titles() == ["Clonazepam at our clinic"]


def test_find_help_nearby_lists_services_by_kind_and_marks_old_entries(clinic, qtbot):
    item = clinic.topic_tree.location_items()["services:"]
    qtbot.mouseClick(
        clinic.topic_tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=clinic.topic_tree.visualItemRect(item).center(),
    )
    text = clinic.reader.toPlainText()
    assert text.startswith("Find help nearby")
    order = [
        text.index(h)
        for h in (
            "Walk-in crisis care",
            "Detox (withdrawal care)",
            "Inpatient and residential",
            "Outpatient programs",
            "Support groups",
        )
    ]
    assert order == sorted(order)
    for name in (
        "Riverside Medical Detox",
        "Harbor House residential treatment",
        "County Crisis Center",
        "217-555-0180",
        "Sliding scale".lower(),
    ):
        assert name.lower() in text.lower()
    assert "may be out of date (last checked 30 June 2025)" in text
    assert "Last checked: 15 October 2026" in text


@pytest.mark.parametrize(
    ("line", "uris"),
    [
        ("springfield-front-desk", ["tel:+12175550142", "sms:+12175550143"]),
        ("samhsa-helpline", ["tel:+18006624357"]),
        ("crisis-text-line", ["sms:741741?body=HOME"]),
        ("emergency", ["tel:911"]),
    ],
)
def test_a_tap_on_a_help_line_shows_qr_codes_that_decode_to_its_numbers(clinic, qtbot, line, uris):
    qtbot.mouseClick(clinic.help_panel.findChild(object, f"helpline-{line}"), Qt.MouseButton.LeftButton)
    assert clinic.current_location().kind is LinkKind.HELP and clinic.current_location().anchor == f"line-{line}"
    shown = read_barcodes(clinic.reader.viewport().grab().toImage())  # what the tap scrolled into view
    assert {uri: shown.get(uri) for uri in uris} == dict.fromkeys(uris, zxingcpp.BarcodeFormat.QRCode)


def test_staff_can_see_content_problems_but_not_in_kiosk_mode(window_factory, make_pack, qtbot):
    pack = make_pack({"en/articles/broken.md": "Title: Broken\n\nCall for free at to discuss.\n"})
    window = window_factory("--content", str(pack))
    window.on_address_requested("problems:")
    text = window.reader.toPlainText()
    assert text.startswith("Content problems") and "broken.md" in text and "placeholder or a gap" in text
    kiosk = window_factory("--kiosk", "--content", str(pack))
    assert "problems:" not in kiosk.topic_tree.location_items()
    kiosk.on_address_requested("problems:")
    assert kiosk.current_location().target == "home" and "Content problems" not in kiosk.reader.toPlainText()
