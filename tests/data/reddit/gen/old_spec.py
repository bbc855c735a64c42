"""The shapes the invented old-Reddit threads are written in: a comment (``Node``) and a page.

Old Reddit's markup needs what ``spec.C`` does not carry: account ids (``id-t2_...``), a
comment's time as minutes after the post (the page prints it relative to the save), the form id
a deleted comment keeps, and a running counter for the random-looking form suffixes. The page
renderers (``old_page.py``, ``old_shell.py``) and the truth (``old_expected.py``) read these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal


@dataclass
class Node:
    id: str | None  # id36 without t1_; None = page carries no id (deleted)
    author: str | None  # None = [deleted]
    score: int | None  # None = score hidden
    minutes: int  # minutes after the post
    body: str  # inner HTML of .md
    kids: list[Node] = field(default_factory=list)
    role: str = ""  # submitter / moderator / admin
    flair: str = ""
    edited_after: int | None = None  # minutes after creation
    stickied: bool = False
    collapsed: bool = False
    deleted: bool = False
    removed: bool = False
    form_id: str | None = None  # thing_id in the form when the div has none
    more: int | None = None  # "load more comments (N replies)" among the kids, at the end
    more_id: str = ""
    cont: bool = False  # "continue this thread" in place of kids
    aid: str = "x"  # account id36 without t2_


@dataclass
class Page:
    style: Literal["2025", "2018"]  # the markup generation: old.reddit.com or 2018 www
    sr: str
    srid: str
    pid: str
    slug: str
    title: str
    author: str
    aid: str
    post_time: datetime
    saved_after: int  # minutes after the post
    score: int
    score_text: str
    self_body: str | None
    link_url: str | None
    domain: str
    flair: str
    post_edited_after: int | None
    comments: list[Node]
    top_more: int | None = None
    top_more_id: str = ""
    blurb: str = "A place for people who keep bees on roofs, balconies and allotments."
    rnd: int = 0  # how many form suffixes were handed out; rendering order decides each one

    def host(self) -> str:
        return "https://old.reddit.com" if self.style == "2025" else "https://www.reddit.com"

    def permalink(self, cid: str | None = None) -> str:
        base = f"/r/{self.sr}/comments/{self.pid}/{self.slug}/"
        return base + (f"{cid}/" if cid else "")

    def suffix(self) -> str:
        """The next three-character tail Reddit glues onto a form id (``form-t1_xyz`` + tail)."""
        self.rnd += 1
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        return alphabet[self.rnd * 7 % 36] + "qz"[self.rnd % 2] + str(self.rnd % 10)


def md(*paras: str) -> str:
    """Reddit's markdown output for plain paragraphs."""
    return "".join(f"<p>{p}</p>\n\n" for p in paras[:-1]) + f"<p>{paras[-1]}</p>\n"


def count(nodes: list[Node]) -> int:
    """Comments in these subtrees, as the page's "N comments" counts them."""
    return sum(1 + count(n.kids) for n in nodes)
