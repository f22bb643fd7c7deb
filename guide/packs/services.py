"""A pack's services.toml: the local services a clinic lists on its "Find help nearby" page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from guide.files import ID_RE, Problem, plain_text, read_toml_lines, tables_of
from guide.languages import codes
from guide.packs.helplines import valid_number
from guide.packs.records import DEFAULT_LANGUAGE, SERVICE_KINDS, Service


def read_services(path: Path) -> tuple[list[Service], list[Problem]]:
    """Local services from a pack's services.toml; one without a usable phone is left out."""
    data, lines, problem = read_toml_lines(path)
    if problem:
        return [], [problem]
    services: list[Service] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    cursor = 1  # entries are found in file order: one pass over the lines for all of them
    for _index, entry in tables_of(data, "service", path, lines, problems):
        service_id = plain_text(entry.get("id", ""))
        where = lines.find(f'"{service_id}"', start=cursor) if service_id else cursor
        cursor = where
        error = None
        texts = {
            lang: {k: plain_text(v) for k, v in entry[lang].items() if plain_text(v)}
            for lang in codes()
            if isinstance(entry.get(lang), dict)
        }
        texts.setdefault(DEFAULT_LANGUAGE, {}).update(
            {
                k: plain_text(entry[k])
                for k in ("name", "address", "hours", "payment", "notes")
                if plain_text(entry.get(k))
            }
        )
        kind = entry.get("kind")
        languages = entry.get("languages", [])
        if not ID_RE.match(service_id):
            error = "needs an id of lower-case letters, digits and hyphens"
        elif service_id in seen:
            error = "the same id is used twice in this file"
            where = lines.find(f'"{service_id}"', occurrence=2)
        elif not isinstance(kind, str) or kind not in SERVICE_KINDS:
            error = f"kind '{plain_text(kind)}' is not one of {', '.join(SERVICE_KINDS)}"
            where = lines.find("kind", start=where)
        elif not texts[DEFAULT_LANGUAGE].get("name"):
            error = "needs a name (text in quotes)"
        elif not isinstance(entry.get("phone", ""), str) or not valid_number(entry.get("phone", "")):
            error = (
                f"'{plain_text(entry.get('phone', ''))}' is not a valid phone number (in quotes, like \"217-555-0180\")"
            )
            where = lines.find("phone", start=where)
        elif "last_checked" in entry and not isinstance(entry["last_checked"], date):
            error = "last_checked must be a date like 2026-11-26 (no quotes)"
        elif not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
            error = 'languages must be a list of language codes, like ["en", "es"]'
            where = lines.find("languages", start=where)
        if error:
            problems.append(Problem(path, where, f"service '{service_id}': {error}"))
            continue
        seen.add(service_id)
        services.append(
            Service(
                id=service_id,
                kind=kind,
                path=path,
                line=where,
                phone=entry["phone"],
                texts=texts,
                languages=tuple(languages),
                last_checked=entry.get("last_checked"),
            )
        )
    return services, problems
