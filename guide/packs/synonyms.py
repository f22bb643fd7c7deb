"""A pack's synonyms.toml: what a visitor's word means, for search."""

from __future__ import annotations

from pathlib import Path

from guide.files import Problem, read_toml_lines


def read_synonyms(path: Path) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """`word = ["meaning", ...]` pairs; a `[section]` of them is read the same way."""
    data, lines, problem = read_toml_lines(path)
    if problem:
        return {}, [problem]
    synonyms: dict[str, tuple[str, ...]] = {}
    problems = []
    pairs = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    pairs += [(k, v) for table in data.values() if isinstance(table, dict) for k, v in table.items()]
    for word, meanings in pairs:
        if not isinstance(meanings, list) or not all(isinstance(m, str) and m.strip() for m in meanings):
            problems.append(Problem(path, lines.find(word), f"'{word}' needs a list of words, like [\"clonazepam\"]"))
            continue
        synonyms[word.strip().lower()] = tuple(m.strip().lower() for m in meanings)
    return synonyms, problems
