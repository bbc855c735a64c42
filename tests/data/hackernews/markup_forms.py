"""HN's comment-row markup in three eras, written the way the server (or a browser's save) did.

- ``row_current``: 2023 onwards; ``td.ind[indent]``, ``span.age[title="ISO unixtime"]``,
  ``div.commtext`` (``span.commtext`` and an ISO-only title with ``era="2023"``).
- ``row_2017``: ``class='athing comtr '``, depth only as the spacer's width, no time in the
  age, the body in ``span.c00`` with the reply block inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spec import Spec, age_text

HN = "https://news.ycombinator.com/"


def subtree_sizes(comments: Sequence[Spec]) -> list[int]:
    """HN's ``n`` on the toggle: the comment plus all its replies."""
    sizes = []
    for i, spec in enumerate(comments):
        size = 1
        for later in comments[i + 1 :]:
            if later.depth <= spec.depth:
                break
            size += 1
        sizes.append(size)
    return sizes


def navs(comments: Sequence[Spec], i: int) -> list[tuple[str, str]]:
    """HN's navigation links: root, parent, prev (sibling), next (same depth or shallower)."""
    spec = comments[i]
    out = []
    ancestors: list[Spec] = []
    for earlier in reversed(comments[:i]):
        if earlier.depth < (ancestors[-1].depth if ancestors else spec.depth):
            ancestors.append(earlier)
    if spec.depth >= 2:
        out.append(("root", ancestors[-1].id))
    if spec.depth >= 1:
        out.append(("parent", ancestors[0].id))
    for earlier in reversed(comments[:i]):
        if earlier.depth < spec.depth:
            break
        if earlier.depth == spec.depth:
            out.append(("prev", earlier.id))
            break
    following = next((c for c in comments[i + 1 :] if c.depth <= spec.depth), None)
    if following is not None:
        out.append(("next", following.id))
    return out


def closed_paragraphs(body: str) -> str:
    """A browser's DOM: each ``<p>`` closed, and a ``<p>`` before ``<pre>`` left empty."""
    first, *rest = body.split("<p>")
    out = [first]
    for segment in rest:
        out.append(f"<p></p>{segment}" if segment.startswith("<pre>") else f"<p>{segment}</p>")
    return "".join(out)


def _absolute_links(body: str) -> str:
    return body.replace('href="item?', f'href="{HN}item?')


def row_current(
    comments: Sequence[Spec], i: int, story_id: str, n: int, *, era: str = "2025"
) -> str:
    spec = comments[i]
    base = HN if era == "2023" else ""
    when = spec.created
    age = ""
    if when is not None and spec.minutes is not None:
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S")
        title = stamp if era == "2023" else f"{stamp} {int(when.timestamp())}"
        age = (
            f'<span class="age" title="{title}"><a href="{base}item?id={spec.id}">'
            f"{age_text(spec.minutes)}</a></span> "
        )
    user = (
        f'<a href="{base}user?id={spec.author}" class="hnuser">{spec.author}</a> '
        if spec.author
        else ""
    )
    mark = f" {spec.mark} " if spec.mark else ""
    links = " | ".join(
        f'<a href="{base}item?id={story_id}#{target}" class="clicky" aria-hidden="true">{word}</a>'
        if era == "2023"
        else f'<a href="#{target}" class="clicky" aria-hidden="true">{word}</a>'
        for word, target in navs(comments, i)
    )
    tag = "span" if era == "2023" else "div"
    body = spec.body if era == "2025" else _absolute_links(closed_paragraphs(spec.body))
    classes = "athing comtr" + (" coll" if spec.coll else "") + (" noshow" if spec.hidden else "")
    toggle = f"[{n} more]" if spec.coll else "[&#x2013;]"
    vote = (
        f'<a id="up_{spec.id}" href="{base}vote?id={spec.id}&amp;how=up&amp;goto=item%3Fid%3D'
        f'{story_id}"><div class="votearrow" title="upvote"></div></a>'
        if spec.author
        else '<img src="s.gif" height="1" width="14">'
    )
    return f"""
            <tr class="{classes}" id="{spec.id}"><td><table border="0">  <tr>    <td class="ind" indent="{spec.depth}"><img src="{base}s.gif" height="1" width="{spec.depth * 40}"></td><td valign="top" class="votelinks">
      <center>{vote}</center>    </td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">
          {user}{age}<span id="unv_{spec.id}"></span>{mark}          <span class="navs">
             | {links} <a class="togg clicky" id="{spec.id}" n="{n}" href="javascript:void(0)">{toggle}</a><span class="onstory"></span>          </span>
                  </span></div><br><div class="comment">
                  <{tag} class="commtext {spec.colour}">{body}</{tag}>
              <div class="reply">        <p><font size="1">
                      <u><a href="{base}reply?id={spec.id}&amp;goto=item%3Fid%3D{story_id}%23{spec.id}" rel="nofollow">reply</a></u>
                  </font>
      </p></div></div></td></tr>
        </table></td></tr>"""  # noqa: E501


def row_2017(spec: Spec, story_id: str, n: int) -> str:
    age = age_text(spec.minutes) if spec.minutes is not None else ""
    return f"""
                <tr class='athing comtr ' id='{spec.id}'><td>
            <table border='0'>  <tr>    <td class='ind'><img src="s.gif" height="1" width="{spec.depth * 40}"></td><td valign="top" class="votelinks"><center><a id='up_{spec.id}' onclick='return vote(event, this, "up")' href='vote?id={spec.id}&amp;how=up&amp;goto=item%3Fid%3D{story_id}#{spec.id}'><div class='votearrow' title='upvote'></div></a></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">
          <a href="user?id={spec.author}" class="hnuser">{spec.author}</a> <span class="age"><a href="item?id={spec.id}">{age}</a></span> <span id="unv_{spec.id}"></span><span class="par"></span> <a class="togg" n="{n}" href="javascript:void(0)" onclick="return toggle(event, {spec.id})">[-]</a>          <span class='storyon'></span>
                  </span></div><br><div class="comment">
                  <span class="{spec.colour}">{spec.body}<span>
              </span><div class='reply'>        <p><font size="1">
                      <u><a href="reply?id={spec.id}&amp;goto=item%3Fid%3D{story_id}%23{spec.id}">reply</a></u>
                  </font>
      </div></span></div></td></tr>
        </table></td></tr>"""  # noqa: E501
