"""Software the project has no module for, in each one's default markup (people invented).

WordPress 6 (``wp_list_comments`` html5 output, nested ``ol.children``), SMF 2.1 ("Curve2": no
structured data, times as words in a ``title``), MyBB 1.8 (no structured data, "06-11-2021,
03:45 PM" dates), Invision Community 4.4 (schema.org microdata on every post) with the
JSON-LD block 4.5+ adds, and a script-rendered app that declares its thread in JSON-LD only.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape

from spec import Post

_NAV = (
    '<nav class="main-nav"><ul>'
    + "".join(
        f'<li class="menu-item"><a href="/{w.lower()}/">{w}</a></li>'
        for w in ("Home", "About", "Archive", "Contact")
    )
    + "</ul></nav>"
)


def paras(post: Post) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in post.paragraphs)


def wp_date(at: datetime) -> str:
    return at.strftime("%B %-d, %Y at %-I:%M %p").replace("AM", "am").replace("PM", "pm")


def _wp_comment(post: Post, ids: list[int], depth: int, op: str) -> str:
    ids[0] += 1
    n = ids[0]
    slug = post.author.lower().replace(" ", "-")
    byop = " bypostauthor" if post.author == op else ""
    kids = "".join(_wp_comment(r, ids, depth + 1, op) for r in post.replies)
    children = f'<ol class="children">{kids}</ol>' if kids else ""
    parent = " parent" if kids else ""
    return (
        f'<li id="comment-{n}" class="comment byuser comment-author-{slug}{byop} '
        f'{"even" if n % 2 else "odd"} depth-{depth}{parent}">'
        f'<article id="div-comment-{n}" class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/{n}'
        f'?s=32" class="avatar avatar-32 photo" height="32" width="32">'
        f'<b class="fn"><a href="https://{slug}.example.net/" class="url" rel="ugc external '
        f'nofollow">{escape(post.author)}</a></b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><a href="https://blog.example.org/2024/03/rebuilding/'
        f'#comment-{n}"><time datetime="{post.at.isoformat()}">{wp_date(post.at)}</time></a>'
        f"</div></footer>"
        f'<div class="comment-content">{paras(post)}</div>'
        f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom={n}'
        f'#respond" aria-label="Reply to {escape(post.author)}">Reply</a></div></article>'
        f"{children}</li>"
    )


def wordpress(title: str, post: Post, comments: list[Post]) -> str:
    ids = [0]
    listing = "".join(_wp_comment(c, ids, 1, post.author) for c in comments)
    recent = "".join(
        f'<li class="recentcomments"><span class="comment-author-link">{escape(c.author)}</span>'
        f' on <a href="/2024/03/rebuilding/#comment-{i}">{escape(title)}</a></li>'
        for i, c in enumerate(comments, start=1)
    )
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{escape(title)} &#8211; Spokes and Spanners</title>
<link rel="canonical" href="https://blog.example.org/2024/03/rebuilding/">
<meta property="article:published_time" content="{post.at.isoformat()}"></head>
<body class="post-template-default single single-post postid-12 single-format-standard">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Spokes and Spanners</a></p>{_NAV}</header>
<main id="main" class="site-main"><article id="post-12" class="post-12 post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta"><span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/marguerite/" rel="author">{escape(post.author)}</a></span></span>
<span class="posted-on"><time class="entry-date published" datetime="{post.at.isoformat()}">{post.at:%B %-d, %Y}</time></span></div></header>
<div class="entry-content">{paras(post)}</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/repairs/" rel="category tag">Repairs</a></span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">{sum(1 for _ in _walk(comments))} thoughts on &ldquo;{escape(title)}&rdquo;</h2>
<ol class="comment-list">{listing}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div></div></main>
<aside id="secondary" class="widget-area"><section id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">Recent Comments</h2><ul id="recentcomments">{recent}</ul></section></aside>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer></body></html>
"""  # noqa: E501


def _walk(posts: list[Post]) -> list[Post]:
    out: list[Post] = []
    for post in posts:
        out.append(post)
        out.extend(_walk(post.replies))
    return out


def smf_date(at: datetime) -> str:
    return at.strftime("%B %d, %Y, %I:%M:%S %p")


def smf(title: str, posts: list[Post]) -> str:
    base = "https://bakers.example.net/index.php"
    blocks = []
    for i, post in enumerate(posts):
        msg = 3100 + i
        subject = title if i == 0 else f"Re: {title}"
        reply = f"<strong>Reply #{i} on:</strong> " if i else ""
        blocks.append(
            f'<div class="windowbg" id="msg{msg}"><div class="post_wrapper"><div class="poster">'
            f'<h4><span class="off" title="Offline"></span>'
            f'<a href="{base}?action=profile;u={40 + i}"'
            f' title="View the profile of {escape(post.author)}">'
            f"{escape(post.author)}</a></h4>"
            f'<ul class="user_info"><li class="membergroup">Newbie</li><li class="postcount">'
            f"Posts: {12 + i * 7}</li></ul></div>"
            f'<div class="postarea"><div class="keyinfo"><div id="subject_{msg}" '
            f'class="subject_title subject_hidden"><a href="{base}?msg={msg}" rel="nofollow">'
            f"{escape(subject)}</a></div>"
            f'<span class="page_number floatright">#{i}</span>'
            f'<a href="{base}?msg={msg}" class="smalltext" title="{f"Reply #{i} - " if i else ""}'
            f'{smf_date(post.at)}">{reply}{smf_date(post.at)} &#187;</a>'
            f'<span class="smalltext modified floatright" id="modified_{msg}"></span></div>'
            f'<div class="post"><div class="inner" data-msgid="{msg}" id="msg_{msg}">'
            + "<br><br>".join(escape(p) for p in post.paragraphs)
            + f'</div></div></div><div class="moderatorbar"><div class="signature" id="msg_{msg}_'
            f'signature">Baking since 2019</div></div></div></div><hr class="post_separator">'
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>{escape(title)}</title>
<meta property="og:site_name" content="Bakers' Corner"><meta property="og:title" content="{escape(title)}">
<meta property="og:url" content="{base}?topic=310.0"><link rel="canonical" href="{base}?topic=310.0"></head>
<body id="chrome" class="action_display board_12"><div id="footerfix"><div id="header"><h1 class="forumtitle"><a id="top" href="{base}">Bakers' Corner</a></h1></div>
<div id="wrapper"><div id="upper_section"><ul class="floatleft" id="top_info"><li><a href="{base}?action=login">Log in</a></li></ul></div>
<div class="navigate_section"><ul><li><a href="{base}"><span>Bakers' Corner</span></a></li><li class="last"><a href="{base}?topic=310.0"><span>{escape(title)}</span></a></li></ul></div>
<div id="content_section"><div id="main_content_section"><div id="display_head" class="information"><h2 class="display_title"><span id="top_subject">{escape(title)}</span></h2><p>Started by {escape(posts[0].author)}, {smf_date(posts[0].at)}</p></div>
<div class="pagesection"><div class="pagelinks floatleft">Pages<span class="pages">[1]</span></div></div>
<div id="forumposts"><form action="{base}?action=quickmod2;topic=310.0" method="post" accept-charset="UTF-8" name="quickModForm" id="quickModForm">{"".join(blocks)}</form></div>
</div></div></div></div><div id="footer"><ul><li class="copyright"><a href="{base}?action=credits">SMF 2.1.4 &copy; 2023</a>, Simple Machines</li></ul></div></body></html>
"""  # noqa: E501


def mybb(title: str, posts: list[Post]) -> str:
    base = "https://forum.example.com"
    blocks = []
    for i, post in enumerate(posts):
        pid = 880 + i
        uid = 20 + len(post.author)
        blocks.append(
            f'<a name="pid{pid}" id="pid{pid}"></a><div class="post " style="" id="post_{pid}">'
            f'<div class="post_author"><div class="author_avatar"><a href="{base}/member.php?'
            f'action=profile&amp;uid={uid}"><img src="{base}/images/default_avatar.png" alt="" '
            f'width="55" height="55"></a></div><div class="author_information"><strong><span '
            f'class="largetext"><a href="{base}/member.php?action=profile&amp;uid={uid}">'
            f"{escape(post.author)}</a></span></strong> "
            f'<img src="{base}/images/buddy_offline.png" title="Offline" alt="Offline" '
            f'class="buddy_status"><br><span class="smalltext">Junior Member<br></span></div>'
            f'<div class="author_statistics">Posts: {9 + i}<br>Threads: 1<br>Joined: Mar 2020'
            f"<br>Reputation: 0</div></div>"
            f'<div class="post_content"><div class="post_head"><div class="float_right" '
            f'style="vertical-align: top"><strong><a href="showthread.php?tid=77&amp;pid={pid}'
            f'#pid{pid}" title="{escape(title)}">#{i + 1}</a></strong></div>'
            f'<span class="post_date">{post.at:%m-%d-%Y, %I:%M %p} <span class="post_edit" '
            f'id="edited_by_{pid}"></span></span></div>'
            f'<div class="post_body scaleimages" id="pid_{pid}">'
            + "<br>\n<br>\n".join(escape(p) for p in post.paragraphs)
            + f'</div><div class="post_meta" id="post_meta_{pid}"></div></div>'
            f'<div class="post_controls"><div class="postbit_buttons author_buttons float_left">'
            f'<a href="member.php?action=profile&amp;uid={uid}" class="postbit_website">'
            f'<span>Website</span></a></div><div class="postbit_buttons post_management_buttons '
            f'float_right"><a href="newreply.php?tid=77&amp;replyto={pid}" class="postbit_quote">'
            f"<span>Reply</span></a></div></div></div>"
        )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xml:lang="en" lang="en" xmlns="http://www.w3.org/1999/xhtml"><head><title>{escape(title)}</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><link rel="canonical" href="{base}/showthread.php?tid=77"></head>
<body><div id="container"><a name="top" id="top"></a><div id="header"><div id="logo"><div class="wrapper"><a href="{base}/index.php"><img src="{base}/images/logo.png" alt="Home Bakers"></a>
<ul class="menu top_links"><li><a href="{base}/search.php" class="search">Search</a></li><li><a href="{base}/memberlist.php" class="memberlist">Member List</a></li><li><a href="{base}/misc.php?action=help" class="help">Help</a></li></ul></div></div></div>
<div id="content"><div class="wrapper"><div class="navigation"><a href="{base}/index.php">Home Bakers</a> &rsaquo; <a href="forumdisplay.php?fid=3">Starters</a> &rsaquo; <span class="active">{escape(title)}</span></div>
<table border="0" cellspacing="0" cellpadding="5" class="tborder tfixed clear"><tr><td class="thead"><div><strong>{escape(title)}</strong></div></td></tr>
<tr><td id="posts_container"><div id="posts">{"".join(blocks)}</div></td></tr></table>
<form action="newreply.php?tid=77" method="post" name="quick_reply_form" id="quick_reply_form"><textarea name="message" id="message" rows="8" cols="80"></textarea><input type="submit" class="button" value="Post Reply"></form>
</div></div><div id="footer"><div id="copyright">Powered By <a href="https://mybb.com" target="_blank" rel="noopener">MyBB</a>, &copy; 2002-2024 MyBB Group.</div></div></div></body></html>
"""  # noqa: E501


def ips(title: str, posts: list[Post]) -> str:
    """Invision 4.4 microdata on every post, plus the JSON-LD block of 4.5+ (plain text)."""
    base = "https://community.example.org/topic/5521-sourdough-starter-smells-of-acetone/"
    blocks = []
    for i, post in enumerate(posts):
        cid = 41000 + i
        body = "".join(
            "<p>" + escape(p).replace("Update:", "<strong>Update:</strong>", 1) + "</p>"
            for p in post.paragraphs
        )
        likes = (
            f'<div class="ipsReact_reactCountOnly" data-role="reactCount"><span>{post.likes}'
            f'</span></div><meta itemprop="upvoteCount" content="{post.likes}">'
            if post.likes
            else ""
        )
        blocks.append(
            f'<article id="elComment_{cid}" class="cPost ipsBox ipsResponsive_pull ipsComment '
            f'ipsComment_parent ipsClearfix ipsClear ipsColumns ipsColumns_noSpacing" itemscope '
            f'itemtype="http://schema.org/Comment"><meta itemprop="url" content="{base}'
            f'?do=findComment&amp;comment={cid}">'
            f'<aside class="ipsComment_author cAuthorPane ipsColumn ipsColumn_medium">'
            f'<h3 class="ipsType_sectionHead cAuthorPane_author ipsType_blendLinks ipsType_break" '
            f'itemprop="creator" itemscope itemtype="http://schema.org/Person"><strong '
            f"itemprop=\"name\"><a href='https://community.example.org/profile/{cid}-x/' "
            f'data-ipsHover class="ipsType_break">{escape(post.author)}</a></strong></h3>'
            f'<ul class="cAuthorPane_info ipsList_reset"><li class="ipsType_break">Members</li>'
            f'<li class="ipsType_light">{10 + i * 3} posts</li></ul></aside>'
            f'<div class="ipsColumn ipsColumn_fluid"><div id="comment-{cid}_wrap" '
            f'data-controller="core.front.core.comment" data-commentID="{cid}" '
            f'class="ipsComment_content ipsType_medium"><div class="ipsComment_meta ipsType_light">'
            f'<div class="ipsType_reset"><a href="{base}?do=findComment&amp;comment={cid}" '
            f'class="ipsType_blendLinks">Posted <time datetime="{post.at:%Y-%m-%dT%H:%M:%SZ}" '
            f'title="{post.at:%m/%d/%Y %I:%M  %p}" data-short="3 yr" itemprop="dateCreated">'
            f"{post.at:%B %-d, %Y}</time></a></div></div>"
            f'<div class="cPost_contentWrap"><div itemprop="text" data-role="commentContent" '
            f'class="ipsType_normal ipsType_richText ipsPadding_bottom ipsContained">{body}</div>'
            f'{likes}<ul class="ipsComment_controls ipsClearfix"><li><a href="#" '
            f'data-action="quoteComment" class="ipsButton ipsButton_light">Quote</a></li></ul>'
            f"</div></div></div></article>"
        )
    data = {
        "@context": "http://schema.org",
        "@type": "DiscussionForumPosting",
        "@id": base,
        "url": base,
        "headline": title,
        "articleBody": "\n".join(posts[0].paragraphs),
        "dateCreated": f"{posts[0].at:%Y-%m-%dT%H:%M:%S+0000}",
        "author": {"@type": "Person", "name": posts[0].author},
        "interactionStatistic": [
            {
                "@type": "InteractionCounter",
                "interactionType": "http://schema.org/ViewAction",
                "userInteractionCount": 5210,
            },
            {
                "@type": "InteractionCounter",
                "interactionType": "http://schema.org/CommentAction",
                "userInteractionCount": len(posts) - 1,
            },
        ],
        "comment": [
            {
                "@type": "Comment",
                "@id": f"{base}?do=findComment&comment={41000 + i}",
                "url": f"{base}?do=findComment&comment={41000 + i}",
                "author": {"@type": "Person", "name": p.author},
                "dateCreated": f"{p.at:%Y-%m-%dT%H:%M:%S+0000}",
                "text": "\n".join(p.paragraphs),
                "upvoteCount": p.likes or 0,
            }
            for i, p in enumerate(posts[1:], start=1)
        ],
    }
    return f"""<!DOCTYPE html>
<html lang="en-US" dir="ltr"><head><meta charset="utf-8"><title>{escape(title)} - Starters - Home Bakers Community</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:type" content="website"><meta property="og:url" content="{base}">
<link rel="canonical" href="{base}"><script type="application/ld+json">{json.dumps(data, indent=2)}</script></head>
<body class="ipsApp ipsApp_front ipsJS_none ipsClearfix" data-controller="core.front.core.app"><div id="ipsLayout_header" class="ipsClearfix"><header><div class="ipsLayout_container"><a href="https://community.example.org/" id="elSiteTitle" accesskey="1">Home Bakers Community</a></div></header>
<nav data-controller="core.front.core.navBar" class="ipsNavBar_noSubBars"><ul data-role="primaryNavBar" class="ipsClearfix"><li id="elNavSecondary_1" data-role="navBarItem"><a href="https://community.example.org/">Browse</a></li><li id="elNavSecondary_2" data-role="navBarItem"><a href="https://community.example.org/discover/">Activity</a></li></ul></nav></div>
<main id="ipsLayout_body" class="ipsLayout_container"><div id="ipsLayout_contentArea"><div id="ipsLayout_contentWrapper">
<div class="ipsPageHeader ipsResponsive_pull ipsBox ipsPadding sm:ipsPadding:half"><h1 class="ipsType_pageTitle ipsContained_container"><span class="ipsType_break ipsContained"><span>{escape(title)}</span></span></h1></div>
<div class="ipsClearfix" itemscope itemtype="http://schema.org/DiscussionForumPosting"><meta itemprop="headline" content="{escape(title)}">
<div id="comments" data-controller="core.front.core.commentFeed,forums.front.topic.view" data-feedID="topic-5521" class="cTopic ipsClear ipsSpacer_top">{"".join(blocks)}</div></div>
</div></div></main><footer id="ipsLayout_footer" class="ipsClearfix"><p id="elCopyright"><a rel="nofollow" title="Invision Community" href="https://www.invisioncommunity.com/">Powered by Invision Community</a></p></footer></body></html>
"""  # noqa: E501


def app_json_ld(
    title: str, post: Post, comments: list[Post], loose: Post, loose_parent: int
) -> str:
    """A script-rendered forum: the saved page is a shell whose only content is its JSON-LD."""
    base = "https://talk.example.io/t/e-reader-fonts/991"
    counter = [0]

    def comment(p: Post) -> dict[str, object]:
        counter[0] += 1
        entry: dict[str, object] = {
            "@type": "Comment",
            "@id": f"{base}#c{counter[0]}",
            "author": {
                "@type": "Person",
                "name": p.author,
                "url": f"https://talk.example.io/u/{p.author}",
            },
            "datePublished": p.at.isoformat().replace("+00:00", "Z"),
            "text": "\n\n".join(p.paragraphs),
        }
        if p.likes is not None:
            entry["interactionStatistic"] = {
                "@type": "InteractionCounter",
                "interactionType": {"@type": "LikeAction"},
                "userInteractionCount": p.likes,
            }
        if p.replies:
            entry["comment"] = [comment(r) for r in p.replies]
        return entry

    listed = [comment(c) for c in comments]
    posting = {
        "@type": "DiscussionForumPosting",
        "@id": base,
        "headline": title,
        "text": "\n\n".join(post.paragraphs),
        "author": [{"@type": "Person", "name": post.author}],
        "datePublished": post.at.isoformat(),
        "interactionStatistic": [
            {
                "@type": "InteractionCounter",
                "interactionType": "https://schema.org/LikeAction",
                "userInteractionCount": post.likes,
            }
        ],
        "comment": listed,
    }
    apart = {
        "@type": "Comment",
        "@id": f"{base}#c-apart",
        "parentItem": {"@id": f"{base}#c{loose_parent}"},
        "author": {"@type": "Person", "name": loose.author},
        "dateCreated": loose.at.isoformat(),
        "text": "\n\n".join(loose.paragraphs),
    }
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://talk.example.io/#website", "name": "Talk"},
            {"@type": "WebPage", "@id": base, "name": title},
            posting,
        ],
    }
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Talk</title><meta name="viewport" content="width=device-width">
<link rel="canonical" href="{base}"><script type="module" src="/assets/app.4f9c2e.js"></script>
<script type="application/ld+json">{json.dumps(graph)}</script>
<script type="application/ld+json">[{json.dumps(apart)}]</script></head>
<body><div id="app"><noscript>You need to enable JavaScript to run this app.</noscript><div class="app-loading">Loading…</div></div></body></html>
"""  # noqa: E501
