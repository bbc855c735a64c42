"""XenForo 2.2 markup for the invented threads of ``xf_spec.py``: the page shell (header, nav,
breadcrumbs, page navigation, sidebar, footer), posts with SpaceBattles-style threadmark
headers, signatures and reaction bars, and bodies with quotes, spoilers and smilies, as the
real templates write them."""

from __future__ import annotations

import html
from datetime import datetime

from xf_spec import HOST, Page, Part, Post, User

GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
SITE = "Quill &amp; Anchor"
E = html.escape


def stamp(moment: datetime) -> str:
    day = f"{moment:%b} {moment.day}, {moment.year}"
    clock = f"{moment.hour % 12 or 12}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
    return (
        f'<time class="u-dt" dir="auto" datetime="{moment:%Y-%m-%dT%H:%M:%S}+0000" '
        f'data-timestamp="{int(moment.timestamp())}" data-date="{day}" data-time="{clock}" '
        f'data-short="{moment:%b} {moment.day}" title="{day} at {clock}">{day}</time>'
    )


def member(user: User) -> str:
    return f"/members/{user.name.lower()}.{user.id}/"


def body(parts: list[Part]) -> str:
    out = []
    for part in parts:
        kind = part[0]
        if kind == "text":
            out.append(f"{E(part[1])}<br />\n")
        elif kind == "bold":
            out.append(f"<b>{E(part[1])}</b><br />\n")
        elif kind == "link":
            out.append(
                f'<a href="{E(part[1])}" target="_blank" class="link link--external" '
                f'rel="nofollow ugc noopener">{E(part[2])}</a><br />\n'
            )
        elif kind == "smilie":
            out.append(smilie(part[1], part[2]) + " ")
        elif kind == "quote":
            out.append(quote(part[1], part[2], part[3]))
        elif kind == "spoiler":
            out.append(spoiler(part[1], part[2]))
        elif kind == "embed":
            out.append(
                f'<div class="bbMediaWrapper" data-media-site-id="youtube" data-media-key='
                f'"{E(part[1])}"><div class="bbMediaWrapper-inner"><iframe src="https://www.'
                f'youtube.com/embed/{E(part[1])}?wmode=opaque" loading="lazy" allowfullscreen='
                '"true"></iframe></div></div>\n'
            )
        elif kind == "inline_spoiler":
            out.append(
                '<span class="bbCodeInlineSpoiler" data-xf-click="toggle-class" '
                'data-class="bbCodeInlineSpoiler--active" data-xf-init="tooltip" '
                f'title="Click to reveal or hide spoiler">{E(part[1])}</span><br />\n'
            )
    return "".join(out)


def smilie(code: str, kind: str) -> str:
    if kind == "sprite":
        return (
            f'<img src="{GIF}" class="smilie smilie--sprite smilie--sprite1" alt="{E(code)}" '
            f'title="Smile    {E(code)}" loading="lazy" data-shortname="{E(code)}" />'
        )
    if kind == "emoji":
        return (
            f'<img class="smilie smilie--emoji" loading="lazy" alt="{code}" title="Grinning '
            'face    :grinning:" src="https://cdn.jsdelivr.net/joypixels/assets/6.6/png/unicode/'
            '64/1f600.png" data-shortname=":grinning:" />'
        )
    name = code.strip(":")
    return (
        f'<img src="/styles/default/xenforo/smilies/{name}.png" class="smilie" loading="lazy" '
        f'alt="{E(code)}" title="{name.title()}    {E(code)}" data-shortname="{E(code)}" />'
    )


def quote(post_id: int | None, author: str, parts: list[Part]) -> str:
    source = f' data-source="post: {post_id}"' if post_id else ""
    if post_id:
        title = (
            f'<a href="/goto/post?id={post_id}" class="bbCodeBlock-sourceJump" rel="nofollow" '
            f'data-xf-click="attribution" data-content-selector="#post-{post_id}">'
            f"{E(author)} said:</a>"
        )
    else:
        title = f"{E(author)} said:"
    return (
        f'<blockquote data-attributes="" data-quote="{E(author)}"{source}\n'
        '\tclass="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">\n'
        f'\t<div class="bbCodeBlock-title">\n\t\t{title}\n\t</div>\n'
        '\t<div class="bbCodeBlock-content">\n'
        f'\t\t<div class="bbCodeBlock-expandContent js-expandContent ">\n{body(parts)}</div>\n'
        '\t\t<div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">'
        "Click to expand...</a></div>\n\t</div>\n</blockquote>"
    )


def spoiler(title: str | None, parts: list[Part]) -> str:
    label = (
        f'<span>Spoiler: <span class="bbCodeSpoiler-button-title">{E(title)}</span></span>'
        if title
        else "<span>Spoiler</span>"
    )
    return (
        '<div class="bbCodeSpoiler">\n\t<button type="button" class="bbCodeSpoiler-button '
        'button--longText button" data-xf-click="toggle" data-xf-init="tooltip" title="Click to '
        f'reveal or hide spoiler"><span class="button-text">\n\t\t{label}\n\t</span></button>\n'
        '\t<div class="bbCodeSpoiler-content">\n\t\t<div class="bbCodeBlock bbCodeBlock--spoiler">'
        f'\n\t\t\t<div class="bbCodeBlock-content">{body(parts)}</div>\n\t\t</div>\n\t</div>\n'
        "</div>\n"
    )


def user_cell(user: User) -> str:
    banner = (
        '<div class="userBanner userBanner--staff message-userBanner" dir="auto" '
        f'itemprop="jobTitle"><span class="userBanner-before"></span><strong>{E(user.banner)}'
        '</strong><span class="userBanner-after"></span></div>'
        if user.banner
        else ""
    )
    return f"""<div class="message-cell message-cell--user">
	<section class="message-user" itemprop="author" itemscope itemtype="https://schema.org/Person">
		<div class="message-avatar "><div class="message-avatar-wrapper">
			<a href="{member(user)}" class="avatar avatar--m" data-user-id="{user.id}" data-xf-init="member-tooltip">
				<img src="/data/avatars/m/0/{user.id}.jpg?1700000000" alt="{E(user.name)}" class="avatar-u{user.id}-m" width="96" height="96" loading="lazy" itemprop="image" />
			</a>
		</div></div>
		<div class="message-userDetails">
			<h4 class="message-name"><a href="{member(user)}" class="username " dir="auto" data-user-id="{user.id}" data-xf-init="member-tooltip"><span itemprop="name">{E(user.name)}</span></a></h4>
			<h5 class="userTitle message-userTitle" dir="auto" itemprop="jobTitle">{E(user.title)}</h5>
			{banner}
		</div>
		<div class="message-userExtras">
			<dl class="pairs pairs--justified"><dt>Messages</dt><dd>1,234</dd></dl>
			<dl class="pairs pairs--justified"><dt>Reaction score</dt><dd>5,678</dd></dl>
		</div>
		<span class="message-userArrow"></span>
	</section>
</div>"""  # noqa: E501


def reactions(post: Post) -> str:
    names = [f"<bdi>{E(n)}</bdi>" for n in post.reactors]
    if not names:
        return '<div class="reactionsBar js-reactionsList "></div>'
    if post.others:
        text = ", ".join(names) + f" and {post.others} others"
    elif len(names) == 1:
        text = names[0]
    else:
        text = ", ".join(names[:-1]) + " and " + names[-1]
    return (
        '<div class="reactionsBar js-reactionsList is-active">\n<ul class="reactionSummary">'
        '<li><span class="reaction reaction--small reaction--1" data-reaction-id="1"><i '
        f'aria-hidden="true"></i><img src="{GIF}" class="reaction-sprite js-reaction" alt="Like" '
        'title="Like" /></span></li></ul>\n<span class="u-srOnly">Reactions:</span>\n'
        f'<a class="reactionsBar-link" href="/posts/{post.id}/reactions" data-xf-click="overlay" '
        f'data-cache="false" rel="nofollow">{text}</a>\n</div>'
    )


def attachments(post: Post) -> str:
    if not post.attachments:
        return ""
    items = "".join(
        f'<li class="file file--linked"><a class="u-anchorTarget" id="attachment-{800 + i}"></a>'
        f'<a class="file-preview js-lbImage" href="/attachments/{E(name.replace(".", "-"))}.'
        f'{800 + i}/" target="_blank"><img src="/data/attachments/0/{800 + i}-thumb.jpg" '
        f'alt="{E(name)}" width="250" height="140" loading="lazy" /></a><div class="file-content">'
        f'<div class="file-info"><span class="file-name" title="{E(name)}">{E(name)}</span>'
        '<div class="file-meta">48.2 KB &middot; Views: 31</div></div></div></li>'
        for i, name in enumerate(post.attachments)
    )
    return (
        '<section class="message-attachments"><h4 class="block-textHeader">Attachments</h4>'
        f'<ul class="attachmentList">{items}</ul></section>'
    )


def article(post: Post, page: Page) -> str:
    link = f"/threads/{page.slug}.{page.thread_id}/post-{post.id}"
    if post.deleted_by:
        return deleted(post, link)
    marked = " hasThreadmark" if post.threadmark else ""
    header = (
        '<div class="message-cell message-cell--threadmark-header">\n\t<label>Threadmarks</label>'
        f'\n\t<span class="threadmarkLabel">{E(post.threadmark)}</span>\n\t<span class="'
        f'threadmark-nav"><a href="/threads/{page.slug}.{page.thread_id}/threadmarks" '
        'class="threadmark-control threadmark-control--index" data-xf-click="overlay">Index</a> '
        '<a href="#" class="threadmark-control threadmark-control--next">Next</a></span>\n</div>'
        if post.threadmark
        else ""
    )
    edit = (
        f'<div class="message-lastEdit">Last edited: {stamp(post.edited)}</div>'
        if post.edited
        else ""
    )
    signature = (
        f'<aside class="message-signature"><div class="bbWrapper">{E(post.user.signature)}'
        "</div></aside>"
        if post.user.signature
        else ""
    )
    return f"""
<article class="message message--post{marked} js-post js-inlineModContainer  " data-author="{E(post.user.name)}" data-content="post-{post.id}" id="js-post-{post.id}" itemscope itemtype="https://schema.org/Comment" itemid="https://{HOST}/posts/{post.id}/">
	<span class="u-anchorTarget" id="post-{post.id}"></span>
	{header}
	<div class="message-inner">
		{user_cell(post.user)}
		<div class="message-cell message-cell--main">
			<div class="message-main js-quickEditTarget">
				<header class="message-attribution message-attribution--split">
					<ul class="message-attribution-main listInline ">
						<li class="u-concealed"><a href="{link}" rel="nofollow" itemprop="url">{stamp(post.created)}</a></li>
					</ul>
					<ul class="message-attribution-opposite message-attribution-opposite--list ">
						<li><a href="{link}" class="message-attribution-gadget" data-xf-init="share-tooltip" data-href="/posts/{post.id}/share" aria-label="Share" rel="nofollow"><i class="fa--xf far fa-share-alt" aria-hidden="true"></i></a></li>
						<li><a href="{link}" rel="nofollow">#{post.number}</a></li>
					</ul>
				</header>
				<div class="message-content js-messageContent">
					<div class="message-userContent lbContainer js-lbContainer " data-lb-id="post-{post.id}" data-lb-caption-desc="{E(post.user.name)} &middot; Mar 14, 2025">
						<article class="message-body js-selectToQuote">
							<div itemprop="text"><div class="bbWrapper">{body(post.body)}</div></div>
							<div class="js-selectToQuoteEnd">&nbsp;</div>
						</article>
						{attachments(post)}
					</div>
					{edit}
					{signature}
				</div>
				<footer class="message-footer">
					<div class="message-actionBar actionBar">
						<div class="actionBar-set actionBar-set--external">
							<a href="/posts/{post.id}/react?reaction_id=1" class="reaction actionBar-action actionBar-action--reaction" data-xf-init="reaction"><i aria-hidden="true"></i><img src="{GIF}" class="reaction-sprite js-reaction" alt="Like" title="Like" /><span class="reaction-text js-reactionText"><bdi>Like</bdi></span></a>
							<a href="/threads/{page.slug}.{page.thread_id}/reply?quote={post.id}" class="actionBar-action actionBar-action--reply" title="Reply, quoting this message" rel="nofollow" data-xf-click="quote" data-quote-href="/posts/{post.id}/quote">Reply</a>
						</div>
						<div class="actionBar-set actionBar-set--internal"><a href="/posts/{post.id}/report" class="actionBar-action actionBar-action--report" data-xf-click="overlay">Report</a></div>
					</div>
					{reactions(post)}
					<div class="js-historyTarget message-historyTarget toggleTarget" data-href="trigger-href"></div>
				</footer>
			</div>
		</div>
	</div>
</article>
"""  # noqa: E501


def deleted(post: Post, link: str) -> str:
    return f"""
<article class="message message--deleted message--post js-post js-inlineModContainer" data-author="{E(post.user.name)}" data-content="post-{post.id}" id="js-post-{post.id}">
	<span class="u-anchorTarget" id="post-{post.id}"></span>
	<div class="message-inner">
		<div class="message-cell message-cell--user">
			<header class="message-user"><div class="message-avatar"><div class="message-avatar-wrapper"><a href="{member(post.user)}" class="avatar avatar--s" data-user-id="{post.user.id}" data-xf-init="member-tooltip"><img src="/data/avatars/s/0/{post.user.id}.jpg" alt="{E(post.user.name)}" class="avatar-u{post.user.id}-s" width="48" height="48" loading="lazy" /></a></div></div></header>
		</div>
		<div class="message-cell message-cell--main">
			<div class="message-attribution">
				<ul class="listInline listInline--bullet message-attribution-main">
					<li><a href="{member(post.user)}" class="username  u-concealed" dir="auto" data-user-id="{post.user.id}" data-xf-init="member-tooltip">{E(post.user.name)}</a></li>
					<li><a href="{link}" class="u-concealed">{stamp(post.created)}</a></li>
				</ul>
			</div>
			<div class="messageNotice messageNotice--deleted">
				<ul class="listInline listInline--bullet listInline--selfInline">
					<li>Deleted by <a href="/members/{post.deleted_by}.7/" class="username " dir="auto" data-user-id="7" data-xf-init="member-tooltip">{E(post.deleted_by or "")}</a></li>
					<li>{stamp(post.created)}</li>
					<li>Reason: Spam</li>
				</ul>
				<a href="/posts/{post.id}/show?_xfWithData=1" class="u-jsOnly" data-xf-click="inserter" data-replace="[data-content=post-{post.id}]">Show…</a>
			</div>
		</div>
	</div>
</article>
"""  # noqa: E501
