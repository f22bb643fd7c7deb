"""Start-up with a large pack, in phases: `python benchmarks/startup_phases.py [TREE]...`.

For each source tree given (default: this checkout), times `main.py --screenshot --article
clonazepam` with the bundled content and with a 5,000-article pack, warm caches, against the
bare window of benchmarks/suite.py, all interleaved round by round (another process on the
machine then slows them alike). Prints whole-process medians (wall and CPU) and the median
of each phase inside the process. Give two trees (say a `git archive` of an older commit and
this one) to compare them at the same moment; each gets its own cache folder.

Options: --runs N (default 7), --pack DIR (default: a fresh benchmarks/corpus.py pack).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.suite import BARE  # noqa: E402

# The guide's own start (guide/ui/app.py run and _screenshot), with a clock between the steps.
PHASES = r"""
import inspect, sys, time
marks = [(time.perf_counter(), time.process_time())]
def mark():
    marks.append((time.perf_counter(), time.process_time()))
from PySide6.QtWidgets import QApplication
from guide.ui import app
from guide.startup import default_config_path, load_for_run, parse_run_options
mark()
options = parse_run_options(sys.argv[1:])
QApplication.setApplicationName(app.APP_NAME)
QApplication.setOrganizationName(app.APP_NAME)
cache = (app.cache_dir(),) if "cache_dir" in inspect.signature(load_for_run).parameters else ()
config, library = load_for_run(options, default_config_path(), *cache)
mark()
application = QApplication([sys.argv[0]])
window = app._build_window(options, config, library)
mark()
window.resize(*app.SCREENSHOT_SIZE)
window.show()
application.processEvents()
mark()
window.grab().save(str(options.screenshot), "PNG")
mark()
window.close()
print("PHASES", *[(b[0] - a[0]) * 1000 for a, b in zip(marks, marks[1:])])
"""
PHASE_NAMES = ("imports", "load_for_run", "QApplication + window", "show + first processEvents", "grab")


def run(command: list[str], cwd: Path, env: dict) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child, its standard output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, result.stderr[-2000:]
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pack", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="guide-startup-"))
    if args.pack is None:
        from benchmarks.corpus import write_corpus

        args.pack = write_corpus(folder / "pack", 5000)
    html = folder / "page.html"
    html.write_text((ROOT / "guide/content/en/articles/clonazepam.md").read_text("utf-8"), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # trees alike: .pyc
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "config"))
    jobs = {"bare": ([sys.executable, "-c", BARE, str(html), str(folder / "bare.png")], folder, env)}
    for number, tree in enumerate(args.trees):
        tree_env = dict(env, XDG_CACHE_HOME=str(folder / f"cache-{number}"))
        shot = ["--screenshot", str(folder / f"{number}.png"), "--article", "clonazepam"]
        for name, content in (("bundled", []), ("5,000", ["--content", str(args.pack)])):
            jobs[f"{number} {name}"] = ([sys.executable, str(tree / "main.py"), *shot, *content], tree, tree_env)
            jobs[f"{number} {name} phases"] = ([sys.executable, "-c", PHASES, *shot, *content], tree, tree_env)
    for job in jobs.values():  # warm the caches; twice, as files read a moment after a change are read again
        run(*job)
        run(*job)
    times: dict[str, list[tuple[float, float, str]]] = {key: [] for key in jobs}
    for _ in range(args.runs):
        for key, job in jobs.items():
            times[key].append(run(*job))
    bare_wall = statistics.median(wall for wall, _, _ in times["bare"])
    bare_cpu = statistics.median(cpu for _, cpu, _ in times["bare"])
    for number, tree in enumerate(args.trees):
        print(f"[{number}] {tree}")
    print(f"\nmedians of {args.runs}, start to exit   wall ms  (vs bare)    CPU ms  (vs bare)")
    for key, runs in times.items():
        if key.endswith("phases"):
            continue
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"{key:32s} {wall * 1000:8.0f} {wall / bare_wall:8.2f}x {cpu * 1000:9.0f} {cpu / bare_cpu:8.2f}x")
    print("\nphases, wall ms " + "".join(f"{key[:-7]:>14s}" for key in times if key.endswith("phases")))
    phases = {
        key: [[float(x) for x in out.split("PHASES")[1].split()] for _, _, out in runs]
        for key, runs in times.items()
        if key.endswith("phases")
    }
    for index, name in enumerate(PHASE_NAMES):
        cells = "".join(f"{statistics.median(row[index] for row in rows):14.1f}" for rows in phases.values())
        print(f"{name:26s}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
