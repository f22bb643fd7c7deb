"""Render the screenshots kept in docs/: `python docs/make_screenshots.py` (no screen needed)."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Screenshots answer "Was this page helpful?": keep that out of the real feedback store.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="guide-screenshots-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from guide.ui.app import create_window

DOCS = Path(__file__).resolve().parent


def quiet(mode: QtMsgType, context, message: str) -> None:
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def shot(name: str, *args: str, then=lambda window: None, size=(1280, 800)) -> None:
    window = create_window(args)
    window.resize(*size)
    window.show()
    window.search.wait_built(10)
    QApplication.processEvents()
    then(window)
    QApplication.processEvents()
    window.grab().save(str(DOCS / name))
    window.close()
    print(DOCS / name)


def tick(*ids: str):
    def apply(window):
        for item_id in ids:
            window.checklist_view.box(item_id).setChecked(True)

    return apply


def search(text: str):
    def apply(window):
        window.search.wait_built(30)
        QApplication.processEvents()
        window.navigation.search_box.setText(text)
        window.on_search_submitted()

    return apply


def main() -> None:
    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication([])  # noqa: F841
    shot("screenshot.png", "--article", "clonazepam")
    shot("search.png", then=search("benzo withdrawl"))
    for theme in ("light", "dark", "high-contrast"):
        shot(f"theme-{theme}.png", "--article", "clonazepam", then=lambda w, t=theme: w.set_theme(t))
    shot("zoom-250.png", "--article", "clonazepam", then=lambda w: [w.on_zoom_in() for _ in range(8)])
    shot("home-en.png")
    shot("home-es.png", "--lang", "es")
    example = str(DOCS / "example-pack")
    shot("clinic-help-panel.png", "--content", example, "--article", "our-clinic")
    shot(
        "find-help-nearby.png",
        "--content",
        example,
        then=lambda w: w.on_address_requested("services:"),
    )
    shot(
        "help-line-qr.png",
        "--content",
        example,
        then=lambda w: w.help_panel.helplineChosen.emit("samhsa-helpline"),
    )
    busy = str(DOCS.parent / "tests" / "fixtures" / "busy-clinic")  # twelve help lines in all
    shot("help-panel-800x600-es-12-lines.png", "--lang", "es", "--content", busy, size=(800, 600))
    shot("help-panel-800x600-en-12-lines.png", "--content", busy, size=(800, 600))
    shot(
        "help-panel-800x600-es-crisis.png",
        "--lang",
        "es",
        size=(800, 600),
        then=lambda w: (w.open_checklist("clonazepam-signs"), tick("suicide-thoughts")(w)),
    )
    shot("feedback.png", "--article", "treatment-options", then=lambda w: w.feedback_panel.yes.click())
    shot("kiosk-home.png", "--kiosk", size=(1024, 768))
    shot("kiosk-home-es.png", "--kiosk", "--lang", "es", size=(1024, 768))
    shot(
        "kiosk-link-dialog-es.png",
        "--kiosk",
        "--lang",
        "es",
        size=(1024, 768),
        then=lambda w: w.show_external_link("https://findtreatment.gov/"),
    )
    shot("kiosk-idle-warning.png", "--kiosk", then=lambda w: w.kiosk_mode.show_warning(12))
    shot(
        "checklist-clonazepam-signs.png",
        then=lambda w: (
            w.open_checklist("clonazepam-signs"),
            tick("anxiety", "trouble-sleeping")(w),
        ),
    )
    shot(
        "checklist-clonazepam-signs-red-flag.png",
        then=lambda w: (
            w.open_checklist("clonazepam-signs"),
            tick("anxiety", "suicide-thoughts")(w),
        ),
    )
    shot(
        "checklist-withdrawal-warning-signs.png",
        then=lambda w: (w.open_checklist("withdrawal-warning-signs"), tick("sweating")(w)),
    )
    shot(
        "checklist-withdrawal-warning-signs-red-flag.png",
        then=lambda w: (w.open_checklist("withdrawal-warning-signs"), tick("seizure")(w)),
    )


if __name__ == "__main__":
    main()
