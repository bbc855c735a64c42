"""Lemmy threads pasted as plain text: ``score_text`` says how sure, ``parse_text`` reads them.

People who cannot save a page (a phone, a locked-down browser) copy the thread instead. What
reaches us is one of three shapes (see ``paste_forms``); this module tells them apart, reads
the post at the top, and builds the ``Thread``. It never guesses: a relative time stays text,
a vote count printed ambiguously stays unknown, and when the text cannot say who replies to
whom the comments keep their page order and the thread says so in ``warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...clean import strip_xml_illegal, text_to_html
from ...errors import NoThreadFound
from ...model import Comment, Stub, Thread
from .. import NO_REPLY_STRUCTURE
from .paste_forms import (
    RawComment,
    Segments,
    segment_bullets,
    segment_clipboard,
    segment_innertext,
)
from .paste_lines import (
    BADGES,
    ICONS,
    ICONS_DISTINCT,
    LANGUAGES,
    LOGIN_LINE,
    SORT_WORDS,
    as_int,
    bullet,
    instance_of,
    is_badge,
    is_number,
    is_time,
    is_votes,
    language_code,
    plausible_name,
    split_name,
    split_votes,
    to_line,
)

NO_STRUCTURE = NO_REPLY_STRUCTURE
_MIN_SCORE = 0.1
_SAMPLE = 300_000
"""Characters ``score_text`` looks at: detection must stay cheap on a huge paste."""
_POST_WINDOW = 16
"""Non-blank lines at the top searched for the post header."""
_LANGUAGE_WORDS = sorted(LANGUAGES, key=len, reverse=True)
"""Longest first, so that "Norsk Bokmål" is not read as "…Bokmål" minus "Norsk"."""
_DELETED = frozenset({"deleted by creator"})
_REMOVED = frozenset({"removed by mod", "removed by moderator", "removed by admin"})


def score_text(text: str) -> float:
    """0.0-1.0: how sure we are that ``text`` is a Lemmy thread copied from a browser.

    Only lines lemmy-ui alone prints count: its "fedilink" icon title, its logged-out
    "You must log in or register to comment.", "@instance" lines under names, vote lines glued
    to a middle dot right above a relative time, bulleted "name@instance" headers, role badges
    under a name, and a " to Community" post line near the top. Prose and other sites' pastes
    have none of them.
    """
    lines = _lines(text[:_SAMPLE])
    fedilink = glued = instances = voted = badges = 0
    login = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "fedilink":
            fedilink += 1
        elif stripped == LOGIN_LINE:
            login = True
        elif instance_of(stripped):
            instances += 1
        elif stripped in BADGES and i > 0 and plausible_name(lines[i - 1]):
            badges += 1
        elif i + 1 < len(lines) and is_votes(stripped) and is_time(lines[i + 1]):
            voted += 1
        elif "@" in stripped and (found := bullet(line)) and split_name(found[1], False)[1]:
            glued += 1
    score = (
        0.5 * (fedilink > 0)
        + 0.3 * (glued > 0)
        + 0.5 * login
        + 0.15 * min(voted, 2)
        + 0.15 * min(instances, 2)
        + 0.05 * min(badges, 2)
        + 0.15 * (_find_post_header(lines) is not None)
    )
    return round(min(score, 1.0), 2)


def parse_text(text: str) -> Thread:
    """The thread in a pasted Lemmy page: the post when the paste starts with it, and comments.

    Raises ``NoThreadFound`` when the text shows none of lemmy-ui's marks, or holds neither a
    post nor a comment.
    """
    if score_text(text) < _MIN_SCORE:
        raise NoThreadFound(
            "no Lemmy thread found in the pasted text: copy the post page from its title to "
            "the last comment (authors, @instance lines and badges are what is recognised)"
        )
    lines = _lines(text)
    segments = segment_bullets(lines) or segment_innertext(lines) or _clipboard(lines)
    post, skipped = _parse_post(segments.preamble)
    comments = _build_tree(segments.comments)
    if post is None and not comments:
        raise NoThreadFound("no Lemmy post or comment found in the pasted text")
    warnings: list[str] = []
    if not segments.nested and len(segments.comments) > 1:
        warnings.append(NO_STRUCTURE)
    if skipped:
        warnings.append(f"Skipped {skipped} line(s) above the first comment that are no post.")
    op_instance = next((r.instance for r in segments.comments if "op" in r.badges), None)
    words = [r.language for r in segments.comments] + [post.language if post else None]
    codes = {LANGUAGES[word] for word in words if word is not None}
    return Thread(
        title=post.title if post else "",
        site="lemmy",
        site_name=(post.instance if post else None) or op_instance,
        community=post.community if post else None,
        post=post.comment if post else None,
        comments=comments,
        language=codes.pop() if len(codes) == 1 else None,
        missing=[
            Stub(parent_id=None if owner is None else f"p{owner + 1}", count=count)
            for owner, count in segments.stubs
        ],
        warnings=warnings,
    )


def _lines(text: str) -> list[str]:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _clipboard(lines: list[str]) -> Segments:
    """The clipboard form: comments start after the log-in line, else after the post's body."""
    login = next((i for i, line in enumerate(lines) if line.strip() == LOGIN_LINE), None)
    if login is not None:
        return segment_clipboard(lines, login + 1, first_is_comment=True)
    header = _find_post_header(lines)
    if header is None:
        return segment_clipboard(lines, 0, first_is_comment=True)
    # Chromium leaves two blank lines between the post and the first comment.
    end = header + 1
    while end + 1 < len(lines) and (lines[end].strip() or lines[end + 1].strip()):
        end += 1
    return segment_clipboard(lines, end, first_is_comment=False)


@dataclass
class _Post:
    comment: Comment
    title: str
    community: str | None
    language: str | None
    instance: str | None


def _find_post_header(lines: list[str]) -> int | None:
    """Index of the " to Community" line when the text opens with a post header."""
    return next((i for i, _, _ in _post_candidates(lines)), None)


def _post_candidates(lines: list[str]) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """(to-line index, position of the author among the non-blank lines, those lines).

    A post header is: optional score, title, author, optional "@instance", badges, then
    " to Community… · time". Only that shape at the very top counts, so prose with a line
    starting with "to" cannot pass for one.
    """
    head: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.strip():
            head.append((i, line.strip()))
            if len(head) >= _POST_WINDOW:
                break
    found = []
    for pos, (i, text) in enumerate(head):
        rest = to_line(text)
        follow = head[pos + 1][1] if pos + 1 < len(head) else ""
        # lemmy-ui always follows the community with " · " and the time (or their lines).
        if pos < 2 or rest is None or not ("·" in rest or follow == "·" or is_time(follow)):
            continue
        q = pos - 1
        while q > 0 and is_badge(head[q][1]):
            q -= 1
        q -= 1 if q > 0 and instance_of(head[q][1]) else 0
        if q >= 1 and plausible_name(head[q][1]):
            found.append((i, q, head))
    return found


def _parse_post(pre: list[str]) -> tuple[_Post | None, int]:
    """The post at the top of the paste, and how many other lines above the comments were left.

    The header's own lines are read for what they say (badges, community, language, time,
    score); the body runs to the log-in line or the sort buttons, which are the page's.
    """
    candidates = _post_candidates(pre)
    if not candidates:
        return None, sum(1 for line in pre if line.strip() and not _is_furniture(line))
    to_at, author_pos, head = candidates[0]
    titles = [text for _, text in head[:author_pos]]
    score = as_int(titles[0]) if len(titles) >= 2 else None
    titles = titles[1:] if score is not None else titles
    name, instance, _ = split_name(head[author_pos][1], bare_badges=False)
    comment = Comment(id="post", author=name, is_op=True)
    for _, text in head[author_pos + 1 :]:
        if to_line(text) is not None:
            break
        if instance_of(text):
            instance = instance_of(text)
        comment.is_moderator = comment.is_moderator or text == "M"
        comment.is_admin = comment.is_admin or text == "A"
    comment.author_id = f"{name}@{instance}" if instance else None
    community, language, comment.created_text = _split_to_line(to_line(pre[to_at]) or "")
    j = to_at + 1
    while j < len(pre) and pre[j].strip() and _is_post_meta(pre[j]):
        text = pre[j].strip()
        if is_time(text):
            comment.created_text = comment.created_text or text
        elif is_votes(text) and score is None:
            score = split_votes(text)[0]
        elif language_code(text) is not None:
            language = text
        comment.edited = True if text == "edit-2" else comment.edited
        j += 1
    body = titles[1:] + ([""] if titles[1:] else []) + _post_body(pre[j:])
    comment.score = score
    _fill_body(comment, body)
    title = strip_xml_illegal(titles[0]).strip() if titles else ""
    return _Post(comment, title, community, language, instance), 0


def _is_post_meta(line: str) -> bool:
    """Lines right under the post header that are counts, icons or times, not the body."""
    text = line.strip()
    return (
        is_number(text)
        or is_votes(text)
        or is_time(text)
        or text in ICONS
        or text == "·"
        or language_code(text) is not None
    )


def _is_furniture(line: str) -> bool:
    text = line.strip()
    return text == LOGIN_LINE or text in SORT_WORDS or text in ICONS_DISTINCT


def _post_body(lines: list[str]) -> list[str]:
    """The post body: up to the log-in line, without the sort buttons that end the column."""
    end = next((i for i, line in enumerate(lines) if line.strip() == LOGIN_LINE), len(lines))
    body = lines[:end]
    while body and (not body[-1].strip() or body[-1].strip() in SORT_WORDS):
        body.pop()
    return [line for line in body if line.strip() not in ICONS_DISTINCT]


def _split_to_line(rest: str) -> tuple[str | None, str | None, str | None]:
    """(community, language, time) of "TechnologyEnglish · 16 days ago".

    lemmy-ui prints the language badge right after the community name with no space between,
    so a language name glued to the end (not after a space, as in "Learn English") is the badge.
    """
    community, created = rest.strip(), None
    before, dot, after = community.rpartition("·")
    if dot and (not after.strip() or is_time(after)):
        community, created = before.strip(), after.strip() or None
    language = None
    for word in _LANGUAGE_WORDS:
        cut = len(community) - len(word)
        if cut > 0 and community.endswith(word) and not community[cut - 1].isspace():
            community, language = community[:cut], word
            break
    community = strip_xml_illegal(community).strip()
    return community or None, language, created


def _build_tree(raws: list[RawComment]) -> list[Comment]:
    """Comments with page-order ids ("p1", "p2", ...) hung under their parents; the roots.

    A parent always precedes its replies in the segment list, so one forward pass suffices.
    """
    nodes: list[Comment] = []
    roots: list[Comment] = []
    for n, raw in enumerate(raws):
        parent = nodes[raw.parent] if raw.parent is not None else None
        comment = Comment(
            id=f"p{n + 1}",
            parent_id=parent.id if parent else None,
            depth=parent.depth + 1 if parent else 0,
            author=raw.author,
            author_id=f"{raw.author}@{raw.instance}" if raw.instance else None,
            created_text=raw.created_text,
            edited=raw.edited,
            score=raw.score,
            upvotes=raw.upvotes,
            downvotes=raw.downvotes,
            is_op="op" in raw.badges,
            is_moderator="mod" in raw.badges,
            is_admin="admin" in raw.badges,
        )
        _fill_body(comment, raw.body)
        (parent.children if parent else roots).append(comment)
        nodes.append(comment)
    return roots


def _fill_body(comment: Comment, lines: list[str]) -> None:
    """Set the body, or the deleted/removed flag with an empty body for lemmy-ui's notices.

    Icon titles are page furniture in every form, never text anyone wrote.
    """
    text = "\n".join(line for line in lines if line.strip() not in ICONS_DISTINCT).strip()
    notice = " ".join(text.split()).casefold()
    comment.deleted = notice in _DELETED
    comment.removed = notice in _REMOVED
    comment.body_html = "" if comment.deleted or comment.removed else text_to_html(text)
