"""The invented XenForo threads behind the test pages: the truth the pages are written from.

A body is a list of parts, written into XF2 or XF1 markup by ``xf2_markup``/``xf1_page``:
``("text", words)``, ``("bold", words)``, ``("link", href, words)``, ``("smilie", code, kind)``
(kind ``sprite``, ``image`` or ``emoji``), ``("quote", post_id | None, author, parts)``,
``("spoiler", title | None, parts)``, ``("inline_spoiler", words)``, ``("embed", video_key)``.
People, places and words are made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

START = datetime(2025, 3, 14, 18, 0, 0, tzinfo=timezone.utc)
HOST = "forums.quillandanchor.example"

Part = tuple[Any, ...]


@dataclass(frozen=True)
class User:
    name: str
    id: int
    title: str = "Member"
    banner: str | None = None
    """A staff banner ("Staff member", "Administrator", "Moderator")."""
    signature: str | None = None


WREN = User("Marrow_Wren", 311, "Keeper of the Lamp", signature="Quest log and map in post one!")
TIDE = User("tidepool", 412, "Well-known member", signature="Sig: always vote for the lamp.")
OSK = User("Osk", 58)
GANNET = User("gannet_grey", 7, "Tide Warden", banner="Staff member")
FERRO = User("Ferro", 1, "Harbour Master", banner="Administrator")
PELL = User("Pell", 903)
LUMEN = User("lumenkeeper", 1204, "Lamplighter")


@dataclass(frozen=True)
class Post:
    id: int
    user: User
    minutes: int
    """After ``START``."""
    body: list[Part]
    number: int | None = None
    threadmark: str | None = None
    edited_minutes: int | None = None
    reactors: tuple[str, ...] = ()
    others: int = 0
    deleted_by: str | None = None
    attachments: tuple[str, ...] = ()
    ratings: tuple[tuple[str, int], ...] = ()
    """XF1 (Sufficient Velocity) ratings: ("Like", 3)…"""
    text_time: bool = False
    """XF1: only the wall-clock text of the time (an old post)."""

    @property
    def created(self) -> datetime:
        return START + timedelta(minutes=self.minutes)

    @property
    def edited(self) -> datetime | None:
        if self.edited_minutes is None:
            return None
        return START + timedelta(minutes=self.edited_minutes)


@dataclass(frozen=True)
class Page:
    """One saved page of a thread."""

    name: str
    title: str
    slug: str
    thread_id: int
    forum: str
    starter: User
    page: int
    page_count: int
    posts: list[Post] = field(default_factory=list)
    prefix: str | None = None

    @property
    def thread_url(self) -> str:
        return f"https://{HOST}/threads/{self.slug}.{self.thread_id}/"

    @property
    def url(self) -> str:
        return self.thread_url + (f"page-{self.page}" if self.page > 1 else "")


def quote(post: Post | None, author: str, parts: list[Part]) -> Part:
    return ("quote", None if post is None else post.id, author, parts)


P1 = Post(
    52001,
    WREN,
    0,
    [
        ("text", "The lamp at Brass Point has gone dark, and you are its new keeper."),
        ("bold", "Vote with an [X] on its own line."),
        ("spoiler", "Map of the isle", [("text", "North cove, the chapel, the drowned pier.")]),
        ("link", "https://maps.quillandanchor.example/isle", "the full chart"),
    ],
    number=1,
    threadmark="Chapter 1: The Keeper's Oath",
    reactors=("tidepool", "Osk"),
    others=12,
)
P2 = Post(
    52002,
    TIDE,
    14,
    [
        ("text", "[X] Light the lamp before anything else."),
        ("smilie", ":)", "sprite"),
        ("text", "It is the whole point of a lighthouse"),
        ("smilie", "\N{GRINNING FACE}", "emoji"),
    ],
    number=2,
    edited_minutes=20,
    reactors=("Osk",),
)
P3 = Post(
    52003,
    OSK,
    31,
    [
        quote(P1, "Marrow_Wren", [("text", "The lamp at Brass Point has gone dark.")]),
        ("text", "[X] Check the oil stores first, a dark lamp may be an empty one."),
        ("smilie", ":rolleyes:", "image"),
    ],
    number=3,
)
P4 = Post(
    52004,
    GANNET,
    45,
    [
        quote(
            P3,
            "Osk",
            [
                quote(P1, "Marrow_Wren", [("text", "The lamp at Brass Point has gone dark.")]),
                ("text", "[X] Check the oil stores first."),
            ],
        ),
        ("text", "Mod note: keep votes to one [X] line each, please."),
    ],
    number=4,
)
P5 = Post(
    52005,
    PELL,
    50,
    [("text", "Selling cheap lamp oil, visit my shop")],
    deleted_by="gannet_grey",
)
P6 = Post(
    52006,
    FERRO,
    58,
    [
        quote(None, "an old sailor", [("text", "Red sky at night, keeper's delight.")]),
        ("text", "The harbour board has posted the tide tables for the quest."),
    ],
    number=5,
    attachments=("tide-table.png",),
)
P7 = Post(
    52007,
    WREN,
    120,
    [
        ("text", "Votes are in: the lamp is lit, and the fog rolls in anyway."),
        ("inline_spoiler", "Someone is watching from the chapel."),
        ("spoiler", None, [("text", "The keeper before you never left the isle.")]),
    ],
    number=6,
    threadmark="Chapter 2: Fog",
    reactors=("tidepool", "Osk", "lumenkeeper"),
    others=9,
)
P8 = Post(
    52110,
    LUMEN,
    200,
    [
        quote(P7, "Marrow_Wren", [("text", "the fog rolls in anyway.")]),
        ("text", "[X] Ring the fog bell every two minutes."),
    ],
    number=7,
)
P9 = Post(
    52111,
    WREN,
    260,
    [
        ("text", "The bell rings out, and something in the water answers."),
        ("embed", "bellbuoy01"),
    ],
    number=8,
    threadmark="Chapter 3: Landfall",
    reactors=("lumenkeeper", "tidepool"),
)
P10 = Post(
    52112,
    TIDE,
    275,
    [
        quote(P9, "Marrow_Wren", [("text", "something in the water answers.")]),
        ("text", "Nope. Absolutely not."),
        quote(P8, "lumenkeeper", [("text", "Ring the fog bell.")]),
        ("text", "This was your idea."),
    ],
    number=9,
)


def quest_page(name: str, page: int, posts: list[Post], thread_id: int = 4417) -> Page:
    return Page(
        name,
        title="Brass Lantern: A Lighthouse Keeper Quest",
        slug="brass-lantern-a-lighthouse-keeper-quest",
        thread_id=thread_id,
        forum="Quests",
        starter=WREN,
        page=page,
        page_count=2 if thread_id == 4417 else 1,
        posts=posts,
        prefix="Quest",
    )


XF2_PAGE1 = quest_page("xf2_page1", 1, [P1, P2, P3, P4, P5, P6, P7])
XF2_PAGE2 = quest_page("xf2_page2", 2, [P8, P9, P10])
SAMPLE = quest_page("sample", 1, [P1, P2, P3, P4], thread_id=4418)

# --- the XenForo 1 thread: a map-drawing quest, page 3 of 5 -----------------------------------

M1 = Post(
    9051,
    OSK,
    3000,
    [
        ("text", "The delta splits into seven channels; only two are deep enough."),
        ("spoiler", "Survey notes", [("text", "Channel four silts up every spring.")]),
    ],
    number=51,
    threadmark="Update 4: The Delta",
    reactors=("Pell", "tidepool"),
    others=2,
)
M2 = Post(
    9052,
    TIDE,
    3020,
    [
        quote(M1, "Osk", [("text", "only two are deep enough.")]),
        ("text", "[X] Chart the northern channel first."),
        ("smilie", ":)", "sprite"),
    ],
    number=52,
    text_time=True,
    ratings=(("Like", 3), ("Informative", 2)),
)
M3 = Post(
    9053,
    User("gannet_grey", 7, "Tide Warden", banner="Moderator"),
    3050,
    [("text", "Reminder: one vote per post, and no maps of real places.")],
    number=53,
)
M4 = Post(9054, PELL, 3060, [("text", "Free maps here")], deleted_by="gannet_grey")
M5 = Post(
    9055,
    LUMEN,
    3075,
    [
        ("text", "I drew the delta from the survey notes."),
        ("smilie", ":D", "image"),
    ],
    number=54,
    edited_minutes=3090,
    attachments=("delta-sketch.jpg",),
)
XF1_PAGE = Page(
    "xf1_page3",
    title="Saltmarsh Cartographers (a map-drawing quest)",
    slug="saltmarsh-cartographers-a-map-drawing-quest",
    thread_id=2290,
    forum="Quests",
    starter=WREN,
    page=3,
    page_count=5,
    posts=[M1, M2, M3, M4, M5],
)
