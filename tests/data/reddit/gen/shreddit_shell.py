"""Whole shreddit pages: the app shell, the post, the comment tree, the right rail."""

from __future__ import annotations

from datetime import datetime

from .common_render import esc
from .shreddit_page import timeago, tree_html
from .spec import C, Post


def header() -> str:
    return (
        '<reddit-header-large class="sticky top-0 z-[3] w-full"><header class="v2 flex '
        'items-center h-header-large bg-neutral-background-weak" data-testid="app-header">'
        '<nav class="flex justify-between items-center px-md w-full"><a id="reddit-logo" '
        'class="no-underline flex items-center" href="/" aria-label="Home">'
        '<span class="hidden s:block">reddit</span></a>'
        '<reddit-search-large><form action="/search/" role="search"><input type="text" '
        'name="q" placeholder="Search Reddit" autocomplete="off"></form></reddit-search-large>'
        '<div class="flex items-center gap-xs"><a href="https://www.reddit.com/login/" '
        'class="button button-primary button-medium" id="login-button">Log In</a>'
        '<faceplate-tracker source="nav" action="click" noun="get_app"><button class="button '
        'button-secondary button-medium">Get App</button></faceplate-tracker></div></nav>'
        "</header></reddit-header-large>"
    )


def left_nav() -> str:
    links = "".join(
        f'<li><a href="{h}" class="flex items-center gap-sm px-md py-xs">{t}</a></li>'
        for h, t in (
            ("/", "Home"),
            ("/r/popular/", "Popular"),
            ("/explore/", "Explore"),
            ("/r/all/", "All"),
        )
    )
    return (
        f'<flex-left-nav-container id="left-sidebar-container"><nav id="left-sidebar" '
        f'aria-label="Primary"><ul>{links}</ul><faceplate-partial loading="lazy" '
        'src="/svc/shreddit/left-nav-communities-section" name="LeftNavCommunitiesSection">'
        "</faceplate-partial></nav></flex-left-nav-container>"
    )


def right_rail(post: Post, recommended: bool) -> str:
    rec = ""
    if recommended:
        rec = (
            '<h2 class="text-12 font-semibold">More posts you may like</h2>'
            '<shreddit-post id="t3_1j7z0aa" post-title="Is a 12U rack overkill for a flat?" '
            'author="tiny_flat_tom" subreddit-prefixed-name="r/homelab" score="211" '
            'comment-count="88" created-timestamp="2025-03-08T10:01:00.000000+0000" '
            'permalink="/r/homelab/comments/1j7z0aa/is_a_12u_rack_overkill_for_a_flat/" '
            'post-type="text" view-context="Feed" feedindex="0">'
            '<a slot="full-post-link" href="/r/homelab/comments/1j7z0aa/is_a_12u_rack_overkill_for_'
            'a_flat/">Is a 12U rack overkill for a flat?</a></shreddit-post>'
        )
    return (
        '<aside id="right-sidebar-container" aria-label="Community information">'
        f'<shreddit-subreddit-header prefixed-name="r/{post["sub"]}" '
        f'subreddit-id="{post["sub_id"]}" '
        f'description="A place to talk about the things we run at home." subscribers="918204">'
        f'<h2 class="text-16 font-bold">r/{post["sub"]}</h2>'
        '<p class="text-14">A place to talk about the things we run at home.</p>'
        '<button class="button button-primary">Join</button></shreddit-subreddit-header>'
        '<div class="p-md"><h2 class="text-12 uppercase">Rules</h2><ol>'
        "<li>Be civil</li><li>No sales posts outside the monthly thread</li></ol></div>"
        f"{rec}</aside>"
    )


def footer() -> str:
    return (
        '<footer class="px-md py-sm text-12"><a href="https://www.redditinc.com/policies/'
        'user-agreement">User Agreement</a> <a href="https://www.reddit.com/policies/privacy-'
        'policy">Privacy Policy</a> <span>Reddit, Inc. &#169; 2025. All rights reserved.</span>'
        "</footer>"
    )


def post_html(post: Post, saved: datetime, shadow: bool) -> str:
    permalink = f"/r/{post['sub']}/comments/{post['id']}/{post['slug']}/"
    link = post.get("link")
    attrs = (
        f'id="t3_{post["id"]}" class="block xs:mt-xs xs:-mx-xs xs:px-xs xs:rounded-16 pt-xs '
        "nd:pt-xs "
        f'bg-neutral-background" post-title="{esc(post["title"])}" author="{esc(post["author"])}" '
        f'author-id="{post["author_id"]}" subreddit-prefixed-name="r/{post["sub"]}" '
        f'subreddit-name="{post["sub"]}" subreddit-id="{post["sub_id"]}" score="{post["score"]}" '
        f'comment-count="{post["comments"]}" created-timestamp="{post["created_ts"]}" '
        f'permalink="{permalink}" content-href="{esc(link or "https://www.reddit.com" + permalink)}'
        f'" post-type="{"link" if link else "text"}" '
        f'domain="{post.get("domain") or "self." + post["sub"]}" view-context="CommentsPage" '
        'award-count="0" user-id="" is-author-banned="false" post-language="en"'
    )
    shadow_root = ""
    if shadow:
        shadow_root = (
            '<template shadowrootmode="open"><div class="flex gap-sm"><span '
            "data-post-click-location="
            f'"vote">{post["score"]}</span><button>Upvote</button><button>Downvote</button>'
            f"<span>{post['comments']} comments</span><button>Share</button></div><slot></slot>"
            '<slot name="title"></slot><slot name="text-body"></slot></template>'
        )
    credit = (
        '<div slot="credit-bar" class="flex justify-between text-12"><span class="flex '
        'items-center">'
        f'<a href="/r/{post["sub"]}/" class="font-bold text-neutral-content">r/{post["sub"]}</a>'
        '<span class="inline-block my-0 created-separator">&#8226;</span>'
        f'{timeago(post["created"], saved)}</span><div class="flex items-center">'
        '<faceplate-tracker source="post_detail" action="click" noun="user_profile">'
        f'<a href="/user/{esc(post["author"])}/" class="author-name whitespace-nowrap '
        'text-neutral-content">'
        f"{esc(post['author'])}</a></faceplate-tracker></div></div>"
    )
    title = (
        f'<h1 slot="title" id="post-title-t3_{post["id"]}" class="font-semibold '
        "text-neutral-content-strong "
        f'm-0 text-18 xs:text-24 mb-xs px-md xs:px-0 xs:mb-md">{esc(post["title"])}</h1>'
    )
    flair = ""
    if post.get("flair"):
        flair = (
            f'<shreddit-post-flair slot="post-flair"><a href="/r/{post["sub"]}/?f=flair_name%3A%22'
            f'{post["flair"]}%22"><span class="flair-content">{post["flair"]}</span></a>'
            "</shreddit-post-flair>"
        )
    body = ""
    if post.get("body"):
        body = (
            '<div class="text-neutral-content" slot="text-body"><div class="md text-14 max-h-none" '
            f'id="t3_{post["id"]}-post-rtjson-content" property="schema:articleBody">{post["body"]}'
            "</div></div>"
        )
    media = ""
    if link:
        media = (
            f'<faceplate-tracker slot="post-media-container" source="post_detail" action="click" '
            f'noun="outbound_link"><a href="{esc(link)}" class="post-link text-12 text-tone-2" '
            f'target="_blank" rel="noopener nofollow ugc">{esc(post["domain"])}</a>'
            "</faceplate-tracker>"
        )
    return (
        f"<shreddit-post {attrs}>{shadow_root}{credit}{title}{flair}{body}{media}</shreddit-post>"
    )


def page(post: Post, roots: list[C], saved: datetime, *, variant: str, prefix: str) -> str:
    shadow = variant == "linkpost"
    permalink = f"https://www.reddit.com/r/{post['sub']}/comments/{post['id']}/{post['slug']}/"
    head = (
        '<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, '
        'initial-scale=1">'
        f"<title>{esc(post['title'])} : r/{post['sub']}</title>"
        f'<link rel="canonical" href="{permalink}">'
        f'<meta property="og:title" content="{esc(post["title"])}">'
        f'<meta property="og:url" content="{permalink}">'
        '<meta property="og:site_name" content="Reddit">'
        '<link rel="stylesheet" href="https://www.redditstatic.com/shreddit/assets/shell.css">'
        '<script nonce="x">window.__SHREDDIT_CONFIG = {"locale":"en-US"};</script>'
        "<style>shreddit-comment{display:block}faceplate-partial{display:contents}</style></head>"
    )
    tree = (
        '<shreddit-comments-sort-dropdown sort="CONFIDENCE" class="block"><button>Sort by: <span>'
        "Best</span></button></shreddit-comments-sort-dropdown>"
        f'<shreddit-comment-tree id="comment-tree" post-id="t3_{post["id"]}" '
        f'totalcomments="{post["comments"]}" '
        'sort="CONFIDENCE" seen-tracking-path="/svc/shreddit/events" collapsed-threshold="-3">'
        f"{tree_html(roots, post, saved, variant, shadow)}"
        '<faceplate-partial id="top-level-more-comments-partial" loading="action" method="post" '
        f'src="/svc/shreddit/more-comments/{post["sub"]}/t3_{post["id"]}?top-level=1&amp;sort=CONFI'
        'DENCE"><input type="hidden" name="cursor" value="dG9wLWxldmVsOjI1">'
        '<div class="flex justify-center"><button class="button button-secondary button-small" '
        'rpl="">View more comments</button></div></faceplate-partial></shreddit-comment-tree>'
    )
    main = (
        '<div class="grid-container grid"><div class="main-container flex gap-md w-full">'
        f'<main id="main-content" class="main w-full flex-grid--main-container-card">'
        f"{post_html(post, saved, shadow)}"
        '<faceplate-tracker source="post_detail" action="view" '
        f'noun="comments">{tree}</faceplate-tracker>'
        f"</main>{right_rail(post, variant == 'sample')}</div></div>"
    )
    body = (
        f'<body class="v2 m-0 theme-beta"><shreddit-app pagetype="post_detail" '
        f'routename="post_page" app-name="shreddit">{header()}{left_nav()}{main}{footer()}'
        "</shreddit-app></body>"
    )
    return f'{prefix}<!DOCTYPE html><html lang="en-US" class="theme-beta">{head}{body}</html>\n'
