"""What in a feedback comment could identify someone: a small rule table over normalised text.

The feedback comment is the one thing a visitor types that is kept, so it is screened first.
`normalise()` undoes the ways a person (or a keyboard) hides a number or an address: Unicode
compatibility forms, invisible characters, other dashes, letters that look like digits, digits
written as words. Then each rule in `RULES` looks for one kind of detail, in English and Spanish;
a rule's match is blanked before the next rule looks, so a phone number is not also "a long
number". Numbers of help lines (the national ones, and the pack's own, passed in by the window)
are blanked first: quoting 988 or the SAMHSA National Helpline is not a personal detail.
docs/PRIVACY.md explains the table in plain words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# What a refusal says, per kind, for the core's own messages (the window says it with tr()).
REASONS = {
    "email": "it looks like an e-mail address",
    "handle": "it looks like a social media account",
    "birth_date": "it looks like a date of birth",
    "phone": "it looks like a phone number",
    "name": "it looks like a person's name",
    "address": "it looks like a street address",
    "digits": "it has a long number in it",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Help lines anyone may quote, whatever the pack: emergency, 988, the SAMHSA National Helpline
# and its TTY, the old Lifeline number, Poison Help, the Crisis Text Line, SAMHSA's ZIP text line.
NATIONAL_NUMBERS = frozenset(
    {"911", "988", "1-800-662-4357", "1-800-487-4889", "1-800-273-8255", "1-800-222-1222", "741741", "435748"}
)

# Names people are called by, for comments typed in lower case ("soy maria", "my son jacob
# smith"). Names that are also everyday words (Grace, Will, Rosa, Luz, Dolores) are left out.
FIRST_NAMES = _words(
    """
    aaron adam adrian aidan alejandra alejandro alex alexander alexis alicia alondra alyssa amanda amber amy ana
    andrea andres andrew angela angelica anthony antonio ashley barbara benjamin brandon brian brittany caleb
    camila carlos carmen carolina catherine cesar charles chloe chris christopher cynthia daniel daniela
    david deborah diana diego dylan edgar eduardo elena elizabeth emily emma eric erica esteban ethan eva
    fernanda fernando francisco gabriel gabriela george gerardo guadalupe gustavo hannah hector heather isabel
    isabella jacob jake james jason javier jennifer jeremy jessica jesse jesus jesús joel john jonathan jorge jose
    josé joseph joshua juan julia julian julio justin karen karla katherine kayla kevin kimberly laura lauren
    leonardo linda lisa lucas lucia lucía luis manuel marcos maria maría mariana mario marisol martha mary matthew
    megan melissa michael michelle miguel natalia nathan nicole noah olivia oscar pablo patricia paula pedro
    rachel rafael ramon ramón raul raúl rebecca ricardo richard roberto rodrigo ryan samantha samuel sandra sara
    sarah sebastian sergio sofia sofía stephanie steven susan tyler valentina valeria vanessa veronica verónica
    victor víctor william ximena yesenia yolanda zachary
    """
)
SURNAMES = _words(
    """
    adams aguilar allen alvarez álvarez anderson bailey baker bennett brooks campbell carter castillo castro
    chavez chávez clark collins contreras cooper cruz davis delgado diaz díaz edwards evans flores garcia garcía
    gomez gómez gonzalez gonzález gutierrez gutiérrez hall harris hernandez hernández herrera hughes jackson
    jimenez jiménez johnson jones juarez juárez kelly lewis lopez lópez martin martinez martínez medina mendez
    méndez mendoza miller mitchell morales moreno morgan morris murphy nelson nguyen ortiz parker patel perez
    pérez peterson phillips ramirez ramírez ramos reyes richardson rivera roberts robinson rodriguez rodríguez
    rogers romero ruiz salazar sanchez sánchez scott smith soto stewart taylor thomas thompson torres turner
    vargas vasquez vásquez walker watson williams wilson wright
    """
)
# Capitalised words that are not names, in the places a name would go ("I'm Mexican", "Soy Católica").
NOT_NAMES = _words(
    """
    a afraid al alive all alone also amazing american and app article asian awesome ayuda back better bipolar
    black bless blessed blind buen buena catholic católica católico christ christian clean clinic clínica
    confused cristiana cristiano de deaf dear del diabetic dios disabled divorced doctor doctora done dr el
    embarazada en enfermera english equipo everybody everyone excelente excellent fine for from glad god good
    grateful great guide guía happy hello help helpful here hi hispanic homeless i in info información
    information job just kind la las latina latino los lost lot love lucky mamá married mexican mexicana
    mexicano mom much muchas muy native new nice no not nurse ok okay old on page papá pregnant página ready
    really retired sad scared señor señora sick single site so sober sorry spanish staff still sure team thank
    thankful thanks the tired todo todos trabajo unemployed useful usted ustedes very veteran white wonderful
    work worried y yo you young
    """
)
# Words a clause about a quantity or a route has between a number and a street-ish word
# ("2 pills on the way", "en la calle 3 días"): with one of them in between it is not an address.
_NOT_STREET_WORDS = (
    r"the|a|an|on|in|at|to|of|for|and|or|my|your|his|her|our|their|this|that|it|is|was|i|me|we|you|more|other|"
    r"per|by|from|with|mg|pills?|times?|days?|weeks?|months?|years?|hours?|"
    r"de|la|el|en|los|las|y|o|por|para|con|que|mi|mis|me|se|es|fue|sin|al|un|una|veces|d[ií]as|semanas|meses|"
    r"a[nñ]os|horas|pastillas"
)
# The same for Spanish order, where "de", "la" and "los" are part of street names ("Paseo de la Reforma").
_NOT_CALLE_WORDS = (
    r"en|y|o|por|para|con|que|mi|mis|me|se|es|fue|sin|al|un|una|hace|desde|durante|lo|le|les|a|veces|d[ií]as|"
    r"semanas|meses|a[nñ]os|horas|pastillas"
)
_STREET_TYPES = (
    # "Dr." and "St." before a capitalised word are a doctor and a saint ("Dr. Lopez", "St. Mary's").
    r"street|st(?!\.?\s*(?-i:[A-Z]))|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr(?!\.?\s*(?-i:[A-Z]))|"
    r"court|ct|way|place|pl|terrace|circle|cir|highway|hwy|parkway|pkwy|trail|square|sq"
)
_CALLE = (
    r"calle|c/|avenida|av|avda|calzada|calz|camino|carretera|boulevard|bulevar|blvd|privada|callej[oó]n|cerrada|"
    r"paseo|prolongaci[oó]n|andador|circuito|retorno"
)
_AMOUNTS = r"d[ií]as|veces|a[nñ]os|meses|semanas|horas|minutos|pastillas|personas|days|times|years|months|weeks|hours"
# A house number after the street (Spanish order); one or two digits before "días" or "veces" are an amount.
_HOUSE_NUMBER = rf"(?:\d{{3,5}}[a-z]?\b|\d{{1,2}}[a-z]?\b(?!\s*(?:{_AMOUNTS})\b))(?![.,]\d)"
_PLATFORMS = (
    r"instagram|insta|ig|facebook|fb|tik\s?tok|snapchat|snap|twitter|whats\s?app|telegram|threads|discord|reddit|"
    r"youtube|linkedin|messenger|kik|bluesky"
)
_PROVIDERS = r"gmail|g\s?mail|hotmail|yahoo|outlook|icloud|aol|protonmail|proton|ymail|msn|comcast|gmx|prodigy"
_TLDS = r"com|net|org|edu|gov|mx|es|us|co|io|info|biz|ar|cl|pe|uk|ca"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|"
    r"octubre|noviembre|diciembre"
)
_RELATIVES = (
    r"son|daughter|husband|wife|brother|sister|mother|mom|mum|dad|father|friend|partner|boyfriend|girlfriend|"
    r"cousin|uncle|aunt|nephew|niece|grandson|granddaughter|grandma|grandmother|grandpa|grandfather|fianc[eé]e?|"
    r"kid|child|baby|hijo|hija|esposo|esposa|marido|mujer|hermano|hermana|madre|mam[aá]|padre|pap[aá]|amigo|amiga|"
    r"novio|novia|primo|prima|t[ií]o|t[ií]a|sobrino|sobrina|nieto|nieta|abuelo|abuela|pareja|hijastro|hijastra"
)

# A capitalised word (of letters): the shape of a name in running text.
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+"
# A name in the places a name goes: a capitalised word, or one of FIRST_NAMES in any case.
_A_NAME = r"\b(?:(?i:FIRST)|CAP)\b"
# A full name: first and last, capitalised ("Jacob Smith"), or known names in any case ("jake miller").
_FULL_NAME = r"\b(?:(?:(?i:FIRST)|CAP)\s+(?:(?i:SURNAME)|CAP)|(?i:FIRST)\s+(?i:SURNAME))\b"
# A full name anywhere: a known first name and a known surname, in any case ("Maria Lopez", "jake miller").
# (A known first name and any capitalised word is too much: "San Antonio Texas".)
_NAME_ANYWHERE = r"\b(?i:FIRST)\s+(?i:SURNAME)\b"
# After "my name is", words that say no name follows ("my name is not important", "me llamo la atención").
_NOT_A_NAME_AFTER = r"not|no|none|private|privado|secret|secreto|la|el|los|las|the|a|un|una|de"
_SIGN_OFFS = (
    r"thanks|thank you|thx|gracias|muchas gracias|sincerely|regards|best|love|cheers|signed|saludos|atentamente|"
    r"atte|att|cordialmente|bendiciones|firma"
)


@dataclass(frozen=True)
class Rule:
    """One kind of identifying detail: what it is in plain words, and the patterns that find it."""

    kind: str  # a key of REASONS
    what: str  # the rule in plain words (docs/PRIVACY.md says the same)
    patterns: tuple[str, ...]
    # A match for which this says True is not refused (a date is not a phone number).
    harmless: Callable[[str], bool] | None = None


def _is_date_or_amount(text: str) -> bool:
    """Digits that are a date (03-04-2025, 2019-05-01), a list of years or a thousands amount."""
    text = text.strip(" ,.;")
    if re.fullmatch(r"\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}", text):
        return True
    if re.fullmatch(r"(?:19|20)\d{2}(?:\s*(?:,|-|y|and)\s*(?:19|20)\d{2})+", text):
        return True
    return bool(re.fullmatch(r"\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text))


# The rule table, in the order the rules look (each one's matches are blanked for the next).
RULES: tuple[Rule, ...] = (
    Rule(
        "email",
        "An e-mail address: with @ (also full-width, or with spaces around it), or written out "
        '("at" / "arroba" and "dot" / "punto"), or "at" or "arroba" before a mail service such as gmail.',
        (
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*",
            rf"[\w.+-]+\s*@\s*[\w-]+\s*(?:\.|(?i:dot|punto))\s*(?i:{_TLDS})\b",
            rf"(?i:\b(?:at|arroba)|@|\(at\)|\[at\]|\(arroba\))\s*(?i:{_PROVIDERS})\b(?:\s*(?:\.|(?i:dot|punto))\s*\w+)*",
            # "maria at example dot com": the ending must be written out, or follow the dot with no space.
            rf"[\w.+-]+\s*(?i:\bat\b|\barroba\b|\(at\)|\[at\])\s*[\w-]+"
            rf"(?:\s*(?i:\bdot\b|\bpunto\b|\(dot\)|\[dot\])\s*|\.|\s*\.\s*(?=(?i:com|net|org|edu|gov|mx)\b))"
            rf"(?i:{_TLDS})(?![\w-])",
        ),
    ),
    Rule(
        "handle",
        'A social media account: "@name", "my instagram is ...", "find me on facebook", '
        '"name_99 on tiktok", "búscame en facebook".',
        (
            r"(?<![\w.@])@[\w](?:[\w.]*\w)?",
            rf"(?i:\b(?:find|add|follow|message|dm|contact|text|write|reach|look for)\s+(?:me|us|him|her|them)\s+"
            rf"(?:on|at|in)\s+(?:{_PLATFORMS}|x)\b)",
            rf"(?i:\b(?:b[uú]scame|agr[eé]game|s[ií]gueme|escr[ií]beme|m[aá]ndame|cont[aá]ctame|encu[eé]ntrame|"
            rf"b[uú]scanos|s[ií]ganos)\s+(?:en|por)\s+(?:{_PLATFORMS}|x)\b)",
            rf"(?i:\b(?:my|mi|our|nuestro|his|her|su)\s+(?:{_PLATFORMS})\s*(?:handle|account|user(?:name)?|name|"
            rf"cuenta|usuario|id)?\s*(?:is|es|:)\s*\S+)",
            rf"(?i:\b(?:{_PLATFORMS})\s*:\s*\w\S*)",
            rf"(?i:\b(?:on|en)\s+(?:{_PLATFORMS}|x)\s+(?:as|como)\s+\S+)",
            # "jane_doe99 on tiktok": a word with a letter and a digit, "_" or "." in it, on a platform
            rf"(?i:\b(?=[\w.]*[^\W\d_])(?=[\w.]*[\d_.])\w[\w.]*\w\s+(?:on|en)\s+(?:{_PLATFORMS})\b)",
        ),
    ),
    Rule(
        "birth_date",
        'A date of birth: "DOB", "born", "birthday", "nacido/nacida", "fecha de nacimiento" or '
        '"cumpleaños" followed by a date or a year ("DOB 3/4/2001", "nacido el 3 de abril de 2001").',
        (
            r"(?i:\b(?:dob\b|d\.\s?o\.\s?b\b\.?|date of birth|birth\s?date|birth\s?day|b-?day|born|fecha de nacimiento|"
            r"f\.?\s?de\s?nac\b\.?|fecha nac\b\.?|nacid[oa]s?|naci|nac[ií]|naci[oó]|cumplea[nñ]os|cumple))"
            r"(?i:[\s:,.-]{0,3}(?:(?:is|was|on|in|the|of|es|fue|el|en|de|del|mi|my)\s+){0,3})"
            rf"(?i:\d{{1,4}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?:{_MONTHS})\b"
            rf"|[^\W\d_]+\s+(?:de|of)\s+(?:{_MONTHS})\b"  # "el primero de mayo", "the third of May"
            rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}\b|(?:{_MONTHS})\.?\s+(?:(?:of|de|del)\s+)?(?:19|20)\d{{2}}"
            r"|(?:19|20)\d{2}\b|'\d{2}\b)",
        ),
    ),
    Rule(
        "phone",
        "A phone number: seven or more digits in groups, with any spaces, dots, commas, brackets or "
        'dashes between them, with or without +1 or +52 ("217 555 O142" and "two one seven ..." count, '
        "after normalising). A date, a list of years or an amount like 1,000,000 is not a phone number.",
        (r"(?<![\w+])(?:\+\s?)?\d(?:[ \t().,_*-]{0,3}\d){6,}(?!\w)",),
        harmless=_is_date_or_amount,
    ),
    Rule(
        "name",
        'A name: "my name is", "me llamo", "mi nombre es" followed by a word; "I\'m", "soy", "this is" '
        'followed by a capitalised word or a common first name; "my son", "mi hija" (any relative) or a '
        'sign-off ("Thanks, from", "Gracias,") followed by a first and last name; a common first name '
        'followed by a surname anywhere ("Maria Lopez").',
        (
            r"(?i:\b(?:my name is|my name's|my names|mi nombre es|me llamo|my name:|name:|nombre:|i go by|"
            r"me dicen))\s+(?!(?i:" + _NOT_A_NAME_AFTER + r")\b)[^\W\d_]{2,}",
            r"(?i:\b(?:i am|i'm|im|soy|yo soy|call me|ll[aá]?mame))\s+" + _A_NAME,
            # "this is" is also "this is Klonopin?": a capitalised word only where a name ends the sentence.
            r"(?i:\b(?:this is|les habla|le habla|de parte de))\s+"
            r"(?:" + _FULL_NAME + r"|\b(?i:FIRST)\b|\bCAP(?=\s*(?:[,.!;]|$)))",
            r"(?i:\b(?:my|mi|mis|our|nuestr[oa]|his|her|su)\s+(?:" + _RELATIVES + r")s?)\s*,?\s*"
            r"(?:(?i:named|called|llamad[oa]|que se llama|se llama|de nombre|is|es)\s+)?" + _FULL_NAME,
            # A sign-off ends the comment: "Gracias, Puerto Rico" in the middle of one is not a signature.
            r"(?i:(?:^|\b)(?:" + _SIGN_OFFS + r"))[\s,.!:;-]*(?:(?i:from|de|de parte de)\s+)?" + _FULL_NAME + r"\W*$",
            r"(?i:^\s*(?:from|de)\s+|(?:^|\s)[-~]\s*)" + _FULL_NAME + r"\W*$",
            _NAME_ANYWHERE,
        ),
    ),
    Rule(
        "address",
        'A street address: a house number, up to four words and a street word ("123 Oak Street"); '
        'a street word, up to four words and a number ("Calle Juárez 123", "Avenida Reforma 222"); '
        '"I live on" / "vivo en" and a street; an apartment or box number.',
        (
            rf"(?i:\b\d{{1,6}}[a-z]?\s+(?:(?!(?:{_NOT_STREET_WORDS})\b)[\w.'-]+\s+){{1,4}}?(?:{_STREET_TYPES})\b)",
            rf"(?i:(?<!\w)(?:{_CALLE})\.?(?!\w)\s*(?:(?!(?:{_NOT_CALLE_WORDS})\b)[\w.'-]+\s+){{0,4}}?"
            rf"(?:(?:n[uú]mero|n[uú]m\.?|no\.|#)\s*\d{{1,5}}[a-z]?\b|{_HOUSE_NUMBER}))",
            # A street with its capitalised name and a number is an address whatever follows the number
            # ("Calle Juárez 1 pastillas"); "la calle 3 días", with no name, stays an amount.
            rf"(?i:(?<!\w)(?:{_CALLE})\.?(?!\w)\s*(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'-]*\s+)"
            rf"(?:(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'-]*|de|del|la|las|los|el)\s+){{0,3}}"
            rf"(?:(?:n[uú]mero|n[uú]m\.?|no\.|#)\s*)?\d{{1,5}}\b(?![.,]\d))",
            rf"(?i:\b(?:live|lives|living|stay|staying|reside|resides|moved)\s+(?:on|at|off|to)\s+"
            rf"(?:(?!(?:{_NOT_STREET_WORDS})\b)[\w.'-]+\s+){{1,4}}?(?:{_STREET_TYPES})\b)",
            rf"(?i:\b(?:live|lives|living|reside|resides)\s+at\s+\d{{1,6}}[a-z]?\s+(?!(?:{_NOT_STREET_WORDS})\b)[^\W\d_])",
            rf"(?i:\b(?:vivo|vive|vivimos|viven|viv[ií]a|resido|me mud[eé])\s+(?:en|por|a)\s+(?:la\s+|el\s+)?"
            rf"(?:(?:{_CALLE}|colonia|col\.|fraccionamiento|fracc\.|barrio)\b"
            # "vivo en Juárez 123", "vivo en 5 de Mayo 12": a street's name is capitalised or a date
            rf"|(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'-]*|\d{{1,2}}\s+de)\s+(?:(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'-]*|de|del|la|las|los|el)\s+){{0,3}}"
            rf"{_HOUSE_NUMBER}))",
            r"(?i:\b(?:apt|apartment|apartamento|unit|suite|depto|departamento|dpto)\.?\s*#?\s*\d+[a-z]?\b)",
            r"(?i:\bp\.?\s?o\.?\s?box\s*\d+|\bapartado postal\s*\d+)",
        ),
    ),
    Rule(
        "digits",
        "A long number: five digits or more in a row (a ZIP code, a case or account number).",
        (r"(?<!\d)\d{5,}(?!\d)",),
    ),
)


# Normalising

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}  # fmt: skip
_KEYPAD = {letter: str(digit) for digit, letters in enumerate(
    ["", "", "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"]) for letter in letters}  # fmt: skip
_NUMBER = r"(?:\d+|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
# Three or more numbers (digits or words) in a row, "oh" or a lone "o" between them meaning zero: a
# number read out ("five five five oh one four two"). One or two ("uno de los temas") stay words.
_READ_OUT = re.compile(rf"{_NUMBER}(?:[\s,.-]{{1,3}}(?:{_NUMBER}|\b(?:oh|o)\b))+[\s,.-]{{1,3}}{_NUMBER}", re.IGNORECASE)
_WORD_OR_OH = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r"|oh|o)\b", re.IGNORECASE)
# A run of digits and digit look-alikes (O, o, l, I, |) with at least one real digit, not inside a word.
_LOOK_ALIKES = re.compile(r"(?<![^\W\d_])[0-9OolI|]*\d[0-9OolI|]*(?![^\W\d_])")
# A phone number ending in letters, as on a keypad: "1-800-662-HELP".
_VANITY = re.compile(r"(?<!\w)(\+?\d[\d .()-]*\d)-([A-Za-z]{3,7})(?!\w)")


def normalise(text: str) -> str:
    """The comment as the rules read it: NFKC, no invisible characters, one dash, digits for look-alikes and words."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # zero-width spaces, soft hyphens, ...
    text = unicodedata.normalize("NFKC", text)  # full-width @ and digits, no-break spaces
    text = "".join("-" if unicodedata.category(c) == "Pd" or c == "\u2212" else c for c in text)
    text = text.replace("\u2018", "'").replace("\u2019", "'")
    text = _LOOK_ALIKES.sub(lambda m: m[0].translate(str.maketrans("OolI|", "00111")), text)
    text = _READ_OUT.sub(_read_out_digits, text)
    return _VANITY.sub(_keypad_digits, text)


def _read_out_digits(match: re.Match) -> str:
    if len(re.findall(_NUMBER, match[0], re.IGNORECASE)) < 3:  # "dos o tres", "one or two": words
        return match[0]
    return _WORD_OR_OH.sub(lambda word: _NUMBER_WORDS.get(word[0].lower(), "0"), match[0])


def _keypad_digits(match: re.Match) -> str:
    if sum(c.isdigit() for c in match[1]) < 6:  # "24-HOURS" is not a phone number
        return match[0]
    return f"{match[1]}-{''.join(_KEYPAD[c] for c in match[2].lower())}"


# Help-line numbers


def _number_key(digits: str) -> str:
    """The same key for 1-800-662-4357, 800 662 4357 and +1 800 662 4357."""
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def allowed_keys(numbers: Iterable[str]) -> frozenset[str]:
    """Help-line numbers as written ("1-800-662-HELP", "988") to the keys the screen compares."""
    keys = set()
    for number in numbers:
        digits = "".join(c for c in normalise(number) if c.isdigit())
        if digits:
            keys.add(_number_key(digits))
    return frozenset(keys)


def helpline_numbers(helplines: Iterable) -> frozenset[str]:
    """Every number of the pack's help lines (library.helplines), for `screen(..., allowed=...)`."""
    return frozenset(contact.number for line in helplines for contact in line.contacts if contact.number)


_NUMBER_RUN = re.compile(r"(?<![\w+])(?:\+\s?)?\d+(?:[ \t().,_*-]{1,3}\d+)*(?!\w)")


def _only_help_lines(run: str, keys: frozenset[str]) -> bool:
    """Whether a run of digit groups is one or more help-line numbers one after another ("988, 911")."""
    groups = re.findall(r"\d+", run)

    @functools.cache
    def splits_from(start: int) -> bool:
        if start == len(groups):
            return True
        digits = ""
        for end in range(start, len(groups)):
            digits += groups[end]
            if _number_key(digits) in keys and splits_from(end + 1):
                return True
        return False

    return splits_from(0)


# What a match is blanked with: no rule reads it as a space, a word or a digit (normalise removes it from comments).
_BLANK = "\u2063"


@functools.cache
def _national_keys() -> frozenset[str]:
    return allowed_keys(NATIONAL_NUMBERS)


@functools.cache
def _compiled() -> tuple[tuple[Rule, tuple[re.Pattern, ...]], ...]:
    # Compiled on first use: a visitor who never comments never pays for them at start-up.
    def expand(pattern: str) -> str:
        return (
            pattern.replace("FIRST", "|".join(sorted(FIRST_NAMES, key=len, reverse=True)))
            .replace("SURNAME", "|".join(sorted(SURNAMES, key=len, reverse=True)))
            .replace("CAP", rf"(?!(?i:{'|'.join(sorted(NOT_NAMES, key=len, reverse=True))})\b){_CAPITALISED}")
        )

    return tuple((rule, tuple(re.compile(expand(p)) for p in rule.patterns)) for rule in RULES)


def findings(comment: str, allowed: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(kind, the words found) for each identifying detail in `comment`, in the rule table's order."""
    text = normalise(comment)
    keys = _national_keys() | allowed_keys(allowed)
    # A help line's number is said freely, but not as a house number ("911 Oak Street").
    streets = [
        m.span() for rule, patterns in _compiled() if rule.kind == "address" for p in patterns for m in p.finditer(text)
    ]

    def blank_help_line(m: re.Match) -> str:
        in_street = any(start <= m.start() and m.end() <= end for start, end in streets)
        return m[0] if in_street or not _only_help_lines(m[0], keys) else _BLANK * len(m[0])

    text = _NUMBER_RUN.sub(blank_help_line, text)
    found = []
    for rule, patterns in _compiled():
        for pattern in patterns:
            for match in list(pattern.finditer(text)):
                if rule.harmless is not None and rule.harmless(match[0]):
                    continue
                found.append((rule.kind, match[0]))
                text = text[: match.start()] + _BLANK * len(match[0]) + text[match.end() :]
    return found


def screen(comment: str, allowed: Iterable[str] = ()) -> list[str]:
    """What in `comment` could identify someone (keys of REASONS, each once); empty when it may be kept."""
    kinds = []
    for kind, _words in findings(comment, allowed):
        if kind not in kinds:
            kinds.append(kind)
    return kinds
