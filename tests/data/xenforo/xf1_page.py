"""XenForo 1.5 markup for the invented thread of ``xf_spec.py`` (as Sufficient Velocity served it
before 2019): ``li.message`` posts with threadmarkers, ``<base href>`` and relative links,
``abbr.DateTime`` unix times and text-only ``span.DateTime`` times, likes and ratings,
signatures, a deleted placeholder, and the page around them."""

from __future__ import annotations

import html
from datetime import datetime

from xf_spec import HOST, Page, Part, Post, User

E = html.escape


def day_and_clock(moment: datetime) -> tuple[str, str]:
    day = f"{moment:%b} {moment.day}, {moment.year}"
    clock = f"{moment.hour % 12 or 12}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
    return day, clock


def date_time(moment: datetime, text_only: bool) -> str:
    day, clock = day_and_clock(moment)
    if text_only:
        return f'<span class="DateTime" title="{day} at {clock}">{day}</span>'
    return (
        f'<abbr class="DateTime" data-time="{int(moment.timestamp())}" data-diff="5400" '
        f'data-datestring="{day}" data-timestring="{clock}">{day} at {clock}</abbr>'
    )


def member(user: User) -> str:
    return f"members/{user.name.lower()}.{user.id}/"


def body(parts: list[Part]) -> str:
    out = []
    for part in parts:
        kind = part[0]
        if kind == "text":
            out.append(f"{E(part[1])}<br />\n")
        elif kind == "smilie":
            code = E(part[1])
            if part[2] == "sprite":
                out.append(
                    f'<img src="styles/default/xenforo/clear.png" class="mceSmilieSprite '
                    f'mceSmilie1" alt="{code}" title="Smile    {code}" /> '
                )
            else:
                out.append(
                    f'<img src="styles/default/xenforo/smilies/biggrin.png" class="mceSmilie" '
                    f'alt="{code}" title="Big Grin    {code}" /> '
                )
        elif kind == "quote":
            post_id, author = part[1], E(part[2])
            out.append(
                f'<div class="bbCodeBlock bbCodeQuote" data-author="{author}">\n<aside>\n'
                f'<div class="attribution type">{author} said:\n<a href="goto/post?id={post_id}'
                f'#post-{post_id}" class="AttributionLink">&uarr;</a>\n</div>\n'
                f'<blockquote class="quoteContainer"><div class="quote">{body(part[3])}</div>'
                '<div class="quoteExpand">Click to expand...</div></blockquote>\n</aside>\n</div>'
            )
        elif kind == "spoiler":
            out.append(
                '<div class="ToggleTriggerAnchor bbCodeSpoilerContainer">\n<button type="button" '
                'class="button bbCodeSpoilerButton ToggleTrigger Tooltip JsOnly" title="Click to '
                f'reveal or hide spoiler" data-target="> .SpoilerTarget"><span>Spoiler: '
                f'{E(part[1])}</span></button>\n<div class="SpoilerTarget bbCodeSpoilerText">'
                f"{body(part[2])}</div>\n</div>\n"
            )
    return "".join(out)


def likes(post: Post) -> str:
    if post.ratings:
        items = "".join(
            f'<li>\n<img src="styles/dark/ratings/{name.lower()}.png" alt="{name}" '
            f'title="{name}"/> {name} x <strong>{count}</strong>\n</li>\n'
            for name, count in post.ratings
        )
        return (
            '<div class="dark_postrating likesSummary secondaryContent">\n<div class="'
            f'dark_postrating_container">\n<ul class="dark_postrating_outputlist">\n{items}'
            f'<li> <a href="posts/{post.id}/ratings" class="dark_postrating_list OverlayTrigger"'
            ">List</a></li>\n</ul>\n</div>\n</div>"
        )
    if not post.reactors:
        return f'<div id="likes-post-{post.id}"></div>'
    names = ", ".join(
        f'<a href="members/{n.lower()}.1/" class="username" dir="auto">{E(n)}</a>'
        for n in post.reactors
    )
    others = (
        f' and <a href="posts/{post.id}/likes" class="OverlayTrigger">{post.others} others</a>'
        if post.others
        else ""
    )
    return (
        f'<div id="likes-post-{post.id}"><div class="likesSummary secondaryContent">\n'
        f'<span class="LikeText">\n{names}{others} like this.\n</span>\n</div></div>'
    )


def attachments(post: Post) -> str:
    if not post.attachments:
        return ""
    items = "".join(
        f'<li class="attachment image" title="{E(name)}"><div class="boxModelFixer '
        f'primaryContent"><div class="thumbnail"><a href="attachments/{E(name)}.{900 + i}/" '
        f'target="_blank" class="LbTrigger"><img src="data/attachment-files/0/{900 + i}_t.jpg" '
        f'alt="{E(name)}" class="LbImage" /></a></div><div class="attachmentInfo '
        f'pairsJustified"><h6 class="filename"><a href="attachments/{E(name)}.{900 + i}/" '
        f'target="_blank">{E(name)}</a></h6><dl><dt>File size:</dt><dd>57.6 KB</dd></dl><dl>'
        "<dt>Views:</dt><dd>104</dd></dl></div></div></li>"
        for i, name in enumerate(post.attachments)
    )
    return (
        '<div class="attachedFiles"><h4 class="attachedFilesHeader">Attached Files:</h4>'
        f'<ul class="attachmentList SquareThumbs">{items}</ul></div>'
    )


def message(post: Post, page: Page) -> str:
    user = post.user
    when = date_time(post.created, post.text_time)
    if post.deleted_by:
        return f"""<li id="post-{post.id}" class="message deleted placeholder" data-author="{E(user.name)}">
<div class="placeholderContent">
<a href="{member(user)}" class="avatar Av{user.id}s" data-avatarhtml="true"><img src="data/avatar/s/0/{user.id}.jpg" width="48" height="48" alt="{E(user.name)}"/></a>
<div class="messageInfo">
<div class="messageNotices"><span class="deletionNotice">This message by <a href="{member(user)}" class="username" dir="auto">{E(user.name)}</a> has been deleted by {E(post.deleted_by)}.</span></div>
<div class="messageMeta"><div class="privateControls"><a href="posts/{post.id}/" title="Permalink" class="datePermalink">{when}</a></div></div>
</div>
</div>
</li>
"""  # noqa: E501
    staff = " staff" if user.banner else ""
    banner = (
        f'<em class="userBanner Mod wrapped" itemprop="title"><span class="before"></span>'
        f'<strong>{E(user.banner)}</strong><span class="after"></span></em>'
        if user.banner
        else ""
    )
    marker = (
        f'<div class="threadmarker"><div class="primaryContent"><span class="label">Threadmark: '
        f'{E(post.threadmark)}</span> <a href="threads/{page.slug}.{page.thread_id}/threadmarks'
        '" class="OverlayTrigger threadmarksTrigger">Threadmarks</a></div></div>\n'
        if post.threadmark
        else ""
    )
    edit = (
        f'<div class="editDate">\nLast edited: {date_time(post.edited, False)}\n</div>\n'
        if post.edited
        else ""
    )
    signature = (
        f'<div class="baseHtml signature messageText ugc"><aside>{E(user.signature)}</aside></div>'
        if user.signature
        else ""
    )
    return f"""<li id="post-{post.id}" class="message  {staff}
" data-author="{E(user.name)}">
{marker}<div class="messageUserInfo" itemscope="itemscope" itemtype="http://data-vocabulary.org/Person">
<div class="messageUserBlock ">
<div class="avatarHolder"><span class="helper"></span><a href="{member(user)}" class="avatar Av{user.id}m" data-avatarhtml="true"><img src="data/avatar/m/0/{user.id}.jpg" width="96" height="96" alt="{E(user.name)}"/></a></div>
<h3 class="userText">
<a href="{member(user)}" class="username" dir="auto" itemprop="name">{E(user.name)}</a>
<em class="userTitle" itemprop="title">{E(user.title)}</em>
{banner}
</h3>
<span class="arrow"><span></span></span>
</div>
</div>
<div class="messageInfo primaryContent ">
<div class="messageContent">
<article>
<blockquote class="messageText SelectQuoteContainer ugc baseHtml">
{body(post.body)}
<div class="messageTextEndMarker">&nbsp;</div>
</blockquote>
</article>
{attachments(post)}
</div>
{edit}{signature}
<div class="messageMeta ToggleTriggerAnchor">
<div class="privateControls">
<span class="item muted">
<span class="authorEnd"><a href="{member(user)}" class="username author" dir="auto">{E(user.name)}</a>,</span>
<a href="posts/{post.id}/" title="Permalink" class="datePermalink">{when}</a>
</span>
<a href="posts/{post.id}/report" class="OverlayTrigger item control report" data-cacheOverlay="false"><span></span>Report</a>
</div>
<div class="publicControls">
<a href="posts/{post.id}/" title="Permalink" class="item muted postNumber hashPermalink OverlayTrigger" data-href="posts/{post.id}/permalink">#{post.number}</a>
<a href="threads/{page.slug}.{page.thread_id}/reply?quote={post.id}" data-messageid="{post.id}" class="MultiQuoteControl JsOnly item control" title="Toggle Multi-Quote"><span></span><span class="symbol">+ Quote</span></a>
<a href="threads/{page.slug}.{page.thread_id}/reply?quote={post.id}" data-postUrl="posts/{post.id}/quote" data-tip="#MQ-{post.id}" class="ReplyQuote item control reply" title="Reply, quoting this message"><span></span>Reply</a>
</div>
</div>
{likes(post)}
</div>
</li>
"""  # noqa: E501


def thread_page(page: Page) -> str:
    base = f"threads/{page.slug}.{page.thread_id}/"
    first_post = page.posts[0]
    nav_items = "\n".join(
        f'<a href="{base}page-{n}" class="{"currentPage " if n == page.page else ""}">{n}</a>'
        for n in range(1, page.page_count + 1)
    )
    posts = "".join(message(post, page) for post in page.posts)
    return f"""<!DOCTYPE html>
<html id="XenForo" lang="en-US" dir="LTR" class="Public NoJs LoggedOut NoSidebar  Responsive" xmlns:fb="http://www.facebook.com/2008/fbml">
<head>
<meta charset="utf-8"/>
<meta http-equiv="X-UA-Compatible" content="IE=Edge,chrome=1"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<base href="https://{HOST}/"/>
<script>
			var _b = document.getElementsByTagName('base')[0], _bH = "https://{HOST}/";
			if (_b &amp;&amp; _b.href != _bH) _b.href = _bH;
		</script>
<title>{E(page.title)} | Page {page.page} | Quill &amp; Anchor</title>
<meta property="og:title" content="{E(page.title)} | Page {page.page}"/>
<link rel="stylesheet" href="css.php?css=xenforo,form,public&amp;style=2&amp;dir=LTR&amp;d=1499017228"/>
<script src="js/jquery/jquery-1.11.0.min.js"></script>
<script src="js/xenforo/xenforo.js?_v=420bfbcf"></script>
<link rel="canonical" href="https://{HOST}/{base}page-{page.page}"/>
<meta property="og:site_name" content="Quill &amp; Anchor"/>
<meta property="og:url" content="https://{HOST}/{base}"/>
</head>
<body class="node29 node1 SelectQuotable">
<header><div id="header"><div id="logoBlock"><div class="pageWidth"><div class="pageContent">
<div id="logo"><a href="https://{HOST}/"><span></span><img src="styles/quill/logo.png" alt="Quill &amp; Anchor"/></a></div>
</div></div></div>
<div id="navigation" class="withSearch"><div class="pageContent"><nav><div class="navTabs pageWidth">
<ul class="publicTabs">
<li class="navTab forums selected"><a href="https://{HOST}/" class="navLink">Forums</a></li>
<li class="navTab members Popup PopupControl PopupClosed"><a href="https://{HOST}/members/" class="navLink">Members</a></li>
</ul>
<ul class="visitorTabs"><li class="navTab login PopupClosed"><label for="LoginControl"><a href="login/" class="navLink">Log in or Sign up</a></label></li></ul>
</div></nav></div></div>
</header>
<div id="headerMover"><div id="content" class="thread_view"><div class="pageWidth"><div class="pageContent">
<div class="mainContainer"><div class="mainContent">
<div class="breadBoxTop "><nav><fieldset class="breadcrumb">
<div class="boardTitle"><strong>Quill &amp; Anchor</strong></div>
<span class="crumbs">
<span class="crust homeCrumb" itemscope="itemscope" itemtype="http://data-vocabulary.org/Breadcrumb"><a href="https://{HOST}/" class="crumb" rel="up" itemprop="url"><span itemprop="title">Forums</span></a><span class="arrow"><span></span></span></span>
<span class="crust" itemscope="itemscope" itemtype="http://data-vocabulary.org/Breadcrumb"><a href="https://{HOST}/categories/creative.1/" class="crumb" rel="up" itemprop="url"><span itemprop="title">Creative</span></a><span class="arrow"><span>&gt;</span></span></span>
<span class="crust" itemscope="itemscope" itemtype="http://data-vocabulary.org/Breadcrumb"><a href="https://{HOST}/forums/quests.29/" class="crumb" rel="up" itemprop="url"><span itemprop="title">{E(page.forum)}</span></a><span class="arrow"><span>&gt;</span></span></span>
</span>
</fieldset></nav></div>
<div class="titleBar">
<h1>{E(page.title)}</h1>
<p id="pageDescription" class="muted ">
Discussion in '<a href="forums/quests.29/">{E(page.forum)}</a>' started by <a href="{member(page.starter)}" class="username" dir="auto">{E(page.starter.name)}</a>, <a href="{base}"><span class="DateTime" title="Jan 2, 2025 at 9:00 AM">Jan 2, 2025</span></a>.
</p>
</div>
<div class="pageNavLinkGroup">
<div class="linkGroup SelectionCountContainer"></div>
<div class="PageNav" data-page="{page.page}" data-range="2" data-start="2" data-end="4" data-last="{page.page_count}" data-sentinel="{{{{sentinel}}}}" data-baseurl="{base}page-{{{{sentinel}}}}">
<span class="pageNavHeader">Page {page.page} of {page.page_count}</span>
<nav>
{nav_items}
</nav>
</div>
</div>
<div class="threadmarkMenus"><a href="{base}threadmarks" rel="nofollow" class="threadmarksLink threadmarksTrigger">Threadmarks</a></div>
<form action="inline-mod/post/switch" method="post" class="InlineModForm section" data-cookieName="posts">
<ol class="messageList" id="messageList">
{posts}</ol>
</form>
<div class="quickReply message">
<form action="{base}add-reply" method="post" class="AutoValidator blendedEditor"><textarea name="message" rows="5"></textarea><input type="submit" class="button primary" value="Post Reply"/></form>
</div>
</div></div></div></div></div></div>
<footer><div class="footer"><div class="pageWidth"><div class="pageContent">
<ul class="footerLinks"><li><a href="misc/contact" class="OverlayTrigger">Contact Us</a></li><li><a href="help/">Help</a></li><li><a href="help/terms">Terms and Rules</a></li></ul>
<div id="copyright"><a href="https://xenforo.com" class="concealed">Forum software by XenForo&trade; <span>&copy;2010-2017 XenForo Ltd.</span></a></div>
</div></div></div></footer>
<script>
XenForo.serverTimeInfo = {{ now: 1742000000, today: 1741996800, todayDow: 5 }};
XenForo.visitor = {{ user_id: 0 }};
</script>
<!-- first post on this page: {first_post.id} -->
</body>
</html>
"""  # noqa: E501
