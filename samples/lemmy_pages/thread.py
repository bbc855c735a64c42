"""The invented comment tree, in page order, and the walk over it.

A module of its own because it is the bulk of the data (nested ``Comment`` calls) and
because ``_index`` fills in each comment's tree fields (path, depth, child count, parent)
once, at import, from the nesting below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .content import EN, FLANGE_CODE, HOST, OP, PEOPLE, SPOKE_CODE, Person


@dataclass
class Comment:
    id: int
    author: str
    content: str
    published: str
    upvotes: int
    downvotes: int
    language_id: int = EN
    updated: str | None = None
    deleted: bool = False
    removed: bool = False
    distinguished: bool = False
    remote_id: int | None = None  # the comment's id on its author's home instance
    hidden_replies: int = 0  # replies that exist but are not in the page ("N more replies")
    replies: list[Comment] = field(default_factory=list)
    # filled in by _index()
    path: str = ""
    depth: int = 0
    child_count: int = 0
    parent: int | None = None

    @property
    def person(self) -> Person:
        return PEOPLE[self.author]

    @property
    def ap_id(self) -> str:
        if self.person.local:
            return f"https://{HOST}/comment/{self.id}"
        return f"https://{self.person.host}/comment/{self.remote_id}"


THREAD: list[Comment] = [
    Comment(
        9051120,
        "jiri_velo",
        "Seized alloy-in-steel is the classic galvanic corrosion problem. In rough order of "
        "escalation:\n\n"
        "1. **Penetrating oil** from the top *and* from the bottom bracket shell (flip the bike "
        "over), every day for a week.\n"
        "2. **Ammonia** soak if it's aluminium oxide holding it -- it dissolves the white crud, "
        "but mind the paint.\n"
        "3. **Freezing** the post with a can of compressed air held upside down, then twisting "
        "with the saddle clamped in a vice.\n\n"
        "Whatever you do, don't put a cheater bar on the saddle rails. You'll just bend the post "
        "and make it worse.",
        "2026-10-03T09:02:12.677441Z",
        64,
        3,
        remote_id=8812034,
        replies=[
            Comment(
                9051188,
                OP,
                "Thanks, this is exactly the kind of list I needed. Oil is going on tonight, "
                "I'll report back after a few days of soaking.",
                "2026-10-03T10:20:05.719335Z",
                29,
                0,
                updated="2026-10-03T10:34:18.719335Z",
                replies=[
                    Comment(
                        9051203,
                        "old_schrader",
                        "> I'll report back after a few days of soaking\n\n"
                        "Report back with photos please! And when it does come out, measure "
                        "the post with calipers before you buy a new one -- old frames use all "
                        "sorts of odd sizes (26.4, 26.8, 27.0...).",
                        "2026-10-04T07:45:51.118032Z",
                        18,
                        1,
                        language_id=0,
                        remote_id=3320417,
                        replies=[
                            Comment(
                                9051240,
                                OP,
                                "Update: **it moved!!!** \U0001f389 Five days of oil, one night in "
                                "the freezer and a very undignified twist. It's a 26.8.",
                                "2026-10-08T18:12:40.503112Z",
                                41,
                                0,
                                replies=[
                                    Comment(
                                        9051266,
                                        "nadia_k",
                                        "Congratulations! Now grease the new one generously so "
                                        "the next owner doesn't curse your name.",
                                        "2026-10-08T19:03:27.990041Z",
                                        12,
                                        0,
                                        replies=[
                                            Comment(
                                                9051291,
                                                "jiri_velo",
                                                "Or carbon assembly paste if the new post is "
                                                "carbon. Never plain grease on carbon.",
                                                "2026-10-09T06:40:02.331870Z",
                                                9,
                                                0,
                                                language_id=0,
                                                remote_id=8830561,
                                                replies=[
                                                    Comment(
                                                        9051317,
                                                        OP,
                                                        "Noted. It'll be a cheap alloy post, "
                                                        "I'm not putting carbon on a bike I "
                                                        "found in a skip \U0001f605",
                                                        "2026-10-09T07:15:44.120958Z",
                                                        6,
                                                        0,
                                                    ),
                                                ],
                                            ),
                                        ],
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            Comment(
                9051142,
                "chainlube",
                "",
                "2026-10-03T09:47:46.699305Z",
                2,
                5,
                language_id=0,
                deleted=True,
                remote_id=1174520,
                replies=[
                    Comment(
                        9051171,
                        "tandem_tom",
                        'They deleted it, but it was the "just use a blowtorch" advice. Please '
                        "don't use a blowtorch near old paint.",
                        "2026-10-03T11:05:19.207774Z",
                        7,
                        0,
                    ),
                ],
            ),
            Comment(
                9051198,
                "fixie_fran",
                "+1 for ammonia. Worked on my old commuter after everything else failed. Do it "
                "outside though, the smell is *intense*.",
                "2026-10-03T13:28:50.441902Z",
                11,
                1,
                remote_id=8812388,
            ),
        ],
    ),
    Comment(
        9051109,
        "cogadmin",
        "Welcome to Ratchet & Spoke! \U0001f44b Nice find. A gentle reminder for everyone "
        "replying: please keep suggestions **safe** -- no heat near sealed bearings or old "
        "paint unless you know what you're doing.",
        "2026-10-03T08:52:31.004187Z",
        38,
        2,
        replies=[
            Comment(
                9051155,
                "fixie_fran",
                "Could we get a wiki page for stuck seatposts? It could cover:\n\n"
                "- penetrating oil vs ammonia\n"
                "- freezing tricks\n"
                "- when to give up and cut the post out\n\n"
                "This question comes up every other week.",
                "2026-10-03T10:02:44.812364Z",
                15,
                0,
                remote_id=8812190,
                replies=[
                    Comment(
                        9051178,
                        "spokemod",
                        "Good idea. I started one here: [Stuck seatposts and stems]"
                        "(https://lemmy.example/post/4417599). Additions welcome.",
                        "2026-10-03T10:41:09.556721Z",
                        21,
                        0,
                    ),
                ],
            ),
        ],
    ),
    Comment(
        9051133,
        "old_schrader",
        "If the hub needs a rebuild you may end up respoking the wheel, so here is the spoke "
        "length formula I use:\n\n```python\n" + SPOKE_CODE + "```\n\n"
        "Measure the ERD yourself, published numbers are often off by a millimetre or two.",
        "2026-10-03T09:31:06.275519Z",
        33,
        1,
        remote_id=3318876,
        replies=[
            Comment(
                9051160,
                "tandem_tom",
                "Saving this. Is `offset` measured from the centre of the hub to the flange?",
                "2026-10-03T12:47:55.640087Z",
                8,
                0,
                replies=[
                    Comment(
                        9051199,
                        "old_schrader",
                        "Yes, centre of the hub to the middle of the flange. For a typical rear "
                        "hub I get something like:\n\n```\n" + FLANGE_CODE + "```",
                        "2026-10-03T14:09:13.983310Z",
                        6,
                        0,
                        language_id=0,
                        remote_id=3319204,
                        hidden_replies=3,
                    ),
                ],
            ),
        ],
    ),
    Comment(
        9051126,
        "bargain_bin_bikes",
        "",
        "2026-10-03T09:38:40.658531Z",
        1,
        14,
        language_id=0,
        removed=True,
        remote_id=3318790,
        replies=[
            Comment(
                9051150,
                "nadia_k",
                "what did they post? \U0001f440",
                "2026-10-03T10:15:22.739104Z",
                4,
                0,
                replies=[
                    Comment(
                        9051163,
                        "spokemod",
                        "Removed: rule 3, no spam or affiliate links.",
                        "2026-10-03T10:57:47.684718Z",
                        19,
                        1,
                        distinguished=True,
                    ),
                ],
            ),
        ],
    ),
    Comment(
        9051212,
        "nadia_k",
        "Mine looked exactly like that before I stripped it. Here is the same frame style "
        "after a gentle wire-brush and some wax:\n\n"
        "![Lugged steel frame hanging on a work stand after cleaning]"
        "(https://lemmy.example/pictrs/image/6c1f0e2a-93d4-4b7e-a0c5-5e8d2f417b90.jpeg)\n\n"
        "Don't sand the lugs, the chrome underneath is thinner than you think.",
        "2026-10-05T16:20:33.402816Z",
        27,
        0,
        replies=[
            Comment(
                9051230,
                OP,
                "That lug work is gorgeous. Wax rather than clear coat?\n\n"
                "**Edit:** found your older post about the wax, ignore me!",
                "2026-10-05T17:02:11.774521Z",
                10,
                0,
                updated="2026-10-05T17:20:48.000319Z",
            ),
            Comment(
                9051245,
                "jiri_velo",
                "Beautiful. Which wax do you use?",
                "2026-10-06T08:31:27.115603Z",
                5,
                0,
                language_id=0,
                remote_id=8825109,
            ),
        ],
    ),
    Comment(
        9051251,
        "fixie_fran",
        "Controversial opinion incoming:\n\n::: spoiler about that rear hub\n"
        "If it grinds after a clean and regrease, it's ~~probably~~ almost certainly pitted "
        "cones. Just buy a new wheel, it's cheaper than chasing parts for a forty-year-old "
        "hub.\n:::\n\nHappy to be told I'm wrong.",
        "2026-10-06T21:47:29.888817Z",
        9,
        3,
        language_id=0,
        remote_id=8827733,
    ),
    Comment(
        9051275,
        "tandem_tom",
        "Following. There's a similar frame rusting in my shed and this thread is my "
        "motivation \U0001f4aa\nAlso bookmarking the wiki page: https://lemmy.example/post/4417599",
        "2026-10-07T09:14:02.660019Z",
        4,
        0,
    ),
]


def _index(nodes: list[Comment], parent: Comment | None) -> None:
    for node in nodes:
        node.parent = parent.id if parent else None
        node.depth = parent.depth + 1 if parent else 0
        node.path = f"{parent.path if parent else '0'}.{node.id}"
        _index(node.replies, node)
        node.child_count = node.hidden_replies + sum(1 + r.child_count for r in node.replies)


_index(THREAD, None)


def walk(nodes: list[Comment] | None = None) -> Iterator[Comment]:
    """All comments in page order (depth-first, as lemmy-ui lists and renders them)."""
    for node in THREAD if nodes is None else nodes:
        yield node
        yield from walk(node.replies)


def total_comments() -> int:
    return sum(1 + c.child_count for c in THREAD)
