"""Colour themes: light, dark and high contrast, and the WCAG contrast they must meet.

The style sheets are templates (`@name` stands for a colour); a theme fills them in. Every
text/background pair the templates use is checked by the tests from the filled-in result.
"""

from __future__ import annotations

import re

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "text": "#10243e", "background": "#ffffff", "muted": "#3d4a5c", "accent": "#0b4fa8",
        "accent_text": "#ffffff", "panel": "#eef4fb", "card": "#ffffff", "border": "#9fb3c8",
        "emergency": "#a61b1b", "emergency_text": "#ffffff", "emergency_border": "#7f1212",
        "highlight": "#fff4d6", "highlight_border": "#a85a00", "selection": "#d6e6fa",
        "overlay": "rgba(16, 36, 62, 200)", "mark": "#ffe08a", "mark_text": "#10243e",
        "accent_or_text": "#0b3a75", "link": "#0b4fa8", "emergency_heading": "#a61b1b",
    },
    "dark": {
        "text": "#e8eef6", "background": "#141a22", "muted": "#b8c4d2", "accent": "#8cc4ff",
        "accent_text": "#0b1420", "panel": "#1c2530", "card": "#232e3b", "border": "#4a5b70",
        "emergency": "#b3261e", "emergency_text": "#ffffff", "emergency_border": "#ff8a80",
        "highlight": "#3a2c0c", "highlight_border": "#ffb74d", "selection": "#2f4a6b",
        "overlay": "rgba(0, 0, 0, 200)", "mark": "#6b5500", "mark_text": "#ffffff",
        "accent_or_text": "#cfe6ff", "link": "#8cc4ff", "emergency_heading": "#ff8a80",
    },
    "high-contrast": {
        "text": "#ffffff", "background": "#000000", "muted": "#ffffff", "accent": "#ffff00",
        "accent_text": "#000000", "panel": "#000000", "card": "#000000", "border": "#ffffff",
        "emergency": "#000000", "emergency_text": "#ffff00", "emergency_border": "#ffff00",
        "highlight": "#000000", "highlight_border": "#ffff00", "selection": "#00007a",
        "overlay": "rgba(0, 0, 0, 230)", "mark": "#ffff00", "mark_text": "#000000",
        "accent_or_text": "#ffffff", "link": "#ffff00", "emergency_heading": "#ffff00",
    },
}  # fmt: skip
THEME_NAMES = ("system", *THEMES)
MIN_CONTRAST = {"light": 4.5, "dark": 4.5, "high-contrast": 7.0}  # WCAG 2.2 AA text; AAA in high contrast


def resolve(name: str, system_is_dark: bool) -> str:
    """The theme to use: "system" follows the desktop's light or dark setting."""
    if name == "system":
        return "dark" if system_is_dark else "light"
    return name if name in THEMES else "light"


def fill(template: str, theme: str) -> str:
    """A style sheet with each `@name` replaced by the theme's colour (longest names first)."""
    colours = THEMES[theme]
    for name in sorted(colours, key=len, reverse=True):
        template = template.replace(f"@{name}", colours[name])
    return template


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


RULE_RE = re.compile(r"([^{}]+)\{([^}]*)\}")


def text_pairs(stylesheet: str, default_background: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule that sets a text colour.

    A rule without a background of its own is read against the nearest rule for the same
    widget that has one, else against `default_background`.
    """
    rules = []
    for selector, body in RULE_RE.findall(re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S)):
        props = dict((k.strip(), v.strip()) for k, _, v in (p.partition(":") for p in body.split(";")) if v.strip())
        rules.append((" ".join(selector.split()), props))
    backgrounds = {sel: p.get("background", p.get("background-color")) for sel, p in rules}
    pairs = []
    for selector, props in rules:
        colour = props.get("color")
        if not colour or not colour.startswith("#"):
            continue
        background = props.get("background") or props.get("background-color") or _background_for(selector, backgrounds)
        pairs.append((selector, colour, background or default_background))
    return pairs


def _background_for(selector: str, backgrounds: dict[str, str | None]) -> str | None:
    # "QFrame#crisisBanner QLabel" sits on "QFrame#crisisBanner"; walk up the selector's ancestors.
    parts = selector.split(" ")
    for end in range(len(parts) - 1, 0, -1):
        ancestor = " ".join(parts[:end])
        for candidate, background in backgrounds.items():
            if background and background.startswith("#") and candidate.endswith(ancestor):
                return background
    return None
