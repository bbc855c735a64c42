"""Write the vBulletin test pages, the sample page and their truth (``expected.json``).

Run from the repository root: ``python tests/data/vbulletin/make_pages.py``. The threads are
invented; the page chrome is vBulletin's own markup of 3.8 (tables, text dates in the
footer's zone), 4.2 (``li.postbitlegacy``) and 5.x (``li.b-post``, ``time[datetime]``).
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
HOST = "www.oarlocks.example"
BOARD = f"https://{HOST}/"
BOARD_NAME = "Oarlocks Rowing Forum"


@dataclass(frozen=True)
class Post:
    id: int
    number: int
    author: str
    user: int
    when: datetime | None  # UTC; None: the page shows a relative time ("Today")
    body: str
    text: list[str]
    shown: str = ""  # the date text when ``when`` is None
    reply_to: str | None = None
    reply_to_author: str | None = None
    signature: str = ""
    subject: str | None = None
    absent: list[str] = field(default_factory=list)


def _t(month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(2023, month, day, hour, minute, tzinfo=timezone.utc)


def _q3(author: str, post: int, text: str) -> str:
    return f"""<div style="margin:20px; margin-top:5px; ">
	<div class="smallfont" style="margin-bottom:2px">Quote:</div>
	<table cellpadding="6" cellspacing="0" border="0" width="100%">
	<tr>
		<td class="alt2" style="border:1px inset">
				<div>
					Originally Posted by <strong>{author}</strong>
					<a href="showthread.php?p={post}#post{post}" rel="nofollow"><img class="inlineimg" src="images/buttons/viewpost.gif" border="0" alt="View Post" /></a>
				</div>
				<div style="font-style:italic">{text}</div>
		</td>
	</tr>
	</table>
</div>"""  # noqa: E501


def _q4(author: str, post: int, text: str, vb5: bool = False) -> str:
    link = (
        f'<a href="{BOARD}forum/training/51200-x?p={post}#post{post}" rel="nofollow" '
        'title="View Post" class="b-icon b-icon__double-arrow-right--blue animate-scroll">'
        "View Post</a>"
        if vb5
        else f'<a href="showthread.php?p={post}#post{post}" rel="nofollow"><img class="inlineimg" '
        'src="images/buttons/viewpost-right.png" alt="View Post" /></a>'
    )
    label = "Originally posted by" if vb5 else "Originally Posted by"
    icon = "" if vb5 else '<img src="images/misc/quote_icon.png" alt="Quote" /> '
    return f"""<div class="bbcode_container">
	<div class="bbcode_quote">
		<div class="quote_container">
			<div class="bbcode_quote_container"></div>
				<div class="bbcode_postedby">
					{icon}{label} <strong>{author}</strong>
					{link}
				</div>
				<div class="message">{text}</div>
		</div>
	</div>
</div>"""


# -------------------------------------------------------------------------- vB3: GMT -5, page 1/3
V3_THREAD, V3_FORUM_ID, V3_FORUM = 7714, 31, "Boat Repair"
V3_TITLE = "Restoring a 1962 wooden single"
V3_ZONE = timezone(timedelta(hours=-5))
V3 = [
    Post(
        120301,
        1,
        "Edwin Lasko",
        4410,
        _t(1, 14, 18, 2),
        "Picked up an old cedar single at a club sale. The deck canvas is shot.<br />\n<br />\n"
        'Where do I start? <img src="images/smilies/redface.gif" border="0" alt="" '
        'title="Embarrassment" class="inlineimg" />',
        ["Picked up an old cedar single at a club sale.", "Where do I start? :o"],
    ),
    Post(
        120305,
        2,
        "rigger_jo",
        918,
        _t(1, 14, 20, 45),
        "Strip the canvas first and look at the ribs.<br />\n"
        '<div style="margin:20px; margin-top:5px">\n'
        '\t<div class="smallfont" style="margin-bottom:2px">Code:</div>\n'
        '\t<pre class="alt2" dir="ltr" style="margin: 0px; padding: 6px; border: 1px inset; '
        'width: 640px; height: 50px; text-align: left; overflow: auto">1. canvas off\n'
        "2. dry two weeks</pre>\n</div>",
        ["Strip the canvas first", "1. canvas off", "2. dry two weeks"],
        signature="Row well and live.",
        subject="Ribs first",
        absent=["Code:"],
    ),
    Post(
        120311,
        3,
        "Edwin Lasko",
        4410,
        None,
        _q3("rigger_jo", 120305, "Strip the canvas first and look at the ribs.")
        + "Two of them are cracked. Sister them or replace?",
        ["rigger_jo wrote:", "Strip the canvas first", "Two of them are cracked."],
        shown="Today, 09:12 AM",
        reply_to="120305",
        reply_to_author="rigger_jo",
        absent=["Originally Posted by", "Quote:"],
    ),
]

# ------------------------------------------------------------------------- vB4: GMT +1, page 2/2
V4_THREAD, V4_FORUM = 51200, "Training"
V4_TITLE = "Winter ergometer plans for masters"
V4_ZONE = timezone(timedelta(hours=1))
V4 = [
    Post(
        990110,
        11,
        "Petra Sand",
        3001,
        _t(11, 2, 19, 30),
        "Three steady pieces a week and one hard one is my whole plan "
        '<img src="images/smilies/smile.png" border="0" alt="" title="Smile" class="inlineimg" />',
        ["Three steady pieces a week and one hard one is my whole plan :)"],
        signature="2k PB 7:41, and counting down.",
        subject="Keep it simple",
    ),
    Post(
        990114,
        12,
        "Oskar B.",
        77,
        _t(11, 3, 7, 5),
        _q4("Petra Sand", 990110, "Three steady pieces a week and one hard one")
        + "What rate do you hold for the steady ones?",
        ["Petra Sand wrote:", "Three steady pieces", "What rate do you hold"],
        reply_to="990110",
        reply_to_author="Petra Sand",
        absent=["Originally Posted by", "View Post"],
    ),
    Post(
        990120,
        13,
        "Petra Sand",
        3001,
        _t(11, 3, 21, 48),
        "Eighteen to twenty.<br />\n"
        '<div class="bbcode_container">\n\t<div class="bbcode_description">Code:</div>\n'
        '\t<pre class="bbcode_code" style="height:48px;">4 x 10 min @ r20\n'
        "2 min rest</pre>\n</div>",
        ["Eighteen to twenty.", "4 x 10 min @ r20", "2 min rest"],
        signature="2k PB 7:41, and counting down.",
        absent=["Code:"],
    ),
]

# ------------------------------------------------------------------------------- vB5: page 1/1
V5_NODE, V5_FORUM = 88120, "Buying and Selling"
V5_TITLE = "Choosing a first sculling boat"
V5 = [
    Post(
        88120,
        1,
        "Maren Holt",
        610,
        _t(6, 5, 16, 40),
        "Budget is modest and I weigh 70 kg. Wide recreational shell, or a used racing one?",
        ["Budget is modest and I weigh 70 kg."],
        signature="Learning to sit still.",
    ),
    Post(
        88124,
        2,
        "Calloway",
        15,
        _t(6, 5, 18, 2),
        "Recreational. You will swim less and row more.",
        ["Recreational. You will swim less and row more."],
    ),
    Post(
        88131,
        3,
        "Maren Holt",
        610,
        _t(6, 6, 8, 15),
        _q4("Calloway", 88124, "You will swim less and row more.", vb5=True)
        + "Fair point. Any makes to avoid?",
        ["Calloway wrote:", "You will swim less", "Any makes to avoid?"],
        reply_to="88124",
        reply_to_author="Calloway",
        signature="Learning to sit still.",
        absent=["Originally posted by", "View Post"],
    ),
]


def _v3_date(post: Post) -> str:
    if post.when is None:
        return post.shown
    local = post.when.astimezone(V3_ZONE)
    return local.strftime("%m-%d-%Y, %I:%M %p")


def _v4_date(post: Post) -> tuple[str, str]:
    assert post.when is not None
    local = post.when.astimezone(V4_ZONE)
    return local.strftime("%m-%d-%Y"), local.strftime("%I:%M %p")


_V3_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0048){base}showthread.php?t={tid} -->
<html xmlns="http://www.w3.org/1999/xhtml" dir="ltr" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="generator" content="vBulletin 3.8.11" />
<meta name="description" content="{title} {forum}" />
<style type="text/css" id="vbulletin_css">
.bigusername {{ font-size: 10pt; }}
td.thead, th.thead, div.thead {{ padding: 4px; }}
</style>
<script type="text/javascript">
<!--
var SESSIONURL = "";
var SECURITYTOKEN = "guest";
var IMGDIR_MISC = "images/misc";
var vb_disable_ajax = parseInt("0", 10);
// -->
</script>
<script type="text/javascript" src="clientscript/vbulletin_global.js?v=3811"></script>
<script type="text/javascript" src="clientscript/vbulletin_menu.js?v=3811"></script>
<title>{title} - {board}</title>
<script type="text/javascript" src="clientscript/vbulletin_post_loader.js?v=3811"></script>
</head>
<body onload="">
<a name="top"></a>
<table border="0" width="100%" cellpadding="0" cellspacing="0" align="center">
<tr><td align="left"><a href="index.php"><img src="images/misc/vbulletin3_logo_white.gif" border="0" alt="{board}" /></a></td></tr>
</table>
<div align="center"><div class="page" style="width:100%; text-align:left"><div style="padding:0px 25px 0px 25px" align="left">
<br />
<table class="tborder" cellpadding="6" cellspacing="1" border="0" width="100%" align="center">
<tr>
	<td class="alt1" width="100%">
			<table cellpadding="0" cellspacing="0" border="0">
			<tr valign="bottom">
				<td><a href="#" onclick="history.back(1); return false;"><img src="images/misc/navbits_start.gif" alt="Go Back" border="0" /></a></td>
				<td>&nbsp;</td>
				<td width="100%"><span class="navbar"><a href="index.php" accesskey="1">{board}</a></span>
	<span class="navbar">&gt; <a href="forumdisplay.php?f={fid}">{forum}</a></span>
</td>
			</tr>
			<tr>
				<td class="navbar" style="font-size:10pt; padding-top:1px" colspan="3"><a href="showthread.php?t={tid}"><img class="inlineimg" src="images/misc/navbits_finallink_ltr.gif" alt="Reload this Page" border="0" /></a> <strong>
	{title}
</strong></td>
			</tr>
			</table>
	</td>
	<td class="alt2" nowrap="nowrap" style="padding:0px">
		<form action="login.php?do=login" method="post" onsubmit="md5hash(vb_login_password, vb_login_md5password, vb_login_md5password_utf, 0)">
		<input type="hidden" name="do" value="login" />
		</form>
	</td>
</tr>
</table>
<br />
<a name="poststop" id="poststop"></a>
<table cellpadding="0" cellspacing="0" border="0" width="100%" style="margin-bottom:3px">
<tr valign="bottom">
	<td class="smallfont"><a href="newreply.php?do=newreply&amp;noquote=1&amp;p={first}" rel="nofollow"><img src="images/buttons/reply.gif" alt="Reply" border="0" /></a></td>
		<td align="right"><div class="pagenav" align="right">
<table class="tborder" cellpadding="3" cellspacing="1" border="0">
<tr>
	<td class="vbmenu_control" style="font-weight:normal">Page 1 of 3</td>
	<td class="alt2"><span class="smallfont" title="Showing results 1 to 3 of 9"><strong>1</strong></span></td>
	<td class="alt1"><a class="smallfont" href="showthread.php?t={tid}&amp;page=2" title="Show results 4 to 6 of 9">2</a></td>
	<td class="alt1"><a class="smallfont" href="showthread.php?t={tid}&amp;page=3" title="Show results 7 to 9 of 9">3</a></td>
	<td class="alt1"><a rel="next" class="smallfont" href="showthread.php?t={tid}&amp;page=2" title="Next Page - Results 4 to 6 of 9">&gt;</a></td>
</tr>
</table>
</div></td>
</tr>
</table>
<div id="posts">"""  # noqa: E501

_V3_POST = """<!-- post #{id} -->
	<div id="edit{id}" style="padding:0px 0px 6px 0px">
<table id="post{id}" class="tborder" cellpadding="6" cellspacing="0" border="0" width="100%" align="center">
<tr>
		<td class="thead" style="font-weight:normal; border: 1px solid #D1D1E1; border-right: 0px" >
			<!-- status icon and date -->
			<a name="post{id}"><img class="inlineimg" src="images/statusicon/post_old.gif" alt="Old" border="0" /></a>
			{date}
			<!-- / status icon and date -->
		</td>
		<td class="thead" style="font-weight:normal; border: 1px solid #D1D1E1; border-left: 0px" align="right">
			&nbsp;
			#<a href="showpost.php?p={id}&amp;postcount={number}" target="new" rel="nofollow" id="postcount{id}" name="{number}"><strong>{number}</strong></a>
		</td>
</tr>
<tr valign="top">
	<td class="alt2" width="175" style="border: 1px solid #D1D1E1; border-top: 0px; border-bottom: 0px">
			<div id="postmenu_{id}">
				<a class="bigusername" href="member.php?u={user}">{author}</a>
				<script type="text/javascript"> vbmenu_register("postmenu_{id}", true); </script>
			</div>
			<div class="smallfont">Junior Member</div>
			<div class="smallfont">
				&nbsp;<br />
				<div>Join Date: Mar 2019</div>
				<div>
					Posts: 214
				</div>
			</div>
	</td>
	<td class="alt1" id="td_post_{id}" style="border-right: 1px solid #D1D1E1">
		{title}
		<!-- message -->
		<div id="post_message_{id}">
			{body}
		</div>
		<!-- / message -->
		{signature}
	</td>
</tr>
<tr>
	<td class="alt2" style="border: 1px solid #D1D1E1; border-top: 0px">
		<img class="inlineimg" src="images/statusicon/user_offline.gif" alt="{author} is offline" border="0" />
		<a href="report.php?p={id}" rel="nofollow"><img class="inlineimg" src="images/buttons/report.gif" alt="Report Post" border="0" /></a>
	</td>
	<td class="alt1" align="right" style="border: 1px solid #D1D1E1; border-left: 0px; border-top: 0px">
		<!-- controls -->
			<a href="newreply.php?do=newreply&amp;p={id}" rel="nofollow"><img src="images/buttons/quote.gif" alt="Reply With Quote" border="0" /></a>
		<!-- / controls -->
	</td>
</tr>
</table>
<!-- post {id} popup menu -->
<div class="vbmenu_popup" id="postmenu_{id}_menu" style="display:none">
	<table cellpadding="4" cellspacing="1" border="0">
	<tr><td class="thead">{author}</td></tr>
		<tr><td class="vbmenu_option"><a href="member.php?u={user}">View Public Profile</a></td></tr>
	</table>
</div>
<!-- / post {id} popup menu -->
	</div>
<!-- / post #{id} -->"""  # noqa: E501

_V3_FOOT = """<div id="lastpost"></div></div>
<br />
<div class="smallfont" align="center">All times are GMT -5. The time now is <span class="time">10:40 AM</span>.</div>
<br />
<div align="center">
	<div class="smallfont" align="center">
	<!-- Do not remove this copyright notice -->
	Powered by vBulletin&reg; Version 3.8.11<br />Copyright &copy;2000 - 2023, vBulletin Solutions, Inc.
	<!-- Do not remove this copyright notice -->
	</div>
</div>
</div></div></div>
</body>
</html>
"""  # noqa: E501


def page_v3() -> str:
    ctx = {"title": V3_TITLE, "board": BOARD_NAME, "forum": V3_FORUM, "fid": V3_FORUM_ID,
           "tid": V3_THREAD, "first": V3[0].id, "base": BOARD}  # fmt: skip
    parts = [_V3_HEAD.format(**ctx)]
    for post in V3:
        signature = (
            f"<div>\n\t__________________<br />\n\t{html.escape(post.signature)}\n</div>"
            if post.signature
            else ""
        )
        title = (
            '<!-- icon and title -->\n\t\t<div class="smallfont">\n\t\t\t<img class="inlineimg" '
            'src="images/icons/icon1.gif" alt="Default" border="0" />\n\t\t\t'
            f"<strong>{html.escape(post.subject)}</strong>\n\t\t</div>\n\t\t"
            '<hr size="1" style="color:#D1D1E1; background-color:#D1D1E1" />\n\t\t'
            "<!-- / icon and title -->"
            if post.subject
            else ""
        )
        parts.append(
            _V3_POST.format(title=title, id=post.id, number=post.number, date=_v3_date(post),
                            user=post.user, author=html.escape(post.author), body=post.body,
                            signature=signature)
        )  # fmt: skip
    parts.append(_V3_FOOT)
    return "".join(parts)


_V4_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" dir="ltr" lang="en" id="vbulletin_html">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta id="e_vb_meta_bburl" name="vb_meta_bburl" content="{base_no_slash}" />
<base href="{base}" /><!--[if IE]></base><![endif]-->
<meta name="generator" content="vBulletin 4.2.5" />
<script type="text/javascript">
<!--
	var SESSIONURL = "";
	var SECURITYTOKEN = "guest";
	var IMGDIR_MISC = "images/misc";
	var THIS_SCRIPT = "showthread";
	var RELPATH = "showthread.php?{tid}-winter-ergometer-plans-for-masters/page2";
// -->
</script>
<script type="text/javascript" src="{base}clientscript/vbulletin-core.js?v=425"></script>
	<title> {title} - Page 2</title>
	<link rel="canonical" href="showthread.php?{tid}-winter-ergometer-plans-for-masters/page2" />
		<link rel="stylesheet" type="text/css" href="css.php?styleid=1&amp;langid=1&amp;d=1690000000&amp;td=ltr&amp;sheet=bbcode.css,editor.css,popupmenu.css,reset-fonts.css,vbulletin.css" />
</head>
<body>
<div class="above_body">
<div id="header" class="floatcontainer doc_header">
	<div><a name="top" href="forum.php" class="logo-image"><img src="images/misc/vbulletin4_logo.png" alt="{board} - Powered by vBulletin" /></a></div>
</div>
<div id="navbar" class="navbar">
	<ul id="navtabs" class="navtabs floatcontainer">
		<li class="selected" id="vbtab_forum"><a class="navtab" href="forum.php">Forum</a></li>
	</ul>
</div>
</div>
<div class="body_wrapper">
<div id="breadcrumb" class="breadcrumb">
	<ul class="floatcontainer">
		<li class="navbithome"><a href="index.php" accesskey="1"><img src="images/misc/navbit-home.png" alt="Home" /></a></li>
	<li class="navbit"><a href="forum.php">Forum</a></li>
	<li class="navbit"><a href="forumdisplay.php?12-Training">{forum}</a></li>
	<li class="navbit lastnavbit"><span> {title}</span></li>
	</ul>
	<hr />
</div>
	<div id="above_postlist" class="above_postlist">
		<div id="pagination_top" class="pagination_top">
			<form action="showthread.php?{tid}-winter-ergometer-plans-for-masters/page2" method="get" class="pagination popupmenu nohovermenu">
<input type="hidden" name="t" value="{tid}" />
		<span><a href="javascript://" class="popupctrl">Page 2 of 2</a></span>
		<span class="first_last"><a href="showthread.php?{tid}-winter-ergometer-plans-for-masters" title="First Page - Results 1 to 10 of 13"><img src="images/pagination/first-right.png" alt="First" />First</a></span>
		<span><a href="showthread.php?{tid}-winter-ergometer-plans-for-masters" title="Show results 1 to 10 of 13">1</a></span><span class="selected"><a href="javascript://" title="Results 11 to 13 of 13">2</a></span>
			</form>
			<div id="postpagestats_above" class="postpagestats">Results 11 to 13 of 13</div>
		</div>
	</div>
	<div id="pagetitle" class="pagetitle">
		<h1>Thread: <span class="threadtitle"><a href="showthread.php?{tid}-winter-ergometer-plans-for-masters" title="Reload this Page">{title}</a></span></h1>
	</div>
<div id="postlist" class="postlist restrain">
		<ol id="posts" class="posts" start="1">
"""  # noqa: E501

_V4_POST = """<li class="postbitlegacy postbitim postcontainer old" id="post_{id}">
	<div class="posthead">
			<span class="postdate old">
					<span class="date">{day},&nbsp;<span class="time">{time}</span></span>
			</span>
			<span class="nodecontrols">
					<a name="post{id}" href="showthread.php?{tid}-winter-ergometer-plans-for-masters&amp;p={id}&amp;viewfull=1#post{id}" class="postcounter">#{number}</a><a id="postcount{id}" name="{number}"></a>
			</span>
	</div>
	<div class="postdetails">
		<div class="userinfo">
			<div class="username_container">
				<div class="popupmenu memberaction">
	<a class="username offline popupctrl" href="member.php?{user}-{slug}" title="{author} is offline"><strong>{author}</strong></a>
	<ul class="popupbody popuphover memberaction_body">
		<li class="left"><a href="member.php?{user}-{slug}" class="siteicon_profile">View Profile</a></li>
	</ul>
</div>
				<img class="inlineimg onlinestatus" src="images/statusicon/user-offline.png" alt="{author} is offline" border="0" />
			</div>
			<span class="usertitle">Senior Member</span>
				<hr />
				<dl class="userinfo_extra">
					<dt>Join Date</dt> <dd>Oct 2016</dd>
					<dt>Posts</dt> <dd>1,208</dd>
				</dl>
		</div>
		<div class="postbody">
			<div class="postrow">
				{title}
				<div class="content">
					<div id="post_message_{id}">
						<blockquote class="postcontent restore ">
							{body}
						</blockquote>
					</div>
				</div>
			</div>
			{signature}
			<div class="cleardiv"></div>
		</div>
	</div>
		<div class="postfoot">
			<div class="textcontrols floatcontainer">
				<span class="postcontrols">
						<a id="qrwq_{id}" class="newreply" href="newreply.php?do=newreply&amp;p={id}" rel="nofollow" title="Reply With Quote"><img id="quoteimg_{id}" src="clear.gif" alt="Reply With Quote" />  Reply With Quote</a>
				</span>
			</div>
		</div>
	<hr />
</li>
"""  # noqa: E501

_V4_FOOT = """		</ol>
</div>
</div>
<div class="below_body">
<div id="footer_time" class="shade footer_time">All times are GMT +1. The time now is <span class="time">09:03 PM</span>.</div>
<div id="footer_copyright" class="shade footer_copyright">
	<!-- Do not remove this copyright notice -->
	Powered by <a href="https://www.vbulletin.com" id="vbulletinlink">vBulletin&reg;</a> Version 4.2.5 <br />Copyright &copy; 2023 vBulletin Solutions Inc. All rights reserved.
	<!-- Do not remove this copyright notice -->
</div>
</div>
</body>
</html>
"""  # noqa: E501


def page_v4() -> str:
    ctx = {"title": V4_TITLE, "board": BOARD_NAME, "forum": V4_FORUM, "tid": V4_THREAD,
           "base": BOARD, "base_no_slash": BOARD.rstrip("/")}  # fmt: skip
    parts = [_V4_HEAD.format(**ctx)]
    for post in V4:
        day, time = _v4_date(post)
        signature = (
            '<div class="after_content"><blockquote class="signature restore">'
            f'<div class="signaturecontainer">{html.escape(post.signature)}</div>'
            "</blockquote></div>"
            if post.signature
            else ""
        )
        title = (
            f'<h2 class="title icon">\n\t\t\t\t\t{html.escape(post.subject)}\n\t\t\t\t</h2>'
            if post.subject
            else ""
        )
        parts.append(
            _V4_POST.format(id=post.id, number=post.number, day=day, time=time, user=post.user,
                            slug=post.author.replace(" ", "-").replace(".", ""), tid=V4_THREAD,
                            author=html.escape(post.author), body=post.body,
                            signature=signature, title=title)
        )  # fmt: skip
    parts.append(_V4_FOOT)
    return "".join(parts)


_V5_HEAD = """<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:vb="http://www.vbulletin.com/2012/vb" dir="ltr" lang="en-US">
<head>
		<meta charset="utf-8" />
		<meta name="generator" content="vBulletin 5.7.5" />
		<base href="{base}" />
		<title>{title} - {board}</title>
		<link rel="canonical" href="{url}" />
		<link rel="stylesheet" type="text/css" href="{base}css.php?styleid=22&amp;td=ltr&amp;sheet=css_reset.css,css_unreset.css,css_utilities.css&amp;ts=1690000000 " />
</head>
<body id="vb-page-body" class="l-desktop page38 vb-page view-mode logged-out" itemscope itemtype="http://schema.org/WebPage" data-usergroupid="1" data-styleid="22">
<div id="outer-wrapper">
<div id="wrapper">
	<div id="header-axd" class="header-edit-box axdnum_1 h-clearfix">
		<div class="axd-container axd-container_header"><div class="axd axd_header"></div></div>
	</div>
	<div id="breadcrumbs" class="h-clear h-hide-on-small">
		<ul id="breadcrumbs" class="h-clearfix" itemprop="breadcrumb">
			<li class="crumb ellipsis"><span class="b-icon b-icon__home"></span><a class="crumb-link h-flex-valign-center" href="{base}">Home</a></li>
			<li class="crumb ellipsis"><span class="b-icon b-icon__chevron-right--gray" title="Forum"></span><a class="crumb-link" href="{base}forum">Forum</a></li>
			<li class="crumb ellipsis"><span class="b-icon b-icon__chevron-right--gray" title="{forum}"></span><a class="crumb-link" href="{base}forum/buying-and-selling">{forum}</a></li>
		</ul>
	</div>
<div id="content">
<div class="canvas-layout-container js-canvas-layout-container">
	<div class="b-module canvas-widget default-widget conversation-content-widget forum-conversation-content-widget widget-tabs widget-no-border widget-no-header-buttons axd-container" id="widget_1" data-widget-id="1" data-widget-instance-id="1">
		<div class="conversation-status-messages"></div>
		<h1 class="main-title js-main-title hide-on-editmode">{title}</h1>
		<div class="conversation-toolbar-wrapper top h-clear hide-on-editmode" data-allow-history="1">
		<form name="toolbar-search-form" action="activity/get" method="post" class="toolbar-search-form">
			<input type="hidden" name="nodeid" value="{node}" />
			<input type="hidden" name="view" value="thread" />
			<input type="hidden" name="per-page" value="15" />
			<input type="hidden" name="pagenum" value="1" />
		</form>
<div class="pagenav-controls ">
	<form class="pagenav-form h-clearfix" action="{url}">
		<input type="hidden" class="defaultpage" value="1" />
		<div class="pagenav h-left">
			Page <input type="text" name="page" class="js-pagenum textbox h-padding-horiz-none b-form-input__input--shadow" value="1" /> of <span class="pagetotal">1</span>
		</div>
	</form>
</div>
		</div>
		<div class="conversation-content">
			<ul class="conversation-list list-container h-clearfix thread-view">
"""  # noqa: E501

_V5_POST = """<li data-node-id="{id}"
	data-node-publishdate="{stamp}"
	class="b-post js-post js-comment-entry__parent h-restore--on-preview b-post--text{first} OLD__list-item js-slideshow__gallery-node js-poll__parent" itemscope itemtype="http://schema.org/{kind}">
	<a id="post{id}" class="anchor"></a>
	<meta itemprop="url" content="{url}" />
	<div class="l-row l-row__fixed--left">
		<div class="l-col__fixed-3 l-col__small--full h-hide--on-preview h-padding-right-l">
<div class="userinfo b-userinfo b-post__hide-when-deleted" itemprop="author" itemscope itemtype="http://schema.org/Person">
			<a href="{base}member/{user}-{slug}" class="b-avatar b-avatar--m b-avatar--thread h-margin-bottom-l"><img src="./core/image.php?userid={user}&amp;thumb=1&amp;dateline=1600000000" alt="{author}" title="{author}" /></a>
	<div class="b-userinfo__details">
		<div class="author h-text-size--14">
			<strong><a href="{base}member/{user}-{slug}" >{author}</a></strong>
		</div>
			<div class="usertitle">Member</div>
		<ul class="b-userinfo__additional-info-block h-margin-top-xl">
				<li class="b-userinfo__additional-info"><label>Join Date:</label> <span>Apr 2021</span></li>
				<li class="b-userinfo__additional-info"><label>Posts:</label> <span>88</span></li>
		</ul>
	</div>
</div>
		</div>
		<div class="js-post__content-wrapper l-col__flex-3 l-col__small--full h-restore--on-preview OLD__list-item-body-wrapper">
			<div class="b-post__body h-restore--on-preview h-padding-horiz-xxl h-padding-top-xl h-padding-bottom-m h-clearfix">
				<div class="b-post__arrow b-post__hide-when-deleted OLD__pointer-left"></div>
				<div class="b-post__content js-post__content b-post__hide-when-deleted">
					<hr class="b-divider--section OLD__section-divider" />
					<div class="b-media h-hide--on-preview">
						<div class="b-media__img--rev">
								<a class="b-post__count" href="{url}?p={id}#post{id}">#{number}</a>
						</div>
						<div class="b-media__body">
							<div class="b-post__timestamp OLD__post-date"><time itemprop="dateCreated" datetime="{iso}">{shown}</time></div>
						</div>
					</div>
					{title}
					<div class="OLD__post-content h-padding-vert-xl">
						<div class="js-post__content-text OLD__post-content-text restore h-wordwrap" itemprop="text">
								{body}
						</div>
					</div>
			{signature}
  </div>
<div class="b-post__footer h-hide--on-preview h-clear h-padding-bottom-m h-margin-horiz-xl">
	<div class="h-clearfix">
		<ul class="h-margin-top-s h-right js-post-controls b-comp-menu-horizontal" data-node-id="{id}">
			<li><a href="#" class="b-comp-menu-horizontal__item js-post-control__comment" data-nodeid="{id}" title="Comment">Comment</a></li>
		</ul>
	</div>
</div>
      </div>
    </div>
  </div>
</li><!-- /end .b-post -->
"""  # noqa: E501

_V5_FOOT = """			</ul>
		</div>
	</div>
</div>
</div>
<div id="footer" class="h-clear noselect">
	<div id="footer-copyright">Powered by <a href="https://www.vbulletin.com" id="vbulletinlink">vBulletin&reg;</a> Version 5.7.5 <br />Copyright &copy; 2023 MH Sub I, LLC dba vBulletin. All rights reserved. </div>
	<div id="footer-current-datetime">All times are GMT. This page was generated at 8 minutes ago.</div>
</div>
</div>
</div>
</body>
</html>
"""  # noqa: E501


def page_v5() -> str:
    url = f"{BOARD}forum/buying-and-selling/{V5_NODE}-choosing-a-first-sculling-boat"
    parts = [_V5_HEAD.format(title=V5_TITLE, board=BOARD_NAME, base=BOARD, url=url,
                             forum=V5_FORUM, node=V5_NODE)]  # fmt: skip
    for i, post in enumerate(V5):
        assert post.when is not None
        local = post.when.astimezone(timezone(timedelta(hours=2)))
        signature = (
            f'<div class="post-signature restore">{html.escape(post.signature)}</div>'
            if post.signature
            else ""
        )
        title = (
            f'<h2 class="b-post__title js-post-title OLD__post-title">{html.escape(V5_TITLE)}</h2>'
            if i == 0
            else ""
        )
        parts.append(
            _V5_POST.format(
                id=post.id, number=post.number, user=post.user, author=html.escape(post.author),
                slug=post.author.lower().replace(" ", "-"), base=BOARD, url=url,
                stamp=int(post.when.timestamp()), kind="CreativeWork" if i == 0 else "Comment",
                first=" b-post--first" if i == 0 else "",
                iso=post.when.strftime("%Y-%m-%dT%H:%M:%S"),
                shown=local.strftime("%m-%d-%Y, %I:%M %p"), body=post.body,
                signature=signature, title=title,
            )
        )  # fmt: skip
    parts.append(_V5_FOOT)
    return "".join(parts)


_INDEX = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" dir="ltr" lang="en" id="vbulletin_html">
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="generator" content="vBulletin 4.2.5" />
<title>{board}</title></head>
<body>
<div class="body_wrapper">
<ol id="forums" class="floatcontainer">
	<li id="cat1" class="forumbit_nopost new L1"><div class="forumhead foruminfo L1 collapse"><h2><span class="forumtitle"><a href="forumdisplay.php?1-Rowing">Rowing</a></span></h2></div>
	<ol id="c_cat1" class="childforum">
		<li id="forum12" class="forumbit_post new L2"><div class="forumrow table"><div class="foruminfo td"><div class="forumdata"><div class="datacontainer"><div class="titleline"><h2 class="forumtitle"><a href="forumdisplay.php?12-Training">Training</a></h2></div><p class="forumdescription">Ergs, plans and injuries.</p></div></div></div></div></li>
		<li id="forum31" class="forumbit_post old L2"><div class="forumrow table"><div class="foruminfo td"><div class="forumdata"><div class="datacontainer"><div class="titleline"><h2 class="forumtitle"><a href="forumdisplay.php?31-Boat-Repair">Boat Repair</a></h2></div><p class="forumdescription">Wood, glass and carbon.</p></div></div></div></div></li>
	</ol></li>
</ol>
</div>
<div id="footer_copyright" class="shade footer_copyright">Powered by <a href="https://www.vbulletin.com" id="vbulletinlink">vBulletin&reg;</a> Version 4.2.5</div>
</body></html>
"""  # noqa: E501


def _truth(posts: list[Post]) -> list[dict[str, Any]]:
    return [
        {
            "id": str(p.id),
            "number": p.number,
            "author": p.author,
            "author_id": str(p.user),
            "created": p.when.isoformat() if p.when else None,
            "created_text": None if p.when else p.shown,
            "subject": p.subject,
            "reply_to": p.reply_to,
            "reply_to_author": p.reply_to_author,
            "text": p.text,
            "absent": [*p.absent, *([p.signature] if p.signature else [])],
        }
        for p in posts
    ]


def main() -> None:
    pages = {
        "thread_vb3.html": page_v3(),
        "thread_vb4_page2.html": page_v4(),
        "thread_vb5.html": page_v5(),
        "forum_index.html": _INDEX.format(board=BOARD_NAME),
    }
    for name, text in pages.items():
        (HERE / name).write_text(text, encoding="utf-8")
    (ROOT / "samples" / "vbulletin-thread.html").write_text(pages["thread_vb5.html"], "utf-8")
    expected = {
        "thread_vb3.html": {
            "title": V3_TITLE, "forum": V3_FORUM, "page": 1, "page_count": 3,
            "thread_id": f"{HOST}/showthread.php?t={V3_THREAD}", "posts": _truth(V3),
        },
        "thread_vb4_page2.html": {
            "title": V4_TITLE, "forum": V4_FORUM, "page": 2, "page_count": 2,
            "thread_id": f"{HOST}/showthread.php?t={V4_THREAD}", "posts": _truth(V4),
        },
        "thread_vb5.html": {
            "title": V5_TITLE, "forum": V5_FORUM, "page": 1, "page_count": 1,
            "thread_id": f"{HOST}/node/{V5_NODE}", "posts": _truth(V5),
        },
    }  # fmt: skip
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
