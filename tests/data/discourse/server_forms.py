# ruff: noqa: E501 - the pages are real markup, one line as the sites write it
"""The pages a Discourse server sends, for the invented topic of ``spec.py``: the 2.4 page (crawler
view in ``<noscript>`` plus the ``data-preloaded`` JSON, whole or damaged) and a page of the
newer crawler view."""

from __future__ import annotations

import html
import json
from typing import Any

from spec import (
    BASE,
    CATEGORY,
    HOST,
    MORE_IN_STREAM,
    PAGE2_POSTS,
    POSTS,
    SLUG,
    TITLE,
    TOPIC_ID,
    TOPIC_URL,
    Post,
)


def iso(post: Post, edited: bool = False, millis: bool = True) -> str:
    moment = post.edited if edited else post.created
    assert moment is not None
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{stamp}.000Z" if millis else f"{stamp}Z"


def rails_json(value: Any) -> str:
    """JSON as Rails writes it into a page: ``<``, ``>`` and ``&`` as ``\\u003c`` and so on."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def post_json(post: Post) -> dict[str, Any]:
    by_number = {p.number: p for p in POSTS}
    target = by_number.get(post.reply_to) if post.reply_to else None
    data: dict[str, Any] = {
        "id": post.post_id,
        "name": post.name,
        "username": post.username,
        "avatar_template": f"/user_avatar/{HOST}/{post.username}/{{size}}/{post.post_id}_2.png",
        "created_at": iso(post),
        "cooked": post.cooked,
        "post_number": post.number,
        "post_type": 3 if post.small_action else 1,
        "updated_at": iso(post, edited=post.edited is not None),
        "reply_count": 0,
        "reply_to_post_number": post.reply_to,
        "quote_count": 1 if "aside" in post.cooked else 0,
        "incoming_link_count": 3,
        "reads": 41,
        "readers_count": 40,
        "score": 12.4,
        "yours": False,
        "topic_id": TOPIC_ID,
        "topic_slug": SLUG,
        "display_username": post.name,
        "version": 2 if post.edited is not None else 1,
        "can_edit": False,
        "user_title": None,
        "actions_summary": [{"id": 2, "count": post.likes}] if post.likes else [],
        "moderator": post.moderator,
        "admin": post.admin,
        "staff": post.moderator or post.admin,
        "user_id": post.post_id - 90000,
        "hidden": False,
        "trust_level": 2,
        "deleted_at": None,
        "user_deleted": post.deleted,
        "can_view_edit_history": True,
        "wiki": False,
        "accepted_answer": post.accepted,
    }
    if target is not None:
        data["reply_to_user"] = {"username": target.username, "avatar_template": "/a/{size}.png"}
    data.update(post.extra)
    return data


def preloaded_attribute(damaged: bool) -> str:
    posts = [post_json(p) for p in POSTS]
    topic = {
        "post_stream": {
            "posts": posts,
            "stream": [p.post_id for p in POSTS] + MORE_IN_STREAM,
        },
        "timeline_lookup": [[1, 320], [7, 319]],
        "suggested_topics": [
            {
                "id": 4790,
                "title": "Chain wax in sub-zero weather",
                "slug": "chain-wax",
                "posts_count": 4,
            }
        ],
        "tags": ["winter"],
        "id": TOPIC_ID,
        "title": TITLE,
        "fancy_title": TITLE.replace(":", "&#58;"),
        "posts_count": len(POSTS) + len(MORE_IN_STREAM),
        "created_at": iso(POSTS[0]),
        "views": 812,
        "slug": SLUG,
        "category_id": 14,
        "chunk_size": 20,
        "details": {"created_by": {"id": 101, "username": POSTS[0].username}},
    }
    site = {
        "default_archetype": "regular",
        "categories": [{"id": 14, "name": CATEGORY, "slug": "gear", "sort_order": ""}],
    }
    outer = {
        "site": rails_json(site),
        "siteSettings": rails_json({"title": "Spokehouse", "default_locale": "en"}),
        f"topic_{TOPIC_ID}": rails_json(topic),
    }
    text = html.escape(json.dumps(outer, ensure_ascii=False, separators=(",", ":")), quote=True)
    if damaged:
        # A save that rewrote one escaped quote, in the site data and inside post #3.
        text = text.replace("\\&quot;sort_order\\&quot;", "\\&quot;sort_order\\&quoquot;", 1)
        start = text.index("\\&quot;post_number\\&quot;:3,")
        key = "\\&quot;username\\&quot;"
        where = text.rindex(key, 0, start)
        text = text[:where] + "\\&quot;username\\&quoquot;" + text[where + len(key) :]
    return text


def crawler_post_24(post: Post) -> str:
    dates = f"<meta itemprop='datePublished' content='{iso(post, millis=False)}'>"
    if post.edited is not None:
        dates += (
            f"\n              <time itemprop='dateModified' datetime='{iso(post, True, False)}' "
            "class='post-time'>\n                January 10, 2025,  9:00am\n              </time>"
        )
    else:
        dates = (
            f"<time itemprop='datePublished' datetime='{iso(post, millis=False)}' class='post-time'>"
            "\n                January 10, 2025\n              </time>"
        )
    likes = "Like" if post.likes == 1 else "Likes"
    return f"""
    <div itemscope itemtype='http://schema.org/DiscussionForumPosting' class='topic-body crawler-post'>
        <div class='crawler-post-meta'>
          <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
            <a itemprop="url" href='{BASE}/u/{post.username}'><span itemprop='name'>{post.username}</span></a>
            ({post.name})
          </span>

          <span class="crawler-post-infos">
              {dates}
          <span itemprop='position'>#{post.number}</span>
          </span>
        </div>
        <div class='post' itemprop='articleBody'>
          {post.cooked}
        </div>

        <meta itemprop='headline' content='{html.escape(TITLE)}'>

        <div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
           <meta itemprop="interactionType" content="http://schema.org/LikeAction"/>
           <meta itemprop="userInteractionCount" content="{post.likes}" />
           <span class='post-likes'>{post.likes} {likes}</span>
         </div>
    </div>"""


def server_page(damaged: bool) -> str:
    crawled = "".join(crawler_post_24(p) for p in POSTS if not p.small_action)
    return f"""
<!DOCTYPE html>
<html lang="en" class="desktop-view not-mobile-device text-size-normal">
  <head>
    <meta charset="utf-8">
    <title>{html.escape(TITLE)} - {CATEGORY} - Spokehouse</title>
    <meta name="description" content="I haul two kids and a week of shopping on a longtail">
    <meta name="generator" content="Discourse 2.4.0.beta10 - https://github.com/discourse/discourse version 1f0c0ffee">
<link rel="canonical" href="{TOPIC_URL}" />
<meta property="og:site_name" content="Spokehouse" />
<meta property="og:url" content="{TOPIC_URL}" />
<meta property="og:title" content="{html.escape(TITLE)}" />
<meta property="article:published_time" content="{iso(POSTS[0], millis=False)}" />
    <meta id="data-discourse-setup" data-cdn="https://cdn.spokehouse.example" data-base-url="{BASE}" data-base-uri="" data-environment="production" data-default-locale="en">
  </head>

  <body>
    <noscript data-path="/t/{SLUG}/{TOPIC_ID}">
  <header class="d-header">
    <div class="wrap"><div class="contents"><div class="header-row"><div class="logo-wrapper">
      <a href="/"><img src="{BASE}/uploads/logo.png" alt="Spokehouse" id="site-logo"></a>
    </div></div></div></div>
  </header>

      <div id="main-outlet" class="wrap">
        <!-- preload-content: -->
          <h1 class="crawler-topic-title">
    <a href="/t/{SLUG}/{TOPIC_ID}">{html.escape(TITLE)}</a>
  </h1>

  <div id="breadcrumbs" itemscope itemtype="http://schema.org/BreadcrumbList">
      <div itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem">
        <a href="{BASE}/c/gear" class="badge-wrapper bullet" itemprop="item">
          <span class="badge-category-bg"></span>
          <span class="category-title" itemprop="name">{CATEGORY}</span>
        </a>
        <meta itemprop="position" content="1" />
      </div>
  </div>
{crawled}
        <!-- :preload-content -->
        <footer>
          <nav itemscope itemtype='http://schema.org/SiteNavigationElement'>
            <a href='/'>Home</a>
            <a href="/categories">Categories</a>
            <a href="/guidelines">FAQ/Guidelines</a>
          </nav>
        </footer>
      </div>

      <footer id='noscript-footer'>
        <p style="text-align:center;">Powered by <a href="https://www.discourse.org">Discourse</a>, best viewed with JavaScript enabled</p>
      </footer>
    </noscript>

<script src="https://cdn.spokehouse.example/assets/application-4f2a.br.js"></script>

    <section id='main'>
    </section>

    <div id='offscreen-content'>
    </div>

    <div class="hidden" id="data-preloaded" data-preloaded="{preloaded_attribute(damaged)}"></div>

    <script src="https://cdn.spokehouse.example/assets/start-discourse-9a1b.br.js"></script>
  </body>
</html>
"""


def crawler_post_new(post: Post) -> str:
    return f"""
          <div id='post_{post.number}' itemprop='comment' itemscope itemtype='http://schema.org/Comment' class='topic-body crawler-post'>
            <div class='crawler-post-meta'>
              <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
                <a itemprop="url" rel='nofollow' href='{BASE}/u/{post.username}'><span itemprop='name'>{post.username}</span></a>
              </span>
              <span class="crawler-post-infos">
                  <time itemprop='datePublished' datetime='{iso(post, millis=False)}' class='post-time'>
                    January 12, 2025
                  </time>
                  <meta itemprop='dateModified' content='{iso(post, millis=False)}'>
              <span itemprop='position'>{post.number}</span>
              </span>
            </div>
            <div class='post' itemprop='text'>
              {post.cooked}
            </div>
            <div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
              <meta itemprop="interactionType" content="http://schema.org/LikeAction"/>
              <meta itemprop="userInteractionCount" content="{post.likes}" />
              <span class='post-likes'>{post.likes or ""}</span>
            </div>
          </div>"""


def crawler_page2() -> str:
    posts = "".join(crawler_post_new(p) for p in PAGE2_POSTS)
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{html.escape(TITLE)} - Page 2 - {CATEGORY} - Spokehouse</title>
    <meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse/discourse version 7e1c0ffee">
    <link rel="canonical" href="{TOPIC_URL}?page=2" />
    <meta property="og:site_name" content="Spokehouse" />
    <meta property="og:article:section" content="{CATEGORY}" />
        <link rel="prev" href="/t/{SLUG}/{TOPIC_ID}">
        <link rel="next" href="/t/{SLUG}/{TOPIC_ID}?page=3">
  </head>
  <body class="crawler ">
    <header>
  <a href="/">Spokehouse</a>
</header>
    <div id="main-outlet" class="wrap" role="main">
        <div id="topic-title">
    <h1>
      <a href="/t/{SLUG}/{TOPIC_ID}">{html.escape(TITLE)}</a>
    </h1>
      <div class="topic-category" itemscope itemtype="http://schema.org/BreadcrumbList">
          <span itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem">
            <a href="/c/gear/14" class="badge-wrapper bullet" itemprop="item">
              <span class='badge-category-bg' style='background-color: #0E76BD'></span>
              <span class='badge-category clear-badge'>
                <span class='category-name' itemprop='name'>{CATEGORY}</span>
              </span>
            </a>
            <meta itemprop="position" content="1" />
          </span>
      </div>
  </div>
    <div itemscope itemtype='http://schema.org/DiscussionForumPosting'>
      <meta itemprop='headline' content='{html.escape(TITLE)}'>
      <link itemprop='url' href='{TOPIC_URL}'>
{posts}
    </div>
    <div role='navigation' itemscope itemtype='http://schema.org/SiteNavigationElement' class="topic-body crawler-post">
        <span itemprop='name'><a href='/t/{SLUG}/{TOPIC_ID}' rel='prev' itemprop='url'>&larr; previous page</a></span>
        <span itemprop='name'><b><a href='/t/{SLUG}/{TOPIC_ID}?page=3' rel='next' itemprop='url'>next page &rarr;</a></b></span>
    </div>
    </div>
    <footer class="container wrap">
      <nav class='crawler-nav'><ul><li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/' itemprop="url">Home </a></span></li></ul></nav>
      <p class='powered-by-link'>Powered by <a href="https://www.discourse.org">Discourse</a>, best viewed with JavaScript enabled</p>
    </footer>
  </body>
</html>
"""
