"""Old Reddit's comment rows: nested ``div.thing.comment`` with its tagline, body form, buttons and
a ``div.child`` holding the replies, plus the "load more comments" and "continue this thread" rows.

Two markup generations: 2025 (old.reddit.com, many ``data-*`` attributes, embed and award
buttons) and 2018 (www.reddit.com, fewer attributes). ``old_shell.py`` wraps them in a page.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .common_render import esc
from .old_spec import Node, Page, count

UP = (
    '<div class="arrow up login-required access-required" data-event-action="upvote" '
    'role="button" aria-label="upvote" tabindex="0" ></div>'
)
DOWN = (
    '<div class="arrow down login-required access-required" data-event-action="downvote" '
    'role="button" aria-label="downvote" tabindex="0" ></div>'
)


def fmt_title(t: datetime) -> str:
    """The hover title of a <time>: Fri Mar 14 08:05:11 2025 UTC (day not zero-padded)."""
    return t.strftime("%a %b ") + str(t.day) + t.strftime(" %H:%M:%S %Y UTC")


def stamp(t: datetime) -> str:
    """A <time datetime>: 2025-03-14T08:05:11+00:00."""
    return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def rel(minutes_ago: int) -> str:
    """Old Reddit's relative time as these pages print it (minutes always plural)."""
    if minutes_ago < 60:
        return f"{minutes_ago} minutes ago"
    hours = minutes_ago // 60
    if hours < 24:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    days = hours // 24
    return f"{days} day{'s' if days != 1 else ''} ago"


def edited_time(t: datetime, ago: int, edited_after: int) -> str:
    """The "*" after a timestamp, for a comment or post edited ``edited_after`` minutes later."""
    e = t + timedelta(minutes=edited_after)
    return (
        f'<time class="edited-timestamp" title="last edited {rel(ago - edited_after)}" '
        f'datetime="{stamp(e)}">*</time>'
    )


def role_markup(page: Page, node: Node) -> tuple[str, str, str]:
    """(extra author classes, author title attr, userattrs inner)."""
    if node.role == "submitter":
        link = f"{page.host()}{page.permalink()}"
        return (
            "submitter ",
            ' title="submitter"',
            f'&#32;[<a class="submitter" title="submitter" href="{link}">S</a>]',
        )
    if node.role == "moderator":
        t = f"moderator of /r/{page.sr}, speaking officially"
        return (
            "moderator ",
            f' title="{t}"',
            f'&#32;[<a class="moderator" title="{t}" href="/r/{page.sr}/about/moderators">M</a>]',
        )
    if node.role == "admin":
        t = "reddit admin, speaking officially"
        return (
            "admin ",
            f' title="{t}"',
            f'&#32;[<a class="admin" title="{t}" href="/about/team/">A</a>]',
        )
    return "", "", ""


def score_markup(page: Page, s: int | None) -> str:
    """The three score spans (one per vote state), or "[score hidden]"."""
    if s is None:
        return (
            '<span class="score-hidden" title="this subreddit hides comment scores for 120 '
            'minutes">[score hidden]</span>'
        )
    out = []
    for cls, v in (("dislikes", s - 1), ("unvoted", s), ("likes", s + 1)):
        word = "point" if abs(v) == 1 else "points"
        title = f' title="{v}"' if page.style == "2025" else ""
        out.append(f'<span class="score {cls}"{title}>{v} {word}</span>')
    return "".join(out)


def _thing_open(page: Page, node: Node, nid: str | None) -> str:
    """The comment's opening ``<div class="thing ...">`` with its attributes."""
    state = "collapsed" if node.collapsed else "noncollapsed"
    id_cls = f" id-t1_{nid}" if nid is not None else ""
    extra_cls = (" deleted" if node.deleted else "") + (" stickied" if node.stickied else "")
    attrs = [f'class=" thing{id_cls} {state} &#32;{extra_cls} comment "']
    if nid is not None:
        attrs.append(f'id="thing_t1_{nid}"')
    attrs.append('onclick="click_thing(this)"')
    if nid is not None:
        attrs.append(f'data-fullname="t1_{nid}"')
        attrs.append('data-type="comment"')
    if page.style == "2025":
        attrs.append('data-gildings="0"')
        attrs.append(
            f'data-subreddit="{page.sr}" data-subreddit-prefixed="r/{page.sr}" '
            f'data-subreddit-fullname="t5_{page.srid}" data-subreddit-type="public"'
        )
        attrs.append(f'data-author="{node.author or "[deleted]"}"')
        if node.author:
            attrs.append(f'data-author-fullname="t2_{node.aid}"')
        attrs.append(f'data-replies="{count(node.kids)}"')
        if nid is not None:
            attrs.append(f'data-permalink="{page.permalink(nid)}"')
    else:
        attrs.append(f'data-subreddit="{page.sr}" data-subreddit-fullname="t5_{page.srid}"')
    return f"<div {' '.join(attrs)} >"


def _tagline(page: Page, node: Node) -> str:
    """``p.tagline``: expander, author and flair, score, time, edit mark, reply count, sticky."""
    t = page.post_time + timedelta(minutes=node.minutes)
    ago = page.saved_after - node.minutes
    kids_total = count(node.kids)
    href = "javascript:void(0)" if page.style == "2025" else "#"
    expand = "[+]" if node.collapsed else "[–]"
    out = ['<div class="entry unvoted"><p class="tagline">']
    out.append(f'<a href="{href}" class="expand" onclick="return togglecomment(this)">{expand}</a>')
    if node.author is None:
        out.append("<em>[deleted]</em>")
    else:
        rc, rt, ra = role_markup(page, node)
        out.append(
            f'<a href="{page.host()}/user/{node.author}" '
            f'class="author {rc}may-blank id-t2_{node.aid}"{rt} >{node.author}</a>'
        )
        if node.flair and page.style == "2025":
            out.append(
                f'<span class="flairrichtext flaircolordark flair " title="{node.flair}" '
                'style="background-color: #d3d6da; border-color: #d3d6da;">'
                f"<span>{node.flair}</span></span>"
            )
        elif node.flair:
            out.append(f'<span class="flair " title="{node.flair}">{node.flair}</span>')
        out.append(f'<span class="userattrs">{ra}</span>')
    if not node.deleted:
        out.append("&#32;" + score_markup(page, node.score))
    out.append(
        f'&#32;<time title="{fmt_title(t)}" datetime="{stamp(t)}" '
        f'class="live-timestamp">{rel(ago)}</time>'
    )
    if node.edited_after is not None:
        out.append(edited_time(t, ago, node.edited_after))
    child_word = "child" if kids_total == 1 else "children"
    out.append(
        f'&nbsp;<a href="{href}" class="numchildren" onclick="return togglecomment(this)">'
        f"({kids_total} {child_word})</a>"
    )
    if node.stickied:
        out.append(
            '&#32;<span class="stickied-tagline" title="selected by this subreddit\'s '
            'moderators">stickied comment</span>'
        )
    out.append("</p>")
    return "".join(out)


def _buttons(page: Page, node: Node, depth: int, parent: Node | None) -> str:
    """``ul.buttons`` under a comment: permalink, embed, save, parent, report, award, reply."""
    link = f"{page.host()}{page.permalink(node.id or node.form_id)}"
    buttons = []
    if node.id or node.form_id:
        buttons.append(
            f'<li class="first"><a href="{link}" data-event-action="permalink" class="bylink" '
            'rel="nofollow" >permalink</a></li>'
        )
    if page.style == "2025" and not node.deleted:
        buttons.append(
            f'<li><a href="javascript:void(0)" data-comment="{page.permalink(node.id)}" '
            f'data-media="www.redditmedia.com" data-link="{page.permalink()}" '
            f'data-root="{"true" if depth == 0 else "false"}" data-title="{esc(page.title)}" '
            'class="embed-comment" >embed</a></li>'
        )
    buttons.append(
        '<li class="comment-save-button save-button login-required">'
        '<a href="javascript:void(0)">save</a></li>'
    )
    if parent is not None and parent.id:
        buttons.append(
            f'<li><a href="#{parent.id}" data-event-action="parent" class="bylink" '
            'rel="nofollow" >parent</a></li>'
        )
    buttons.append(
        '<li class="report-button login-required"><a href="javascript:void(0)" '
        'class="reportbtn access-required" data-event-action="report">report</a></li>'
    )
    if page.style == "2025" and not node.deleted:
        buttons.append(
            '<li class="give-gold-button"><a href="/gold?goldtype=gift&months=1&thing=t1_'
            f'{node.id}" class="give-gold login-required access-required gold-give-gold" '
            'data-event-action="gild" title="Award this comment" >give award</a></li>'
        )
    buttons.append(
        '<li class="reply-button login-required"><a class="access-required" '
        'href="javascript:void(0)" data-event-action="comment" '
        'onclick="return reply(this)">reply</a></li>'
    )
    return f'<ul class="flat-list buttons">{"".join(buttons)}</ul>'


def comment_html(page: Page, node: Node, depth: int, parent: Node | None) -> str:
    """One comment and, inside its ``div.child``, its replies."""
    nid = None if node.deleted else node.id  # the id the page carries
    out = [_thing_open(page, node, nid)]
    anchor = f'<a name="{nid}"></a>' if nid is not None else ""
    out.append(f'<p class="parent">{anchor}</p>')
    hidden = " style='display:none'" if node.collapsed else ""
    arrows = "" if node.deleted else UP + DOWN
    out.append(f'<div class="midcol unvoted" {hidden}>{arrows}</div>')
    out.append(_tagline(page, node))
    kept_id = nid if nid is not None else node.form_id  # a deleted comment's form may keep it
    thing_id = f"t1_{kept_id}" if kept_id else ""
    form_id = f"form-{thing_id}{page.suffix()}" if thing_id else f"form-{page.suffix()}"
    out.append(
        '<form action="#" class="usertext warn-on-unload" onsubmit="return post_form(this, '
        f'\'editusertext\')" id="{form_id}">'
    )
    if thing_id:
        out.append(f'<input type="hidden" name="thing_id" value="{thing_id}"/>')
    out.append(
        '<div class="usertext-body may-blank-within md-container " >'
        f'<div class="md">{node.body}</div>\n</div></form>'
    )
    out.append(_buttons(page, node, depth, parent))
    out.append(f'<div class="reportform report-{thing_id}"></div></div>')
    inner = listing_html(page, node.kids, depth + 1, node, node.more, node.more_id, node.cont)
    if inner:
        lid = f"siteTable_t1_{node.id}" if node.id else "siteTable_deleted"
        out.append(
            f'<div class="child"{hidden}><div id="{lid}" class="sitetable listing">'
            f"{inner}</div></div>"
        )
    else:
        out.append(f'<div class="child"{hidden}></div>')
    out.append('<div class="clearleft"></div></div><div class="clearleft"></div>')
    return "".join(out)


def more_html(page: Page, n: int, mid: str) -> str:
    """The "load more comments (N replies)" row that ends a listing."""
    word = "reply" if n == 1 else "replies"
    return (
        f'<div class=" thing id-t1_{mid} noncollapsed &#32; morechildren " id="thing_t1_{mid}" '
        f'onclick="click_thing(this)" data-fullname="t1_{mid}" data-type="morechildren" >'
        '<p class="parent"></p><div class="entry unvoted"><span class="morecomments">'
        '<a style="font-size: smaller; font-weight: bold" class="button" '
        f'id="more_t1_{mid}" href="javascript:void(0)" onclick="return morechildren(this, '
        f"'t3_{page.pid}', 'confidence', '{mid},{mid[::-1]}', 'False')\">load more comments"
        f'<span class="gray">&nbsp;({n} {word})</span></a></span>'
        f'<div class="reportform report-t1_{mid}"></div></div><div class="child"></div>'
        '<div class="clearleft"></div></div><div class="clearleft"></div>'
    )


def cont_html(page: Page, parent: Node) -> str:
    """The "continue this thread" row that stands in for replies too deep to show."""
    return (
        '<div class=" thing noncollapsed &#32; morerecursion " onclick="click_thing(this)" '
        'data-type="morerecursion" ><p class="parent"></p><div class="entry unvoted">'
        f'<span class="deepthread"><a href="{page.host()}{page.permalink(parent.id)}" '
        'data-event-action="continue">continue this thread</a></span></div>'
        '<div class="child"></div><div class="clearleft"></div></div><div class="clearleft"></div>'
    )


def listing_html(
    page: Page,
    nodes: list[Node],
    depth: int,
    parent: Node | None,
    more: int | None,
    more_id: str,
    cont: bool,
) -> str:
    """Sibling comments, then the "continue" and "load more" rows that follow them."""
    parts = [comment_html(page, n, depth, parent) for n in nodes]
    if cont and parent is not None:
        parts.append(cont_html(page, parent))
    if more:
        parts.append(more_html(page, more, more_id))
    return "".join(parts)
