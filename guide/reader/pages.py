"""The pages the guide makes from a pack's data rather than an article: the help lines with their
QR codes, "Find help nearby", the staff's content problems, and a checklist's summary to print."""

from __future__ import annotations

from datetime import date

from guide import languages
from guide.checklists.checklist import Checklist, crisis_text, score
from guide.files import Problem
from guide.packs.records import Helpline, Service
from guide.reader.links import contact_uri, number_uri
from guide.reader.markup import escape
from guide.reader.qr import qr_symbol


def labels(lang: str) -> dict[str, str]:
    """The page words in `lang` (English for any the language lacks): guide/catalogues."""
    return languages.words(lang, "page")


def format_date(day: date, lang: str) -> str:
    return languages.language(lang).format_date(day)


def contact_text(contact, lang: str) -> str:
    """How to use one contact, in words: 'Call 988', 'Text HOME to 741741', 'Envíe AYUDA por texto al 741741'."""
    if contact.label(lang):
        return contact.label(lang)
    words = labels(lang)
    if contact.kind == "text" and contact.body_for(lang):
        return words["text_body"].format(body=contact.body_for(lang), number=contact.number)
    return words[contact.kind].format(number=contact.number, address=contact.address)


def help_page(helplines: list[Helpline], lang: str, locator: bool = False) -> str:
    """Every help line in full, each with QR codes a visitor can scan to call or text it; with
    `locator` (a pack carries SAMHSA's directory), a link to "Find treatment near you" first."""
    words = labels(lang)
    parts = [f"<h1>{words['help_title']}</h1>", f'<p class="summary">{words["help_intro"]}</p>']
    if locator:
        link = f'<a href="locator:">{escape(words["help_locator_link"])}</a>'
        parts.append(f"<p>{escape(words['help_locator']).replace('{link}', link)}</p>")
    for helpline in helplines:
        text = helpline.text(lang)
        css = ' class="emergency"' if helpline.emergency else ""
        parts.append(f'<h2{css}><a name="line-{helpline.id}"></a>{escape(text.name)}</h2>')
        contacts = "".join(f"<li><b>{escape(contact_text(c, lang))}</b></li>" for c in helpline.contacts)
        parts.append(f"<ul>{contacts}</ul>")
        if text.description:
            parts.append(f"<p>{escape(text.description)}</p>")
        if text.hours:
            parts.append(f"<p>{escape(words['hours'].format(hours=text.hours))}</p>")
        scannable = [c for c in helpline.contacts if c.kind in {"call", "text"}]
        if scannable:
            cells = "".join(
                f'<td align="center">{qr_image(contact_uri(c, lang))}<br/>{escape(contact_text(c, lang))}</td>'
                for c in scannable
            )
            parts.append(f"<p>{words['scan']}</p><table><tr>{cells}</tr></table>")
    return "\n".join(parts)


def qr_image(data: str) -> str:
    """An <img> the reader fills with `data`'s QR code (drawn by Reader.loadResource at exactly
    this size, so no module is blurred by scaling)."""
    side = qr_symbol(data).side
    return f'<img src="qr:{escape(data, quote=True)}" width="{side}" height="{side}" />'


def _pairs(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in text.split("|"))


def services_page(services: list[Service], lang: str, today: date) -> str:
    """ "Find help nearby": the pack's local services grouped by kind, each with its QR code."""
    words = labels(lang)
    parts = [f"<h1>{words['nearby_title']}</h1>"]
    if not services:
        return "\n".join([*parts, f"<p>{words['nearby_none']}</p>"])
    parts.append(f'<p class="summary">{words["nearby_intro"]}</p>')
    kinds, names = _pairs(words["kinds"]), _pairs(words["language_names"])
    for kind, heading in kinds.items():
        group = [s for s in services if s.kind == kind]
        if not group:
            continue
        parts.append(f"<h2>{escape(heading)}</h2>")
        for service in sorted(group, key=lambda s: s.text("name", lang).casefold()):
            parts.append(f'<h3><a name="service-{service.id}"></a>{escape(service.text("name", lang))}</h3>')
            rows = [(words["phone"], f"<b>{escape(service.phone)}</b>")]
            for key, label in (
                ("address", "address"),
                ("hours", "hours_label"),
                ("payment", "payment"),
                ("notes", "notes"),
            ):
                if service.text(key, lang):
                    rows.append((words[label], escape(service.text(key, lang))))
            if service.languages:
                rows.append(
                    (
                        words["languages"],
                        ", ".join(names.get(code, code) for code in service.languages),
                    )
                )
            table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
            code = qr_image(number_uri("call", service.phone))
            parts.append(f"<table><tr><td>{code}</td><td><table>{table}</table></td></tr></table>")
            if service.last_checked:
                shown = format_date(service.last_checked, lang)
                if (today - service.last_checked).days > 365:
                    parts.append(f'<p class="stale"><b>{escape(words["stale"].format(date=shown))}</b></p>')
                else:
                    parts.append(f'<p class="review">{escape(words["checked"].format(date=shown))}</p>')
    return "\n".join(parts)


def problems_page(problems: list[Problem], lang: str) -> str:
    """The staff page: every problem `guide check` finds, by file."""
    words = labels(lang)
    errors = sum(p.severity == "error" for p in problems)
    parts = [f"<h1>{words['problems_title']}</h1>"]
    if not problems:
        return "\n".join([*parts, f"<p>{words['problems_none']}</p>"])
    parts.append(f"<p>{words['problems_intro'].format(errors=errors, warnings=len(problems) - errors)}</p>")
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(str(problem.path), []).append(problem)
    for path, found in by_file.items():
        items = "".join(f"<li><b>{p.line}</b>: {p.severity}: {escape(p.message)}</li>" for p in found)
        parts.append(f"<h3>{escape(path)}</h3><ul>{items}</ul>")
    return "\n".join(parts)


def message_page(title: str, message: str) -> str:
    return f"<h1>{escape(title)}</h1><p>{escape(message)}</p>"


def checklist_summary_html(checklist: Checklist, ticked: set[str], today: date, lang: str) -> str:
    """A checklist's summary to print or save: the answers and the result (the handout adds the
    help lines: guide/printing/handout.py)."""
    words = languages.words(lang, "summary")
    result = score(checklist, ticked)
    parts = [
        f"<h1>{escape(checklist.title)}</h1>",
        f"<p>{words['date']}: {format_date(today, lang)}</p>",
    ]
    if result.crisis:
        crisis = crisis_text(lang)
        parts.append(f"<h2>{escape(crisis['title'])}</h2>")
        parts.append("".join(f"<p><b>{escape(line)}</b></p>" for line in crisis["lines"]))
    parts.append(f"<h2>{words['ticked']}</h2>")
    chosen = [item for item in checklist.items if item.id in ticked]
    if chosen:
        parts.append("<ul>" + "".join(f"<li>{escape(item.text)}</li>" for item in chosen) + "</ul>")
    else:
        parts.append(f"<p>{words['none']}</p>")
    parts.append(f"<h2>{words['result']}</h2>")
    parts.append(f"<p>{words['score'].format(score=result.score, total=checklist.highest)}</p>")
    if result.band:
        parts.append(f"<p>{escape(result.band.message)}</p>")
    parts += [f"<p>{escape(message)}</p>" for message in result.messages]
    parts.append(f"<p><i>{words['footer']}</i></p>")
    return "\n".join(parts)
