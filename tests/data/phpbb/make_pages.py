"""Write the phpBB test pages, the sample page and their truth (``expected.json``).

Run from the repository root: ``python tests/data/phpbb/make_pages.py``. The topics are
invented; the page chrome is phpBB's own prosilver markup of 3.0 (time as text only, in the
board's zone) and 3.3 (``time[datetime]``, quotes that name the quoted post).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
HOST = "forum.breadloft.example"
BOARD = f"https://{HOST}/"
BOARD_NAME = "The Bread Loft"


@dataclass(frozen=True)
class Post:
    id: int
    author: str
    user: int
    when: datetime  # UTC
    body: str  # the content's inner HTML, in the page's own markup
    text: list[str]  # words the parsed body must hold, in order
    subject: str | None = None  # None: "Re: <title>"
    reply_to: str | None = None
    reply_to_author: str | None = None
    signature: str = ""
    colour: str = ""  # a coloured name (moderators): username-coloured
    absent: list[str] = field(default_factory=list)  # words that must not reach the body


def _t(day: int, hour: int, minute: int) -> datetime:
    return datetime(2024, 3, day, hour, minute, tzinfo=timezone.utc)


# ---------------------------------------------------------------- phpBB 3.0, one page, UTC-5+DST
T30_ID, T30_FORUM, T30_FORUM_ID = 3107, "Ovens and Equipment", 12
T30_TITLE = "Baking steel or stone for a home oven?"
T30_ZONE = timezone(timedelta(hours=-4))  # "UTC - 5 hours [ DST ]"
T30 = [
    Post(
        30501,
        "Marguerite Olsen",
        204,
        _t(2, 14, 5),
        "I keep reading that a steel beats a stone for pizza. Has anyone here used both "
        "in an ordinary electric oven?<br /><br />Mine only reaches 250 degrees "
        '<img src="./images/smilies/icon_e_confused.gif" alt=":?" title="Confused" '
        'class="smilies" />',
        ["I keep reading that a steel beats a stone", "only reaches 250 degrees :?"],
        subject=T30_TITLE,
        signature="Crumb first, crust second.",
    ),
    Post(
        30502,
        "tobias_r",
        388,
        _t(2, 15, 40),
        "Steel, no question. It stores more heat for its thickness.<br />"
        '<dl class="codebox"><dt>Code: <a href="#" onclick="selectCode(this); return false;">'
        "Select all</a></dt><dd><code>preheat: 45 min<br />bake: 6-7 min</code></dd></dl>"
        "That is what works for me.",
        ["Steel, no question.", "preheat: 45 min", "That is what works for me."],
        absent=["Select all"],
    ),
    Post(
        30505,
        "Marguerite Olsen",
        204,
        _t(2, 18, 22),
        "<blockquote><div><cite>tobias_r wrote:</cite>Steel, no question.</div></blockquote>"
        "How thick is yours? Mine would be 6 mm.",
        ["tobias_r wrote:", "Steel, no question.", "How thick is yours?"],
        reply_to_author="tobias_r",
        signature="Crumb first, crust second.",
    ),
    Post(
        30511,
        "Ines Varga",
        97,
        _t(3, 9, 0),
        '<blockquote class="uncited"><div>Mine would be 6 mm.</div></blockquote>'
        "Six is plenty. Ten is a back injury "
        '<img src="./images/smilies/icon_e_wink.gif" alt=";)" title="Wink" class="smilies" />',
        ["Mine would be 6 mm.", "Six is plenty. Ten is a back injury ;)"],
        subject="Thickness and weight",
        colour="#AA0000",
    ),
]

# --------------------------------------------------------- phpBB 3.3, two pages of one topic
T33_ID, T33_FORUM, T33_FORUM_ID = 4821, "Sourdough", 7
T33_TITLE = "Rye starter went flat after a week"
T33_PAGE1 = [
    Post(
        88001,
        "halvard",
        51,
        _t(10, 8, 15),
        "My rye starter doubled every day for a week, then stopped rising at all. "
        "Same flour, same kitchen.<br /><br />What changed?",
        ["My rye starter doubled every day for a week", "What changed?"],
        subject=T33_TITLE,
        signature="Baking since breakfast.",
    ),
    Post(
        88004,
        "Quill & Crumb",
        12,
        _t(10, 9, 2),
        "It is normal. The first burst is bacteria that die off; the yeast takes over "
        "in a few days. Keep feeding it "
        '<img class="smilies" src="./images/smilies/icon_e_smile.gif" width="15" height="17" '
        'alt=":)" title="Smile">',
        ["It is normal.", "Keep feeding it :)"],
        colour="#00AA00",
    ),
    Post(
        88010,
        "halvard",
        51,
        _t(10, 12, 40),
        '<blockquote cite="./viewtopic.php?p=88004#p88004"><div><cite>'
        '<a href="./memberlist.php?mode=viewprofile&amp;u=12">Quill &amp; Crumb</a> wrote: '
        '<a href="./viewtopic.php?p=88004#p88004" data-post-id="88004" '
        'onclick="if(document.getElementById(hash.substr(1)))href=hash">↑</a>'
        '<span class="responsive-hide">Sun Mar 10, 2024 9:02 am</span></cite>'
        "The first burst is bacteria that die off</div></blockquote>"
        "So I just wait? How long?",
        ["Quill & Crumb wrote:", "The first burst is bacteria that die off", "So I just wait?"],
        reply_to="88004",
        reply_to_author="Quill & Crumb",
        signature="Baking since breakfast.",
        absent=["Sun Mar 10, 2024 9:02 am", "↑"],
    ),
]
T33_PAGE2 = [
    Post(
        88020,
        "Ines Varga",
        97,
        _t(11, 7, 30),
        '<div class="codebox"><p>Code: <a href="#" onclick="selectCode(this); return false;">'
        "Select all</a></p><pre><code>day 1-3: feed 1:1:1\nday 4+: feed 1:2:2</code></pre></div>"
        "Roughly that schedule.",
        ["day 1-3: feed 1:1:1", "day 4+: feed 1:2:2", "Roughly that schedule."],
        subject="Feeding schedule that worked",
        absent=["Select all"],
    ),
    Post(
        88023,
        "halvard",
        51,
        _t(12, 19, 55),
        '<blockquote cite="./viewtopic.php?p=88020#p88020"><div><cite>'
        '<a href="./memberlist.php?mode=viewprofile&amp;u=97">Ines Varga</a> wrote: '
        '<a href="./viewtopic.php?p=88020#p88020" data-post-id="88020" '
        'onclick="if(document.getElementById(hash.substr(1)))href=hash">↑</a>'
        '<span class="responsive-hide">Mon Mar 11, 2024 7:30 am</span></cite>'
        '<blockquote cite="./viewtopic.php?p=88010#p88010"><div><cite>'
        '<a href="./memberlist.php?mode=viewprofile&amp;u=51">halvard</a> wrote: '
        '<a href="./viewtopic.php?p=88010#p88010" data-post-id="88010" '
        'onclick="if(document.getElementById(hash.substr(1)))href=hash">↑</a>'
        '<span class="responsive-hide">Sun Mar 10, 2024 12:40 pm</span></cite>'
        "How long?</div></blockquote>Roughly that schedule.</div></blockquote>"
        "It is bubbling again. Thank you both!<br />"
        '<details class="spoiler"><summary class="spoiler-header">'
        '<span class="spoiler-title">Photo of the crumb</span></summary>'
        '<div class="spoiler-body">Open and glossy, with a few big holes.</div></details>',
        [
            "Ines Varga wrote:",
            "halvard wrote:",
            "How long?",
            "Roughly that schedule.",
            "It is bubbling again.",
            "Photo of the crumb",
            "Open and glossy",
        ],
        reply_to="88020",
        reply_to_author="Ines Varga",
        signature="Baking since breakfast.",
    ),
]

# -------------------------------------------------------------------------------- the markup
_HEAD_30 = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" dir="ltr" lang="en-gb" xml:lang="en-gb">
<head>
<meta http-equiv="content-type" content="text/html; charset=UTF-8" />
<meta http-equiv="content-style-type" content="text/css" />
<meta name="copyright" content="2000, 2002, 2005, 2007 phpBB Group" />
<title>{board} &bull; View topic - {title}</title>
<link rel="alternate" type="application/atom+xml" title="Feed - {board}" href="{base}feed.php" /><link rel="alternate" type="application/atom+xml" title="Feed - Topic - {title}" href="{base}feed.php?f={fid}&amp;t={tid}" />
<!--
	phpBB style name: prosilver
	Based on style:   prosilver (this is the default phpBB3 style)
-->
<script type="text/javascript">
// <![CDATA[
	var jump_page = 'Enter the page number you wish to go to:';
	var on_page = '1';
	var per_page = '10';
	var base_url = './viewtopic.php?f={fid}&amp;t={tid}';
// ]]>
</script>
<link href="./styles/prosilver/theme/print.css" rel="stylesheet" type="text/css" media="print" title="printonly" />
<link href="./style.php?id=1&amp;lang=en" rel="stylesheet" type="text/css" media="screen, projection" />
</head>
<body id="phpbb" class="section-viewtopic ltr">
<div id="wrap">
	<a id="top" name="top" accesskey="t"></a>
	<div id="page-header">
		<div class="headerbar"><div class="inner"><span class="corners-top"><span></span></span>
			<div id="site-description">
				<a href="./index.php" title="Board index" id="logo"><img src="./styles/prosilver/imageset/site_logo.gif" width="139" height="52" alt="" title="" /></a>
				<h1>{board}</h1>
				<p class="skiplink"><a href="#start_here">Skip to content</a></p>
			</div>
		<span class="corners-bottom"><span></span></span></div></div>
		<div class="navbar"><div class="inner"><span class="corners-top"><span></span></span>
			<ul class="linklist navlinks">
				<li class="icon-home"><a href="./index.php" accesskey="h">Board index</a>  <strong>&#8249;</strong> <a href="./viewforum.php?f={fid}">{forum}</a></li>
				<li class="rightside"><a href="./viewtopic.php?f={fid}&amp;t={tid}&amp;view=print" title="Print view" accesskey="p" class="print">Print view</a></li>
			</ul>
			<ul class="linklist rightside">
				<li class="icon-faq"><a href="./faq.php" title="Frequently Asked Questions">FAQ</a></li>
				<li class="icon-register"><a href="./ucp.php?mode=register">Register</a></li>
				<li class="icon-logout"><a href="./ucp.php?mode=login" title="Login" accesskey="x">Login</a></li>
			</ul>
		<span class="corners-bottom"><span></span></span></div></div>
	</div>
	<a name="start_here"></a>
	<div id="page-body">
<h2><a href="./viewtopic.php?f={fid}&amp;t={tid}">{title}</a></h2>
<div class="topic-actions">
	<div class="buttons"><div class="reply-icon"><a href="./posting.php?mode=reply&amp;f={fid}&amp;t={tid}" title="Post a reply"><span></span>Post a reply</a></div></div>
	<div class="pagination">
		{count} posts &bull; Page <strong>1</strong> of <strong>1</strong>
	</div>
</div>
<div class="clear"></div>
"""  # noqa: E501

_POST_30 = """
	<div id="p{id}" class="post bg{bg}">
		<div class="inner"><span class="corners-top"><span></span></span>
		<div class="postbody">
				<ul class="profile-icons">
					<li class="quote-icon"><a href="./posting.php?mode=quote&amp;f={fid}&amp;p={id}" title="Reply with quote"><span>Reply with quote</span></a></li>
				</ul>
			<h3{first}><a href="#p{id}">{subject}</a></h3>
			<p class="author"><a href="./viewtopic.php?p={id}#p{id}"><img src="./styles/prosilver/imageset/icon_post_target.gif" width="11" height="9" alt="Post" title="Post" /></a>by <strong>{name_link}</strong> &raquo; {when} </p>
			<div class="content">{body}</div>
			{signature}
		</div>
			<dl class="postprofile" id="profile{id}">
			<dt>
				{name_link}
			</dt>
			<dd>Member</dd>
		<dd>&nbsp;</dd>
		<dd><strong>Posts:</strong> 412</dd><dd><strong>Joined:</strong> Tue Jan 08, 2019 6:12 pm</dd>
		</dl>
		<div class="back2top"><a href="#wrap" class="top" title="Top">Top</a></div>
		<span class="corners-bottom"><span></span></span></div>
	</div>
	<hr class="divider" />
"""  # noqa: E501

_FOOT_30 = """
<div class="topic-actions">
	<div class="pagination">{count} posts &bull; Page <strong>1</strong> of <strong>1</strong></div>
</div>
	<p></p><p><a href="./viewforum.php?f={fid}" class="left-box left" accesskey="r">Return to {forum}</a></p>
	<h3>Who is online</h3>
	<p>Users browsing this forum: No registered users and 2 guests</p>
</div>
<div id="page-footer">
	<div class="navbar"><div class="inner"><span class="corners-top"><span></span></span>
		<ul class="linklist">
			<li class="icon-home"><a href="./index.php" accesskey="h">Board index</a></li>
			<li class="rightside"><a href="./memberlist.php?mode=leaders">The team</a> &bull; <a href="./ucp.php?mode=delete_cookies">Delete all board cookies</a> &bull; All times are UTC - 5 hours [ <abbr title="Daylight Saving Time">DST</abbr> ]</li>
		</ul>
	<span class="corners-bottom"><span></span></span></div></div>
	<div class="copyright">Powered by <a href="http://www.phpbb.com/">phpBB</a> &copy; 2000, 2002, 2005, 2007 phpBB Group</div>
</div>
</div>
<div><a id="bottom" name="bottom" accesskey="z"></a></div>
</body>
</html>
"""  # noqa: E501

_HEAD_33 = """<!DOCTYPE html>
<html dir="ltr" lang="en-gb">
<head>
<meta charset="utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{title}{page_title} - {board}</title>
	<link rel="canonical" href="{base}viewtopic.php?t={tid}{start}">
<link href="./assets/css/font-awesome.min.css?assets_version=42" rel="stylesheet">
<link href="./styles/prosilver/theme/stylesheet.css?assets_version=42" rel="stylesheet">
</head>
<body id="phpbb" class="nojs notouch section-viewtopic ltr ">
<div id="wrap" class="wrap">
	<a id="top" class="top-anchor" accesskey="t"></a>
	<div id="page-header">
		<div class="headerbar" role="banner">
			<div class="inner">
			<div id="site-description" class="site-description">
				<a id="logo" class="logo" href="./index.php" title="Board index"><span class="site_logo"></span></a>
				<h1>{board}</h1>
				<p class="skiplink"><a href="#start_here">Skip to content</a></p>
			</div>
			<div id="search-box" class="search-box search-header" role="search">
				<form action="./search.php" method="get" id="search">
				<fieldset>
					<input name="keywords" id="keywords" type="search" maxlength="128" title="Search for keywords" class="inputbox search tiny" size="20" value="" placeholder="Search…" />
					<button class="button button-search" type="submit" title="Search"><i class="icon fa-search fa-fw" aria-hidden="true"></i><span class="sr-only">Search</span></button>
				</fieldset>
				</form>
			</div>
			</div>
		</div>
		<div class="navbar" role="navigation">
	<div class="inner">
	<ul id="nav-main" class="nav-main linklist" role="menubar">
		<li data-skip-responsive="true"><a href="/app.php/help/faq" rel="help" title="Frequently Asked Questions" role="menuitem"><i class="icon fa-question-circle fa-fw" aria-hidden="true"></i><span>FAQ</span></a></li>
		<li class="rightside" data-skip-responsive="true"><a href="./ucp.php?mode=login" title="Login" accesskey="x" role="menuitem"><i class="icon fa-power-off fa-fw" aria-hidden="true"></i><span>Login</span></a></li>
	</ul>
	<ul id="nav-breadcrumbs" class="nav-breadcrumbs linklist navlinks" role="menubar">
		<li class="breadcrumbs" itemscope itemtype="https://schema.org/BreadcrumbList">
			<span class="crumb" itemtype="https://schema.org/ListItem" itemprop="itemListElement" itemscope><a href="./index.php" itemtype="https://schema.org/Thing" itemscope itemprop="item" accesskey="h" data-navbar-reference="index"><i class="icon fa-home fa-fw"></i><span itemprop="name">Board index</span></a><meta itemprop="position" content="1" /></span>
			<span class="crumb" itemtype="https://schema.org/ListItem" itemprop="itemListElement" itemscope data-forum-id="{fid}"><a href="./viewforum.php?f={fid}" itemtype="https://schema.org/Thing" itemscope itemprop="item"><span itemprop="name">{forum}</span></a><meta itemprop="position" content="2" /></span>
		</li>
	</ul>
	</div>
</div>
	</div>
	<a id="start_here" class="anchor"></a>
	<div id="page-body" class="page-body" role="main">
<h2 class="topic-title"><a href="./viewtopic.php?t={tid}{start}">{title}</a></h2>
<div class="action-bar bar-top">
	<a href="./posting.php?mode=reply&amp;t={tid}" class="button" title="Post a reply"><span>Post Reply</span> <i class="icon fa-reply fa-fw" aria-hidden="true"></i></a>
	<div class="pagination">
		{count} posts
		<ul>
	<li class="dropdown-container dropdown-button-control page-jump page-jump">
		<a class="button button-icon-only dropdown-trigger" href="#" title="Click to jump to page…" role="button"><i class="icon fa-level-down fa-rotate-270" aria-hidden="true"></i><span class="sr-only">Page <strong>{page}</strong> of <strong>2</strong></span></a>
	</li>
	{page_links}
		</ul>
	</div>
</div>
"""  # noqa: E501

_POST_33 = """
	<div id="p{id}" class="post has-profile bg{bg}">
		<div class="inner">
		<dl class="postprofile" id="profile{id}">
			<dt class="no-profile-rank no-avatar">
				<div class="avatar-container"></div>
				{name_link}
			</dt>
		<dd class="profile-posts"><strong>Posts:</strong> <a href="./search.php?author_id={user}&amp;sr=posts">57</a></dd>
		<dd class="profile-joined"><strong>Joined:</strong> Thu Feb 02, 2023 8:41 pm</dd>
		</dl>
		<div class="postbody">
			<div id="post_content{id}">
			<h3 {first}><a href="./viewtopic.php?p={id}#p{id}">{subject}</a></h3>
			<ul class="post-buttons">
				<li><a href="./posting.php?mode=quote&amp;p={id}" title="Reply with quote" class="button button-icon-only"><i class="icon fa-quote-left fa-fw" aria-hidden="true"></i><span>Quote</span></a></li>
			</ul>
			<p class="author">
				<a class="unread" href="./viewtopic.php?p={id}#p{id}" title="Post"><i class="icon fa-file fa-fw icon-lightgray icon-md" aria-hidden="true"></i><span class="sr-only">Post</span></a>
				<span class="responsive-hide">by <strong>{name_link}</strong> &raquo; </span><time datetime="{iso}">{when}</time>
			</p>
			<div class="content">{body}</div>
			{signature}
			</div>
		</div>
		<div class="back2top"><a href="#top" class="top" title="Top"><i class="icon fa-chevron-circle-up fa-fw icon-gray" aria-hidden="true"></i><span class="sr-only">Top</span></a></div>
		</div>
	</div>
	<hr class="divider" />
"""  # noqa: E501

_FOOT_33 = """
	<div class="action-bar bar-bottom">
	<div class="pagination">{count} posts <ul>{page_links}</ul></div>
	</div>
<div class="action-bar actions-jump">
	<p class="jumpbox-return"><a href="./viewforum.php?f={fid}" class="left-box arrow-left" accesskey="r"><i class="icon fa-angle-left fa-fw icon-black" aria-hidden="true"></i><span>Return to “{forum}”</span></a></p>
</div>
<div class="stat-block online-list"><h3>Who is online</h3><p>Users browsing this forum: No registered users and 1 guest</p></div>
	</div>
<div id="page-footer" class="page-footer" role="contentinfo">
	<div class="navbar" role="navigation">
	<div class="inner">
	<ul id="nav-footer" class="nav-footer linklist" role="menubar">
		<li class="breadcrumbs"><span class="crumb"><a href="./index.php" data-navbar-reference="index"><i class="icon fa-home fa-fw" aria-hidden="true"></i><span>Board index</span></a></span></li>
		<li class="rightside">All times are <span title="Europe/Oslo">UTC+01:00</span></li>
		<li class="rightside"><a href="./ucp.php?mode=delete_cookies" data-ajax="true" data-refresh="true" role="menuitem"><i class="icon fa-trash fa-fw" aria-hidden="true"></i><span>Delete cookies</span></a></li>
	</ul>
	</div>
</div>
	<div class="copyright">
		<p class="footer-row"><span class="footer-copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a>&reg; Forum Software &copy; phpBB Limited</span></p>
	</div>
</div>
</div>
<div id="darkenwrapper" class="darkenwrapper" data-ajax-error-title="AJAX error"><div id="darken" class="darken">&nbsp;</div></div>
<script src="./assets/javascript/jquery-3.6.0.min.js?assets_version=42"></script>
<script src="./assets/javascript/core.js?assets_version=42"></script>
</body>
</html>
"""  # noqa: E501

_INDEX = """<!DOCTYPE html>
<html dir="ltr" lang="en-gb">
<head><meta charset="utf-8" /><title>{board} - Index page</title></head>
<body id="phpbb" class="nojs notouch section-index ltr ">
<div id="wrap" class="wrap"><div id="page-body" class="page-body" role="main">
<div class="forabg"><div class="inner">
<ul class="topiclist"><li class="header"><dl class="row-item"><dt><div class="list-inner">Baking</div></dt><dd class="topics">Topics</dd><dd class="posts">Posts</dd></dl></li></ul>
<ul class="topiclist forums">
	<li class="row"><dl class="row-item forum_read"><dt title="No unread posts"><div class="list-inner"><a href="./viewforum.php?f=7" class="forumtitle">Sourdough</a><br />Starters, levains and long fermentation.</div></dt><dd class="topics">31 <dfn>Topics</dfn></dd><dd class="posts">402 <dfn>Posts</dfn></dd></dl></li>
	<li class="row"><dl class="row-item forum_read"><dt title="No unread posts"><div class="list-inner"><a href="./viewforum.php?f=12" class="forumtitle">Ovens and Equipment</a><br />Stones, steels, pans and proofing boxes.</div></dt><dd class="topics">12 <dfn>Topics</dfn></dd><dd class="posts">96 <dfn>Posts</dfn></dd></dl></li>
</ul></div></div>
</div>
<div class="copyright"><p class="footer-row"><span class="footer-copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a>&reg; Forum Software &copy; phpBB Limited</span></p></div>
</div></body></html>
"""  # noqa: E501


def _name_link(post: Post) -> str:
    href = f"./memberlist.php?mode=viewprofile&amp;u={post.user}"
    name = html.escape(post.author)
    if post.colour:
        return (
            f'<a href="{href}" style="color: {post.colour};" class="username-coloured">{name}</a>'
        )
    return f'<a href="{href}" class="username">{name}</a>'


def _name_link_30(post: Post) -> str:
    if post.colour:
        return _name_link(post)
    href = f"./memberlist.php?mode=viewprofile&amp;u={post.user}"
    return f'<a href="{href}">{html.escape(post.author)}</a>'


def _signature(post: Post) -> str:
    if not post.signature:
        return ""
    return f'<div id="sig{post.id}" class="signature">{html.escape(post.signature)}</div>'


def _subject(post: Post, title: str) -> str:
    return html.escape(post.subject or f"Re: {title}")


def page_30() -> str:
    ctx = {"board": BOARD_NAME, "title": T30_TITLE, "base": BOARD, "fid": T30_FORUM_ID,
           "tid": T30_ID, "forum": T30_FORUM, "count": len(T30)}  # fmt: skip
    parts = [_HEAD_30.format(**ctx)]
    for i, post in enumerate(T30):
        local = post.when.astimezone(T30_ZONE)
        parts.append(
            _POST_30.format(
                id=post.id,
                bg=2 - i % 2,
                fid=T30_FORUM_ID,
                first=' class="first"' if i == 0 else " ",
                subject=_subject(post, T30_TITLE),
                name_link=_name_link_30(post),
                when=local.strftime("%a %b %d, %Y ")
                + local.strftime("%I:%M %p").lstrip("0").lower(),
                body=post.body,
                signature=_signature(post),
            )
        )
    parts.append(_FOOT_30.format(**ctx))
    return "".join(parts)


def _links_33(page: int) -> str:
    one = '<li><a class="button" href="./viewtopic.php?t={tid}" role="button">1</a></li>'
    two = (
        '<li><a class="button" href="./viewtopic.php?t={tid}&amp;start=10" role="button">2</a></li>'
    )
    if page == 1:
        one = '<li class="active"><span>1</span></li>'
    else:
        two = '<li class="active"><span>2</span></li>'
    return (one + '<li class="ellipsis" role="separator"></li>' * 0 + two).format(tid=T33_ID)


def page_33(page: int, posts: list[Post]) -> str:
    oslo = timezone(timedelta(hours=1))  # March 2024 before the switch: CET
    ctx = {"board": BOARD_NAME, "title": T33_TITLE, "base": BOARD, "fid": T33_FORUM_ID,
           "tid": T33_ID, "forum": T33_FORUM, "count": 5, "page": page,
           "start": "" if page == 1 else "&amp;start=10",
           "page_title": "" if page == 1 else f" - Page {page}",
           "page_links": _links_33(page)}  # fmt: skip
    parts = [_HEAD_33.format(**ctx)]
    for i, post in enumerate(posts):
        local = post.when.astimezone(oslo)
        parts.append(
            _POST_33.format(
                id=post.id,
                bg=2 - i % 2,
                user=post.user,
                first='class="first"' if i == 0 else "",
                subject=_subject(post, T33_TITLE),
                name_link=_name_link(post),
                iso=post.when.isoformat(),
                when=local.strftime("%a %b %d, %Y ")
                + local.strftime("%I:%M %p").lstrip("0").lower(),
                body=post.body,
                signature=_signature(post),
            )
        )
    parts.append(_FOOT_33.format(**ctx))
    return "".join(parts)


def _truth(posts: list[Post], title: str) -> list[dict[str, Any]]:
    return [
        {
            "id": str(p.id),
            "author": p.author,
            "author_id": str(p.user),
            "created": p.when.isoformat(),
            "subject": p.subject if p.subject and p.subject != title else None,
            "reply_to": p.reply_to,
            "reply_to_author": p.reply_to_author,
            "text": p.text,
            "absent": [*p.absent, *([p.signature] if p.signature else [])],
        }
        for p in posts
    ]


def main() -> None:
    pages = {
        "topic_30.html": page_30(),
        "topic_33_page1.html": page_33(1, T33_PAGE1),
        "topic_33_page2.html": page_33(2, T33_PAGE2),
        "board_index.html": _INDEX.format(board=BOARD_NAME),
    }
    for name, text in pages.items():
        (HERE / name).write_text(text, encoding="utf-8")
    (ROOT / "samples" / "phpbb-topic.html").write_text(pages["topic_33_page1.html"], "utf-8")
    expected = {
        "topic_30.html": {
            "title": T30_TITLE, "forum": T30_FORUM, "page": 1, "page_count": 1,
            "thread_id": f"{HOST}/viewtopic.php?t={T30_ID}", "posts": _truth(T30, T30_TITLE),
        },
        "topic_33_page1.html": {
            "title": T33_TITLE, "forum": T33_FORUM, "page": 1, "page_count": 2,
            "thread_id": f"{HOST}/viewtopic.php?t={T33_ID}",
            "posts": _truth(T33_PAGE1, T33_TITLE),
        },
        "topic_33_page2.html": {
            "title": T33_TITLE, "forum": T33_FORUM, "page": 2, "page_count": 2,
            "thread_id": f"{HOST}/viewtopic.php?t={T33_ID}",
            "posts": _truth(T33_PAGE2, T33_TITLE),
        },
    }  # fmt: skip
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
