"""Feedback comments made up at random, identifying and harmless, in English and Spanish.

Each maker takes a `random.Random` and a language and returns one comment. The property tests
(tests/core/test_identifying.py) draw them through hypothesis; the measuring script
(benchmarks/feedback_screen_rates.py) draws thousands with a fixed seed. The names are the
tests' own, many of them not in guide/feedback/identifying.py's lists, so a rule that only knows its
lists is caught out.
"""

from __future__ import annotations

import random
from collections.abc import Callable

LANGUAGES = ("en", "es")

FIRST = {
    "en": ["Jacob", "Jake", "Emily", "Sarah", "Michael", "Thaddeus", "Brianna", "Dwayne", "Kendra", "Tobias"],
    "es": ["María", "Ana", "José", "Sofía", "Guadalupe", "Zoraida", "Fermín", "Itzel", "Leticia", "Rigoberto"],
}
LAST = {
    "en": ["Smith", "Miller", "Johnson", "Okafor", "Kowalski", "Whitfield", "Brennan", "Lindqvist"],
    "es": ["López", "Ramírez", "Juárez", "Quintanilla", "Villaseñor", "Zamudio", "Ochoa", "Ibarra"],
}
RELATIVES = {
    "en": ["son", "daughter", "husband", "wife", "brother", "sister", "mom", "dad", "friend", "boyfriend"],
    "es": ["hijo", "hija", "esposo", "esposa", "hermano", "hermana", "mamá", "papá", "amigo", "novia"],
}
DIGIT_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre"],
}
PLATFORMS = ["instagram", "facebook", "tiktok", "snapchat", "whatsapp", "twitter", "telegram", "Instagram", "TikTok"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"]
SEPARATORS = [" ", "-", ".", ",", ", ", "\u2013", "\u2014", "\u2011", "\u2212", " - ", "", "  ", "\u00a0", "\u3000"]


def _words(text: str) -> list[str]:
    return text.split()


WORDS = {
    "en": _words(
        "this page helped me a lot thanks the words were clear too long confusing i take my pills every day "
        "please add more about family support groups in spanish it was good read looked really kind nurse "
        "doctor helpful hard to follow short and simple wish there was video withdrawal scary but useful"
    ),
    "es": _words(
        "esta página me ayudó mucho gracias las palabras eran claras muy largo confuso tomo mis pastillas cada "
        "día por favor agreguen más sobre familia grupos de apoyo en inglés fue bueno leí miré amable doctora "
        "útil difícil de seguir corto y sencillo quisiera un video abstinencia da miedo pero sirve"
    ),
}
# Harmless on purpose: "at", "dot", "punto", help-line numbers, small numbers, "I'm ...", a street.
EXTRAS = {
    "en": [
        "at home", "at work", "at night", "at the clinic", "at 8 pm", "I looked at this.", "Read it at home.",
        "I was at work. ok", "a dot on the map", "connect the dots", "dot com ads", "2 days", "3 times",
        "0.5 mg", "10 mg", "every 4 hours", "page 4", "step 3", "10/10", "for 2 weeks", "in 2019", "since 2020",
        "call 988", "988", "911", "called 911", "1-800-662-4357", "1-800-662-HELP", "(800) 662-4357",
        "800.662.4357", "1 800 662 4357", "741741", "text HOME to 741741", "1-800-273-8255",
        "the SAMHSA National Helpline", "988 Suicide & Crisis Lifeline", "I'm grateful", "I am Mexican",
        "I live with my family", "I was living on the street", "my son is in recovery", "my dr was kind",
        "I'm from Texas", "Thank you Jesus", "the clinic on Main Street", "I saw this on facebook",
        "one of the pages", "two or three", "a day or two", "2 or 3 times a day", "Thank You So Much",
        "Great Info", "The Nurse Was Kind", "Klonopin", "Narcan saved my life", "AA meetings", "Al-Anon",
        "I live in San Antonio Texas", "New York", "Dr. Lopez was kind", "God Bless", "Thanks, Dr. Lopez",
        "Spanish please", "I am Catholic", "This is Great", "I'm Sober now", "my son Jacob is doing better",
        "I didn't know you shouldn't stop Klonopin suddenly", "My son is on clonazepam 0.5 mg twice a day",
        "I was at the ER 2 times last month", "Sober since March 2021", "I read this at the library",
        "Look at the FDA warning from 2020", "God Bless You All", "I'm 45 and still struggling",
        "Page 3 of 5 was confusing", "I went to AA at St. Mary's Church", "The meeting at 7 pm on Tuesdays helps",
        "I'm staying at a shelter", "My dr said 3 weeks taper", "I was born again in Christ",
        "My birthday is next week", "Call me crazy but", "They call me every day", "My name is not important",
        "A friend, Jake, told me", "Nurse Ana helped me", "24/7 is great", "From 2015 to 2020 I used",
        "Down to 1/2 pill", "My mom Maria is worried",
    ],
    "es": [
        "en casa", "en el trabajo", "a las 8", "punto de vista", "en punto", "y punto", "un punto", "2 veces al día",
        "3 días", "cada 8 horas", "0.5 mg", "por 2 semanas", "desde 2020", "llamé al 988", "marqué 988 y luego 2",
        "911", "1-800-662-4357", "AYUDA al 741741", "la Línea Nacional de Ayuda de SAMHSA", "soy madre",
        "soy de México", "vivo en Texas", "vivo con mi familia", "estuve en la calle 3 días", "mi hijo está mejor",
        "gracias a Dios", "lo vi en facebook", "uno de los temas", "dos o tres", "1 o 2 pastillas",
        "una arroba de más", "escríbanlo más claro", "Muchas Gracias", "Dios los bendiga", "Ciudad de México",
        "vivo en San Antonio", "Los Angeles", "El Paso", "Puerto Rico", "la doctora López fue amable",
        "Gracias, Dra. López", "soy Católica", "mi hijo Jacob ya está mejor", "soy de Guadalajara, Jalisco",
        "Mi hijo toma 2 pastillas al día", "Estuve en la calle 2 años", "Soy mamá de dos niños", "Soy de Honduras",
        "Me llamó la atención lo de las convulsiones", "Fui a la clínica a las 9", "Tengo 30 años",
        "La página 4 no se entiende", "Que Dios los bendiga", "Estoy en recuperación desde 2018",
        "El 1-800-662-4357 me contestó en español", "A las 3 de la mañana no podía dormir",
        "Nací de nuevo gracias al programa", "Mi esposo está en tratamiento", "vivo en Texas desde 2010",
        "la doctora Ana fue amable",
    ],
}  # fmt: skip


def _invisible(rng: random.Random, text: str, chance: float = 0.25) -> str:
    """Sometimes hide zero-width characters and soft hyphens in the text, as a visitor might paste them."""
    if rng.random() > chance:
        return text
    out = []
    for char in text:
        out.append(char)
        if rng.random() < 0.2:
            out.append(rng.choice(INVISIBLE))
    return "".join(out)


def _sentence(rng: random.Random, lang: str, low: int = 2, high: int = 8) -> str:
    words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _around(rng: random.Random, lang: str, core: str) -> str:
    """A comment with the identifying part somewhere in it."""
    before = _sentence(rng, lang) + rng.choice([". ", ", ", " "]) if rng.random() < 0.5 else ""
    after = rng.choice([". ", " ", ", "]) + _sentence(rng, lang).lower() if rng.random() < 0.5 else ""
    return before + core + after


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


# Identifying: one maker per kind of guide.feedback.identifying.RULES


def phone(rng: random.Random, lang: str) -> str:
    grouping = rng.choice([(3, 3, 4), (3, 7), (10,), (1, 3, 3, 4), (3, 3, 2, 2), (2, 4, 4), (2, 2, 2, 2, 2), (3, 4)])
    groups = [_digits(rng, size) for size in grouping]
    if grouping[0] == 1:
        groups[0] = "1"
    form = rng.choice(["plain", "plain", "look-alikes", "words", "full-width"])
    if form == "look-alikes":  # one digit per group becomes a letter that looks like it: 217 555 O142
        for index, group in enumerate(groups):
            if len(group) > 1 and rng.random() < 0.7:
                at = rng.randrange(len(group))
                letter = {"0": rng.choice("Oo"), "1": rng.choice("lI")}.get(group[at])
                if letter:
                    groups[index] = group[:at] + letter + group[at + 1 :]
    if form == "words":
        joiner = rng.choice([" ", ", ", "-"])
        words = [joiner.join(DIGIT_WORDS[lang][int(d)] for d in group) for group in groups]
        number = rng.choice([" ", ", ", " - "]).join(words)
    else:
        if form == "full-width":
            groups = ["".join(chr(ord(d) + 0xFEE0) for d in group) for group in groups]
        separator = rng.choice(SEPARATORS)
        if len(groups) == 3 and rng.random() < 0.2:
            number = f"({groups[0]}) {groups[1]}-{groups[2]}"
        else:
            number = separator.join(groups)
        number = rng.choice(["", "", "+1 ", "+52 ", "+1-", "+52 1 "]) + number
    template = rng.choice(
        {
            "en": ["call me at {}", "my number is {}", "{}", "text me {} thanks", "my cell: {}", "reach me at {}"],
            "es": ["llámeme al {}", "mi número es {}", "{}", "mi cel {} gracias", "mándeme mensaje al {}"],
        }[lang]
    )
    return _invisible(rng, _around(rng, lang, template.format(number)))


def email(rng: random.Random, lang: str) -> str:
    first, last = rng.choice(FIRST["en"] + ["maria", "ana", "jose"]).lower(), rng.choice(LAST["en"]).lower()
    local = rng.choice([first, f"{first}.{last}", f"{first}{_digits(rng, 2)}", f"{first}_{last}"])
    host = rng.choice(["gmail", "hotmail", "yahoo", "outlook", "icloud", "example", "miclinica", "correo"])
    top = rng.choice(["com", "net", "org", "mx", "edu"])
    forms = {
        "en": ["{l}@{h}.{t}", "{l} @ {h}.{t}", "{l}\uff20{h}.{t}", "{l} at {h} dot {t}", "{l} at {h}.{t}",
               "{l} [at] {h} [dot] {t}", "{l}(at){h}(dot){t}", "{l} at gmail", "{l} at hotmail", "{l} @ {h} . {t}"],
        "es": ["{l}@{h}.{t}", "{l} arroba {h} punto {t}", "{l} arroba gmail", "{l} arroba hotmail punto com",
               "{l}\uff20{h}.{t}", "{l} @ {h} . {t}", "{l} arroba {h}.{t}"],
    }  # fmt: skip
    address = rng.choice(forms[lang]).format(l=local, h=host, t=top)
    template = rng.choice({"en": ["write to {}", "my email is {}", "{}", "e-mail me: {}"],
                           "es": ["escríbame a {}", "mi correo es {}", "{}", "correo: {}"]}[lang])  # fmt: skip
    return _invisible(rng, _around(rng, lang, template.format(address)))


def handle(rng: random.Random, lang: str) -> str:
    name = rng.choice(FIRST["en"] + FIRST["es"]).lower().translate(str.maketrans("áéíóú", "aeiou"))
    account = rng.choice([name, f"{name}_{_digits(rng, 2)}", f"{name}{_digits(rng, 3)}", f"{name}.doe"])
    platform = rng.choice(PLATFORMS)
    forms = {
        "en": ["@{a}", "@{a} on {p}", "find me on {p}", "follow me on {p}", "my {p} is {a}", "{p}: {a}",
               "add me on {p} as {a}", "message me on {p}", "follow me on X"],
        "es": ["@{a}", "@{a} en {p}", "búscame en {p}", "sígueme en {p}", "mi {p} es {a}", "agrégame en {p} como {a}",
               "escríbeme por {p}", "{p}: {a}"],
    }  # fmt: skip
    if "_" in account or any(c.isdigit() for c in account):
        forms[lang].append("{a} on {p}" if lang == "en" else "{a} en {p}")
    core = rng.choice(forms[lang]).format(a=account, p=platform)
    return _invisible(rng, _around(rng, lang, core))


def birth_date(rng: random.Random, lang: str) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    year = rng.choice([str(rng.randint(1940, 2015)), f"{rng.randint(0, 99):02d}"])
    separator = rng.choice(["/", "-", "."])
    if rng.random() < 0.3:
        day_text, month_text = f"{day:02d}", f"{month:02d}"
    else:
        day_text, month_text = str(day), str(month)
    numeric = separator.join([day_text, month_text, year])
    month_name = MONTHS[lang][month % 10]
    full_year = str(rng.randint(1940, 2015))
    forms = {
        "en": [f"DOB {numeric}", f"D.O.B. {numeric}", f"dob: {numeric}", f"born {numeric}",
               f"I was born on {numeric}", f"date of birth {numeric}", f"my birthday is {month_name} {day}",
               f"born {month_name} {day}, {full_year}", f"I was born in {full_year}", f"birthday {day}/{month}"],
        "es": [f"nacido el {day} de {month_name} de {full_year}", f"nacida el {numeric}", f"nací el {numeric}",
               f"fecha de nacimiento: {numeric}", f"mi cumpleaños es el {day} de {month_name}",
               f"nací en {full_year}", f"Fecha de nacimiento {numeric}"],
    }  # fmt: skip
    core = rng.choice(forms[lang])
    if rng.random() < 0.3:
        relative = rng.choice(RELATIVES[lang])
        core = ("my " if lang == "en" else "mi ") + relative + " " + rng.choice(FIRST[lang]) + " " + core
    return _invisible(rng, _around(rng, lang, core))


def name(rng: random.Random, lang: str) -> str:
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    sentence = _sentence(rng, lang)
    forms = {
        "en": [f"my name is {first} {last}", f"My name is {first.lower()}", f"my name's {first}",
               f"I'm {first} {last}", f"this is {first}", f"Hi, I am {first}", f"I am {first} {last}",
               f"my {rng.choice(RELATIVES['en'])} {first} {last} takes 6 a day",
               f"{sentence}. Thanks, from {first} {last}", f"{sentence}. Sincerely, {first} {last}",
               f"{sentence} - {first} {last}", f"Thank you! {first} {last}", f"{sentence}. Regards, {first} {last}"],
        "es": [f"me llamo {first}", f"mi nombre es {first.lower()} {last.lower()}", f"Me llamo {first} {last}",
               f"soy {first} {last}", f"Hola, soy {first}",
               f"mi {rng.choice(RELATIVES['es'])} {first} {last} toma 6 al día",
               f"{sentence}. Gracias, {first} {last}", f"{sentence}. Atentamente, {first} {last}",
               f"{sentence}. Saludos de {first} {last}", f"{sentence}. De parte de {first} {last}"],
    }  # fmt: skip
    return _invisible(rng, rng.choice(forms[lang]))


def address(rng: random.Random, lang: str) -> str:
    number = str(rng.randint(1, 9999))
    if lang == "en":
        street = rng.choice(["Oak", "Main", "Elm", "Maple", "W. 3rd", "Martin Luther King", "Cedar Hollow", "Lincoln"])
        kind = rng.choice(["Street", "St", "St.", "Avenue", "Ave", "Road", "Rd", "Blvd", "Lane", "Drive", "Court",
                           "Way", "Place"])  # fmt: skip
        forms = [f"{number} {street} {kind}", f"I live at {number} {street} {kind}", f"I live on {street} {kind}",
                 f"we live on {street} {kind}", f"{number} {street.lower()} {kind.lower()}",
                 f"{number} {street} {kind} apt {rng.randint(1, 40)}", f"apartment {rng.randint(1, 400)}",
                 f"we moved to {street} {kind}"]  # fmt: skip
    else:
        street = rng.choice(["Juárez", "Mayor", "Reforma", "Hidalgo", "Insurgentes Sur", "5 de Mayo", "Benito Juárez",
                             "Morelos", "Madero"])  # fmt: skip
        kind = rng.choice(["Calle", "Avenida", "Av.", "Calzada", "calle", "avenida", "Privada", "Paseo"])
        forms = [f"{kind} {street} {number}", f"Vivo en {kind} {street} {number}", f"{kind} {street} número {number}",
                 f"{kind} {street.lower()} #{number}", f"vivo en la colonia {street}", f"vivo en {street} {number}",
                 f"Vivo en {kind} {street}", f"depto {rng.randint(1, 40)}"]  # fmt: skip
    return _invisible(rng, _around(rng, lang, rng.choice(forms)))


def long_number(rng: random.Random, lang: str) -> str:
    digits = _digits(rng, rng.randint(5, 9))
    template = rng.choice(
        {
            "en": ["my ZIP is {}", "case number {}", "zip {}", "member ID {}", "I'm in {}"],
            "es": ["mi código postal es {}", "folio {}", "número de caso {}", "CP {}", "expediente {}"],
        }[lang]
    )
    return _invisible(rng, _around(rng, lang, template.format(digits)))


IDENTIFYING: dict[str, Callable[[random.Random, str], str]] = {
    "email": email,
    "handle": handle,
    "birth_date": birth_date,
    "phone": phone,
    "name": name,
    "address": address,
    "digits": long_number,
}


def harmless(rng: random.Random, lang: str) -> str:
    """A made-up comment that names nobody: words, with "at", "dot", help-line numbers and small numbers."""
    parts = [_sentence(rng, lang, 1, 5)]
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(EXTRAS[lang]))
        parts.append(_sentence(rng, lang, 1, 4).lower())  # a word or more between two numbers
    text = rng.choice([" ", ", ", ". "]).join(parts) + rng.choice(["", ".", "!", " :)"])
    return _invisible(rng, text, chance=0.2)


# Beyond what the rules claim: measured by the benchmark, not asserted by the tests. A first name
# alone, names in lower case that are not in the screen's lists, a handle with no @ or digit, a
# number read in pairs, a landmark instead of a street.


def beyond_the_rules(rng: random.Random, lang: str) -> str:
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    relative = rng.choice(RELATIVES[lang])
    forms = {
        "en": [f"my {relative} {first.lower()} {last.lower()} is using again", f"my {relative} {first} is using",
               f"{first.lower()}{last.lower()} on instagram", f"I'm {first.lower()}",
               f"{first} {last} here", "call me at fifty five, twelve, thirty four",
               f"I live near the {last} Market on 5th"],
        "es": [f"mi {relative} {first.lower()} {last.lower()} volvió a consumir", f"mi {relative} {first} consume",
               f"{first.lower()}{last.lower()} en instagram", f"soy {first.lower()}",
               "mi número es cincuenta y cinco, doce treinta y cuatro, cincuenta y seis setenta y ocho",
               f"vivo a una cuadra del mercado {last}"],
    }  # fmt: skip
    return rng.choice(forms[lang])
