"""The XenForo 2.2 page around the posts: head, header and navigation, breadcrumbs, the title
block, page navigation, the quick-reply form, the sidebar and the footer; and a forum index
page, which has no posts at all."""

from __future__ import annotations

import html

from xf2_markup import SITE, article, stamp
from xf_spec import HOST, Page

E = html.escape

_HEAD = """<!DOCTYPE html>
<html id="XF" lang="en-US" dir="LTR"
	data-xf="2.2"
	data-app="public"
	data-template="{template}"
	data-container-key="node-29"
	data-content-key="{content_key}"
	data-logged-in="false"
	data-cookie-prefix="xf_"
	data-csrf="1741975200,0f3c9e1d2b7a4c5e"
	class="has-no-js template-{template}"
	>
<head>
	<meta charset="utf-8" />
	<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
	<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
	<title>{head_title} | {site}</title>
	<link rel="manifest" href="/webmanifest.php">
	<meta name="theme-color" content="#1b3a57" />
	<meta property="og:site_name" content="{site}" />
	<meta property="og:type" content="website" />
	<meta property="og:title" content="{title}" />
	<meta property="og:url" content="{url}" />
	<link rel="canonical" href="{url}" />
	<link rel="stylesheet" href="/css.php?css=public%3Anormalize.css%2Cpublic%3Acore.less%2Cpublic%3Aapp.less&amp;s=1&amp;l=1&amp;d=1741900000&amp;k=5c0d" />
	<script src="/js/xf/preamble.min.js?_v=1c2a9f0e"></script>
	<link rel="icon" type="image/png" href="https://{host}/styles/quill/favicon.png" sizes="32x32" />
</head>
<body data-template="{template}">
<div class="p-pageWrapper" id="top">
<header class="p-header" id="header"><div class="p-header-inner"><div class="p-header-content">
	<div class="p-header-logo p-header-logo--image"><a href="/"><img src="/styles/quill/logo.png" alt="{site}" /></a></div>
</div></div></header>
<div class="p-navSticky p-navSticky--primary" data-xf-init="sticky-header">
	<nav class="p-nav"><div class="p-nav-inner">
		<a class="p-nav-menuTrigger" data-xf-click="off-canvas" data-menu=".js-headerOffCanvasMenu" role="button" tabindex="0"><i aria-hidden="true"></i><span class="p-nav-menuText">Menu</span></a>
		<ul class="p-nav-list js-offCanvasNavSource">
			<li><div class="p-navEl is-selected"><a href="/" class="p-navEl-link" data-nav-id="forums">Forums</a></div></li>
			<li><div class="p-navEl"><a href="/whats-new/" class="p-navEl-link" data-nav-id="whatsNew">What's new</a></div></li>
			<li><div class="p-navEl"><a href="/members/" class="p-navEl-link" data-nav-id="members">Members</a></div></li>
		</ul>
		<div class="p-nav-opposite"><div class="p-navgroup p-account p-navgroup--guest">
			<a href="/login/" class="p-navgroup-link p-navgroup-link--textual p-navgroup-link--logIn" data-xf-click="overlay"><span class="p-navgroup-linkText">Log in</span></a>
			<a href="/register/" class="p-navgroup-link p-navgroup-link--textual p-navgroup-link--register" data-xf-click="overlay"><span class="p-navgroup-linkText">Register</span></a>
		</div></div>
	</div></nav>
</div>
<div class="p-body"><div class="p-body-inner">
	<!--XF:EXTRA_OUTPUT-->
	{crumbs}
	<noscript><div class="blockMessage blockMessage--important blockMessage--iconic u-noJsOnly">JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.</div></noscript>
"""  # noqa: E501

_FOOT = """
	{crumbs}
</div></div>
<footer class="p-footer" id="footer"><div class="p-footer-inner">
	<div class="p-footer-row"><div class="p-footer-row-opposite"><ul class="p-footer-linkList">
		<li><a href="/misc/contact" data-xf-click="overlay">Contact us</a></li>
		<li><a href="/help/terms/">Terms and rules</a></li>
		<li><a href="/help/privacy-policy/">Privacy policy</a></li>
		<li><a href="/help/">Help</a></li>
	</ul></div></div>
	<div class="p-footer-copyright"><a href="https://xenforo.com" class="u-concealed" dir="ltr" target="_blank" rel="sponsored noopener">Community platform by XenForo<sup>&reg;</sup> <span class="copyright">&copy; 2010-2025 XenForo Ltd.</span></a></div>
</div></footer>
</div>
<script src="/js/vendor/jquery/jquery-3.5.1.min.js?_v=1c2a9f0e"></script>
<script src="/js/xf/core-compiled.js?_v=1c2a9f0e"></script>
<script>
	jQuery.extend(true, XF.config, {{
		userId: 0,
		url: {{ fullBase: 'https://{host}/', basePath: '/', css: '/css.php?css=__SENTINEL__&s=1&l=1&d=1741900000' }},
		cookie: {{ path: '/', domain: '', prefix: 'xf_', secure: true }},
		time: {{ now: 1742000000, today: 1741996800, todayDow: 5 }}
	}});
</script>
</body>
</html>
"""  # noqa: E501


def crumbs(page_forum: str | None) -> str:
    steps = [(f"https://{HOST}/", "Forums"), ("/#creative.1", "Creative")]
    if page_forum:
        steps.append(("/forums/quests.29/", page_forum))
    items = "".join(
        f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
        f'<a href="{href}" itemprop="item"><span itemprop="name">{E(name)}</span></a>'
        f'<meta itemprop="position" content="{i + 1}" /></li>'
        for i, (href, name) in enumerate(steps)
    )
    return (
        '<ul class="p-breadcrumbs " itemscope itemtype="https://schema.org/BreadcrumbList">'
        f"{items}</ul>"
    )


def page_nav(page: Page) -> str:
    if page.page_count <= 1:
        return ""
    base = f"/threads/{page.slug}.{page.thread_id}/"
    items = []
    for n in range(1, page.page_count + 1):
        state = (
            "pageNav-page--current"
            if n == page.page
            else ("pageNav-page--later" if n > page.page else "pageNav-page--earlier")
        )
        href = base if n == 1 else f"{base}page-{n}"
        items.append(f'<li class="pageNav-page {state} "><a href="{href}">{n}</a></li>')
    nxt = (
        f'<a href="{base}page-{page.page + 1}" class="pageNav-jump pageNav-jump--next">Next</a>'
        if page.page < page.page_count
        else ""
    )
    return (
        '<div class="pageNavWrapper pageNavWrapper--mixed "><div class="pageNav  ">'
        f'<ul class="pageNav-main">{"".join(items)}</ul>{nxt}</div>'
        '<div class="pageNavSimple"><a class="pageNavSimple-el pageNavSimple-el--current" '
        'data-xf-init="tooltip" title="Go to page" data-xf-click="menu" role="button" '
        f'tabindex="0">{page.page} of {page.page_count}</a></div></div>'
    )


def thread_page(page: Page) -> str:
    head_title = page.title + (f" | Page {page.page}" if page.page > 1 else "")
    prefix = (
        f'<a href="/forums/quests.29/?prefix_id=3" class="labelLink" rel="nofollow"><span '
        f'class="label label--royalBlue" dir="auto">{E(page.prefix)}</span></a>'
        '<span class="label-append">&nbsp;</span>'
        if page.prefix
        else ""
    )
    first = page.posts[0]
    top = _HEAD.format(
        template="thread_view",
        content_key=f"thread-{page.thread_id}",
        head_title=E(head_title),
        title=E(page.title),
        url=page.url,
        site=SITE,
        host=HOST,
        crumbs=crumbs(page.forum),
    )
    posts = "".join(article(post, page) for post in page.posts)
    return (
        top
        + f"""
	<div class="p-body-header">
		<div class="p-title "><h1 class="p-title-value">{prefix}{E(page.title)}</h1></div>
		<div class="p-description"><ul class="listInline listInline--bullet">
			<li><i class="fa--xf far fa-user" aria-hidden="true" title="Thread starter"></i><span class="u-srOnly">Thread starter</span>
			<a href="/members/{page.starter.name.lower()}.{page.starter.id}/" class="username  u-concealed" dir="auto" data-user-id="{page.starter.id}" data-xf-init="member-tooltip">{E(page.starter.name)}</a></li>
			<li><i class="fa--xf far fa-clock" aria-hidden="true" title="Start date"></i><span class="u-srOnly">Start date</span>
			<a href="/threads/{page.slug}.{page.thread_id}/" class="u-concealed">{stamp(first.created)}</a></li>
		</ul></div>
	</div>
	<div class="p-body-main p-body-main--withSidebar ">
		<div class="p-body-content"><div class="p-body-pageContent">
			<div class="block-outer">{page_nav(page)}<div class="block-outer-opposite"><div class="buttonGroup"><a href="/threads/{page.slug}.{page.thread_id}/watch" class="button--link button" data-xf-click="switch-overlay"><span class="button-text">Watch</span></a></div></div></div>
			<div class="block block--messages" data-xf-init="" data-type="post" data-href="/inline-mod/" data-search-target="*">
				<div class="block-container lbContainer" data-xf-init="lightbox select-to-quote" data-message-selector=".js-post" data-lb-id="thread-{page.thread_id}">
					<div class="block-body js-replyNewMessageContainer">{posts}</div>
				</div>
				<div class="block-outer block-outer--after">{page_nav(page)}</div>
			</div>
			<form action="/threads/{page.slug}.{page.thread_id}/add-reply" method="post" class="block js-quickReply" data-xf-init="attachment-manager quick-reply">
				<div class="block-container"><div class="block-body"><div class="message message--quickReply block-topRadiusContent block-bottomRadiusContent">
					<div class="message-inner"><div class="message-cell message-cell--main"><div class="message-editorWrapper">
						<textarea name="message" class="input" placeholder="Write your reply..."></textarea>
						<button type="submit" class="button--primary button"><span class="button-text">Post reply</span></button>
					</div></div></div>
				</div></div></div>
			</form>
		</div></div>
		<div class="p-body-sidebar"><div class="block"><div class="block-container">
			<h3 class="block-minorHeader">Share this page</h3>
			<div class="block-body block-row"><a class="shareButtons-button shareButtons-button--brand shareButtons-button--facebook" data-href="https://www.facebook.com/sharer.php?u={{url}}"><span>Facebook</span></a></div>
			<h3 class="block-minorHeader">Members online</h3>
			<div class="block-body block-row">Total: 212 (members: 9, guests: 203)</div>
		</div></div></div>
	</div>
"""  # noqa: E501
        + _FOOT.format(crumbs=crumbs(page.forum), host=HOST)
    )


def forum_index() -> str:
    """The board's front page: categories and forums, no thread and no post."""
    top = _HEAD.format(
        template="forum_list",
        content_key="",
        head_title="Forums",
        title="Forums",
        url=f"https://{HOST}/",
        site=SITE,
        host=HOST,
        crumbs="",
    )
    return (
        top
        + """
	<div class="p-body-header"><div class="p-title "><h1 class="p-title-value">Quill &amp; Anchor</h1></div></div>
	<div class="block block--category block--category1"><div class="block-container">
		<h2 class="block-header"><a href="/#creative.1">Creative</a></h2>
		<div class="block-body">
			<div class="node node--id29 node--depth2 node--forum node--unread"><div class="node-body">
				<div class="node-main js-nodeMain"><h3 class="node-title"><a href="/forums/quests.29/" data-xf-init="element-tooltip" data-shortcut="node-description">Quests</a></h3>
				<div class="node-description node-description--tooltip js-nodeDescTooltip">Interactive stories, voted on by readers.</div></div>
				<div class="node-stats"><dl class="pairs pairs--rows"><dt>Threads</dt><dd>1.2K</dd></dl><dl class="pairs pairs--rows"><dt>Messages</dt><dd>310K</dd></dl></div>
			</div></div>
		</div>
	</div></div>
"""  # noqa: E501
        + _FOOT.format(crumbs="", host=HOST)
    )
