"""A saved Lemmy page: from its ``window.isoData`` when the page kept its scripts, with the
bodies as the page rendered them, else from its markup alone (SingleFile strips scripts).
Either way the markup is read once, as a stream (``dom.read_page``)."""

from __future__ import annotations

from ...clean import url_host
from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Thread
from . import dom, isodata


def parse_page(page: SavedPage) -> Thread:
    # The page as UTF-8 from here on (``SavedPage.utf8``): its ``str`` takes up to four times
    # as much, and the stream below reads the UTF-8 too.
    data = isodata.extract(page.utf8())
    if data is not None and isodata.has_thread(data):
        return _from_isodata(page, data)
    return _from_dom(page)


def _from_isodata(page: SavedPage, data: dict[str, object]) -> Thread:
    base, dom_post, read = dom.read_page(page, isodata.site_url(data), dom.Bodies)
    bodies = read.bodies
    if dom_post is not None and dom_post.body_html:
        bodies["post"] = dom_post.body_html
    post = isodata.read_post(data, bodies, base)
    roots, stubs = isodata.read_comments(data, bodies, read.order, base)
    view = isodata.post_view(data) or {}
    community = isodata.as_object(view.get("community"))
    raw_post = isodata.as_object(view.get("post"))
    name = raw_post.get("name")
    url = isodata.page_url(data) or page.url
    return Thread(
        title=name.strip() if isinstance(name, str) else "",
        url=url,
        site="lemmy",
        site_name=url_host(base),
        community=_community_name(community),
        post=post,
        comments=roots,
        language=isodata.language(data, raw_post.get("language_id")),
        missing=stubs,
    )


def _community_name(community: dict[str, object]) -> str | None:
    title, name = community.get("title"), community.get("name")
    if isinstance(title, str) and title.strip():
        return title.strip()
    return name if isinstance(name, str) else None


def _from_dom(page: SavedPage) -> Thread:
    base, post, tree = dom.read_page(page, None, dom.CommentTree)
    roots, stubs = tree.roots, tree.stubs
    if post is None and not roots:
        raise NoThreadFound(
            f"{page.source}: this Lemmy page holds no post and no comments; "
            "save the post's own page (…/post/NUMBER) after its comments have loaded"
        )
    thread = Thread(
        title=post.title if post else "",
        url=base,
        site="lemmy",
        site_name=url_host(base),
        community=post.community if post else None,
        comments=roots,
        missing=stubs,
    )
    if post is not None:
        score = post.upvotes - (post.downvotes or 0) if post.upvotes is not None else None
        thread.post = Comment(
            id="post",
            author=post.author,
            author_id=post.author_id,
            created=post.created,
            created_text=None if post.created else post.created_text,
            edited=post.edited,
            score=score,
            upvotes=post.upvotes,
            downvotes=post.downvotes,
            body_html=post.body_html,
            is_op=True,
            is_moderator=post.is_moderator,
            is_admin=post.is_admin,
            permalink=base,
        )
    return thread
