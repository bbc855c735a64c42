# ruff: noqa: E501 - the pages are real markup, one line as the sites write it
"""Write the Stack Exchange test pages, the sample page and their truth (``expected.json``).

Run from the repository root: ``python tests/data/stackexchange/make_pages.py``. The pages are
the invented questions of ``spec.py`` in SE's real markup:

- ``question_2022.html``: Stack Overflow as saved from the browser in 2022 (``.js-post-body``,
  ``.js-vote-count[data-value]``, ``li.comment``, an answers pager), also written as
  ``samples/stackexchange-question.html``;
- ``question_2016.html``: Super User in the table layout of 2016 (``.post-text``,
  ``span.vote-count-post``, ``tr.comment``, ``vote-accepted-on``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from forms_2016 import page_2016
from spec import (
    SO_ANSWER_TOTAL,
    SO_ANSWERS,
    SO_HOST,
    SO_QUESTION,
    SO_TITLE,
    SU_ANSWERS,
    SU_HOST,
    SU_QUESTION,
    SU_TITLE,
    Entry,
    Note,
    slug,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
MORE_PAGES = (
    "This saved page is one of several pages of the thread; save the others too and give "
    "them all together, in any order, to make one book"
)


def signature_2022(entry: Entry, verb: str) -> str:
    edit = ""
    if entry.editor is not None:
        name, uid, when = entry.editor
        edit = f"""
            <div class="post-signature flex--item">
              <div class="user-info user-hover">
                <div class="user-action-time">
                  <a href="/posts/{entry.id}/revisions" title="show all edits to this post" class="js-gps-track">edited <span title="{when}" class="relativetime">Mar 14, 2022 at 11:40</span></a>
                </div>
                <div class="user-gravatar32"><a href="/users/{uid}/{slug(name)}"><div class="gravatar-wrapper-32"><img src="https://i.stack.imgur.com/x{uid}.jpg?s=64&amp;g=1" alt="{name}'s user avatar" width="32" height="32" class="bar-sm"></div></a></div>
                <div class="user-details">
                  <a href="/users/{uid}/{slug(name)}">{name}</a>
                  <div class="-flair"><span class="reputation-score" title="reputation score 2,310" dir="ltr">2,310</span><span title="9 silver badges" aria-hidden="true"><span class="badge2"></span><span class="badgecount">9</span></span><span class="v-visible-sr">9 silver badges</span></div>
                </div>
              </div>
            </div>"""
    owner = " owner" if verb == "asked" else ""
    return f"""{edit}
            <div class="post-signature{owner} flex--item fl0">
              <div class="user-info user-hover">
                <div class="user-action-time">
                  {verb} <span title="{entry.when}" class="relativetime">Mar 14, 2022 at 9:12</span>
                </div>
                <div class="user-gravatar32"><a href="/users/{entry.user_id}/{slug(entry.user)}"><div class="gravatar-wrapper-32"><img src="https://i.stack.imgur.com/a{entry.user_id}.jpg?s=64&amp;g=1" alt="{entry.user}'s user avatar" width="32" height="32" class="bar-sm"></div></a></div>
                <div class="user-details" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person">
                  <a href="/users/{entry.user_id}/{slug(entry.user)}">{entry.user}</a><span class="d-none" itemprop="name">{entry.user}</span>
                  <div class="-flair"><span class="reputation-score" title="reputation score 14,202" dir="ltr">14.2k</span><span title="3 gold badges" aria-hidden="true"><span class="badge1"></span><span class="badgecount">3</span></span><span class="v-visible-sr">3 gold badges</span></div>
                </div>
              </div>
            </div>"""


def comment_2022(note: Note, post_id: str) -> str:
    score = (
        f"""<span title="number of 'useful comment' votes received" class="cool">{note.score}</span>"""
        if note.score
        else ""
    )
    if note.user_id:
        who = f'<a href="/users/{note.user_id}/{slug(note.user)}" title="1,204 reputation" class="comment-user">{note.user}</a>'
    else:
        who = f'<span class="comment-user">{note.user}</span>'
    edited = (
        '<span title="this comment was edited 1 time"><svg aria-hidden="true" class="va-text-bottom'
        ' o50 svg-icon iconPencilSm" width="14" height="14" viewBox="0 0 14 14"><path d="M11.1 '
        "1.71l1.13 1.12c.2.2.2.51 0 .71L11.1 4.7 9.21 2.86l1.17-1.15c.2-.2.51-.2.71 0zM2 10.12l6.37"
        '-6.43 1.88 1.88L3.88 12H2v-1.88z"></path></svg></span>'
        if note.edited
        else ""
    )
    return f"""
                <li id="comment-{note.id}" class="comment js-comment" data-comment-id="{note.id}" data-comment-owner-id="{note.user_id or -1}" data-comment-score="{note.score}">
                  <div class="js-comment-actions comment-actions">
                    <div class="comment-score js-comment-edit-hide">{score}</div>
                  </div>
                  <div class="comment-text js-comment-text-and-form">
                    <div class="comment-body js-comment-edit-hide">
                      <span class="comment-copy">{note.body}</span>
                      <div class="d-inline-flex ai-center">–&nbsp;{who}</div>
                      <span class="comment-date" dir="ltr"><a class="comment-link" href="#comment{note.id}_{post_id}" aria-label="Link to comment"><span title="{note.when}, License: CC BY-SA 4.0" class="relativetime-clean">Mar 14, 2022 at 9:20</span></a></span>{edited}
                    </div>
                  </div>
                </li>"""


def comments_2022(entry: Entry) -> str:
    notes = "".join(comment_2022(n, entry.id) for n in entry.notes)
    more = (
        f'<a class="js-show-link comments-link " title="Expand to show all comments on this post"'
        f' href="#" onclick="" role="button">Show <b>{entry.more_notes}</b> more comments</a>'
        if entry.more_notes
        else '<a class="js-show-link comments-link dno" title="Expand to show all comments on '
        'this post" href="#" onclick="" role="button"></a>'
    )
    return f"""
          <div class="post-layout--right js-post-comments-component">
            <div id="comments-{entry.id}" class="comments js-comments-container bt bc-black-075 mt12" data-post-id="{entry.id}" data-min-length="15">
              <ul class="comments-list js-comments-list" data-remaining-comments-count="{entry.more_notes}" data-canpost="false" data-cansee="true" data-comments-unavailable="false" data-addlink-disabled="true">{notes}
              </ul>
            </div>
            <div id="comments-link-{entry.id}" data-rep="50" data-anon="true">
              <a class="js-add-link comments-link dno" title="Use comments to ask for more information or suggest improvements." href="#" role="button"></a> <span class="js-link-separator dno">&nbsp;|&nbsp;</span> {more}
            </div>
          </div>"""


def post_2022(entry: Entry, kind: str) -> str:
    vote = f"""
            <div class="js-voting-container d-flex jc-center fd-column ai-stretch gs4 fc-black-200" data-post-id="{entry.id}">
              <button class="js-vote-up-btn flex--item s-btn s-btn__unset c-pointer" aria-pressed="false" aria-label="Up vote"><svg aria-hidden="true" class="svg-icon iconArrowUpLg" width="36" height="36" viewBox="0 0 36 36"><path d="M2 25h32L18 9 2 25Z"></path></svg></button>
              <div class="js-vote-count flex--item d-flex fd-column ai-center fc-black-500 fs-title" itemprop="upvoteCount" data-value="{entry.score}">{entry.score}</div>
              <button class="js-vote-down-btn flex--item s-btn s-btn__unset c-pointer" aria-pressed="false" aria-label="Down vote"><svg aria-hidden="true" class="svg-icon iconArrowDownLg" width="36" height="36" viewBox="0 0 36 36"><path d="M2 11h32L18 27 2 11Z"></path></svg></button>
              {'<div class="js-accepted-answer-indicator flex--item fc-green-700 py6 mtn8' + ("" if entry.accepted else " d-none") + '" data-s-tooltip-placement="right" title="Loading when this answer was accepted…" tabindex="0" role="note" aria-label="Accepted"><div class="ta-center"><svg aria-hidden="true" class="svg-icon iconCheckmarkLg" width="36" height="36" viewBox="0 0 36 36"><path d="m6 14 8 8L30 6v8L14 30l-8-8v-8Z"></path></svg></div></div>' if kind == "answer" else ""}
            </div>"""
    notice = (
        '<div><aside class="s-notice s-notice__info post-notice js-post-notice mb16" role="status">'
        '<div class="d-flex fd-column fw-nowrap"><div class="flex--item wmn0 fl1 lh-lg"><b>Want to '
        "improve this post?</b> Provide detailed answers to this question, including citations."
        "</div></div></aside></div>"
        if kind == "question"
        else ""
    )
    verb = "asked" if kind == "question" else "answered"
    return f"""
        <div class="post-layout">
          <div class="votecell post-layout--left">{vote}
          </div>
          <div class="{"postcell" if kind == "question" else "answercell"} post-layout--right">
            <div class="s-prose js-post-body" itemprop="text">{notice}
{entry.body}
            </div>
            <div class="mt24 mb12"><div class="d-flex fw-wrap ai-start jc-end gs8 gsy">
              <div class="flex--item mr16" style="flex: 1 1 100px;"><div class="js-post-menu pt2" data-post-id="{entry.id}"><div class="d-flex gs8 s-anchors s-anchors__muted fw-wrap"><div class="flex--item"><a href="/{verb[0]}/{entry.id}" rel="nofollow" itemprop="url" class="js-share-link js-gps-track" title="Short permalink to this {kind}">Share</a></div><div class="flex--item"><a href="/posts/{entry.id}/edit" class="js-suggest-edit-post js-gps-track" title="">Improve this {kind}</a></div></div></div></div>{signature_2022(entry, verb)}
            </div></div>
          </div>
          <span class="d-none" itemprop="commentCount">{len(entry.notes) + entry.more_notes}</span>{comments_2022(entry)}
        </div>"""


def page_2022() -> str:
    q = SO_QUESTION
    url = f"https://{SO_HOST}/questions/{q.id}/{slug(SO_TITLE)}"
    answers = "".join(
        f"""<a name="{a.id}"></a>
      <div id="answer-{a.id}" class="answer js-answer{" accepted-answer js-accepted-answer" if a.accepted else ""}" data-answerid="{a.id}" data-parentid="{q.id}" data-score="{a.score}" data-position-on-page="{i + 1}" itemprop="{"acceptedAnswer" if a.accepted else "suggestedAnswer"}" itemscope="itemscope" itemtype="https://schema.org/Answer">{post_2022(a, "answer")}
      </div>"""
        for i, a in enumerate(SO_ANSWERS)
    )
    return f"""<!DOCTYPE html>
<html class="html__responsive " lang="en">
<head>
  <title>{html.escape(SO_TITLE)} - Stack Overflow</title>
  <link rel="shortcut icon" href="https://cdn.sstatic.net/Sites/stackoverflow/Img/favicon.ico?v=ec617d715196">
  <link rel="canonical" href="{url}">
  <meta name="viewport" content="width=device-width, height=device-height, initial-scale=1.0, minimum-scale=1.0">
  <meta property="og:type" content="website">
  <meta property="og:url" content="{url}">
  <meta property="og:site_name" content="Stack Overflow">
  <meta name="twitter:title" property="og:title" itemprop="name" content="{html.escape(SO_TITLE)}">
  <link rel="stylesheet" type="text/css" href="https://cdn.sstatic.net/Shared/stacks.css?v=1a2b3c4d5e6f">
</head>
<body class="question-page unified-theme">
  <header class="s-topbar ps-fixed t0 l0 js-top-bar"><div class="s-topbar--container"><a href="https://{SO_HOST}" class="s-topbar--logo js-gps-track"><span class="-img _glyph">Stack Overflow</span></a></div></header>
  <div class="container">
    <div id="content" class="snippet-hidden">
      <div itemprop="mainEntity" itemscope="itemscope" itemtype="https://schema.org/Question">
        <div class="inner-content clearfix">
          <div id="question-header" class="d-flex sm:fd-column">
            <h1 itemprop="name" class="fs-headline1 ow-break-word mb8 flex--item fl1"><a href="/questions/{q.id}/{slug(SO_TITLE)}" class="question-hyperlink">{html.escape(SO_TITLE)}</a></h1>
            <div class="ml12 aside-cta flex--item print:d-none sm:ml0 sm:mb12 sm:order-first sm:as-end"><a href="/questions/ask" class="ws-nowrap s-btn s-btn__primary">Ask Question</a></div>
          </div>
          <div class="d-flex fw-wrap pb8 mb16 bb bc-black-075">
            <div class="flex--item ws-nowrap mr16 mb8" title="{q.when}"><span class="fc-light mr2">Asked</span> <time itemprop="dateCreated" datetime="{q.when.replace(" ", "T").rstrip("Z")}">8 months ago</time></div>
          </div>
          <div id="mainbar" role="main" aria-label="question and answers">
            <div class="question js-question" data-questionid="{q.id}" data-position-on-page="0" data-score="{q.score}" id="question">{post_2022(q, "question")}
            </div>
            <div id="answers">
              <a name="tab-top" id="tab-top"></a>
              <div id="answers-header"><div class="answers-subheader d-flex ai-center mb8"><div class="flex--item fl1"><h2 class="mb0" data-answercount="{SO_ANSWER_TOTAL}">{SO_ANSWER_TOTAL} Answers <span style="display:none;" itemprop="answerCount">{SO_ANSWER_TOTAL}</span></h2></div></div></div>
              <div class="s-pagination site1 themed pager-answers">
                <div class="s-pagination--item is-selected" aria-current="&quot;page&quot;">1</div><a class="s-pagination--item js-pagination-item" href="/questions/{q.id}/{slug(SO_TITLE)}?page=2&amp;tab=scoredesc#tab-top" rel="" title="Go to page 2">2</a> <a class="s-pagination--item js-pagination-item" href="/questions/{q.id}/{slug(SO_TITLE)}?page=2&amp;tab=scoredesc#tab-top" rel="next" title="Go to page 2">Next</a>
              </div>
      {answers}
            </div>
          </div>
        </div>
      </div>
    </div>
  </div>
  <footer id="footer" class="site-footer js-footer" role="contentinfo"><div class="site-footer--container"><p class="site-footer--copyright fs-fine md:mt24">Site design / logo © 2022 Stack Exchange Inc; user contributions licensed under <span class="td-underline"><a href="https://stackoverflow.com/help/licensing">CC BY-SA</a></span>.</p></div></footer>
</body>
</html>
"""


def iso(when: str) -> str:
    return when.replace(" ", "T").replace("Z", "+00:00")


def expected_entry(entry: Entry, op: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "author": entry.user,
        "author_id": entry.user_id,
        "created": iso(entry.when),
        "edited": iso(entry.editor[2]) if entry.editor else None,
        "score": entry.score,
        "accepted": entry.accepted,
        "is_op": entry.user_id == op.user_id,
        "text": entry.text,
    }


def expected_notes(entry: Entry, op: Entry, parent: str | None, scores: bool) -> list[Any]:
    return [
        {
            "id": f"c{n.id}",
            "parent_id": parent,
            "depth": 0 if parent is None else 1,
            "author": n.user,
            "author_id": n.user_id,
            "created": iso(n.when),
            "edited": True if n.edited else None,
            "score": n.score if scores or n.score else None,
            "accepted": False,
            "is_op": n.user_id == op.user_id,
            "text": n.text,
        }
        for n in entry.notes
    ]


def expected_thread(
    host: str, title: str, community: str, q: Entry, answers: list[Entry], scores: bool
) -> dict[str, Any]:
    walk = expected_notes(q, q, None, scores)
    missing: list[list[Any]] = [[None, q.more_notes]] if q.more_notes else []
    for answer in answers:
        walk.append({**expected_entry(answer, q), "parent_id": None, "depth": 0})
        walk += expected_notes(answer, q, answer.id, scores)
        if answer.more_notes:
            missing.append([answer.id, answer.more_notes])
    return {
        "title": title,
        "url": f"https://{host}/questions/{q.id}",
        "site_name": host,
        "community": community,
        "thread_id": f"{host}/questions/{q.id}",
        "post": expected_entry(q, q),
        "walk": walk,
        "missing": missing,
        "warnings": [],
        "page": None,
        "page_count": None,
    }


def expected() -> dict[str, Any]:
    so = expected_thread(SO_HOST, SO_TITLE, "Stack Overflow", SO_QUESTION, SO_ANSWERS, True)
    so["missing"].append([None, SO_ANSWER_TOTAL - len(SO_ANSWERS)])
    so.update(warnings=[MORE_PAGES], page=1, page_count=2)
    su = expected_thread(SU_HOST, SU_TITLE, SU_HOST, SU_QUESTION, SU_ANSWERS, False)
    return {"question_2022": so, "question_2016": su}


def main() -> None:
    pages = {
        HERE / "question_2022.html": page_2022(),
        HERE / "question_2016.html": page_2016(),
        ROOT / "samples" / "stackexchange-question.html": page_2022(),
    }
    for path, text in pages.items():
        path.write_bytes(text.encode("utf-8"))
    truth = json.dumps(expected(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    (HERE / "expected.json").write_text(truth, encoding="utf-8")


if __name__ == "__main__":
    main()
