"""How often the feedback screen errs, per language: identifying comments it lets through, harmless ones it refuses.

    python benchmarks/feedback_screen_rates.py [--n 2000] [--seed 18] [--show 5]

Comments are made up by tests/feedback_forms.py (the same makers the property tests use), N of
each class per language with a fixed seed, so two runs print the same figures. A third class,
"beyond the rules", holds forms the rules do not claim to catch (lower-case names not in the
lists, a first name alone, numbers read in pairs): its rate says what the screen still misses.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from feedback_forms import IDENTIFYING, LANGUAGES, beyond_the_rules, harmless  # noqa: E402

from guide.feedback.identifying import screen  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="comments per class and language (default 2000)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--show", type=int, default=5, help="examples of each kind of error to print")
    args = parser.parse_args(argv)
    print(f"feedback screen error rates, n={args.n} per class and language, seed={args.seed}")
    print(f"{'language':<9}{'identifying let through':>26}{'harmless refused':>20}{'beyond the rules let through':>31}")
    examples: list[str] = []
    for language in LANGUAGES:
        rng = random.Random(f"{args.seed}-{language}")
        kinds = list(IDENTIFYING)
        missed = refused = beyond = 0
        for index in range(args.n):
            comment = IDENTIFYING[kinds[index % len(kinds)]](rng, language)
            if not screen(comment):
                missed += 1
                examples.append(f"  let through ({language}): {comment!r}")
        for _ in range(args.n):
            comment = harmless(rng, language)
            found = screen(comment)
            if found:
                refused += 1
                examples.append(f"  refused ({language}, {', '.join(found)}): {comment!r}")
        for _ in range(args.n):
            if not screen(beyond_the_rules(rng, language)):
                beyond += 1
        print(f"{language:<9}{_rate(missed, args.n):>26}{_rate(refused, args.n):>20}{_rate(beyond, args.n):>31}")
    if examples and args.show:
        print("examples:")
        print("\n".join(examples[: args.show * 4]))
    return 0


def _rate(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.2f}%)"


if __name__ == "__main__":
    sys.exit(main())
