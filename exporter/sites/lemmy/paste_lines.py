"""The line vocabulary of a Lemmy page pasted as text: what a header, a vote or a stub looks like.

Copied text has no markup, so every structural decision rests on recognising the small, fixed
set of lines lemmy-ui prints around a comment: badges, the author's instance, the language,
vote counts, relative times, the titles of its SVG icons. They live here, apart from the code
that cuts a paste into comments, so the vocabulary can be tested and extended in one place.
"""

from __future__ import annotations

import re

from ...clean import strip_xml_illegal

# Language badges as lemmy-ui shows them (Lemmy's own table uses native names) plus the
# English names a translated UI may show, mapped to the BCP-47 tag the book declares.
LANGUAGES: dict[str, str] = {
    "English": "en", "Deutsch": "de", "German": "de", "Français": "fr", "French": "fr",
    "Español": "es", "Spanish": "es", "Italiano": "it", "Italian": "it", "Português": "pt",
    "Portuguese": "pt", "Nederlands": "nl", "Dutch": "nl", "Polski": "pl", "Polish": "pl",
    "Русский": "ru", "Russian": "ru", "Українська": "uk", "Ukrainian": "uk", "中文": "zh",
    "Chinese": "zh", "日本語": "ja", "Japanese": "ja", "한국어": "ko", "Korean": "ko",
    "Svenska": "sv", "Swedish": "sv", "Suomi": "fi", "Finnish": "fi", "Dansk": "da",
    "Danish": "da", "Norsk": "no", "Norsk Bokmål": "nb", "Norwegian": "no", "Esperanto": "eo",
    "Čeština": "cs", "Czech": "cs", "Türkçe": "tr", "Turkish": "tr", "العربية": "ar",
    "Arabic": "ar", "עברית": "he", "Hebrew": "he", "हिन्दी": "hi", "Hindi": "hi",
    "Ελληνικά": "el", "Greek": "el", "Magyar": "hu", "Hungarian": "hu", "Română": "ro",
    "Romanian": "ro", "Català": "ca", "Catalan": "ca", "Euskara": "eu", "Basque": "eu",
    "Galego": "gl", "Galician": "gl", "Bahasa Indonesia": "id", "Indonesian": "id",
    "Tiếng Việt": "vi", "Vietnamese": "vi", "فارسی": "fa", "Persian": "fa",
    "Български": "bg", "Bulgarian": "bg", "Српски": "sr", "Serbian": "sr", "Hrvatski": "hr",
    "Croatian": "hr", "Slovenčina": "sk", "Slovak": "sk", "Slovenščina": "sl",
    "Slovenian": "sl", "Lietuvių": "lt", "Lithuanian": "lt", "Latviešu": "lv",
    "Latvian": "lv", "Eesti": "et", "Estonian": "et", "Gaeilge": "ga", "Irish": "ga",
    "Cymraeg": "cy", "Welsh": "cy", "Latina": "la", "Latin": "la", "Íslenska": "is",
    "Icelandic": "is", "ไทย": "th", "Thai": "th", "Bahasa Melayu": "ms", "Malay": "ms",
    "Tagalog": "tl", "Filipino": "fil", "Interlingua": "ia", "Toki Pona": "tok",
}  # fmt: skip

# Titles of lemmy-ui's SVG icons, which some copy methods print on their own line. Words that
# no sentence is made of may be dropped anywhere; plain words only around a header.
ICONS_DISTINCT = frozenset({
    "fedilink", "arrow-up", "arrow-down", "arrow-up1", "arrow-down1", "minus-square",
    "plus-square", "edit-2", "message-square", "more-vertical", "external-link", "eye-off",
    "corner-down-right", "reply1", "heart", "smile", "shield",
})  # fmt: skip
ICONS_PLAIN = frozenset({"link", "share", "flag", "copy", "lock", "eye", "trash", "save", "star"})
ICONS = ICONS_DISTINCT | ICONS_PLAIN

# Role badges: each flag the model keeps, and the other pills lemmy-ui may print.
BADGES: dict[str, str] = {"OP": "op", "M": "mod", "A": "admin"}
OTHER_BADGES = frozenset({"bot", "BOT", "Bot", "Banned", "banned", "deleted", "Deleted", "🌱"})

LOGIN_LINE = "You must log in or register to comment."
SORT_WORDS = frozenset({"Hot", "Top", "Controversial", "New", "Old", "Chat"})

_DOMAIN = r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,63}"
_INSTANCE_LINE = re.compile(rf"@({_DOMAIN})")
_GLUED = re.compile(rf"(?P<name>.+?)@(?P<inst>{_DOMAIN})(?P<badges>(?:OP|M|A)*)")
# Without an instance a glued badge is only split off after a character that cannot end an
# all-caps name, so "TOP" or "SAM" stay whole.
_BARE_BADGES = re.compile(r"(?P<name>.*[^A-Z\s])(?P<badges>(?:OP|M|A)+)")
# Hexbear-style pronoun tags ("[any]", "[he/him]") after the display name.
_PRONOUN_TAG = re.compile(r"\s{0,4}\[[a-z]{1,12}(?:/[a-z]{1,12}){0,3}\]$", re.IGNORECASE)

_UNIT = r"(?:second|minute|hour|day|week|month|year)s?"
_TIME = re.compile(
    rf"(?:just now|now|yesterday|"
    rf"(?:(?:about|over|almost|less than) )?(?:\d{{1,4}}|an?|a few) {_UNIT} ago|"
    rf"in (?:\d{{1,4}}|an?|a few) {_UNIT})",
    re.IGNORECASE,
)
_VOTES = re.compile(r"(?:-?\d[\d.,]{0,12}[KMB]?%?·)+")
_SI_NUMBER = re.compile(r"-?\d[\d.,]{0,12}[KMB]?")
_INT = re.compile(r"-?\d{1,9}")
_STUB = re.compile(r"(\d{1,7}) more (?:repl(?:y|ies)|comments?)\b.{0,8}", re.IGNORECASE)
# • ◦ ▪ ‣ and the hyphen bullet: the markers list copies use, level by level.
_BULLET = re.compile(r"(?P<indent>[ \t]*)[\u2022\u25e6\u25aa\u2023\u2043]\s+(?P<rest>\S.*)")
_TO_LINE = re.compile(r"to\s+(?P<rest>\S.*)")
_NOT_A_NAME_END = tuple(":;,{([=\\")
_NOT_A_NAME_START = ("- ", "* ", "> ", "#", "```", "    ", "\t", "http://", "https://")

MAX_NAME = 80
"""Longer lines are prose: display names are short (Lemmy caps them well below this)."""


def is_time(line: str) -> bool:
    """A relative time as lemmy-ui prints it ("11 days ago", "an hour ago")."""
    return _TIME.fullmatch(line.strip()) is not None


def is_votes(line: str) -> bool:
    """A vote line of the innerText form: counts each followed by a middle dot ("885·")."""
    return _VOTES.fullmatch(line.strip().replace(" ", "")) is not None


def is_number(line: str) -> bool:
    """A bare count, possibly abbreviated the way lemmy-ui does it ("1.2K")."""
    return _SI_NUMBER.fullmatch(line.strip()) is not None


def as_int(line: str) -> int | None:
    text = line.strip()
    return int(text) if _INT.fullmatch(text) else None


def instance_of(line: str) -> str | None:
    """The instance of an ``@instance`` line (remote authors), else None."""
    match = _INSTANCE_LINE.fullmatch(line.strip())
    return match.group(1) if match else None


def language_code(line: str) -> str | None:
    return LANGUAGES.get(line.strip())


def is_badge(line: str) -> bool:
    text = line.strip()
    return text in BADGES or text in OTHER_BADGES


def stub_count(line: str) -> int | None:
    """N of an "N more replies" line (the button for replies the page did not load)."""
    match = _STUB.fullmatch(line.strip())
    return int(match.group(1)) if match else None


def bullet(line: str) -> tuple[int, str] | None:
    """(column, text) of a bulleted line, the rich form's comment marker."""
    # Matched on the right-stripped line: a pattern ending in "\s*" would go quadratic.
    match = _BULLET.fullmatch(line.rstrip())
    if match is None:
        return None
    return len(match.group("indent").expandtabs(4)), match.group("rest")


def to_line(line: str) -> str | None:
    """What follows "to" on a post header line (" to TechnologyEnglish · 16 days ago")."""
    match = _TO_LINE.fullmatch(line.strip())
    return match.group("rest") if match else None


def is_chrome(line: str) -> bool:
    """Page furniture around the comments that is nobody's text."""
    text = line.strip()
    return text == LOGIN_LINE or text in SORT_WORDS


def clean_name(name: str) -> str:
    """The display name without XML-illegal characters or a trailing pronoun tag.

    Hexbear shows pronouns as "[any]" after the name. They are not part of who the person is
    (another instance's page shows the same account without them), and the model has no field
    for them, so they are dropped: the same author then reads the same everywhere.
    """
    name = strip_xml_illegal(name).strip()
    if not name.endswith("]"):
        return name
    # Only the tail is searched, so a long line costs no more than a short one.
    head, tail = name[:-48], name[-48:]
    return (head + _PRONOUN_TAG.sub("", tail)).strip() or name


def split_name(text: str, bare_badges: bool) -> tuple[str, str | None, set[str]]:
    """(display name, instance, badges) of a name line such as "alice@lemmy.mlOP".

    The rich form glues the instance and the badges to the name. Instances are lower case, so
    upper-case badges after one split off cleanly; with no instance they are split off only
    when ``bare_badges`` and the name would not end in an all-caps word.
    """
    text = text.strip()
    if len(text) <= 300:
        match = _GLUED.fullmatch(text)
        if match is not None:
            badges = _badge_flags(match.group("badges"))
            return clean_name(match.group("name")), match.group("inst"), badges
        if bare_badges:
            bare = _BARE_BADGES.fullmatch(text)
            if bare is not None:
                return clean_name(bare.group("name")), None, _badge_flags(bare.group("badges"))
    return clean_name(text), None, set()


def _badge_flags(glued: str) -> set[str]:
    return {BADGES[badge] for badge in re.findall("OP|M|A", glued)}


def plausible_name(line: str) -> bool:
    """Could this line be a display name? Short, and not one of the page's own lines."""
    text = line.strip()
    if not text or len(text) > MAX_NAME or "://" in text:
        return False
    return not (is_time(text) or is_votes(text) or is_chrome(text) or stub_count(text) is not None)


def name_like(line: str) -> bool:
    """Stricter than ``plausible_name``, for a header with nothing after the name to confirm it.

    A local author writing in no declared language gets a bare name line in the clipboard
    form; only this shape (and the blank lines around it) tells it from a short body line.
    """
    text = line.strip()
    return (
        plausible_name(text)
        and len(text) <= 50
        and not line.startswith((" ", "\t"))
        and not text.endswith(_NOT_A_NAME_END)
        and not text.startswith(_NOT_A_NAME_START)
        and re.match(r"\d+[.)] ", text) is None
    )


def split_votes(line: str) -> tuple[int | None, int | None, int | None]:
    """(score, upvotes, downvotes) of an innerText vote line such as "885·".

    lemmy-ui prints the upvote count and, only when there are any, the downvote count, in
    adjacent spans with no space: 88 up and 5 down read "885", and "885" could as well be
    885 up and none down. A value is given only when one reading alone is possible: a single
    digit ("9": 9 up, 0 down), or a run whose tail can only be zeros ("20"), since a shown
    downvote count never starts with 0. Anything else stays unknown. A score, when the
    user's settings show one apart (a first "83·"), is read as it is.
    """
    parts = [p for p in line.strip().replace(" ", "").split("·") if p and not p.endswith("%")]
    score: int | None = None
    if len(parts) == 2:
        score = as_int(parts[0])
        parts = parts[1:]
    if len(parts) != 1 or not parts[0].isdigit() or len(parts[0]) > 12:
        return score, None, None
    digits = parts[0]
    readings = [(int(digits), 0)] if digits == "0" or digits[0] != "0" else []
    for cut in range(1, len(digits)):
        up, down = digits[:cut], digits[cut:]
        if down[0] != "0" and (up == "0" or up[0] != "0"):
            readings.append((int(up), int(down)))
    if len(readings) != 1:
        return score, None, None
    upvotes, downvotes = readings[0]
    return (upvotes - downvotes if score is None else score), upvotes, downvotes
