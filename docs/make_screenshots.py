"""Render the screenshots kept in docs/: `python docs/make_screenshots.py` (no screen needed)."""

import os
import subprocess
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


def handout(name: str, *args: str, then=lambda window: None, sheets: int = 4) -> None:
    """A page printed to PDF as a visitor prints it, its first `sheets` sheets drawn by poppler's
    pdftoppm side by side (docs/PRINTING.md)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    window = create_window(args)
    then(window)
    folder = Path(tempfile.mkdtemp(prefix="guide-handout-"))
    assert window.save_page_pdf(str(folder / "page.pdf"))
    window.close()
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", str(sheets), str(folder / "page.pdf"), str(folder / "sheet")],
                   check=True)  # fmt: skip
    images = [QImage(str(p)) for p in sorted(folder.glob("sheet*.png"))]
    gap = 12
    joined = QImage(sum(i.width() for i in images) + gap * (len(images) + 1), max(i.height() for i in images) + 2 * gap,
                    QImage.Format.Format_RGB32)  # fmt: skip
    joined.fill(Qt.GlobalColor.darkGray)
    painter, x = QPainter(joined), gap
    for image in images:
        painter.drawImage(x, gap, image)
        x += image.width() + gap
    painter.end()
    joined.save(str(DOCS / name))
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
    for lang in ("en", "es"):  # handouts: any page printed, on Letter paper
        handout(f"handout-article-{lang}.png", "--lang", lang, "--article", "overdose-and-naloxone")
        handout(f"handout-help-{lang}.png", "--lang", lang, then=lambda w: w.open_help())
        handout(f"handout-services-{lang}.png", "--lang", lang, "--content", example,
                then=lambda w: w.on_address_requested("services:"))  # fmt: skip


if __name__ == "__main__":
    main()
