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
        ("[kiosk]\nidle_seconds = 10\nwarning_seconds = 15\n", 2, "must be at least 10 and more"),
    ],
)
def test_mistakes_name_file_line_and_key(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message
