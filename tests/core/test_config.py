"""Config files: good ones load; every mistake names the file and the line."""

import pytest

from guide.config import ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults():
    config = load_config(None)
    assert config.language == "en" and not config.kiosk.enabled and config.kiosk.idle_seconds == 90


def test_a_full_config_loads_with_content_relative_to_the_file(tmp_path):
    (tmp_path / "clinic").mkdir()
    path = write(
        tmp_path,
        'language = "es"\ncontent = ["clinic"]\n[kiosk]\nenabled = true\nidle_seconds = 60\n',
    )
    config = load_config(path)
    assert config.language == "es"
    assert config.content == ((tmp_path / "clinic").resolve(),)
    assert config.kiosk.enabled and config.kiosk.idle_seconds == 60


def test_the_speech_engine_comes_from_the_config(tmp_path):
    assert load_config(write(tmp_path, '[speech]\nengine = "speechd"\n')).speech.engine == "speechd"
    assert load_config(None).speech.engine == ""  # the platform's own


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('language = "en"\ncolour = "red"\n', 2, "unknown setting 'colour'"),
        ("[kiosk]\nenabled = true\nidle_secs = 5\n", 3, "unknown setting 'kiosk.idle_secs'"),
        ('[kiosk]\nidle_seconds = "ninety"\n', 2, "must be a whole number"),
        ("[kiosk]\nenabled = 1\n", 2, "must be true or false"),
        ('language = "fr"\n', 1, "language must be one of"),
        ('language = "en"\n[kiosk\n', 2, "not valid TOML"),
        ('content = ["missing-folder"]\n', 1, "content folder not found"),
        (
            "[kiosk]\nidle_seconds = 10\nwarning_seconds = 15\n",
            3,
            "[kiosk] warning_seconds must be a whole number from 1 to 9",
        ),
        ("[kiosk]\nidle_seconds = 1000000000000\n", 2, "[kiosk] idle_seconds must be a whole number from 10 to 86400"),
        ("[kiosk]\nidle_seconds = 9\n", 2, "[kiosk] idle_seconds must be a whole number from 10 to 86400"),
        ("[kiosk]\nenabled = true\nwarning_seconds = 0\n", 3, "[kiosk] warning_seconds must be a whole number from 1"),
        ("[kiosk]\nwarning_seconds = -5000000000000000000000\n", 2, "[kiosk] warning_seconds must be a whole number"),
        ('[kiosk]\nprinter = "' + "p" * 300 + '"\n', 2, "[kiosk] printer must be at most 200 characters"),
        ("kiosk = 5\n", 1, "kiosk must be a section: [kiosk]"),
        ('[speech]\nvoice = "Anne"\n', 2, "unknown setting 'speech.voice'"),
        ("[speech]\nengine = 3\n", 2, "must be text in quotes"),
    ],
)
def test_mistakes_name_file_line_and_key(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message


@pytest.mark.parametrize(
    ("bomb", "line"),
    [
        ("content = " + "[" * 600 + "]" * 600, 1),
        ("[kiosk]\nprinter = " + "{a = " * 600 + "1" + "}" * 600, 2),  # named at the bomb's own line
    ],
)
def test_a_nesting_bomb_is_a_clear_error(tmp_path, bomb, line):
    path = write(tmp_path, bomb + "\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}:{line}: ") and "nested too deeply" in str(raised.value)


GOOD_SALT, GOOD_DIGEST = "ab" * 16, "cd" * 32


@pytest.mark.parametrize(
    "stored",
    [
        f"pbkdf2-sha256$0${GOOD_SALT}${GOOD_DIGEST}",  # 0 iterations: hashlib raises on every try
        f"pbkdf2-sha256${10**11}${GOOD_SALT}${GOOD_DIGEST}",  # hours per try
        f"pbkdf2-sha256$99999${GOOD_SALT}${GOOD_DIGEST}",
        f"pbkdf2-sha256$2000001${GOOD_SALT}${GOOD_DIGEST}",
        f"pbkdf2-sha256$\u00b2000000${GOOD_SALT}${GOOD_DIGEST}",  # '²'.isdigit(), but int() refuses it
        f"pbkdf2-sha256$200000${GOOD_SALT}a${GOOD_DIGEST}",  # odd-length hex: bytes.fromhex raises
        f"pbkdf2-sha256$200000${GOOD_SALT}${GOOD_DIGEST}a",
        f"pbkdf2-sha256$200000${GOOD_SALT}${GOOD_DIGEST[:-2]}",  # a digest of 31 bytes never matches
        f"pbkdf2-sha256$200000$${GOOD_DIGEST}",  # no salt
        f"pbkdf2-sha256$200000$ab${GOOD_DIGEST}",  # a one-byte salt
        f"pbkdf2-sha256$200000${GOOD_SALT}${GOOD_DIGEST.upper()}",
        f"pbkdf2-sha1$200000${GOOD_SALT}${GOOD_DIGEST}",
        f"pbkdf2-sha256$200000${GOOD_SALT}${GOOD_DIGEST}$extra",
        "2468",
    ],
)
def test_a_malformed_pin_hash_stops_the_start_naming_file_and_line(tmp_path, stored):
    path = write(tmp_path, f'# staff\n[kiosk]\nenabled = true\nadmin_pin_sha256 = "{stored}"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:4: ") and "guide kiosk set-pin" in message, message


def test_a_hash_made_by_set_pin_loads(tmp_path):
    from guide.kiosk.rules import hash_pin

    stored = hash_pin("2468")
    path = write(tmp_path, f'[kiosk]\nadmin_pin_sha256 = "{stored}"\n')
    assert load_config(path).kiosk.admin_pin_sha256 == stored
