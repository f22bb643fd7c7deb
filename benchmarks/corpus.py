"""A synthetic content pack of realistic size, for benchmarks: `python -m benchmarks.corpus DIR N`.

Articles are made from the bundled articles' own words, with the same header, headings,
lists and length (about 600 words). Like a real library, each article is about one of
TOPICS topics: it uses the everyday words freely but only its own topic's share of the
specialist words (seven letters or more), so "benzodiazepine" is in some articles, not all.
`uniform=True` drops that and puts every word in every article: the worst case for search.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from guide.packs.library import BUNDLED_PACK

CATEGORIES = ["Medicines", "Stopping safely", "Treatment and recovery", "Families", "Local help"]
TOPICS = 10
SPECIALIST = 7  # letters: words this long belong to a topic


def _vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted((BUNDLED_PACK / "en" / "articles").glob("*.md")):
        words += re.findall(r"[A-Za-z']{3,}", path.read_text("utf-8"))
    return words


def _topic_vocabularies(words: list[str], uniform: bool) -> list[list[str]]:
    if uniform:
        return [words] * TOPICS
    specialist = sorted({w.lower() for w in words if len(w) >= SPECIALIST})
    topic_of = {word: index % TOPICS for index, word in enumerate(specialist)}
    everyday = [w for w in words if len(w) < SPECIALIST]
    return [everyday + [w for w in words if len(w) >= SPECIALIST and topic_of[w.lower()] == t] for t in range(TOPICS)]


def write_corpus(folder: Path, count: int = 5000, seed: int = 7, uniform: bool = False) -> Path:
    """Write `count` articles under folder/en/articles; returns the pack folder."""
    rng = random.Random(seed)
    vocabularies = _topic_vocabularies(_vocabulary(), uniform)
    articles = folder / "en" / "articles"
    articles.mkdir(parents=True, exist_ok=True)

    def sentence(length: int) -> str:
        chosen = [rng.choice(words) for _ in range(length)]
        return " ".join(chosen).capitalize() + "."

    for number in range(count):
        words = vocabularies[number % TOPICS]
        title = " ".join(rng.choice(words) for _ in range(3)).title()
        paragraphs = []
        for section in range(4):
            paragraphs.append(f"## {sentence(4)[:-1]}")
            paragraphs += [" ".join(sentence(rng.randint(8, 16)) for _ in range(4)) for _ in range(2)]
            if section % 2:
                paragraphs.append("\n".join(f"- {sentence(6)}" for _ in range(3)))
        keywords = ", ".join(rng.choice(words).lower() for _ in range(5))
        header = (
            f"Title: {title} {number}\nSummary: {sentence(12)}\n"
            f"Category: {rng.choice(CATEGORIES)}\n"
            f"Keywords: {keywords}\nReviewed: 2026-11-01\nReview-due: 2027-11-01\n"
            "Sources: SAMHSA National Helpline.\n    NIDA, Prescription CNS depressants.\n"
        )
        (articles / f"synthetic-{number}.md").write_text(header + "\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    return folder


if __name__ == "__main__":
    target = Path(sys.argv[1])
    write_corpus(target, int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
    print(target)
