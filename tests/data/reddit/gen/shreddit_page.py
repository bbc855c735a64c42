"""shreddit's comment markup (www.reddit.com, 2023 onwards) as a browser saves it.

Nested ``<shreddit-comment>`` elements with their slots, "more replies" loaders and
"Continue this thread" links; ``shreddit_shell.py`` wraps the tree in a whole page.
"""

from __future__ import annotations

from datetime import datetime

from .common_render import esc, long_title, plus0000, short_rel, z
from .spec import C, Post

AVATAR = "https://www.redditstatic.com/avatars/defaults/v2/avatar_default_{n}.png"


def timeago(t: datetime, saved: datetime) -> str:
    return (
        f'<faceplate-timeago ts="{z(t)}" format="short"><time datetime="{z(t)}" '
        f'title="{esc(long_title(t))}">{short_rel(t, saved)}</time></faceplate-timeago>'
    )


def _meta(c: C, post: Post, saved: datetime, variant: str) -> str:
    name = c.author
    if name is None:
        who = '<span class="text-neutral-content-weak text-12">[deleted]</span>'
    else:
        who = (
            '<faceplate-tracker source="post_detail" action="click" noun="comment_author">'
            f'<faceplate-hovercard data-id="user-hover-card" label="{esc(name)} details" '
            'enter-delay="500" leave-delay="150" position="bottom-start">'
            f'<a href="/user/{esc(name)}/" class="truncate font-bold text-neutral-content-strong '
            f'text-12 hover:underline">{esc(name)}</a></faceplate-hovercard></faceplate-tracker>'
        )
    badges = ""
    if c.op:
        badges += '<span class="text-global-op font-bold ml-2xs text-12">OP</span>'
    if c.mod and variant == "sample":
        badges += (
            '<shreddit-comment-author-modifier-icon distinguished-as="MODERATOR" '
            'class="ml-2xs"></shreddit-comment-author-modifier-icon>'
        )
    edited = ""
    if c.edited is not None:
        edited = (
            '<span class="inline-block my-0 created-separator text-neutral-content-weak">'
            '&#8226;</span><span class="text-neutral-content-weak text-12">'
            f"<span>Edited </span>{timeago(c.edited, saved)}</span>"
        )
    bits = []
    if c.stickied and variant == "sample":
        bits.append('stickied=""')
    if c.mod and variant == "linkpost":
        bits.append('distinguished-as="moderator"')
    comment_badges = (
        f'<shreddit-comment-badges thing-id="t1_{c.id}" {" ".join(bits)}></shreddit-comment-badges>'
    )
    return (
        '<div class="flex flex-row items-center overflow-hidden" slot="commentMeta">'
        f'<div class="flex flex-none flex-row flex-nowrap items-center">{who}{badges}</div>'
        '<span class="inline-block my-0 created-separator text-neutral-content-weak">&#8226;</span>'
        f'<a href="/r/{post["sub"]}/comments/{post["id"]}/comment/{c.id}/" '
        'rel="nofollow noopener noreferrer" class="text-neutral-content-weak text-12 '
        f'hover:underline">{timeago(c.created, saved)}</a>{edited}{comment_badges}</div>'
    )


def _action_row(c: C, post: Post, shadow: bool) -> str:
    score = "" if c.score is None else f' score="{c.score}"'
    inner = (
        '<template shadowrootmode="open"><div class="flex items-center"><span class="vote">'
        f"{c.score if c.score is not None else 'Vote'}</span><button>Upvote</button>"
        "<button>Downvote</button></div><slot></slot></template>"
        if shadow
        else ""
    )
    return (
        f'<shreddit-comment-action-row slot="actionRow" comment-id="t1_{c.id}" '
        f'permalink="/r/{post["sub"]}/comments/{post["id"]}/comment/{c.id}/" '
        f'post-id="t3_{post["id"]}"{score} show-award="">{inner}'
        '<faceplate-tracker source="post_detail" action="click" noun="reply_comment" '
        'slot="comment-reply">'
        '<button class="button button-plain-weak button-small" type="button">Reply</button>'
        "</faceplate-tracker>"
        '<shreddit-overflow-menu slot="overflow" source="comment"><button aria-label="More '
        'options"></button></shreddit-overflow-menu>'
        f'<shreddit-comment-share-button slot="comment-share-button" permalink="/r/{post["sub"]}/'
        f'comments/{post["id"]}/comment/{c.id}/"><button>Share</button>'
        "</shreddit-comment-share-button>"
        "</shreddit-comment-action-row>"
    )


def _body(c: C, variant: str) -> str:
    if c.deleted:
        if variant == "sample":
            return (
                '<div class="md text-14 text-neutral-content-weak" '
                f'id="t1_{c.id}-comment-rtjson-content" '
                'slot="comment"><p>Comment deleted by user</p></div>'
            )
        return ""
    if c.removed:
        return (
            '<div class="md text-14 text-neutral-content-weak" '
            f'id="t1_{c.id}-comment-rtjson-content" '
            'slot="comment"><p>Comment removed by moderator</p></div>'
        )
    return (
        f'<div class="md text-14 rounded-8 pb-2xs overflow-hidden" '
        f'id="t1_{c.id}-comment-rtjson-content" slot="comment">'
        f'<div id="t1_{c.id}-post-rtjson-content" class="md">{c.body}</div></div>'
    )


def comment_html(
    c: C,
    parent: C | None,
    index: int,
    depth: int,
    post: Post,
    saved: datetime,
    variant: str,
    shadow: bool,
) -> str:
    attrs = [
        f'author="{esc(c.author or "[deleted]")}"',
        f'thingid="t1_{c.id}"',
        f'depth="{depth}"',
        f'permalink="/r/{post["sub"]}/comments/{post["id"]}/comment/{c.id}/"',
        f'postid="t3_{post["id"]}"',
    ]
    if c.score is not None:
        attrs.append(f'score="{c.score}"')
    attrs.append('award-count="0" content-type="text"')
    if not c.no_created_attr:
        attrs.append(f'created="{plus0000(c.created)}"')
    if parent is not None:
        attrs.append(f'parentid="t1_{parent.id}"')
        attrs.append(f'slot="children-t1_{parent.id}-{index}"')
    if c.collapsed:
        attrs.append('collapsed=""')
    if c.stickied and variant == "linkpost":
        attrs.append('stickied=""')
    if c.author is None:
        attrs.append('is-author-deleted="true"')
    if c.deleted:
        attrs.append('is-comment-deleted="true"')
    if c.deleted and variant == "linkpost":
        attrs.append('deleted=""')
    avatar = ""
    if c.author:
        avatar = (
            '<div slot="commentAvatar" class="flex items-center justify-center shrink-0 h-xl w-xl">'
            '<faceplate-tracker source="post_detail" action="click" noun="comment_author_avatar">'
            f'<a href="/user/{esc(c.author)}/" aria-label="{esc(c.author)}\'s avatar">'
            f'<span class="inline-flex items-center justify-center w-[24px] h-[24px]" avatar="">'
            f'<img src="{AVATAR.format(n=len(c.author) % 8)}" alt="{esc(c.author)} avatar" '
            'class="rounded-full" loading="lazy"></span></a></faceplate-tracker></div>'
        )
    return (
        f"<shreddit-comment {' '.join(attrs)}>{avatar}{_meta(c, post, saved, variant)}"
        f"{_body(c, variant)}{_action_row(c, post, shadow)}"
    )


def more_html(c: C, depth: int, post: Post) -> str:
    number = f'<faceplate-number number="{c.more}" pretty="">{c.more}</faceplate-number>'
    word = "reply" if c.more == 1 else "replies"
    return (
        f'<faceplate-partial loading="action" method="post" '
        f'src="/svc/shreddit/more-comments/{post["sub"]}/t3_{post["id"]}?sort=CONFIDENCE&amp;'
        f'startingDepth={depth + 1}&amp;comments-remaining={c.more}" id="t1_{c.id}-more-replies">'
        f'<input type="hidden" name="cursor" value="Y29tbWVudHM6dDFf{c.id}Ojo=">'
        '<div class="flex items-center pl-xs">'
        '<button class="text-tone-2 text-12 no-underline hover:underline px-xs py-xs flex ml-px '
        'gap-xs items-center" type="button" rpl="">'
        '<faceplate-tracker source="post_detail" action="click" noun="more_replies">'
        f'<span class="text-secondary-weak font-normal">{number} more {word}</span>'
        "</faceplate-tracker></button></div></faceplate-partial>"
    )


def continue_html(c: C, post: Post) -> str:
    return (
        '<div class="fold-more flex items-center pl-xs">'
        f'<a slot="more-comments-permalink" href="/r/{post["sub"]}/comments/{post["id"]}/comment/'
        f'{c.id}/?force-legacy-sct=1" class="text-tone-2 text-12 no-underline hover:underline">'
        '<faceplate-tracker source="post_detail" action="click" noun="more_replies">'
        "<span>Continue this thread</span></faceplate-tracker>"
        '<svg fill="currentColor" height="16" viewBox="0 0 20 20" width="16" '
        'xmlns="http://www.w3.org/2000/svg"><title>forward</title><path d="M0 0h20v20H0z"></path>'
        "</svg></a></div>"
    )


def tree_html(roots: list[C], post: Post, saved: datetime, variant: str, shadow: bool) -> str:
    """Nested shreddit-comment elements, written without recursion."""
    out: list[str] = []
    # (closing?, comment, parent, index among siblings, depth); a close needs only c and depth
    stack: list[tuple[bool, C, C | None, int, int]] = [
        (False, r, None, 0, 0) for r in reversed(roots)
    ]
    while stack:
        closing, c, parent, index, depth = stack.pop()
        if closing:
            if c.more:
                out.append(more_html(c, depth, post))
            if c.cont:
                out.append(continue_html(c, post))
            out.append("</shreddit-comment>")
            continue
        out.append(comment_html(c, parent, index, depth, post, saved, variant, shadow))
        stack.append((True, c, parent, index, depth))
        stack.extend((False, k, c, i, depth + 1) for i, k in reversed(list(enumerate(c.children))))
    return "\n".join(out)
