"""The 2018-2023 React design's comment rows: one flat list, depth shown by thread lines and
"level N" (and padding in 2023), never by nesting.

Two variants of the markup: a 2019 server render and a 2023 browser save (``*_shell.py`` wraps
them in a whole page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from .common_render import react_rel
from .spec import C, Post


def short_score(n: int) -> str:
    if abs(n) >= 1000:
        return f"{n / 1000:.1f}k"
    return str(n)


def shown_score(n: int | None) -> int | None:
    """What the page carries after rounding ('1.2k' is 1200)."""
    if n is None:
        return None
    if abs(n) >= 1000:
        return round(float(f"{n / 1000:.1f}") * 1000)
    return n


def style_body(body: str, variant: str) -> str:
    cls = "_1qeIAgB0cPwnLhDF9XSiJM" if variant == "2023" else "s90z9tc-10 fHRkcP"
    body = body.replace("<p>", f'<p class="{cls}">')
    if variant == "2023":
        body = body.replace("<blockquote>", '<blockquote class="_4BJO4y6G9vePj3pkgc6rM">')
        body = body.replace("<pre>", '<pre class="_3GnarIQX9tD_qsgXkfSDz1">')
        body = body.replace("<ul>", '<ul class="_33MEMislY0GSgAgk2qUE_q">').replace(
            "<li>", '<li class="_3gqTEjt4x9UIIpWiro7YXz">'
        )
    else:
        body = body.replace("<blockquote>", '<blockquote class="s90z9tc-9 fSXGTv">')
        body = body.replace("<pre>", '<pre class="s90z9tc-12 hbLjcF">')
        body = body.replace("<ul>", '<ul class="s90z9tc-5 kyBpEn">').replace(
            "<li>", '<li class="s90z9tc-7 dBVkCv">'
        )
    return body


def _lines(ancestors: list[str], own: str | None, variant: str) -> str:
    if variant == "2023":
        out = "".join(
            f'<div class="_36AIN2ppxy_z-XSDxTvYj5 t1_{a}"><i class="threadline"></i></div>'
            for a in ancestors
        )
        if own:
            top = " _1F3Y8rEg-_k3mAULfhdYr0" if not ancestors else ""
            out += (
                f'<div class="_3Wv3am0TXfTcugZJ6niui"><div class="_36AIN2ppxy_z-XSDxTvYj5 '
                f't1_{own}{top}"><i class="threadline"></i></div></div>'
            )
        return f'<div class="_1DooEIX-1Nj5rweIc5cw_E">{out}</div>'
    out = "".join(
        f'<div class="t1_{a} fxv3b9-0 gCxbqG"><i class="threadline"></i></div>' for a in ancestors
    )
    if own:
        out += (
            f'<div class="fxv3b9-2 czhQfm"><div class="t1_{own} fxv3b9-0 gCxbqG">'
            '<i class="threadline"></i></div></div>'
        )
    return f'<div class="fxv3b9-1 jDSCcP">{out}</div>'


def comment23(c: C, depth: int, ancestors: list[str], post: Post, saved: datetime) -> str:
    rel = react_rel(c.created, saved, "2023")
    href = (
        f"https://www.reddit.com/r/{post['sub']}/comments/{post['id']}/comment/{c.id}/"
        "?utm_source=reddit&amp;utm_medium=web2x&amp;context=3"
    )
    stamp = (
        f'<a class="_3yx4Dn0W3Yunucf5sVJeFU" data-testid="comment_timestamp" href="{href}" '
        f'id="CommentTopMeta--Created--t1_{c.id}" target="_blank" '
        f'rel="nofollow noopener noreferrer">{rel}</a>'
    )
    sep = '<span class="_2ETuFsVzMBxiHia6HfJCTQ _8b8fUdBRxCYj9MkNpFvvv"> · </span>'
    level = f'<span class="_1RIl585IYPW6cmNXwgRz0J">level {depth + 1}</span>'
    pad = 16 + 21 * depth
    gone = c.deleted or c.removed
    if gone:
        word = "Comment deleted by user" if c.deleted else "Comment removed by moderator"
        inner = (
            f'<div class="Comment t1_{c.id} P8SGAKMtRxNwlmLz1zdJu _1z5rdmX8TDr6mqwNv7A70U">'
            f'<div class="_3tw__eCCe7j-epNCKGXUKk">{level}'
            '<div class="-Xcv3XBXmgiY2X5RqaPbO _1S45SPAIb30fsXtEcKPSdt" '
            'data-testid="post-comment-header-deleted"><span class="_1a_HxF03jCyxnx706hQmJR">'
            f'<span class="_3yx4Dn0W3Yunucf5sVJeFU">{word}</span>{sep}{stamp}</span></div></div>'
            "</div>"
        )
    else:
        roles = ""
        if c.op:
            roles += (
                '<span class="_3AgEmWP1qkCB8nds7LhzEB LWgI-A6rN9Wajn1VLxu2A" style="color:#0079D3" '
                f'id="CommentTopMeta--OP--t1_{c.id}"><span>OP</span></span>'
            )
        if c.mod:
            roles += (
                '<span class="_3AgEmWP1qkCB8nds7LhzEB LWgI-A6rN9Wajn1VLxu2A" style="color:#46D160" '
                f'id="CommentTopMeta--Mod--t1_{c.id}"><span>MOD</span><img alt="Moderator '
                'Achievement" class="_2am63Mu1vtyM2MwmCJoxJp" src="https://www.redditstatic.com/'
                'desktop2x/img/powerups/moderator-achievement.svg"></span>'
            )
        points = ""
        if c.collapsed:
            points = f'{sep}<span class="_3_GZIIN1xcMEC5AVuv4kfa">{c.score} points</span>'
        extra = ""
        if c.stickied:
            extra += f'{sep}<span class="_1Fhb3ZL2Zu4SYuHFE-OQ2s">Stickied comment</span>'
        if c.edited:
            extra += (
                f'{sep}<span class="_18WUrfxbke5CjwIjhXu6C-">edited '
                f"{react_rel(c.edited, saved, '2023')}</span>"
            )
        header = (
            '<div class="-Xcv3XBXmgiY2X5RqaPbO _1S45SPAIb30fsXtEcKPSdt _3LqBzV8aCO9tge99jHiUGy " '
            'data-testid="post-comment-header"><span class="_1a_HxF03jCyxnx706hQmJR">'
            '<div class="_3QEK34iVL1BjyHAVleVVNQ"><div class="_2mHuuvyV9doV3zwbZPtIPG">'
            f'<div id="UserInfoTooltip--t1_{c.id}"><a class="wM6scouPXXsFDSZmZPHRo '
            "DjcdNGtVXPcxG0yiFXIoZ "
            f'_23wugcdiaj44hdfugIAlnX " data-testid="comment_author_link" href="/user/{c.author}/">'
            f"{c.author}</a></div></div></div>{roles}{points}{sep}{stamp}{extra}"
            '<div class="_3XoW0oYd5806XiOr24gGdb"></div></span></div>'
        )
        avatar = (
            '<div class="_2mHuuvyV9doV3zwbZPtIPG ZvAy-PJfJmB8pzQxpz1sS">'
            f'<div id="AvatarUserInfoTooltip--t1_{c.id}"><a class="_3GfQMgsm3HGd3838lwqCST" '
            f'data-testid="comment_author_icon" href="/user/{c.author}/"><div '
            'class="_2p14AQvJBvTrEEa4csiW9v ">'
            '<img alt="User avatar" class="_2TN8dEgAQbSyKntWpSPYM7 _13ScjOmi6dGdJw0JAonQEr " '
            'src="https://www.redditstatic.com/avatars/avatar_default_02_24A0ED.png"><span></span>'
            "</div></a></div></div>"
        )
        body = action = ""
        if not c.collapsed:
            body = (
                '<div data-testid="comment" class="_3cjCphgls6DH-irkVaA0GM "><div class="'
                f'_292iotee39Lmt0MkQZ2hPV RichTextJSON-root">{style_body(c.body, "2023")}</div>'
                "</div>"
            )
            count = "•" if c.score is None else short_score(c.score)
            action = (
                '<div class="_3KgrO85L1p9wQbgwG27q4y"><div class="_1E9mcoVn4MYnuBQSVDt1gC '
                f'_2oM1YqCxIwkvwyeZamWwhW _1ewTEGuogtFmDvDII2T2Yy" id="vote-arrows-t1_{c.id}">'
                '<button aria-label="upvote" aria-pressed="false" data-click-id="upvote" '
                'data-adclicklocation="upvote" class="_2k73nZrjAYiwAj9hv7K-kq "></button>'
                '<div class="_1rZYMD_4xY3gRcSS3p8ODO _25IkBM0rRUqWX5ZojEMAFQ '
                '_3ChHiOyYyUkpZ_Nm3ZyM2M" '
                f'style="color:#1A1A1B">{count}</div><button aria-label="downvote" '
                'aria-pressed="false" data-click-id="downvote" data-adclicklocation="downvote" '
                'class="ceU_3ot04pOVIcrrXH9fY ">'
                '</button></div><div class="XZK-LTFT5CgGo9MvPQQsy _1LXnp2ufrzN6ioaTLTjGQ1 '
                '_2t8wLytikHzPCUnvXdS_wu">'
                '<button class="_374Hkkigy4E4srsI2WktEd"><i class="icon icon-comment '
                '_1g4YvNNIFoV_5_EhsVfyRy">'
                '</i>Reply</button><button class="_374Hkkigy4E4srsI2WktEd _2hr3tRWszeMRQ0u_Whs7t8">'
                f'Give Award</button><div id="t1_{c.id}-comment-share-menu"><button '
                'class="_374Hkkigy4E4srsI2WktEd">'
                'Share</button></div><button class="_374Hkkigy4E4srsI2WktEd '
                '_2hr3tRWszeMRQ0u_Whs7t8">Report'
                '</button><button class="_374Hkkigy4E4srsI2WktEd _2hr3tRWszeMRQ0u_Whs7t8">'
                "Save</button>"
                '<button class="_374Hkkigy4E4srsI2WktEd _2hr3tRWszeMRQ0u_Whs7t8">Follow</button>'
                '<div class="hrV8gUgmt0V7wM2wgZ81l _1YnPvd-E5MbmcM3PvRRcX"><button '
                'aria-expanded="false" '
                f'aria-haspopup="true" aria-label="more options" id="t1_{c.id}-overflow-menu" '
                'class="_2pFdCpgBihIaYh9DSMWBIu _1VR6DV38j4rMT5OMeU4gJZ uMPgOFYlCc5uvpa2Lbteu">'
                '<i class="_38GxRFSqSC-Z2VLi5Xzkjy icon icon-overflow_horizontal"></i></button>'
                "</div></div></div>"
            )
        collapsed = " _2k27lgIDltx9kOzVGXt48i" if c.collapsed else ""
        inner = (
            f'<div class="Comment t1_{c.id} P8SGAKMtRxNwlmLz1zdJu '
            f'HZ-cv9q391bm8s7qT54B3{collapsed}">'
            f'<button class="_1nGapmdexvR0BuOkfAi6wa t1_{c.id} _1zN1-lYh2LfbYOMAho_O8g '
            '_2Gzh48SaLz7dQBCULfOC6V">'
            '<i class="icon icon-expand _1tnrhhM9S7dYjApTfvd14l"></i></button>'
            f'{avatar}<div class="_3tw__eCCe7j-epNCKGXUKk">{level}{header}{body}{action}</div>'
            "</div>"
        )
    return (
        f'<div><div><div><div id="t1_{c.id}" style="padding-left:{pad}px" tabindex="-1" '
        f'class="_3sf33-9rVAO_v4y0pIW_CH">{_lines(ancestors, c.id, "2023")}{inner}'
        "</div></div></div></div>"
    )


def comment19(c: C, depth: int, ancestors: list[str], post: Post, saved: datetime) -> str:
    rel = react_rel(c.created, saved, "2019")
    href = f"https://www.reddit.com/r/{post['sub']}/comments/{post['id']}/{post['slug']}/{c.id}/"
    dot = '<span class="h5svje-0 cFQOcm"> &#xB7; </span>'
    if c.author:
        who = (
            f'<div class="xvda30-0 camSYk"><a class="s1461iz-1 eCHepe" '
            f'href="https://www.reddit.com/user/{c.author}">{c.author}</a>'
            f'<div class="_16AAktgl_rVbXAeiWU9CQd" id="UserInfoTooltip--t1_{c.id}"></div></div>'
        )
    else:
        who = '<span class="s1461iz-2 bsIaFk">[deleted]</span>'
    role = (
        f'<span class="s1w1ukey-0 gILvst" id="CommentTopMeta--OP--t1_{c.id}">OP</span>'
        if c.op
        else ""
    )
    score = (
        "Score hidden"
        if c.score is None
        else f"{short_score(c.score)} point" + ("" if c.score == 1 else "s")
    )
    if c.deleted or c.removed:
        score_html = ""
        body = "<p>[deleted]</p>" if c.deleted else "<p>[removed]</p>"
    else:
        score_html = f'<span class="h5svje-0 cFQOcm">{score}</span>{dot}'
        body = c.body
    edited = ""
    if c.edited:
        edited = (
            f'{dot}<span class="uMVXpG5M2xxHNW2g94S8K h5svje-0 cFQOcm">edited '
            f"{react_rel(c.edited, saved, '2019')}</span>"
        )
    top = " top-level" if depth == 0 else " "
    return (
        f'<div><div><div class="s136il31-0 cMWqxb" id="t1_{c.id}" tabindex="-1">'
        f'{_lines(ancestors, c.id, "2019")}<div class="Comment t1_{c.id}{top} d6o18y-3 dnXauq">'
        '<div class="d6o18y-0 bDkhcT"><button class="cYUyoUM3wmgRXEHv1LlZv " aria-label="upvote" '
        'aria-pressed="false" data-click-id="upvote"><div class="_3wVayy5JvIMI67DheMYra2 dplx91-0 '
        'gnyPAq">'
        '<i class="icon icon-upvote _2Jxk822qXs4DaXwsN7yyHA _39UOLMgvssWenwbRxz_iEn"></i></div>'
        "</button>"
        '<button class="cYUyoUM3wmgRXEHv1LlZv " aria-label="downvote" aria-pressed="false" '
        'data-click-id="downvote"><div class="jR747Vd1NbfaLusf5bHre s1y8gf4b-0 fcyhGn"><i '
        'class="icon '
        'icon-downvote ZyxIIl4FP5gHGrJDzNpUC _2GCoZTwJW7199HSwNZwlHk"></i></div></button></div>'
        f'<div class="d6o18y-2 hdnxMj"><span class="s1dqr9jy-0 imyGpC">level {depth + 1}</span>'
        f'<div class="d6o18y-1 eNmptR s132ko79-15 gWhNnN">{who}{role}{score_html}'
        f'<a class="s132ko79-11 gYyGbk" href="{href}" id="CommentTopMeta--Created--t1_{c.id}" '
        f'rel="nofollow" target="_blank"><span>{rel}</span></a>{edited}'
        '<div class="s1pkn5qd-0 jgyHsD _2LeW9tc_6Fs1n7Ou8uD-70 "></div></div>'
        f'<div data-test-id="comment" class="_3cjCphgls6DH-irkVaA0GM"><div class="fo16tt-0 bJBAtI">'
        f'{style_body(body, "2019")}</div></div><div class="s151baxe-7 fHYCRx"><button '
        'class="s151baxe-8 '
        'iYonLP"><i class="icon icon-comment _3ch9jJ0painNf41PmU4F9i s151baxe-0 hbqbLP"></i>'
        "Reply</button>"
        f'<div id="t1_{c.id}-comment-share-menu"><button class="s151baxe-8 iYonLP">share</button>'
        "</div>"
        '<button class="s151baxe-8 iYonLP">report</button><button class="s151baxe-8 iYonLP">Save'
        "</button></div></div></div></div></div></div>"
    )


def more_row(first_hidden: str, count: int, depth: int, ancestors: list[str], variant: str) -> str:
    word = "reply" if count == 1 else "replies"
    if variant == "2023":
        return (
            f'<div><div><div><div id="moreComments-t1_{first_hidden}" style="padding-left:'
            f'{21 * depth}px" tabindex="-1" class="_3sf33-9rVAO_v4y0pIW_CH">'
            f'{_lines(ancestors, None, variant)}<div class="_3_mqV5-KnILOxl1TvgYtCk">'
            f'<p class="_3_mqV5-KnILOxl1TvgYtCk _2fBzf-7Kvhgc6nNg2b38ZG">{count} more {word}</p>'
            "</div></div></div></div></div>"
        )
    return (
        f'<div><div><div class="s136il31-0 iWkyRq" id="moreComments-t1_{first_hidden}" '
        f'tabindex="-1">{_lines(ancestors, None, variant)}<div class="_3_mqV5-KnILOxl1TvgYtCk">'
        f'<p class="s1tyd4zp-1 doywVD">{count} more {word}</p></div></div></div></div>'
    )


def continue_row(parent: C, depth: int, ancestors: list[str], post: Post) -> str:
    return (
        f'<div><div><div><div id="continueThread-t1_{parent.id}" '
        f'style="padding-left:{21 * depth}px" '
        f'tabindex="-1" class="_3sf33-9rVAO_v4y0pIW_CH">{_lines(ancestors, None, "2023")}'
        '<div class="_2WZWWpGkm8p4QgAXJHtYS5"><a class="_3ySn24hlB-pHRTo6wGLfdT" '
        f'href="/r/{post["sub"]}/comments/{post["id"]}/{post["slug"]}/{parent.id}/">'
        '<span class="_3StVlELgrI5FbWuM3xQ8Pp">Continue this thread</span> '
        '<i class="icon icon-arrow_right _1Kyfaq3sKbPxjHV6kd-o9R"></i></a></div></div></div></div>'
        "</div>"
    )


def hidden_ids() -> Iterator[str]:
    """Made-up ids of the first hidden reply, for the ``moreComments-t1_…`` rows."""
    return (f"zz{n:05d}" for n in range(1, 99999))


def flat_rows(
    roots: list[C],
    post: Post,
    saved: datetime,
    variant: str,
    top_more: int | None,
    hidden: Iterator[str],
) -> str:
    """Rows in page order: each comment, its replies, then its 'more'/'continue' row."""
    out: list[str] = []
    stack: list[tuple[str, C, list[str]]] = [("open", r, []) for r in reversed(roots)]
    while stack:
        kind, c, anc = stack.pop()
        depth = len(anc)
        if kind == "close":
            chain = [*anc, c.id]
            if c.more:
                out.append(more_row(next(hidden), c.more, depth + 1, chain, variant))
            if c.cont:
                out.append(continue_row(c, depth + 1, chain, post))
            continue
        render = comment23 if variant == "2023" else comment19
        out.append(render(c, depth, anc, post, saved))
        stack.append(("close", c, anc))
        stack.extend(("open", k, [*anc, c.id]) for k in reversed(c.children))
    if top_more:
        out.append(more_row(next(hidden), top_more, 0, [], variant))
    return "\n".join(out)


def strip_tags(s: str) -> str:
    return re.sub(r"<[^>]+>", "", s)
