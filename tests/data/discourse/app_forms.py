# ruff: noqa: E501 - the pages are real markup, one line as the sites write it
"""The invented topic of ``spec.py`` as a browser saves it after Discourse's app ran: posts as
``article#post_N`` in ``div.topic-post``, no JSON."""

from __future__ import annotations

import html

from spec import BASE, CATEGORY, MORE_IN_STREAM, POSTS, TITLE, TOPIC_ID, TOPIC_URL, Post


def app_post(post: Post) -> str:
    if post.small_action:
        return f"""
      <div class="small-action onscreen-post" data-post-id="{post.post_id}" id="post_{post.number}" role="region">
        <div class="topic-avatar"></div><div class="small-action-desc"><p>closed on <span class="relative-date">Jan 10</span></p></div>
      </div>"""
    holder = ["topic-post", "clearfix", "regular"]
    if post.username == POSTS[0].username:
        holder.insert(2, "topic-owner")
    if post.accepted:
        holder.append("accepted-answer")
    if post.deleted:
        holder.append("deleted")
    names = ["first", "username"]
    if post.moderator:
        names.append("moderator")
    if post.admin:
        names += ["staff", "admin"]
    by_number = {p.number: p for p in POSTS}
    target = by_number.get(post.reply_to) if post.reply_to else None
    tab = ""
    if target is not None:
        tab = (
            f'<a tabindex="0" aria-controls="embedded-posts__top--{post.number}" aria-expanded='
            f'"false" title="Load parent post" class="reply-to-tab"><svg class="fa d-icon '
            f'd-icon-share svg-icon svg-node" aria-hidden="true"><use href="#share"></use></svg> '
            f'<img alt="" width="24" height="24" src="./topic_files/48.png" title="{target.username}"'
            f' class="avatar"> <span>{target.username}</span></a>'
        )
    edits = (
        '<div class="post-info edits"><button class="widget-button btn-flat btn-icon-text" '
        'title="post last edited on Jan 10, 2025 9:00 am"><svg class="fa d-icon d-icon-pencil-alt'
        ' svg-icon svg-node" aria-hidden="true"><use href="#pencil-alt"></use></svg><span '
        'class="d-button-label">1</span></button></div>'
        if post.edited is not None
        else ""
    )
    likes = (
        f'<button class="widget-button btn-flat button-count like-count highlight-action" '
        f'title="{post.likes} people liked this post"><span class="d-button-label">{post.likes}'
        "</span></button>"
        if post.likes
        else ""
    )
    millis = int(post.created.timestamp()) * 1000
    return f"""
      <div class="{" ".join(holder)}">
        <article id="post_{post.number}" aria-label="post #{post.number} by @{post.username}" role="region" data-post-id="{post.post_id}" data-topic-id="{TOPIC_ID}" data-user-id="{post.post_id - 90000}" class="boxed onscreen-post{" deleted" if post.deleted else ""}"><span aria-hidden="true" tabindex="-1" class="tabLoc"></span>
          <div class="row">
            <div class="topic-avatar"><div class="post-avatar"><a class="trigger-user-card main-avatar" href="{BASE}/u/{post.username}" data-user-card="{post.username}" aria-hidden="true" tabindex="-1"><img alt="" width="48" height="48" src="./topic_files/96.png" class="avatar"></a></div></div>
            <div class="topic-body clearfix">
              <div role="heading" aria-level="2" class="topic-meta-data">
                <div class="names trigger-user-card"><span class="{" ".join(names)}"><a href="{BASE}/u/{post.username}" data-user-card="{post.username}" class="">{post.username}</a></span><span class="second full-name"><a href="{BASE}/u/{post.username}" data-user-card="{post.username}">{post.name}</a></span></div>
                <div class="post-infos">{tab}{edits}
                  <div class="post-info post-date"><a class="widget-link post-date" href="{TOPIC_URL}/{post.number}" title="Post date"><span title="Jan 10, 2025 9:15 am" data-time="{millis}" data-format="tiny" class="relative-date">Jan 10</span></a></div>
                </div>
              </div>
              <div class="regular contents">
                <div class="cooked">{post.cooked}</div>
                <section class="post-menu-area clearfix"><nav class="post-controls expanded"><div class="actions">{likes}<button class="widget-button btn-flat share no-text btn-icon" title="share a link to this post"><svg class="fa d-icon d-icon-d-post-share svg-icon svg-node" aria-hidden="true"><use href="#link"></use></svg></button></div></nav></section>
              </div>
              <section class="post-actions"></section>
              <div class="post-links-container"></div>
            </div>
          </div>
        </article>
      </div>"""


def browser_page() -> str:
    posts = "".join(app_post(p) for p in POSTS)
    total = len(POSTS) + len(MORE_IN_STREAM)
    return f"""<!DOCTYPE html>
<!-- saved from url=(0071){TOPIC_URL} -->
<html lang="en" class="desktop-view not-mobile-device text-size-normal anon discourse-no-touch"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <title>{html.escape(TITLE)} - {CATEGORY} - Spokehouse</title>
    <meta name="generator" content="Discourse 3.0.1 - https://github.com/discourse/discourse version 5d2c0ffee">
    <link rel="canonical" href="{TOPIC_URL}">
    <meta property="og:site_name" content="Spokehouse">
    <link rel="stylesheet" href="./topic_files/desktop_theme.css">
</head>
<body class="crawler-disabled category-gear">
  <section id="main" class="ember-application">
    <div class="d-header-wrap"><header class="d-header clearfix"><div class="wrap"><div class="contents"><div class="title"><a href="{BASE}/"><img src="./topic_files/logo.png" alt="Spokehouse" id="site-logo" class="logo-big"></a></div></div></div></header></div>
    <div id="main-outlet-wrapper" class="wrap" role="main">
      <div id="main-outlet">
        <div id="ember379" class="regular ember-view">
          <div id="topic-title" class="ember-view"><div class="container"><div class="title-wrapper">
            <h1 data-topic-id="{TOPIC_ID}"><a href="{TOPIC_URL}" class="fancy-title">{html.escape(TITLE)}</a></h1>
            <div class="topic-category ember-view"><a class="badge-wrapper bullet" href="{BASE}/c/gear/14"><span class="badge-category-bg" style="background-color: #0E76BD;"></span><span data-drop-close="true" class="badge-category clear-badge" title="Tyres, racks, lights."><span class="category-name">{CATEGORY}</span></span></a></div>
          </div></div></div>
          <div class="container posts">
            <div class="topic-navigation with-timeline ember-view"><div class="timeline-container"><div class="topic-timeline"><div class="timeline-scrollarea-wrapper"><div class="timeline-scroller"><div class="timeline-scroller-content"><div class="timeline-replies">
                    1 / {total}
                </div><div class="timeline-ago">Jan 10</div></div></div></div></div></div></div>
            <div class="row">
              <section class="topic-area" id="topic" data-topic-id="{TOPIC_ID}">
                <div class="posts-wrapper"><div class="post-stream">{posts}
                </div></div>
              </section>
            </div>
          </div>
        </div>
        <div class="suggested-topics-wrapper"><div id="suggested-topics" class="suggested-topics" role="complementary"><h3 id="suggested-topics-title">Suggested Topics</h3>
          <table class="topic-list ember-view"><tbody class="topic-list-body"><tr data-topic-id="4790" class="topic-list-item category-gear ember-view"><td class="main-link clearfix topic-list-data"><span class="link-top-line"><a href="{BASE}/t/chain-wax/4790" class="title raw-link raw-topic-link" data-topic-id="4790">Chain wax in sub-zero weather</a></span></td><td class="num posts-map posts topic-list-data"><span class="number">3</span></td></tr></tbody></table>
        </div></div>
      </div>
    </div>
  </section>
</body></html>
"""
