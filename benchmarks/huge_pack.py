"""A clinic's pack far past any real one: `python benchmarks/huge_pack.py [COUNT] [--check-only]` (100,000 by default).

Times, against a bare Qt window in the same run: the first start with this pack (nothing cached:
every header read), a second start (the header cache warm), and `guide check` over the pack.
Issue 17 measured 11.9 s to the first paint cold and 95 s for `guide check` at 100,000.
`--check-only` times `guide check` alone (each run a fresh process; median of BENCH_RUNS).
Not part of `make bench` (writing the pack alone takes a minute); run it by hand.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.suite import BARE, GUIDE, run_timed  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))


CHECK = GUIDE.replace("sys.exit(code)", "sys.exit(0)")  # the synthetic pack has warnings: exit 0 either way


def main() -> int:
    arguments = [a for a in sys.argv[1:] if a != "--check-only"]
    count = int(arguments[0]) if arguments else 100_000
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        began = time.perf_counter()
        pack = write_corpus(folder / "pack", count)
        print(f"wrote {count:,} articles in {time.perf_counter() - began:.1f} s", flush=True)
        env = dict(os.environ, XDG_CACHE_HOME=str(folder / "cache"), XDG_DATA_HOME=str(folder / "data"))
        if "--check-only" in sys.argv:
            runs = [run_timed(CHECK, "check", str(pack), env=env)[0] for _ in range(RUNS)]
            print("| articles | guide check, each run (s) | median (s) |")
            print("|---|---|---|")
            print(f"| {count:,} | {', '.join(f'{r:.1f}' for r in runs)} | {statistics.median(runs):.1f} |")
            return 0
        page = folder / "page.html"
        page.write_text((pack / "en" / "articles" / "synthetic-0.md").read_text())
        args = ["--content", str(pack), "--article", "synthetic-0", "--screenshot", str(folder / "g.png")]
        cold, _ = run_timed(GUIDE, *args, env=env)
        bare, warm = [], []
        for _ in range(RUNS):
            bare.append(run_timed(BARE, str(page), str(folder / "b.png"), env=env)[0])
            warm.append(run_timed(GUIDE, *args, env=env)[0])
        began = time.perf_counter()
        run_timed(CHECK, "check", str(pack), env=env)
        check = time.perf_counter() - began
        base = statistics.median(bare)
        print(f"| {count:,} articles | seconds | x bare window ({base:.2f} s) |")
        print("|---|---|---|")
        print(f"| first start, nothing cached | {cold:.2f} | {cold / base:.1f}x |")
        later = statistics.median(warm)
        print(f"| later start (median of {RUNS}) | {later:.2f} | {later / base:.1f}x |")
        print(f"| guide check | {check:.1f} | - |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
