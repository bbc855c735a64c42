"""The invented questions behind the Stack Exchange test pages: the truth they are written from.

People, questions and words are made up; the markup around them is SE's (``make_pages.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


def slug(title: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())


@dataclass(frozen=True)
class Note:
    """A comment under a post."""

    id: str
    user: str
    user_id: str | None
    """None: a deleted account, shown without a link."""
    when: str
    """UTC, as SE writes it: "2022-03-01 10:00:00Z"."""
    body: str
    text: str
    score: int = 0
    edited: bool = False


@dataclass(frozen=True)
class Entry:
    """The question or an answer."""

    id: str
    user: str
    user_id: str
    when: str
    body: str
    text: str
    score: int
    editor: tuple[str, str, str] | None = None
    """(name, user id, when) of the last editor."""
    accepted: bool = False
    notes: list[Note] = field(default_factory=list)
    more_notes: int = 0


SO_HOST = "stackoverflow.com"
SO_TITLE = "Why does itertools.groupby skip my first group?"
SO_QUESTION = Entry(
    "79100001", "Wren Adeyemi", "4410021", "2022-03-14 09:12:44Z",
    "<p>I group readings by day with <code>groupby</code>, but the first day never shows up:</p>\n"
    '<pre class="lang-py s-code-block"><code class="hljs language-python">days = groupby(rows, '
    '<span class="hljs-keyword">lambda</span> r: r.day)\nnext(days)\n</code></pre>\n'
    "<p>What am I missing?</p>",
    "I group readings by day with groupby, but the first day never shows up:\n\ndays = groupby"
    "(rows, lambda r: r.day)\nnext(days)\n\nWhat am I missing?",
    31,
    editor=("Piotr Halme", "1180044", "2022-03-14 11:40:02Z"),
    notes=[
        Note("126500001", "Colm Reddy", "2290011", "2022-03-14 09:20:10Z",
             "Is <code>rows</code> sorted by day first?",
             "Is rows sorted by day first?", score=4),
        Note("126500002", "Wren Adeyemi", "4410021", "2022-03-14 09:25:31Z",
             "@ColmReddy yes, it comes sorted from the database.",
             "@ColmReddy yes, it comes sorted from the database.", edited=True),
    ],
)  # fmt: skip
SO_ANSWERS = [
    Entry(
        "79100050", "Colm Reddy", "2290011", "2022-03-14 09:31:02Z",
        "<p>Your <code>next(days)</code> consumes the first group. Drop it:</p>\n"
        '<pre class="lang-py s-code-block"><code>for day, readings in groupby(rows, key):\n'
        "    ...\n</code></pre>",
        "Your next(days) consumes the first group. Drop it:\n\nfor day, readings in groupby(rows,"
        " key):\n    ...",
        57, accepted=True,
        notes=[
            Note("126500010", "Wren Adeyemi", "4410021", "2022-03-14 09:40:00Z",
                 "That was it, thank you!", "That was it, thank you!", score=2),
            Note("126500011", "user5530019", None, "2022-03-15 17:02:13Z",
                 "Classic. The docs <a href=\"https://docs.python.org/3/library/itertools.html\" "
                 'rel="nofollow noreferrer">warn about this</a>.',
                 "Classic. The docs warn about this.", score=1),
        ],
        more_notes=3,
    ),
    Entry(
        "79100077", "Ines Varga", "3390217", "2022-03-14 10:02:45Z",
        "<p>Also note that <code>groupby</code> only groups <em>consecutive</em> items.</p>",
        "Also note that groupby only groups consecutive items.",
        12, editor=("Ines Varga", "3390217", "2022-03-14 10:05:00Z"),
    ),
    Entry(
        "79100102", "Wren Adeyemi", "4410021", "2022-03-15 08:00:00Z",
        "<p>For the record, this is what I ended up with:</p>\n<blockquote><p>sort, then group, "
        "and never call next() on the grouper.</p></blockquote>",
        "For the record, this is what I ended up with:\n\nsort, then group, and never call next() "
        "on the grouper.",
        -1,
        notes=[
            Note("126500020", "Colm Reddy", "2290011", "2022-03-15 08:10:00Z",
                 "Nice summary.", "Nice summary."),
        ],
    ),
]  # fmt: skip
SO_ANSWER_TOTAL = 5
"""The header counts five answers; the page shows three, the rest are on page 2."""

SU_HOST = "superuser.com"
SU_TITLE = "rsync re-copies every file to my exFAT drive"
SU_QUESTION = Entry(
    "1500042", "Tamsin Okafor", "901233", "2016-05-02 18:44:09Z",
    "<p>Every run of <code>rsync -av</code> copies all 40&nbsp;GB again, even when nothing "
    "changed.</p>\n<p>The target is an exFAT USB drive.</p>",
    "Every run of rsync -av copies all 40 GB again, even when nothing changed.\n\nThe target "
    "is an exFAT USB drive.",
    18,
    notes=[
        Note("1870001", "Joost Brand", "77120", "2016-05-02 19:01:30Z",
             "Which rsync version?", "Which rsync version?", score=1),
    ],
    more_notes=2,
)  # fmt: skip
SU_ANSWERS = [
    Entry(
        "1500101", "Joost Brand", "77120", "2016-05-02 19:20:55Z",
        "<p>exFAT stores times with two-second precision. Use <code>--modify-window=1</code>:</p>"
        "\n<pre><code>rsync -av --modify-window=1 src/ /media/usb/\n</code></pre>",
        "exFAT stores times with two-second precision. Use --modify-window=1:\n\nrsync -av "
        "--modify-window=1 src/ /media/usb/",
        44, accepted=True, editor=("Hallie Brook", "12004", "2017-01-09 08:00:00Z"),
        notes=[
            Note("1870050", "Tamsin Okafor", "901233", "2016-05-02 19:44:00Z",
                 "Perfect, a second run copied nothing.",
                 "Perfect, a second run copied nothing.", score=3),
        ],
    ),
    Entry(
        "1500230", "Dev Ostrowski", "55001", "2016-05-03 07:12:00Z",
        "<p>Or format the drive as ext4 if only Linux machines use it.</p>",
        "Or format the drive as ext4 if only Linux machines use it.",
        3,
    ),
]  # fmt: skip
