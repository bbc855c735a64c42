# ruff: noqa: E501 - the pages are real markup, one line as the sites write it
"""Super User's question page in the table layout of 2016, for the invented question of
``spec.py``: ``.post-text`` bodies, ``span.vote-count-post``, ``tr.comment`` rows."""

from __future__ import annotations

import html

from spec import SU_ANSWERS, SU_HOST, SU_QUESTION, SU_TITLE, Entry, Note, slug


def comment_2016(note: Note, post_id: str) -> str:
    score = (
        f"""<span title="number of &#39;useful comment&#39; votes received" class="cool">{note.score}</span>"""
        if note.score
        else "&nbsp;"
    )
    return f"""
<tr id="comment-{note.id}" class="comment ">
    <td class="comment-actions">
        <table><tbody><tr><td class=" comment-score">{score}</td><td>&nbsp;</td></tr></tbody></table>
    </td>
    <td class="comment-text">
        <div style="display: block;" class="comment-body">
            <span class="comment-copy">{note.body}</span>
            &ndash;&nbsp;<a href="/users/{note.user_id}/{slug(note.user)}" title="1,402 reputation" class="comment-user">{note.user}</a>
            <span class="comment-date" dir="ltr"><a class="comment-link" href="#comment{note.id}_{post_id}"><span title="{note.when}" class="relativetime-clean">May 2 '16 at 19:01</span></a></span>
        </div>
    </td>
</tr>"""


def post_2016(entry: Entry, kind: str) -> str:
    cell = "postcell" if kind == "question" else "answercell"
    verb = "asked" if kind == "question" else "answered"
    accepted = (
        '<span class="vote-accepted-on load-accepted-answer-date" title="loading when this answer'
        ' was accepted...">accepted</span>'
        if entry.accepted
        else ""
    )
    edit = ""
    if entry.editor is not None:
        name, uid, when = entry.editor
        edit = f"""<td class="post-signature">
<div class="user-info ">
    <div class="user-action-time">
        <a href="/posts/{entry.id}/revisions" title="show all edits to this post">edited <span title="{when}" class="relativetime">Jan 9 '17 at 8:00</span></a>
    </div>
    <div class="user-gravatar32"><a href="/users/{uid}/{slug(name)}"><div class="gravatar-wrapper-32"><img src="https://i.stack.imgur.com/e{uid}.png?s=32&amp;g=1" alt="" width="32" height="32"></div></a></div>
    <div class="user-details"><a href="/users/{uid}/{slug(name)}">{name}</a><br><span class="reputation-score" title="reputation score " dir="ltr">9,870</span></div>
</div></td>"""
    notes = "".join(comment_2016(n, entry.id) for n in entry.notes)
    more = (
        f'<a class="js-show-link comments-link " title="expand to show all comments on this post'
        f'" href="#" onclick="">show <b>{entry.more_notes}</b> more comments</a>'
        if entry.more_notes
        else ""
    )
    return f"""
    <table>
        <tr>
            <td class="votecell">
<div class="vote">
    <input type="hidden" name="_id_" value="{entry.id}">
    <a class="vote-up-off" title="This {kind} is useful">up vote</a>
    <span itemprop="upvoteCount" class="vote-count-post ">{entry.score}</span>
    <a class="vote-down-off" title="This {kind} is not useful">down vote</a>
    {accepted}
</div>
            </td>
            <td class="{cell}">
<div>
    <div class="post-text" itemprop="text">
{entry.body}
    </div>
    <table class="fw">
    <tr>
    <td class="vt">
<div class="post-menu"><a href="/{verb[0]}/{entry.id}" title="short permalink to this {kind}" class="short-link">share</a><span class="lsep">|</span><a href="/posts/{entry.id}/edit" class="suggest-edit-post" title="">improve this {kind}</a></div>
    </td>
    {edit}
    <td align="right" class="post-signature{" owner" if kind == "question" else ""}">
<div class="user-info ">
    <div class="user-action-time">
        {verb} <span title="{entry.when}" class="relativetime">May 2 '16 at 18:44</span>
    </div>
    <div class="user-gravatar32"><a href="/users/{entry.user_id}/{slug(entry.user)}"><div class="gravatar-wrapper-32"><img src="https://www.gravatar.com/avatar/{entry.user_id}?s=32&amp;d=identicon&amp;r=PG" alt="" width="32" height="32"></div></a></div>
    <div class="user-details">
        <a href="/users/{entry.user_id}/{slug(entry.user)}">{entry.user}</a><br>
        <span class="reputation-score" title="reputation score " dir="ltr">1,204</span><span title="4 bronze badges"><span class="badge3"></span><span class="badgecount">4</span></span>
    </div>
</div>
    </td>
    </tr>
    </table>
</div>
            </td>
        </tr>
        <tr>
            <td class="votecell"></td>
            <td>
    <div id="comments-{entry.id}" class="comments ">
        <table>
            <tbody data-remaining-comments-count="{entry.more_notes}" data-canpost="false" data-cansee="true" data-comments-unavailable="false" data-addlink-disabled="true">{notes}
            </tbody>
        </table>
    </div>
    <div id="comments-link-{entry.id}" data-rep="50" data-anon="true">
        <a class="js-add-link comments-link disabled-link " title="Use comments to ask for more information or suggest improvements." href="#">add a comment</a><span class="js-link-separator {"" if more else "dno"}">&nbsp;|&nbsp;</span>
        {more}
    </div>
            </td>
        </tr>
    </table>"""


def page_2016() -> str:
    q = SU_QUESTION
    url = f"https://{SU_HOST}/questions/{q.id}/{slug(SU_TITLE)}"
    answers = "".join(
        f"""
  <a name="{a.id}"></a>
  <div id="answer-{a.id}" class="answer{" accepted-answer" if a.accepted else ""}" data-answerid="{a.id}" itemscope="" itemtype="http://schema.org/Answer"{' itemprop="acceptedAnswer"' if a.accepted else ""}>{post_2016(a, "answer")}
  </div>"""
        for a in SU_ANSWERS
    )
    return f"""<!DOCTYPE html>
<html itemscope itemtype="http://schema.org/QAPage">
<head>
    <title>linux - {html.escape(SU_TITLE)} - Super User</title>
    <link rel="shortcut icon" href="//cdn.sstatic.net/Sites/superuser/img/favicon.ico?v=4852d6fb3f5d">
    <link rel="canonical" href="{url}" />
    <meta name="twitter:card" content="summary">
    <meta name="twitter:domain" content="superuser.com"/>
    <meta property="og:type" content="website" />
    <meta property="og:url" content="{url}"/>
    <link rel="stylesheet" type="text/css" href="//cdn.sstatic.net/Sites/superuser/all.css?v=6f0c0ffee">
</head>
<body class="question-page new-topbar">
    <div class="topbar"><div class="topbar-wrapper"><a href="//superuser.com" class="topbar-icon icon-site-switcher">Super User</a></div></div>
    <div class="container">
        <div id="content" class="snippet-hidden">
<div itemprop="mainEntity" itemscope itemtype="http://schema.org/Question">
    <link itemprop="image" href="//cdn.sstatic.net/Sites/superuser/img/apple-touch-icon.png">
    <div id="question-header">
        <h1 itemprop="name"><a href="/questions/{q.id}/{slug(SU_TITLE)}" class="question-hyperlink">{html.escape(SU_TITLE)}</a></h1>
    </div>
    <div id="mainbar" role="main" aria-label="question and answers">
<div class="question" data-questionid="{q.id}"  id="question">{post_2016(q, "question")}
</div>
<div id="answers">
    <a name="tab-top"></a>
    <div id="answers-header"><div class="subheader answers-subheader"><h2>{len(SU_ANSWERS)} Answers</h2><div><div id="tabs"><a href="/questions/{q.id}/{slug(SU_TITLE)}?answertab=active#tab-top" title="Answers with the latest activity first">active</a><a class="youarehere" href="/questions/{q.id}/{slug(SU_TITLE)}?answertab=votes#tab-top" title="Answers with the highest score first">votes</a></div></div></div></div>
{answers}
</div>
    </div>
</div>
        </div>
    </div>
    <div id="footer" class="categories"><div class="footerwrap"><div id="copyright">site design / logo &copy; 2016 Stack Exchange Inc; user contributions licensed under <a href="http://creativecommons.org/licenses/by-sa/3.0/" rel="license">cc by-sa 3.0</a></div></div></div>
</body>
</html>
"""
