"""The DOM pieces of a post page: person listing, badges, votes, comments, post, sidebar.

Each function returns one lemmy-ui component's HTML for a given output flavour (``Html``);
``page.py`` puts them together with the page chrome.
"""

from __future__ import annotations

from .content import (
    ADMINS,
    COMMUNITY,
    EN,
    HOST,
    LANGUAGES,
    MODERATORS,
    OP,
    PEOPLE,
    POST,
    STATIC,
    Person,
)
from .formatting import Html, icon, num_to_si, plural, relative_time, tippy_time
from .markdown import render_markdown
from .thread import Comment, total_comments


def person_listing(h: Html, p: Person) -> str:
    img = f"{STATIC}/assets/icons/icon-96x96.png"
    href = f"/u/{p.name}" if p.local else f"/u/{p.name}@{p.host}"
    remote = "" if p.local else f'<small class="text-muted">@{h.text(p.host)}</small>'
    return (
        f'<a class="person-listing d-inline-flex align-items-baseline text-info" '
        f'title="{h.attr(p.shown)}" href="{h.attr(href)}"><picture>'
        f'<source srcset="{img}" type="image/webp"><source srcset="{img}">'
        f'<source srcset="{img}" type="image/jpeg">'
        f'<img class="overflow-hidden pictrs-image object-fit-cover img-icon me-1" src="{img}" '
        f'alt="" title="" loading="lazy"></picture><span>{h.text(p.shown)}</span>{remote}</a>'
    )


def user_badges(name: str, is_post_creator: bool) -> str:
    badges: list[tuple[str, str, str]] = []
    if is_post_creator:
        badges.append(("info", "creator", "OP"))
    if name in MODERATORS:
        badges.append(("primary", "mod", "M"))
    if name in ADMINS:
        badges.append(("danger", "admin", "A"))
    if not badges:
        return ""
    cols = "".join(
        f'<span class="col"><span class="badge text-{color} border border-{color}" '
        f'aria-label="{label}" data-tippy-content="{label}">{text}</span></span>'
        for color, label, text in badges
    )
    return f'<span class="row d-inline-flex gx-1 ms-1">{cols}</span>'


def moment(published: str, updated: str | None) -> str:
    if updated is None:
        return (
            f'<span class="moment-time pointer unselectable" '
            f'data-tippy-content="{tippy_time(published)}">{relative_time(published)}</span>'
        )
    tip = f"Created: {tippy_time(published)}\n\n\nModified {tippy_time(updated)}"
    return (
        f'<span class="moment-time fst-italic pointer unselectable" data-tippy-content="{tip}">'
        f"{icon('edit-2', 'icon icon-inline me-1')}{relative_time(updated)}</span>"
    )


def language_name(language_id: int) -> str:
    return next(n for i, _, n in LANGUAGES if i == language_id)


def votes(h: Html, c: Comment) -> str:
    # In the saved DOM the distinguished comment's vote spans carry no class attribute at
    # all (Inferno re-created that node on the client); elsewhere they keep class="".
    cls = "" if (h.mode == "dom" and c.distinguished) else ' class=""'
    up_label = plural(c.upvotes, "Upvote")
    up = (
        f'<span{cls} aria-label="{up_label}" data-tippy-content="{up_label}">'
        f"{icon('arrow-up', 'icon me-1 icon-inline small')}{c.upvotes}</span>"
    )
    if c.downvotes == 0:
        return f'<span class="">{up}</span>'
    down_label = plural(c.downvotes, "Downvote")
    down = (
        f'<span{cls} aria-label="{down_label}" data-tippy-content="{down_label}">'
        f"{icon('arrow-down', 'icon me-1 icon-inline small')}{c.downvotes}</span>"
    )
    return f'<span class="me-1">{up}</span>{down}'


def comment_body(c: Comment) -> str:
    if c.removed:
        return render_markdown("*Removed by mod*")
    if c.deleted:
        return render_markdown("*deleted by creator*")
    return render_markdown(c.content)


def comment_node(h: Html, c: Comment) -> str:
    p = c.person
    mark = " mark" if c.distinguished else ""
    shield = icon("shield", "icon text-danger ms-1 icon-inline") if c.distinguished else ""
    lang = (
        f'<span class="badge text-bg-light d-none d-sm-inline me-2">'
        f"{language_name(c.language_id)}</span>"
        if c.language_id != 0
        else ""
    )
    header = (
        '<div class="d-flex flex-wrap align-items-center text-muted small">'
        '<button class="btn btn-sm btn-link text-muted me-2" aria-label="Collapse" '
        f'data-tippy-content="Collapse">{icon("minus-square", "icon icon-inline")}</button>'
        f"{person_listing(h, p)}{shield}{user_badges(c.author, c.author == OP)}"
        f'<a class="btn btn-link btn-animate text-muted btn-sm" title="link" '
        f'href="/post/{POST["id"]}/{c.id}">{icon("link", "icon icon-inline")}</a>'
        f'<a class="btn btn-link btn-animate text-muted btn-sm" title="link" '
        f'href="{c.ap_id}">{icon("fedilink", "icon icon-inline")}</a>{lang}'
        '<div class="me-lg-5 flex-grow-1 flex-lg-grow-0 unselectable pointer mx-2"></div>'
        f'<div><span class="unselectable">{votes(h, c)}<span class="mx-2">·</span></span></div>'
        f"<span>{moment(c.published, c.updated)}</span></div>"
    )
    article = (
        f'<article class="details comment-node py-2 border-top border-light{mark}" '
        f'id="comment-{c.id}"><div class="ms-2">{header}'
        f'<div class="comment-content"><div class="md-div">{h.markdown(comment_body(c))}'
        "</div></div>"
        '<div class="comment-bottom-btns d-flex justify-content-start column-gap-1.5 flex-wrap '
        'text-muted fw-bold mt-1 align-items-center"></div></div></article>'
    )
    after = ""
    if c.replies:
        after = comment_list(h, c.replies, c.depth + 1)
    elif c.child_count:
        more = "1 more reply" if c.child_count == 1 else f"{num_to_si(c.child_count)} more replies"
        after = (
            '<div class="details ms-1 comment-node py-2 border-top border-light" '
            f'style="{h.more_style(c.depth)}"><button class="btn btn-link text-muted">'
            f"{more} ➔</button></div>"
        )
    return f'<li class="comment list-unstyled">{article}{after}</li>'


def comment_list(h: Html, nodes: list[Comment], depth: int) -> str:
    items = "".join(comment_node(h, c) for c in nodes)
    if depth == 0:
        return f'<ul class="comments border-top border-light">{items}</ul>'
    ms = " ms-1" if depth > 1 else ""
    return (
        f'<ul class="comments{ms} border-top border-light" '
        f'style="{h.child_style(depth - 1)}">{items}</ul>'
    )


def post_listing(h: Html) -> str:
    op = PEOPLE[POST["author"]]
    pid = POST["id"]
    up, down = POST["upvotes"], POST["downvotes"]
    score = up - down
    n = total_comments()
    vote_tip = f"{plural(up, 'Upvote')} · {plural(down, 'Downvote')}"
    comm = COMMUNITY
    header = (
        f'<div class="small mb-1 mb-md-0">{person_listing(h, op)}{user_badges(op.name, False)}'
        f' to <a class="community-link " title="{h.attr(comm["title"])}" '
        f'href="/c/{comm["name"]}"><span class="overflow-wrap-anywhere">'
        f'{h.text(comm["title"])}</span></a><span class="mx-1 badge text-bg-light">'
        f"{language_name(EN)}</span> · {moment(POST['published'], POST['updated'])}</div>"
    )
    title = (
        f'<div class="post-title"><h1 class="h5 d-inline text-break">'
        f'<a class="d-inline link-dark" title="Comments" href="/post/{pid}">'
        f'<span class="d-inline">{h.text(POST["name"])}</span></a></h1></div>'
    )
    thumb = (
        f'<a class="text-body" title="Comments" href="/post/{pid}">'
        '<div class="thumbnail rounded bg-light d-flex justify-content-center">'
        f"{icon('message-square', 'icon d-flex align-items-center')}</div></a>"
    )
    comments_link = (
        f'<a class="btn btn-link btn-sm text-muted ps-0" title="{plural(n, "Comment")}" '
        f'data-tippy-content="{plural(n, "Comment")}" href="/post/{pid}?scrollToComments=true">'
        f"{icon('message-square', 'icon me-1 icon-inline')}{n}</a>"
    )
    links = (
        f'<a class="btn btn-link btn-animate text-muted" title="link" href="/post/{pid}">'
        f"{icon('link', 'icon icon-inline')}</a>"
        f'<a class="btn btn-sm btn-link btn-animate text-muted py-0" title="link" '
        f'href="https://{HOST}/post/{pid}">{icon("fedilink", "icon icon-inline")}</a>'
    )
    view_source = (
        '<button class="btn btn-sm btn-link btn-animate text-muted py-0" '
        'data-tippy-content="view source" aria-label="view source">'
        f"{icon('file-text', 'icon icon-inline')}</button>"
    )
    disabled = h.flag("disabled")
    mobile = (
        '<div class="d-block d-sm-none"><article class="row post-container"><div class="col-12">'
        f'{header}<div class="row"><div class="col-9">{title}</div>'
        f'<div class="col-3 mobile-thumbnail-container">{thumb}</div></div>'
        '<div class="d-flex align-items-center justify-content-start flex-wrap text-muted">'
        f"{comments_link}{links}"
        '<button class="btn btn-animate btn-sm btn-link py-0 px-1 text-muted" type="button" '
        f'data-tippy-content="{vote_tip}"{disabled} aria-label="Upvote" aria-pressed="false">'
        f'{icon("arrow-up1", "icon icon-inline small")}<span class="ms-2">{up}</span></button>'
        '<button class="ms-2 btn btn-sm btn-link btn-animate btn py-0 px-1 text-muted" '
        f'type="button"{disabled} data-tippy-content="{vote_tip}" aria-label="Downvote" '
        f'aria-pressed="false">{icon("arrow-down1", "icon icon-inline small")}'
        f'<span class="ms-2">{down}</span></button>{view_source}</div></div></article></div>'
    )
    desktop = (
        '<div class="d-none d-sm-block"><article class="row post-container">'
        '<div class="col flex-grow-0"><div class="vote-bar small text-center">'
        f'<button class="btn-animate btn btn-link p-0 text-muted" type="button"{disabled} '
        f'data-tippy-content="{vote_tip}" aria-label="Upvote" aria-pressed="false">'
        f"{icon('arrow-up1', 'icon upvote')}</button>"
        f'<div class="unselectable pointer text-muted post-score" data-tippy-content="{vote_tip}">'
        f"{score}</div>"
        f'<button class="btn-animate btn btn-link p-0 text-muted" type="button"{disabled} '
        f'data-tippy-content="{vote_tip}" aria-label="Downvote" aria-pressed="false">'
        f"{icon('arrow-down1', 'icon downvote')}</button></div></div>"
        '<div class="col flex-grow-1"><div class="row"><div class="col flex-grow-0 px-0">'
        f'<div class="">{thumb}</div></div><div class="col flex-grow-1">{title}{header}'
        '<div class="d-flex align-items-center justify-content-start flex-wrap text-muted">'
        f"{comments_link}{links}{view_source}</div></div></div></div></article></div>"
    )
    body = h.markdown(render_markdown(POST["body"]))
    return (
        f'<div class="post-listing mt-2">{mobile}{desktop}'
        f'<article class="col-12 card my-2 p-2" id="postContent"><div class="md-div">{body}'
        "</div></article></div>"
    )


def sidebar(h: Html) -> str:
    comm = COMMUNITY
    name, title, cid = comm["name"], comm["title"], comm["id"]
    subs, posts, comments, day, week, month, half, local = comm["counts"]
    mods = "".join(
        f'<li class="list-inline-item">{person_listing(h, PEOPLE[m])}</li>' for m in MODERATORS
    )
    required = h.flag("required")
    return (
        '<aside class="d-none d-md-block col-md-4 col-lg-3"><div class="community-sidebar">'
        '<aside class="mb-3"><div id="sidebarContainer">'
        '<section class="card border-secondary mb-3" id="sidebarMain"><div class="card-body">'
        '<div><h2 class="h5 mb-0"><span class="me-2">'
        f'<a class="community-link " title="{h.attr(title)}" href="/c/{name}">'
        f'<span class="overflow-wrap-anywhere">{h.text(title)}</span></a></span></h2>'
        f'<a class="community-link text-muted" title="{name}" href="/c/{name}" '
        f'rel="noopener nofollow"><span class="overflow-wrap-anywhere">{name}</span></a></div>'
        '<button class="btn d-block mb-2 w-100 btn-secondary" type="button" '
        'data-bs-toggle="modal" data-bs-target="#remoteFetchModal">Subscribe</button>'
        '<div class="modal fade" id="remoteFetchModal" tabindex="-1" aria-hidden="true" '
        'aria-labelledby="#remoteFetchModalTitle"><div class="modal-dialog '
        'modal-dialog-centered modal-fullscreen-sm-down"><div class="modal-content">'
        '<header class="modal-header"><h3 class="modal-title" id="remoteFetchModalTitle">'
        "Subscribe from Remote Instance</h3>"
        '<button class="btn-close" type="button" data-bs-dismiss="modal" aria-label="Close">'
        "</button></header>"
        '<form class="modal-body d-flex flex-column justify-content-center" '
        'id="remote-fetch-form"><label class="form-label" for="remoteFetchInstance">'
        "Enter the instance you would like to follow this community from</label>"
        '<input class="form-control" type="text" id="remoteFetchInstance" name="instance" '
        f'value=""{required} enterkeyhint="go" inputmode="url"></form>'
        '<footer class="modal-footer"><button class="btn btn-danger" type="button" '
        'data-bs-dismiss="modal">Cancel</button><button class="btn btn-success" '
        'type="submit" form="remote-fetch-form">Fetch Community</button></footer>'
        "</div></div></div>"
        f'<a class="btn btn-secondary d-block mb-2 w-100 " href="/create_post?communityId={cid}">'
        "Create a post</a>"
        '<form class="d-flex"><input class="form-control flex-initial" name="q" type="search" '
        f'placeholder="Search..." aria-label="Search"{required} minlength="1">'
        '<button class="btn btn-outline-secondary ms-1" type="submit">'
        f"{icon('search', 'icon')}</button></form>"
        '<div class="alert alert-info" role="alert"><div interpolation="[object Object]">'
        "You are not logged in. However you can subscribe from another Fediverse account, for "
        "example Lemmy or Mastodon. To do this, paste the following into the search field of "
        f'your instance: <code class="user-select-all">!{name}@{HOST}</code></div></div>'
        "</div></section>"
        '<section class="card border-secondary mb-3" id="sidebarInfo"><div class="card-body">'
        f'<div class="md-div">{h.markdown(render_markdown(comm["description"]))}</div>'
        '<div><div class="fw-semibold mb-1"><span class="align-middle">'
        f"{h.text('Visibility:' + chr(0xA0))}</span>"
        '<span class="fs-5 fw-medium align-middle">Public'
        f"{icon('globe', 'icon ms-1 text-secondary icon-inline')}</span></div>"
        "<p>This community can be federated to other instances and be posted/commented in by "
        "their users.</p></div>"
        '<ul class="badges my-1 list-inline">'
        '<li class="list-inline-item badge text-bg-secondary pointer" '
        f'data-tippy-content="{num_to_si(day)} active users in the last day">'
        f"{num_to_si(day)} users / day</li>"
        '<li class="list-inline-item badge text-bg-secondary pointer" '
        f'data-tippy-content="{num_to_si(week)} active users in the last week">'
        f"{num_to_si(week)} users / week</li>"
        '<li class="list-inline-item badge text-bg-secondary pointer" '
        f'data-tippy-content="{num_to_si(month)} active users in the last month">'
        f"{num_to_si(month)} users / month</li>"
        '<li class="list-inline-item badge text-bg-secondary pointer" '
        f'data-tippy-content="{num_to_si(half)} active users in the last 6 months">'
        f"{num_to_si(half)} users / 6 months</li>"
        f'<li class="list-inline-item badge text-bg-secondary">{num_to_si(local)} local '
        "subscribers</li>"
        f'<li class="list-inline-item badge text-bg-secondary">{num_to_si(subs)} subscribers'
        "</li>"
        f'<li class="list-inline-item badge text-bg-secondary">{num_to_si(posts)} Posts</li>'
        f'<li class="list-inline-item badge text-bg-secondary">{num_to_si(comments)} Comments'
        "</li>"
        f'<li class="list-inline-item"><a class="badge text-bg-primary" href="/modlog/{cid}">'
        "Modlog</a></li></ul>"
        f'<ul class="list-inline small"><li class="list-inline-item">mods: </li>{mods}</ul>'
        "</div></section></div></aside></div></aside>"
    )
