"""A page to take away: what is printed for each page of the guide. Qt-free.

A handout is the page's own text, made for paper (no "On this page" list, no lists of links to
other pages, a web address written out beside its words), then the help lines with a QR code for
each number a phone can call or text, then one line with the guide's name. It carries nothing
about the visitor: no search words, no other pages, no time of the visit; a checklist's summary
has the answers the visitor chose to print, and the locator's the ZIP code its distances are from.

The printer (guide/ui/printing/handout_printer.py) draws each `qr:` picture and puts
`page_line` at the foot of every sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape, unescape

from guide import languages
from guide.packs.records import Helpline
from guide.reader.links import contact_uri

# A QR code's side on paper, in CSS pixels (96 an inch): 30 mm, which a phone reads from a
# sheet held in the hand. The printer scales it to the paper's dots.
QR_SIDE = 113


@dataclass(frozen=True)
class Handout:
    title: str  # the PDF's Title, the print job's name, and the foot of each sheet
    html: str
    language: str

    @property
    def codes(self) -> list[str]:
        """What each QR code on the handout holds, in the order printed."""
        return [unescape(code) for code in re.findall(r'<img src="qr:([^"]*)"', self.html)]

    def page_line(self, page: int, pages: int) -> str:
        """The foot of sheet `page` of `pages`: "Recovery Guide · Overdose: what to do now · Page 1 of 2"."""
        said = words(self.language)
        parts = [said["guide"], self.title] if self.title != said["guide"] else [said["guide"]]
        return " · ".join([*parts, said["sheet"].format(page=page, pages=pages)])


def words(lang: str) -> dict[str, str]:
    return languages.words(lang, "handout")


def handout(
    page_html: str,
    title: str,
    helplines: list[Helpline],
    lang: str,
    *,
    with_helplines: bool = True,
) -> Handout:
    """The handout of a page the reader shows (`page_html`, an article's with its review dates
    and sources); `with_helplines` is False for the help page, which is the help lines."""
    said = words(lang)
    parts = [for_paper(page_html)]
    if with_helplines:
        parts.append(helplines_section(helplines, lang))
    parts.append(f'<hr/><p class="review">{escape(said["printed"].format(guide=said["guide"]))}</p>')
    return Handout(title or said["guide"], "\n".join(parts), lang)


def helplines_section(helplines: list[Helpline], lang: str, details: bool = False) -> str:
    """The help lines at the end of every handout: each one's name and how to reach it in words,
    and beside them a QR code for each number a phone can call or text; with `details` (the
    help page's own handout) what each line is for and its hours too, and no heading."""
    from guide.reader.pages import contact_text, labels  # the words the help page and panel use

    said, page = words(lang), labels(lang)
    parts = [] if details else [f"<h2>{escape(said['help_title'])}</h2>", f"<p>{escape(said['help_intro'])}</p>"]
    for helpline in helplines:
        text = helpline.text(lang)
        lines = [f"<b>{escape(text.name)}</b>", *(escape(contact_text(c, lang)) for c in helpline.contacts)]
        if details and text.description:
            lines.append(escape(text.description))
        if details and text.hours:
            lines.append(escape(page["hours"].format(hours=text.hours)))
        cells = [f'<td width="40%">{"<br/>".join(lines)}</td>']
        for contact in (c for c in helpline.contacts if c.kind in {"call", "text"}):
            cells.append(
                f'<td align="center" width="30%">{qr_picture(contact_uri(contact, lang))}<br/>'
                f"{escape(contact_text(contact, lang))}</td>"
            )
        parts.append(f'<table class="helpline" width="100%" cellpadding="4"><tr>{"".join(cells)}</tr></table>')
    return "\n".join(parts)


def qr_picture(data: str) -> str:
    return f'<img src="qr:{escape(data, quote=True)}" width="{QR_SIDE}" height="{QR_SIDE}" />'


_TOC = re.compile(r'<div class="toc">.*?</div>', re.S)
# A heading over a list of nothing but links to other pages ("Related"): nothing to follow on paper.
_LINK_LIST = re.compile(r'<h2>[^<]*</h2>\s*<ul>(?:<li><a href="(?:article|checklist):[^"]*">[^<]*</a></li>)+</ul>')
_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_ANCHOR = re.compile(r'<a name="[^"]*"></a>')
_QR = re.compile(r'<img src="(qr:[^"]*)" width="\d+" height="\d+" />')


def for_paper(html: str) -> str:
    """The reader's HTML (which the guide writes: guide/reader/) as it reads on paper."""
    html = _TOC.sub("", html)
    html = _LINK_LIST.sub("", html)
    html = _ANCHOR.sub("", html)
    html = _LINK.sub(_plain_link, html)
    html = html.replace("<table><tr>", '<table cellpadding="6"><tr>')  # a code's words apart from the next one's
    return _QR.sub(lambda m: f'<img src="{m.group(1)}" width="{QR_SIDE}" height="{QR_SIDE}" />', html)


def _plain_link(match: re.Match) -> str:
    """A link's words; a web address or a number written out after them when they don't show it."""
    target, text = unescape(match.group(1)), match.group(2)
    shown = unescape(re.sub(r"<[^>]+>", "", text))
    address = ""
    if target.startswith(("http://", "https://")):
        address = re.sub(r"^https?://(www\.)?", "", target).rstrip("/")
    elif target.startswith(("tel:", "sms:")):
        address = target.split(":", 1)[1].split("?")[0]
    if address and address.casefold() not in shown.casefold().replace(" ", ""):
        return f"{text} ({escape(address)})"
    return text


def help_handout(helplines: list[Helpline], lang: str) -> Handout:
    """The help page on paper: every help line with what it is for, its hours and its codes."""
    from guide.reader.pages import labels

    page = labels(lang)
    lead = f"{page['help_intro']} {page['scan']}"  # the help page's own words, and how to use the codes
    intro = f'<h1>{escape(page["help_title"])}</h1><p class="summary">{escape(lead)}</p>'
    body = intro + helplines_section(helplines, lang, details=True)
    return handout(body, page["help_title"], helplines, lang, with_helplines=False)


def checklist_handout(checklist, ticked: set[str], helplines: list[Helpline], today: date, lang: str) -> Handout:
    """A checklist's summary: the answers the visitor ticked and the result, then the help lines."""
    from guide.reader.pages import checklist_summary_html

    return handout(checklist_summary_html(checklist, ticked, today, lang), checklist.title, helplines, lang)


def locator_handout(view, helplines: list[Helpline], lang: str) -> Handout:
    """The programs the locator shows, each with its phone's QR code, then the help lines."""
    return handout(locator_html(view, lang), languages.words(lang, "locator_page")["title"], helplines, lang)


def locator_html(view, lang: str, codes: bool = True) -> str:
    """The locator's page as text: its title, what was asked, each program (with its phone's QR
    code beside it when `codes`: printed; without, one line after another: read aloud), and
    the data's source."""
    said = languages.words(lang, "locator_page")
    parts = [f"<h1>{escape(said['title'])}</h1>", f'<p class="summary">{escape(said["call_first"])}</p>']
    if view.heading:
        parts.append(f"<h2>{escape(view.heading)}</h2>")
    if view.chosen:
        parts.append(f"<p>{escape(view.chosen)}</p>")
    if view.message:
        parts.append(f"<p><b>{escape(view.message)}</b></p>")
    for row in view.rows:
        lines = [f"<b>{escape(row.name)}</b>", escape(row.distance), escape(row.address), f"<b>{escape(row.phone)}</b>"]
        lines += [escape(line) for line in (row.offers, row.payment) if line]
        if not codes:
            parts.append("".join(f"<p>{line}</p>" for line in lines if line))
            continue
        parts.append(
            f'<table cellpadding="4"><tr><td>{qr_picture(row.call)}</td>'
            f'<td valign="middle">{"<br/>".join(line for line in lines if line)}</td></tr></table>'
        )
    for line in (view.stale, view.as_of, *view.attribution):
        if line:
            parts.append(f'<p class="review">{escape(line)}</p>')
    return "\n".join(parts)
