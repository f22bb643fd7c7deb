"""The feedback screen (guide/feedback/identifying.py): what it refuses and what it lets through, in both languages."""

import pytest
from feedback_forms import IDENTIFYING, LANGUAGES, harmless
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.feedback.identifying import RULES, helpline_numbers, normalise
from guide.feedback.store import FeedbackStore, RefusedComment, screen
from guide.packs.helplines import fallback_helplines

# (language, comment, the kind it must be refused as). The first ones are issue 18's own.
IDENTIFYING_COMMENTS = [
    ("en", "two one seven five five five zero one four two", "phone"),
    ("en", "my name is Maria Lopez", "name"),
    ("en", "my son Jacob Smith DOB 3/4/2001", "name"),
    ("en", "my son Jacob Smith DOB 3/4/2001", "birth_date"),
    ("en", "217 555 O142", "phone"),
    ("en", "@janedoe on instagram", "handle"),
    ("en", "I live on Oak Street", "address"),
    ("es", "Vivo en Calle Juárez 123", "address"),
    ("es", "Avenida Reforma 222", "address"),
    ("es", "Calle Juárez 1 pastillas esta", "address"),  # a number after a named street, whatever follows
    ("es", "calle juárez #1 pastillas", "address"),
    ("es", "maria arroba gmail punto com", "email"),
    ("en", "Thanks, from Jake Miller", "name"),
    ("en", "call me 217,555,0142", "phone"),
    ("en", "217\u2013555\u20130142", "phone"),
    ("en", "217\u2014555\u20140142", "phone"),
    ("en", "217\u2011555\u20110142", "phone"),
    ("en", "217\u2212555\u22120142", "phone"),
    ("en", "217\u200b555\u200b0142", "phone"),
    ("en", "217\u00ad555\u00ad0142", "phone"),
    ("en", "217\u2060555\ufeff0142", "phone"),
    ("en", "maria\uff20gmail.com", "email"),
    ("en", "email me at gmail", "email"),
    ("es", "Calle Mayor 12", "address"),
    ("es", "dos uno siete cinco cinco cinco cero uno cuatro dos", "phone"),
    ("es", "mi número es +52 55 1234 5678", "phone"),
    ("en", "+1 (217) 555-0142", "phone"),
    ("en", "217.555.0142", "phone"),
    ("en", "2l7 555 0l42", "phone"),
    ("en", "five five five oh one four two", "phone"),
    ("en", "\uff12\uff11\uff17 555 0142", "phone"),
    ("en", "maria at gmail dot com", "email"),
    ("en", "maria @ gmail . com", "email"),
    ("en", "sam [at] example [dot] org", "email"),
    ("es", "escríbame a maria arroba hotmail", "email"),
    ("en", "@janedoe", "handle"),
    ("en", "follow me on tiktok", "handle"),
    ("en", "jane_doe99 on snapchat", "handle"),
    ("es", "búscame en facebook", "handle"),
    ("es", "mi instagram es maria_lopez", "handle"),
    ("en", "DOB 3/4/2001", "birth_date"),
    ("en", "born 3-4-2001", "birth_date"),
    ("es", "nacido el 3 de abril de 2001", "birth_date"),
    ("es", "fecha de nacimiento: 03/04/2001", "birth_date"),
    ("en", "my name is jake", "name"),
    ("es", "me llamo Ana", "name"),
    ("es", "mi nombre es José Pérez", "name"),
    ("es", "soy maria", "name"),
    ("es", "mi hija Sofía Ramírez toma 6 al día", "name"),
    ("es", "Gracias, Ana Ruiz", "name"),
    ("en", "123 Oak Street", "address"),
    ("en", "I live at 12 Oak Street", "address"),
    ("es", "vivo en la colonia Roma", "address"),
    ("en", "my ZIP is 60614", "digits"),
]

HARMLESS_COMMENTS = [
    ("en", "I looked at this. It helped a lot"),
    ("en", "I was at work. ok"),
    ("en", "Read it at home. Thanks"),
    ("en", "put a dot on the map"),
    ("es", "desde mi punto de vista, muy útil"),
    ("es", "Me ayudó mucho, punto."),
    ("en", "I called 988 and 911"),
    ("en", "1-800-662-4357 SAMHSA National Helpline"),
    ("en", "1-800-662-HELP helped me"),
    ("en", "I used to call 1-800-273-8255"),
    ("en", "text HOME to 741741"),
    ("es", "Llamé al 988 y marqué 2"),
    ("es", "Gracias a la Línea Nacional de Ayuda de SAMHSA, 1-800-662-4357"),
    ("en", "call 988, 911, 741741"),
    ("en", "I take 2 pills a day"),
    ("en", "Step 3 was confusing"),
    ("en", "1 mg at 8 pm"),
    ("en", "10/10 would read again"),
    ("en", "I was living on the street for 2 years"),
    ("es", "estuve en la calle 3 días"),
    ("en", "took 2 pills on the way"),
    ("en", "In 2019, 2020 and 2021 I relapsed"),
    ("en", "I saw this on facebook"),
    ("en", "Thank you Jesus Christ"),
    ("en", "Thanks Great Job"),
    ("en", "I'm Mexican and I'm grateful"),
    ("es", "soy madre de 3"),
    ("es", "soy de México y vivo en Texas"),
    ("en", "one of the pages was too long"),
]


def _id(case):
    return f"{case[0]}: {case[1]!r}" + (f" -> {case[2]}" if len(case) > 2 else "")


@pytest.mark.parametrize("case", IDENTIFYING_COMMENTS, ids=_id)
def test_an_identifying_comment_is_refused_as_what_it_is(case):
    _language, comment, kind = case
    assert kind in screen(comment)


@pytest.mark.parametrize("case", HARMLESS_COMMENTS, ids=_id)
def test_a_harmless_comment_is_kept(case):
    assert screen(case[1]) == []


def test_the_pack_s_own_help_lines_may_be_quoted_and_other_numbers_may_not():
    clinic = "(217) 555-0100"
    assert screen(f"the clinic line {clinic} was kind") == ["phone"]
    assert screen(f"the clinic line {clinic} was kind", allowed={"217-555-0100"}) == []
    assert screen("my cell 217 555 0199", allowed={"217-555-0100"}) == ["phone"]
    assert screen("988 2175550142", allowed={"988"}) == ["phone"]  # a help line next to a phone number


def test_the_window_s_help_lines_are_the_pack_s_numbers():
    assert helpline_numbers(fallback_helplines()) == {"911", "988"}


def test_the_store_refuses_with_the_kinds_and_keeps_the_pack_s_numbers(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    answer = store.add("clonazepam", "es", True)
    with pytest.raises(RefusedComment) as refused:
        store.add_comment(answer, "me llamo Ana, 217 555 0142")
    assert refused.value.kinds == ["phone", "name"]
    store.add_comment(answer, "llamé al 217 555 0100, muy amables", allowed={"217-555-0100"})
    assert answer.comment == "llamé al 217 555 0100, muy amables"


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("217\u200b555\u00ad0142", "2175550142"),
        ("maria\uff20gmail.com", "maria@gmail.com"),
        ("217\u2013555\u20140142", "217-555-0142"),
        ("217 555 O142", "217 555 0142"),
        ("2l7 555 0I42", "217 555 0142"),
        ("two one seven", "2 1 7"),
        ("dos uno siete", "2 1 7"),
        ("Oak Street and Ola", "Oak Street and Ola"),  # letters in words stay letters
    ],
)
def test_normalise_undoes_the_disguises(text, seen):
    assert normalise(text) == seen


def test_every_rule_has_a_kind_and_plain_words():
    kinds = [rule.kind for rule in RULES]
    assert len(kinds) == len(set(kinds)) and all(len(rule.what) > 20 for rule in RULES)


# Property tests: comments made up at random (tests/feedback_forms.py).


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(IDENTIFYING))
@settings(max_examples=100, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_made_up_identifying_comments_are_refused(kind, language, rng):
    comment = IDENTIFYING[kind](rng, language)
    assert screen(comment), comment


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=200, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_made_up_harmless_comments_are_kept(language, rng):
    comment = harmless(rng, language)
    assert screen(comment) == [], comment


@pytest.mark.parametrize(
    ("comment", "refused"),
    [
        ("I live at 911 Oak Street near the clinic", True),  # found by hypothesis: 911 was taken for the help line
        ("Vivo en Calle Juárez 988", True),
        ("Call 911 or 988 if you need help", False),
        ("Text 988 from Main Street, it helped", False),
    ],
)
def test_a_help_line_number_as_a_house_number_is_an_address(comment, refused):
    assert bool(screen(comment)) is refused
