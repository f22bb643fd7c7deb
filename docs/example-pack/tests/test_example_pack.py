"""What a clinic checks before its kiosk goes live: a template to copy into your own pack.

Run from anywhere with the guide installed (`pip install 'recovery-guide[test]'`):

    pytest path/to/your-pack/tests

The `guide` fixture opens the real guide window with this pack laid over the bundled one
(the pack is the folder these tests sit in). No conftest.py is needed.
"""

import pytest


def test_our_front_desk_is_on_the_help_panel_right_after_emergency(guide):
    lines = guide.help_lines()
    assert lines[:4] == ["Emergency", "Call 911", "Springfield Recovery Clinic", "Call 217-555-0142"]


def test_search_finds_our_clinic_page(guide):
    assert guide.search("springfield")[0] == "Springfield Recovery Clinic"


def test_our_page_opens_and_points_to_nearby_services(guide):
    text = guide.open_article("our-clinic")
    assert "217-555-0142" in text
    assert "services:" in guide.links()


def test_every_local_service_is_listed(guide):
    guide.window.on_address_requested("services:")
    for name in ("Riverside Medical Detox", "Harbor House", "Tuesday Circle", "County Crisis Center"):
        assert name in guide.page_text()


def test_a_red_flag_still_brings_crisis_help_with_our_pack(guide):
    guide.open_checklist("clonazepam-signs")
    guide.tick("suicide-thoughts")
    assert guide.crisis_shown()


@pytest.mark.guide("--lang", "es")
def test_our_page_in_spanish(guide):
    assert guide.open_article("our-clinic").startswith("Clínica de Recuperación Springfield")


@pytest.mark.guide("--kiosk", "--idle-seconds", "2")
def test_the_kiosk_starts_over_by_itself(guide):
    guide.open_article("our-clinic")
    guide.wait_for_idle_reset(timeout_seconds=5)
    assert guide.window.current_location().target == "home"
