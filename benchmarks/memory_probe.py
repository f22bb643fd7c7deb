"""Where the navigation benchmark's memory goes: resident memory against glibc's heap, per step.

    python benchmarks/memory_probe.py                 # make bench's figure, with the heap beside it
    python benchmarks/memory_probe.py reset language  # only those steps, bytes per step ("all": each)

The first form runs `suite.navigation_growth` unchanged (BENCH_NAVIGATIONS navigations, 10,000
by default) and reads glibc's heap at the moments it reads the resident size: heap in use
growing is a leak; resident memory growing with the heap in use flat is freed memory the
allocator keeps. The second runs one kind of step at a time, each in a fresh process, in two
rounds of PROBE_STEPS (1,000) after a warm-up: a second round that still grows is not a cache
filling up. Not part of `make bench`; Linux with glibc only.
"""

from __future__ import annotations

import ctypes
import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import suite  # noqa: E402

STEPS = int(os.environ.get("PROBE_STEPS", "1000"))
KINDS = ("article", "checklist", "back-forward", "help", "search", "reset", "language", "mixed")


class _MallInfo2(ctypes.Structure):
    _NAMES = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
    _fields_ = [(name, ctypes.c_size_t) for name in _NAMES]


def heap() -> tuple[int, int]:
    """(bytes malloc has handed out and not had back, bytes it holds free), every arena."""
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    info = libc.mallinfo2()
    return info.uordblks + info.hblkhd, info.fordblks


def rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def suite_figure(app) -> None:
    readings = []
    read_rss = suite.rss_mib

    def rss_and_heap() -> float:  # navigation_growth reads it twice: before and after its loop
        readings.append(heap())
        return read_rss()

    suite.rss_mib = rss_and_heap
    try:
        growth = suite.navigation_growth(app)
    finally:
        suite.rss_mib = read_rss
    (used_before, free_before), (used_after, free_after) = readings
    in_use, kept_free = (used_after - used_before) / 2**20, (free_after - free_before) / 2**20
    print(f"{suite.NAVIGATIONS:,} navigations: resident {growth:+.2f} MiB; "
          f"heap in use {in_use:+.2f} MiB, heap kept free {kept_free:+.2f} MiB")  # fmt: skip


def step_kinds(window) -> dict[str, list]:
    ids, checklists = window.library.article_ids(), window.library.checklist_ids()
    box = window.navigation.search_box
    return {
        "article": [lambda a=a: window.open_article(a) for a in ids],
        "checklist": [lambda c=c: window.open_checklist(c) for c in checklists],
        "back-forward": [window.go_back, window.go_back, window.go_forward,
                         *(lambda a=a: window.open_article(a) for a in ids[:2])],
        "help": [window.open_help, window.go_home],
        "search": [lambda: box.setText("benzo"), lambda: box.setText("")],
        "reset": [window.reset_session],
        "language": [lambda: window.set_language("es"), lambda: window.set_language("en")],
        "mixed": [  # suite.navigation_growth's loop
            *(lambda a=a: window.open_article(a) for a in ids),
            *(lambda c=c: window.open_checklist(c) for c in checklists),
            window.go_back, window.go_back, window.go_forward, window.open_help,
            lambda: box.setText("benzo"), lambda: box.setText(""),
            window.reset_session, lambda: window.set_language("es"), lambda: window.set_language("en"),
        ],
    }  # fmt: skip


def one_kind(app, kind: str) -> None:
    """Bytes a step of `kind` in two rounds of STEPS after a warm-up, and QObjects each round left."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from guide.ui.app import create_window

    window = create_window([])
    window.resize(1280, 800)
    window.show()
    steps = step_kinds(window)[kind]
    window.search.wait_built(30)

    def navigate(count: int) -> None:
        for number in range(count):
            steps[number % len(steps)]()
            if number % 10 == 0:  # as suite.navigation_growth does
                app.processEvents()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def settle() -> None:
        gc.collect()
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old checklist page

    def reading() -> tuple[int, int, int]:
        settle()
        objects = len(window.findChildren(QObject))  # before the heap: its Python wrappers stay
        settle()
        return rss(), heap()[0], objects

    navigate(500)
    first = reading()
    navigate(STEPS)
    second = reading()
    navigate(STEPS)
    third = reading()
    rounds = [[b - a for a, b in zip(x, y, strict=True)] for x, y in ((first, second), (second, third))]
    resident, in_use = (" ".join(f"{r[i] / STEPS:+7.0f}" for r in rounds) for i in (0, 1))
    objects = " ".join(f"{r[2]:+d}" for r in rounds)
    print(f"{kind:13} bytes a step, rounds of {STEPS}: resident {resident}   heap in use {in_use}   "
          f"live QObjects {objects}")  # fmt: skip
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    unknown = [kind for kind in argv if kind not in (*KINDS, "all")]
    if unknown:
        print(f"unknown step kinds {unknown}; choose from {', '.join(KINDS)}, or all", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        for variable in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            os.environ[variable] = str(Path(tmp) / variable.lower())
        app = QApplication.instance() or QApplication([])
        app.setApplicationName("Recovery Guide")
        kinds = list(KINDS) if argv == ["all"] else argv
        if len(kinds) == 1:
            one_kind(app, kinds[0])
        elif kinds:  # each in a process of its own: one kind's leftovers are not the next one's
            for kind in kinds:
                subprocess.run([sys.executable, __file__, kind], check=True)
        else:
            suite_figure(app)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
