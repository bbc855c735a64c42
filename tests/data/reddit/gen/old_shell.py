"""Whole old-Reddit pages around the comment rows: head, header, sidebar, the post, the comment
form and footer, in the order the page carries them.

The form suffixes (``Page.suffix``) are handed out in rendering order: post body, comment form,
then the comments; ``page_html`` keeps that order.
"""

from __future__ import annotations

from .common_render import esc
from .old_page import DOWN, UP, edited_time, fmt_title, listing_html, rel, stamp
from .old_spec import Page, count


def _post_scores(page: Page) -> str:
    """The post's three score divs: 2025 shows the neighbours' numbers, 2018 one rounded text."""
    s = page.score
    out = []
    for cls, v in (("dislikes", s - 1), ("unvoted", s), ("likes", s + 1)):
        text = str(v) if page.style == "2025" and v != s else page.score_text
        out.append(f'<div class="score {cls}" title="{v}">{text}</div>')
    return "".join(out)


def _post_data(page: Page, url: str | None) -> str:
    """The ``data-*`` attributes of the post's ``div.thing``."""
    if page.style == "2025":
        return (
            f'data-fullname="t3_{page.pid}" data-type="link" data-gildings="0" '
            'data-whitelist-status="all_ads" data-is-gallery="false" '
            f'data-author="{page.author}" data-author-fullname="t2_{page.aid}" '
            f'data-subreddit="{page.sr}" data-subreddit-prefixed="r/{page.sr}" '
            f'data-subreddit-fullname="t5_{page.srid}" data-subreddit-type="public" '
            f'data-timestamp="{int(page.post_time.timestamp() * 1000)}" data-url="{url}" '
            f'data-permalink="{page.permalink()}" data-domain="{page.domain}" data-rank="" '
            f'data-comments-count="{count(page.comments)}" data-score="{page.score}" '
            'data-promoted="false" data-nsfw="false" data-spoiler="false" data-oc="false" '
            'data-num-crossposts="0" data-context="comments"'
        )
    return (
        f'data-fullname="t3_{page.pid}" data-type="link" data-author="{page.author}" '
        f'data-author-fullname="t2_{page.aid}" data-subreddit="{page.sr}" '
        f'data-subreddit-fullname="t5_{page.srid}" data-url="{url}" '
        f'data-domain="{page.domain}" data-rank="" data-context="comments"'
    )


def post_html(page: Page) -> str:
    """The post's ``div.thing.link``: votes, title, tagline, self text and buttons."""
    t = page.post_time
    ago = page.saved_after
    host = page.host()
    is_self = page.self_body is not None
    url = page.permalink() if is_self else page.link_url
    kind = "self" if is_self else ""
    cls = f" thing id-t3_{page.pid} linkflair odd&#32; link {kind}"
    out = [
        f'<div class="{cls}" id="thing_t3_{page.pid}" onclick="click_thing(this)" '
        f"{_post_data(page, url)} >"
    ]
    out.append('<p class="parent"></p><span class="rank"></span><div class="midcol unvoted" >')
    out.append(UP + _post_scores(page) + DOWN + "</div>")
    out.append(
        '<a class="thumbnail invisible-when-pinned '
        f'{"self" if is_self else "default"} may-blank loggedin " '
        f'data-event-action="thumbnail" href="{url}" ></a>'
    )
    out.append('<div class="entry unvoted"><div class="top-matter"><p class="title">')
    rel_attr = "" if is_self else ' rel=""'
    out.append(
        '<a class="title may-blank loggedin " data-event-action="title" '
        f'href="{url}" tabindex="1"{rel_attr} >{esc(page.title)}</a>'
    )
    if page.flair:
        out.append(f'<span class="linkflairlabel " title="{page.flair}">{page.flair}</span>')
    dom_href = f"/r/{page.sr}/" if is_self else f"/domain/{page.domain}/"
    out.append(f'&#32;<span class="domain">(<a href="{dom_href}">{page.domain}</a>)</span></p>')
    if is_self and page.style == "2018":
        out.append(
            '<div class="expando-button hide-when-pinned selftext expanded" '
            'onclick="expando_child(this)"></div>'
        )
    out.append(
        f'<p class="tagline ">submitted&#32;<time title="{fmt_title(t)}" '
        f'datetime="{stamp(t)}" class="live-timestamp">{rel(ago)}</time>'
    )
    if page.post_edited_after is not None:
        out.append(edited_time(t, ago, page.post_edited_after))
    out.append(
        f'&#32;by&#32;<a href="{host}/user/{page.author}" '
        f'class="author may-blank id-t2_{page.aid}" >'
        f'{page.author}</a><span class="userattrs"></span></p></div>'
    )
    if is_self:
        out.append(
            '<div class="expando expando-uninitialized" data-pin-condition="function() {return '
            "this.style.display != 'none';}\" >"
            '<form action="#" class="usertext warn-on-unload" onsubmit="return post_form(this, '
            f'\'editusertext\')" id="form-t3_{page.pid}{page.suffix()}">'
            f'<input type="hidden" name="thing_id" value="t3_{page.pid}"/>'
            '<div class="usertext-body may-blank-within md-container " >'
            f'<div class="md">{page.self_body}</div>\n</div></form></div>'
        )
    out.append(
        f'<ul class="flat-list buttons"><li class="first"><a href="{host}{page.permalink()}" '
        'data-event-action="comments" class="bylink comments may-blank" rel="nofollow" >'
        f"{count(page.comments)} comments</a></li>"
        '<li class="share"><a class="post-sharing-button" href="javascript: void 0;">share</a>'
        '</li><li class="link-save-button save-button login-required"><a href="#">save</a></li>'
        '<li><form action="/post/hide" method="post" class="state-button hide-button"><span>'
        '<a href="javascript:void(0)" class=" " data-event-action="hide" '
        "onclick=\"change_state(this, 'hide', hide_thing);\">hide</a></span></form></li>"
        '<li class="report-button login-required"><a href="javascript:void(0)" '
        'class="reportbtn access-required" data-event-action="report">report</a></li>'
    )
    if page.style == "2025":
        out.append(
            '<li class="crosspost-button"><a class="post-crosspost-button" '
            f'href="javascript: void 0;" data-crosspost-fullname="t3_{page.pid}" >crosspost</a>'
            "</li>"
        )
    out.append(
        f'</ul><div class="reportform report-t3_{page.pid}"></div></div><div class="child" ></div>'
        '<div class="clearleft"></div></div><div class="clearleft"></div>'
    )
    return "".join(out)


MARKHELP = (
    '<div class="markhelp" style="display:none"><p><p>reddit uses a slightly-customized version of '
    '<a href="http://daringfireball.net/projects/markdown/syntax">Markdown</a> for formatting. '
    'See below for some basics, or check <a href="/wiki/commenting">the commenting wiki page</a> '
    'for more detailed help and solutions to common issues.</p>\n\n</p><table class="md">'
    '<tr style="background-color: #ffff99; text-align: center"><td><em>you type:</em></td>'
    "<td><em>you see:</em></td></tr><tr><td>*italics*</td><td><em>italics</em></td></tr>"
    "<tr><td>**bold**</td><td><b>bold</b></td></tr><tr><td>&gt; quoted text</td><td>"
    "<blockquote>quoted text</blockquote></td></tr><tr><td>~~strikethrough~~</td><td>"
    "<strike>strikethrough</strike></td></tr></table></div>"
)
"""The hidden "formatting help" table inside the comment form."""

FORM_ERRORS = (
    ("CANT_REPLY", "parent"),
    ("TOO_LONG", "text"),
    ("RATELIMIT", "ratelimit"),
    ("NO_TEXT", "text"),
    ("TOO_OLD", "parent"),
    ("THREAD_LOCKED", "parent"),
    ("DELETED_COMMENT", "parent"),
)


def comment_form(page: Page) -> str:
    """The logged-in reader's empty "reply to the post" form above the comments."""
    errors = "".join(
        f'<span class="error {e} field-{f}" style="display:none"></span>' for e, f in FORM_ERRORS
    )
    return (
        '<form action="#" class="usertext cloneable warn-on-unload" '
        "onsubmit=\"return post_form(this, 'comment')\" "
        f'id="form-t3_{page.pid}{page.suffix()}"><input type="hidden" name="thing_id" '
        f'value="t3_{page.pid}"/><div class="usertext-edit md-container" style=""><div class="md">'
        '<textarea rows="1" cols="1" name="text" class="" data-event-action="comment" '
        'data-type="link" ></textarea></div><div class="bottom-area">'
        '<span class="help-toggle toggle" style="" ><a class="option active " href="#" '
        'tabindex="100" onclick="return toggle(this, helpon, helpoff)" >formatting help</a>'
        '<a class="option " href="#">hide help</a></span><a href="/help/contentpolicy" '
        'class="reddiquette" target="_blank" tabindex="100">content policy</a>'
        f'{errors}<div class="usertext-buttons"><button type="submit" onclick="" class="save" >'
        'save</button><button type="button" onclick="return cancel_usertext(this);" '
        'class="cancel" style=\'display:none\'>cancel</button><span class="status"></span>'
        f"</div></div>{MARKHELP}</div></form>"
    )


def _head(page: Page) -> str:
    title = esc(page.title)
    return (
        '<!doctype html><html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head>'
        f"<title>{title} : {page.sr}</title>"
        '<meta name="keywords" content=" reddit, reddit.com, vote, comment, submit " />'
        f'<meta name="description" content="{title}" />'
        '<meta name="referrer" content="always">'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />'
        f'<link rel="canonical" href="https://www.reddit.com{page.permalink()}" />'
        '<meta name="viewport" content="width=1024">'
        f'<link rel="shorturl" href="https://redd.it/{page.pid}"/>'
        '<meta property="og:site_name" content="reddit">'
        f'<meta property="og:title" content="{title}">'
        '<meta property="twitter:site" content="@reddit">'
        '<link rel="stylesheet" type="text/css" '
        'href="//www.redditstatic.com/reddit.dy8nB2ZUqbo.css" media="all">'
        '<script type="text/javascript" id="config">r.setup({"ajax_domain": "old.reddit.com", '
        f'"post_site": "{page.sr}", "cur_domain": "reddit.com", "is_fake": false, '
        '"status_msg": {"fetching": "fetching title...", "loading": "loading...", '
        '"submitting": "submitting..."}})</script></head>'
    )


SR_BAR = ("popular", "all", "random", "users", "AskReddit", "pics", "worldnews", "todayilearned")


def _header(page: Page) -> str:
    host = page.host()
    bar = "".join(
        f'<li><span class="separator">-</span><a href="{host}/r/{s}/" class="choice" >{s}</a></li>'
        for s in SR_BAR
    )
    optin = (
        '<button class="redesign-beta-optin" id="redesign-beta-optin-btn">GET NEW REDDIT</button>'
        if page.style == "2025"
        else ""
    )
    return (
        '<body class="loggedin comments-page single-page" >'
        '<div id="header" role="banner">'
        '<a tabindex="1" href="#content" id="jumpToContent">jump to content</a>'
        f'<div id="sr-header-area"><div class="width-clip">{optin}'
        '<div class="dropdown srdrop" onclick="open_menu(this)">'
        '<span class="selected title">my subreddits</span></div>'
        f'<div class="sr-list"><ul class="flat-list sr-bar hover" >{bar}</ul></div>'
        f'<a href="{host}/subreddits/" id="sr-more-link" >more &raquo;</a></div></div>'
        '<div id="header-bottom-left">'
        '<a href="/" id="header-img" class="default-header" title="">reddit.com</a>'
        f'&nbsp;<span class="hover pagename redditname"><a href="{host}/r/{page.sr}/" >'
        f"{page.sr}</a></span>"
        f'<ul class="tabmenu " ><li class=\'selected\'><a href="{host}{page.permalink()}" '
        'class="choice" >comments</a></li></ul></div>'
        f'<div id="header-bottom-right"><span class="user"><a href="{host}/user/quiet_reader_77/">'
        'quiet_reader_77</a>&nbsp;(<span class="userkarma" title="link karma">1,204</span>)'
        '</span><span class="separator">|</span>'
        f'<a title="no new mail" href="{host}/message/inbox/" class="nohavemail" id="mail" >'
        'messages</a><span class="separator">|</span><ul class="flat-list hover" >'
        f'<li><a href="{host}/prefs/" class="pref-lang choice" >preferences</a></li></ul>'
        '<span class="separator">|</span><form method="post" action="/logout" class="logout hover">'
        '<input type="hidden" name="uh" value="0000"/><a href="javascript:void(0)" '
        'onclick="$(this).parent().submit()">logout</a></form></div></div>'
    )


def _side(page: Page) -> str:
    host = page.host()
    t = page.post_time
    return (
        "<div class=\"side\"><div class='spacer'>"
        f'<form action="{host}/r/{page.sr}/search" id="search" role="search">'
        '<input type="text" name="q" placeholder="search" tabindex="20">'
        '<input type="submit" value="" tabindex="22"><div id="searchexpando" class="infobar">'
        '<label><input type="checkbox" name="restrict_sr" tabindex="21">'
        f"limit my search to r/{page.sr}</label></div></form></div>"
        '<div class=\'spacer\'><div class="linkinfo"><div class="date">'
        "<span>this post was submitted on &#32;</span>"
        f'<time datetime="{stamp(t)}">{t.day} {t.strftime("%b %Y")}</time></div>'
        f'<div class="score"><span class="number">{page.score}</span>&#32;'
        '<span class="word">points</span>&#32;(91% upvoted)</div></div></div>'
        '<div class=\'spacer\'><div class="titlebox"><h1 class="hover redditname">'
        f'<a href="{host}/r/{page.sr}/" class="hover" >{page.sr}</a></h1>'
        '<span class="subscribe-button fancy-toggle-button" ><a class="option active add '
        'login-required" href="#" tabindex="100">join</a></span><span class="subscribers">'
        '<span class="number">48,211</span>&#32;<span class="word">readers</span></span>'
        '<div class="usertext-body may-blank-within md-container " >'
        f'<div class="md"><p>{page.blurb}</p>\n</div></div>'
        '<div class="bottom">a community for&#32;<time title="Sat Mar 3 10:00:00 2012 UTC" '
        'datetime="2012-03-03T10:00:00+00:00">14 years</time></div></div></div>'
        '<div class=\'spacer\'><div class="sidecontentbox " ><div class="title">'
        '<h1>MODERATORS</h1></div><ul class="content">'
        f'<li><a href="{host}/user/comb_warden" class="author may-blank" >comb_warden</a></li>'
        f'<li class="more"><a href="/r/{page.sr}/about/moderators">about moderation team '
        "&raquo;</a></li></ul></div></div></div>"
    )


def _content(page: Page) -> str:
    """Post, sort menu, comment form and comments; in this order for the form suffixes."""
    link = f"{page.host()}{page.permalink()}"
    post = post_html(page)
    form = comment_form(page)
    comments = listing_html(page, page.comments, 0, None, page.top_more, page.top_more_id, False)
    return (
        '<a name="content"></a><div class="content" role="main" >'
        f'<div id="siteTable" class="sitetable linklisting">{post}</div>'
        '<div class=\'commentarea\'><div class="panestack-title"><span class="title">'
        f"all {count(page.comments)} comments</span></div>"
        '<div class="menuarea"><div class="spacer">'
        '<span class="dropdown-title lightdrop">sorted by:&#32;</span>'
        '<div class="dropdown lightdrop" onclick="open_menu(this)">'
        '<span class="selected">best</span></div><div class="drop-choices lightdrop">'
        f'<a href="{link}?sort=top" class="choice" >top</a>'
        f'<a href="{link}?sort=new" class="choice" >new</a></div></div></div>'
        f'{form}<div id="siteTable_t3_{page.pid}" class="sitetable nestedlisting">'
        f"{comments}</div></div></div>"
    )


def _footer(page: Page) -> str:
    return (
        '<div class="footer-parent"><div by-zero class="footer rounded"><div class="col">'
        '<ul class="flat-vert hover" ><li class="flat-vert title">about</li>'
        '<li ><a href="https://redditblog.com" class="choice" >blog</a></li>'
        '<li ><span class="separator"></span>'
        '<a href="https://www.redditinc.com" class="choice" >about</a></li></ul></div>'
        '<div class="col"><ul class="flat-vert hover" ><li class="flat-vert title">help</li>'
        f'<li ><a href="{page.host()}/rules/" class="choice" >site rules</a></li></ul></div>'
        '</div><p class="bottommenu">Use of this site constitutes acceptance of our&#32;'
        '<a href="https://www.redditinc.com/policies/user-agreement" >User Agreement</a>'
        '&#32;and&#32;<a href="https://www.reddit.com/policies/privacy-policy" >Privacy Policy'
        "</a>. &copy; 2026 reddit inc. All rights reserved.</p></div></body></html>"
    )


def page_html(page: Page) -> str:
    """The whole saved page, ending in a newline."""
    return _head(page) + _header(page) + _side(page) + _content(page) + _footer(page) + "\n"
