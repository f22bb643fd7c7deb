"""The performance suite: `make bench`. Every figure against a bare Qt baseline from the same run.

Measures start to a visible window on Xvfb with openbox against the bare window and the peer
readers (benchmarks/peers.py: Zeal, kiwix-desktop, Qt Assistant, when installed; `make
bench-peers` installs them), the screenshot path's start-up (tracked, not budgets), opening an
article, typing in search (benchmarks/search_bench.py), peak memory, CPU while idle in kiosk
mode, and memory growth over 10,000 navigations. Prints a table with DESIGN.md's budgets beside
each figure, writes it and the peers' tables to docs/PERFORMANCE.md with the machine, and exits
1 when a budget is missed or can't be checked (a peer not installed).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import peers, search_bench  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
IDLE_SECONDS = float(os.environ.get("BENCH_IDLE_SECONDS", "30"))
NAVIGATIONS = int(os.environ.get("BENCH_NAVIGATIONS", "10000"))

# A bare PySide6 window: a QMainWindow with a QTextBrowser, shown and grabbed to PNG.
BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication([])
w = QMainWindow(); b = QTextBrowser(); b.setHtml(open(sys.argv[1]).read()); w.setCentralWidget(b)
w.resize(1280, 800); w.show(); app.processEvents(); w.grab().save(sys.argv[2])
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

# The same first screen in plain PySide6 with no application code (benchmarks/first_screen.py).
FLOOR = f"""
import resource, runpy, sys
sys.argv = ["first_screen.py", *sys.argv[1:]]
runpy.run_path({str(ROOT / "benchmarks" / "first_screen.py")!r}, run_name="__main__")
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

GUIDE = """
import resource, sys
from guide.cli import main
code = main(sys.argv[1:])
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def run_timed(script: str, *args: str, env: dict) -> tuple[float, int]:
    """(seconds from process start to exit, peak RSS in KiB)."""
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - began
    assert result.returncode == 0, result.stderr[-2000:]
    rss = next(int(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("RSS"))
    return elapsed, rss


def startup(env: dict, folder: Path, pack: Path | None) -> dict[str, float]:
    """Cold start to the first article painted and grabbed, against the bare window.

    With the bundled content, the same first screen in plain PySide6 is timed too (`floor_s`).
    """
    from guide.packs.library import load_library

    article = load_library().article("clonazepam").path
    html = folder / "page.html"
    html.write_text(article.read_text())
    guide_args = ["--screenshot", str(folder / "g.png"), "--article", "clonazepam"]
    if pack is not None:
        guide_args += ["--content", str(pack)]
    floor_args = [*peers.floor_files(folder), str(folder / "f.png")]
    run_timed(GUIDE, *guide_args, env=env)  # warm the caches (rendered page, search index)
    bare, guide, floor = [], [], []
    for _ in range(RUNS):  # interleaved, so a busy moment on the machine falls on all three
        bare.append(run_timed(BARE, str(html), str(folder / "b.png"), env=env))
        guide.append(run_timed(GUIDE, *guide_args, env=env))
        if pack is None:
            floor.append(run_timed(FLOOR, *floor_args, env=env))
    return {
        "bare_s": statistics.median(t for t, _ in bare),
        "guide_s": statistics.median(t for t, _ in guide),
        "floor_s": statistics.median(t for t, _ in floor) if floor else 0.0,
        "bare_rss": max(r for _, r in bare) / 1024,
        "guide_rss": max(r for _, r in guide) / 1024,
    }


def open_article(app) -> dict[str, float]:
    """A click in the topic tree to the page laid out, against setHtml of the same HTML."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTextBrowser

    from guide.ui.app import create_window

    window = create_window([])
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    tree = window.topic_tree
    items = [(address, item) for address, item in tree.location_items().items() if address.startswith("article:")]
    bare = QTextBrowser()
    bare.resize(window.reader.size())
    bare.show()
    ratios, guide_ms, bare_ms = [], [], []
    for _round in range(3):
        for address, item in items:
            window.go_home()
            app.processEvents()
            began = time.perf_counter()
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
            window.reader.document().size()  # laid out
            guide_time = time.perf_counter() - began
            html = window.renderer.article_html(address.split(":")[1], "en")
            began = time.perf_counter()
            bare.setHtml(html)
            bare.document().size()
            bare_time = time.perf_counter() - began
            if _round:  # the first round fills the caches, as a visitor's first minute does
                ratios.append(guide_time / bare_time)
                guide_ms.append(guide_time * 1000)
                bare_ms.append(bare_time * 1000)
    window.close()
    return {"p50": statistics.median(ratios), "p95": search_bench.percentile(ratios, 0.95),
            "guide_ms": statistics.median(guide_ms), "bare_ms": statistics.median(bare_ms)}  # fmt: skip


def idle_cpu(env: dict, folder: Path) -> float:
    """Percent of one core used by a kiosk left alone (idle timer armed)."""
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--kiosk"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        time.sleep(3)  # let it start and settle (the search index, first paint)
        ticks = os.sysconf("SC_CLK_TCK")

        def cpu() -> float:
            fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks

        before, began = cpu(), time.monotonic()
        time.sleep(IDLE_SECONDS)
        return 100 * (cpu() - before) / (time.monotonic() - began)
    finally:
        process.terminate()  # SIGTERM: the kiosk ignores close events, not signals
        process.wait(10)


def rss_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def navigation_growth(app) -> float:
    """MiB the process grows over NAVIGATIONS navigations (after a warm-up)."""
    from guide.ui.app import create_window

    window = create_window([])
    window.resize(1280, 800)
    window.show()
    ids = window.library.article_ids()
    checklists = window.library.checklist_ids()
    steps = [
        *(lambda a=a: window.open_article(a) for a in ids),
        *(lambda c=c: window.open_checklist(c) for c in checklists),
        window.go_back, window.go_back, window.go_forward, window.open_help,
        lambda: window.navigation.search_box.setText("benzo"), lambda: window.navigation.search_box.setText(""),
        window.reset_session, lambda: window.set_language("es"), lambda: window.set_language("en"),
    ]  # fmt: skip
    window.search.wait_built(30)

    def navigate(count: int) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        for number in range(count):
            steps[number % len(steps)]()
            if number % 10 == 0:  # what a running event loop does between a visitor's clicks
                app.processEvents()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    navigate(500)  # warm-up: caches fill, as they would in a visitor's first minutes
    import gc

    gc.collect()
    app.processEvents()
    before = rss_mib()
    navigate(NAVIGATIONS)
    gc.collect()
    app.processEvents()
    window.close()
    return rss_mib() - before


def main() -> int:
    from PySide6.QtWidgets import QApplication

    try:  # first, on a quiet machine: nothing of this process is running yet
        visible = peers.measure(peers.RUNS)
    except peers.Missing as error:
        print(f"bench: the start-up budgets need a real display: {error}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, XDG_CACHE_HOME=str(folder / "cache"), XDG_DATA_HOME=str(folder / "data"),
                   XDG_CONFIG_HOME=str(folder / "config"), PYTHONPATH=str(ROOT))  # fmt: skip
        # An installed guide runs from compiled bytecode (pip and the bundle compile it); with this
        # set, every start would compile the modules changed since the last run from source.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.update({k: env[k] for k in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")})
        pack = write_corpus(folder / "pack", 5000)
        bundled = startup(env, folder, None)
        large = startup(env, folder, pack)
        app = QApplication.instance() or QApplication([])
        app.setApplicationName("Recovery Guide")
        opening = open_article(app)
        growth = navigation_growth(app)
        idle = idle_cpu(env, folder)
    search_status = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "search_bench.py")], cwd=ROOT, env=env)

    def ratio(figures):
        return figures["guide_s"] / figures["bare_s"]

    def ms(figures, key):
        return f"{figures[key] * 1000:.0f} ms"

    extra_memory = bundled["guide_rss"] - bundled["bare_rss"]
    rows = [
        *visible_rows(visible),
        ("(tracked) screenshot path: the same first screen in plain PySide6, no guide code",
         f"{ms(bundled, 'floor_s')} vs {ms(bundled, 'bare_s')}", f"{bundled['floor_s'] / bundled['bare_s']:.2f}x",
         "-", None),
        ("(tracked) screenshot path: start to first article grabbed, bundled content",
         f"{ms(bundled, 'guide_s')} vs {ms(bundled, 'bare_s')}", f"{ratio(bundled):.2f}x", "-", None),
        ("(tracked) screenshot path: the same, 5,000 articles, warm cache",
         f"{ms(large, 'guide_s')} vs {ms(large, 'bare_s')}", f"{ratio(large):.2f}x", "-", None),
        ("opening an article (click to laid out) vs setHtml",
         f"{opening['guide_ms']:.1f} ms vs {opening['bare_ms']:.1f} ms (p50)",
         f"p50 {opening['p50']:.2f}x, p95 {opening['p95']:.2f}x", "<= 1.25x", opening["p95"] <= 1.25),
        ("peak memory, bundled content", f"{bundled['guide_rss']:.0f} MiB vs {bundled['bare_rss']:.0f} MiB",
         f"+{extra_memory:.0f} MiB", "<= +40 MiB", extra_memory <= 40),
        (f"CPU while idle in kiosk mode ({IDLE_SECONDS:.0f} s)", f"{idle:.2f}% of a core", "-", "< 1%", idle < 1),
        (f"memory growth over {NAVIGATIONS:,} navigations", f"{growth:+.1f} MiB", "-", "< 5 MiB", growth < 5),
        ("typing in search, 5,000 articles, realistic and every-article-matches corpora", "see the Search section",
         "-", "echo p95 < 16 ms, results p95 < 50 ms", search_status.returncode == 0),
    ]  # fmt: skip
    table = "| figure | measured (guide vs bare) | ratio | budget | met |\n| --- | --- | --- | --- | --- |\n"
    verdict = {True: "yes", False: "**no**", None: "-"}
    table += "\n".join(f"| {a} | {b} | {c} | {d} | {verdict[ok]} |" for a, b, c, d, ok in rows)
    print(table)
    report = ROOT / "docs" / "PERFORMANCE.md"
    text = report.read_text()
    budgets = (
        "## Budgets (`make bench`)\n\n"
        f"Machine: {search_bench.machine()}. Start to a visible window: medians of {visible['runs']} interleaved\n"
        "rounds on Xvfb with openbox (the next section). Screenshot path: medians of "
        f"{RUNS} whole-process runs, against\na QMainWindow with a QTextBrowser showing the same article, "
        "shown and grabbed.\n\n"
        f"{table}\n\n"
    )
    load = visible["load"]
    on_screen = (
        "## Start-up on a real display (`python benchmarks/peers.py`)\n\n"
        f"The `make bench` run above; load average {load[0]:.2f} before, {load[1]:.2f} after. From the command\n"
        "to the program's window mapped (its MapNotify on the X server), and, for the two Qt programs\n"
        "written here, to the first frame painted (reported by the process).\n\n"
        f"{peers.table(visible)}\n\n"
        "Where each start goes, step by step (medians, inside the process; `mapped` and `painted` from\n"
        "the X server and the probe):\n\n"
        f"{peers.phase_table(visible)}\n\n"
    )
    text = replace_section(text, "## Budgets", budgets)
    text = replace_section(text, "## Start-up on a real display", on_screen, after="## Budgets")
    report.write_text(text)
    return 0 if all(ok is not False for *_, ok in rows) else 1


def visible_rows(visible: dict) -> list[tuple]:
    """The start-up budgets (DESIGN.md): to a visible window, ahead of Zeal and kiwix-desktop."""
    shown = visible["programs"]

    def ratio(name: str) -> float | None:
        return shown[name]["mapped"]["ratio"] if shown.get(name, {}).get("status") == "measured" else None

    def measured(name: str) -> str:
        got = shown[name]
        first = got.get("painted")
        painted = f", painted {first['ms']:.0f} ms ({first['ratio']:.2f}x)" if first else ""
        return f"mapped {got['mapped']['ms']:.0f} ms vs {shown['bare']['mapped']['ms']:.0f} ms{painted}"

    zeal, kiwix = ratio("zeal"), ratio("kiwix-desktop")
    missing = [name for name, r in (("zeal", zeal), ("kiwix-desktop", kiwix)) if r is None]
    if missing:
        why = f"{', '.join(missing)}: {', '.join(shown[n]['status'] for n in missing)} (`make bench-peers`)"
        ahead_of_both = ahead_of_kiwix = (why, False)
    else:
        best = min(zeal, kiwix)
        ahead_of_both = (f"< {best:.2f}x (Zeal {zeal:.2f}x, Kiwix {kiwix:.2f}x)", ratio("guide") < best)
        ahead_of_kiwix = (f"< {kiwix:.2f}x (Kiwix, nothing loaded)", ratio("guide-5000") < kiwix)
    rows = [
        ("start to a visible window, bundled content", measured("guide"), f"{ratio('guide'):.2f}x", *ahead_of_both),
        ("start to a visible window, 5,000 articles, warm cache", measured("guide-5000"),
         f"{ratio('guide-5000'):.2f}x", *ahead_of_kiwix),
    ]  # fmt: skip
    floor = "first screen, plain PySide6"
    rows.append((f"(reference) the same {floor[:12]} in plain PySide6, no guide code, to a visible window",
                 measured(floor), f"{ratio(floor):.2f}x", "-", None))  # fmt: skip
    for name in ("zeal", "kiwix-desktop", "assistant"):
        if ratio(name) is not None:
            rows.append((f"(peer) {name}, nothing loaded", measured(name), f"{ratio(name):.2f}x", "-", None))
    return rows


def replace_section(text: str, heading: str, section: str, after: str = "") -> str:
    """`text` with the section under `heading` replaced by `section` (added after the section
    `after`, or before the first section, when it isn't there yet)."""
    start = text.find(heading)
    if start >= 0:
        end = text.find("\n## ", start + 1)
        return text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    anchor = text.find(after) if after else -1
    first = text.find("\n## ", anchor + 1) if anchor >= 0 else text.find("\n## ")
    return text[: first + 1] + section + text[first + 1 :] if first >= 0 else text + "\n" + section


if __name__ == "__main__":
    sys.exit(main())
