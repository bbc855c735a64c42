"""Write the HN test pages, the sample page, the pasted text and their truth.

Run from the repository root: ``python tests/data/hackernews/make_pages.py``. The pages are the
invented threads of ``spec.py`` in HN's real markup of each era (see ``markup_forms.py``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markup_forms import HN, closed_paragraphs, row_2017, row_current, subtree_sizes
from spec import (
    ASK_STORY,
    CLOCK_COMMENTS,
    CLOCK_STORY,
    PAGER_COMMENTS,
    PAGER_STORY,
    STORY_TIME,
    Spec,
    age_text,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

_HEAD = """<html lang="en" op="item"><head><meta name="referrer" content="origin"><meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" type="text/css" href="{base}news.css?Qm4xw1Zb8TjKd0pRs2Hy">
        <link rel="icon" href="{base}y18.svg">
        <title>{title} | Hacker News</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%" bgcolor="#f6f6ef">
        <tr><td bgcolor="#ff6600"><table border="0" cellpadding="0" cellspacing="0" width="100%" style="padding:2px"><tr><td style="width:18px;padding-right:4px"><a href="{base}"><img src="{base}y18.svg" width="18" height="18" style="border:1px white solid; display:block"></a></td>
                  <td style="line-height:12pt; height:10px;"><span class="pagetop"><b class="hnname"><a href="{base}news">Hacker News</a></b>
                            <a href="{base}newest">new</a> | <a href="{base}front">past</a> | <a href="{base}newcomments">comments</a> | <a href="{base}ask">ask</a> | <a href="{base}show">show</a> | <a href="{base}jobs">jobs</a> | <a href="{base}submit" rel="nofollow">submit</a>            </span></td><td style="text-align:right;padding-right:4px;"><span class="pagetop">
                              <a href="{base}login?goto=item%3Fid%3D{id}">login</a>
                          </span></td>
              </tr></table></td></tr>
<tr id="pagespace" title="{title}" style="height:10px"></tr><tr><td><table class="fatitem" border="0">
        <tr class="{story_class}" id="{id}">
      <td align="right" valign="top" class="title"><span class="rank"></span></td>      <td valign="top" class="votelinks"><center><a id="up_{id}" href="{base}vote?id={id}&amp;how=up&amp;goto=item%3Fid%3D{id}"><div class="votearrow" title="upvote"></div></a></center></td><td class="title"><span class="titleline">{link}</span></td></tr><tr><td colspan="2"></td><td class="subtext"><span class="subline">
          <span class="score" id="score_{id}">{points} points</span> by <a href="{base}user?id={author}" class="hnuser">{author}</a> <span class="age" title="{age_title}"><a href="{base}item?id={id}">7 hours ago</a></span> <span id="unv_{id}"></span> | <a href="{base}hide?id={id}&amp;goto=item%3Fid%3D{id}">hide</a> | <a href="https://hn.algolia.com/?query=clock&amp;type=story&amp;dateRange=all&amp;sort=byDate&amp;storyText=false&amp;prefix&amp;page=0" class="hnpast">past</a> | <a href="{base}fave?id={id}&amp;auth=5d1c0ffee0ddba11">favorite</a> | <a href="{base}item?id={id}">{count}&nbsp;comments</a>        </span>
              </td></tr>
    {toptext}<tr style="height:10px"></tr><tr><td colspan="2"></td><td></td></tr>  </table><br><br><table border="0" class="comment-tree">"""  # noqa: E501

_FOOT = """
            {more}</table>
  <br><br>
</td></tr>
<tr><td><img src="{base}s.gif" height="10" width="0"><table width="100%" cellspacing="0" cellpadding="1"><tr><td bgcolor="#ff6600"></td></tr></table><br>
<center><span class="yclinks"><a href="{base}newsguidelines.html">Guidelines</a> | <a href="{base}newsfaq.html">FAQ</a> | <a href="{base}lists">Lists</a> | <a href="https://github.com/HackerNews/API">API</a> | <a href="{base}security.html">Security</a> | <a href="https://www.ycombinator.com/legal/">Legal</a> | <a href="https://www.ycombinator.com/apply/">Apply to YC</a> | <a href="mailto:hn@ycombinator.com">Contact</a></span><br><br>
<form method="get" action="//hn.algolia.com/">Search: <input type="text" name="q" size="17" autocorrect="off" spellcheck="false" autocapitalize="off" autocomplete="off"></form></center></td></tr>      </table></center></body><script type="text/javascript" src="{base}hn.js?Mv3qLz8Tn0Yc2Wd5Xk7R"></script>
  </html>
"""  # noqa: E501

_HEAD_2017 = """<html op="item"><head><meta name="referrer" content="origin"><meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" type="text/css" href="news.css?R2tq8YvW0zLmXc4Bn1Jd">
        <link rel="shortcut icon" href="favicon.ico">
        <title>{title} | Hacker News</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%" bgcolor="#f6f6ef">
        <tr><td bgcolor="#ff6600"><table border="0" cellpadding="0" cellspacing="0" width="100%" style="padding:2px"><tr><td style="width:18px;padding-right:4px"><a href="https://news.ycombinator.com"><img src="y18.gif" width="18" height="18" style="border:1px white solid;"></a></td>
                  <td style="line-height:12pt; height:10px;"><span class="pagetop"><b class="hnname"><a href="news">Hacker News</a></b>
              <a href="newest">new</a> | <a href="newcomments">comments</a> | <a href="show">show</a> | <a href="ask">ask</a> | <a href="jobs">jobs</a> | <a href="submit">submit</a>            </span></td><td style="text-align:right;padding-right:4px;"><span class="pagetop">
                              <a id='me' href="user?id=readalong">readalong</a>                (12) |
                <a id='logout' href="logout?auth=0d5e11a7c0ffee&amp;goto=item%3Fid%3D{id}">logout</a>                          </span></td>
              </tr></table></td></tr>
<tr id="pagespace" title="{title}" style="height:10px"></tr><tr><td><table class="fatitem" border="0">
        <tr class='athing' id='{id}'>
      <td align="right" valign="top" class="title"><span class="rank"></span></td>      <td valign="top" class="votelinks"><center><a id='up_{id}' onclick='return vote(event, this, "up")' href='vote?id={id}&amp;how=up&amp;auth=77ab3c&amp;goto=item%3Fid%3D{id}'><div class='votearrow' title='upvote'></div></a></center></td><td class="title"><a href="item?id={id}" class="storylink">{title}</a></td></tr><tr><td colspan="2"></td><td class="subtext">
        <span class="score" id="score_{id}">{points} points</span> by <a href="user?id={author}" class="hnuser">{author}</a> <span class="age"><a href="item?id={id}">7 hours ago</a></span> <span id="unv_{id}"></span> | <a href="hide?id={id}&amp;goto=item%3Fid%3D{id}">hide</a> | <a href="https://hn.algolia.com/?query=clock&sort=byDate&dateRange=all&type=story&storyText=false&prefix=false&page=0" class="hnpast">past</a> | <a href="https://www.google.com/search?q=clock">web</a> | <a href="fave?id={id}&amp;auth=77ab3c">favorite</a> | <a href="item?id={id}">{count}&nbsp;comments</a>              </td></tr>
      <tr style="height:2px"></tr><tr><td colspan="2"></td><td>{text}</td></tr>
        <tr style="height:10px"></tr><tr><td colspan="2"></td><td><form method="post" action="comment"><input type="hidden" name="parent" value="{id}"><input type="hidden" name="goto" value="item?id={id}"><input type="hidden" name="hmac" value="3f0c0ffee1"><textarea name="text" rows="6" cols="60"></textarea>
                <br><br><input type="submit" value="add comment"></form></td></tr>
  </table><br><br>
  <table border="0" class='comment-tree'>"""  # noqa: E501


def _age_title(era: str) -> str:
    stamp = STORY_TIME.strftime("%Y-%m-%dT%H:%M:%S")
    return stamp if era == "2023" else f"{stamp} {int(STORY_TIME.timestamp())}"


def current_page(
    story: dict[str, Any], comments: Sequence[Spec], *, era: str, more: bool = False
) -> str:
    base = HN if era == "2023" else ""
    sid = str(story["id"])
    if "url" in story:
        link = (
            f'<a href="{story["url"]}">{html.escape(story["title"])}</a><span class="sitebit '
            f'comhead"> (<a href="{base}from?site={story["site"]}"><span class="sitestr">'
            f"{story['site']}</span></a>)</span>"
        )
    else:
        link = f'<a href="{base}item?id={sid}">{html.escape(story["title"])}</a>'
    toptext = (
        f'<tr style="height:2px"></tr><tr><td colspan="2"></td><td><div class="toptext">'
        f"{closed_paragraphs(story['text'])}</div></td></tr>        "
        if "text" in story
        else ""
    )
    head = _HEAD.format(
        base=base, id=sid, title=html.escape(story["title"]), link=link,
        story_class="athing" if era == "2023" else "athing submission",
        points=story["points"], author=story["author"], age_title=_age_title(era),
        count=len(comments), toptext=toptext,
    )  # fmt: skip
    sizes = subtree_sizes(comments)
    rows = "".join(row_current(comments, i, sid, sizes[i], era=era) for i in range(len(comments)))
    more_row = (
        f'<tr class="morespace" style="height:10px"></tr><tr><td><table border="0"><tr>'
        f'<td class="title"><a href="{base}item?id={sid}&amp;p=2" class="morelink" rel="next">'
        "More</a></td></tr></table></td></tr>\n"
        if more
        else ""
    )
    return head + rows + _FOOT.format(base=base, more=more_row)


def page_2017(story: dict[str, Any], comments: Sequence[Spec]) -> str:
    sid = str(story["id"])
    head = _HEAD_2017.format(
        id=sid, title=html.escape(story["title"]), points=story["points"],
        author=story["author"], count=len(comments), text=story["text"].replace("</p>", ""),
    )  # fmt: skip
    sizes = subtree_sizes(comments)
    colours = {"43210108": "c5a", "43210206": "cae"}
    rows = "".join(
        row_2017(Spec(**{**vars(c), "colour": colours.get(c.id, c.colour)}), sid, sizes[i])
        for i, c in enumerate(comments)
    )
    return head + rows + _FOOT.format(base="", more="")


def plain(body: str) -> str:
    """A stored body as the words a reader sees, paragraphs split by blank lines."""
    text = body.replace("</code></pre>", "</code></pre><p>")
    paragraphs = [re.sub(r"<[^>]+>", "", part) for part in text.split("<p>")]
    return "\n\n".join(html.unescape(p).strip("\n") for p in paragraphs if p.strip())


def paste(story: dict[str, Any], comments: Sequence[Spec]) -> str:
    """Chromium's copy of the whole page: table cells joined by tabs, no indentation."""
    sizes = subtree_sizes(comments)
    out = [
        "\tHacker News\tnew | past | comments | ask | show | jobs | submit\tlogin",
        "\t\t",
        f"\t\t{story['title']} ({story['site']})",
        f"\t{story['points']} points by {story['author']} 7 hours ago | hide | past | "
        f"favorite | {len(comments)}\xa0comments",
        "\t",
        "\t",
    ]
    from markup_forms import navs

    for i, spec in enumerate(comments):
        words = " | ".join(word for word, _ in navs(comments, i))
        who = f"{spec.author} " if spec.author else ""
        toggle = f"[{sizes[i]} more]" if spec.coll else "[–]"
        out += ["\t\t", f"\t\t{who}{age_text(spec.minutes or 0)} | {words} {toggle}"]
        if not spec.coll:
            out += ["\t", plain(spec.body), "reply"]
    out += [
        "\t",
        "Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact",
        "",
        "Search: ",
        "",
    ]
    return "\n".join(out)


def expected(story: dict[str, Any], comments: Sequence[Spec], *, times: bool) -> dict[str, Any]:
    parents: list[Spec] = []
    rows = []
    for spec in comments:
        del parents[spec.depth :]
        created = spec.created.isoformat() if times and spec.created else None
        rows.append(
            {
                "id": spec.id,
                "parent_id": parents[-1].id if parents else None,
                "depth": spec.depth,
                "author": spec.author,
                "created": created,
                "created_text": None if created or spec.minutes is None else age_text(spec.minutes),
                "deleted": spec.body == "[deleted]",
                "removed": spec.body in ("[flagged]", "[dead]"),
                "is_op": spec.author == story["author"],
                "collapsed": spec.coll,
                "text": "" if spec.body.startswith("[") else plain(spec.body),
            }
        )
        parents.append(spec)
    return {
        "id": story["id"],
        "title": story["title"],
        "author": story["author"],
        "points": story["points"],
        "link": story.get("url"),
        "text": plain(story["text"]) if "text" in story else "",
        "created": STORY_TIME.isoformat() if times else None,
        "comments": rows,
    }


def main() -> None:
    outputs = {
        ROOT / "samples" / "hn-item.html": current_page(CLOCK_STORY, CLOCK_COMMENTS, era="2025"),
        HERE / "item_2023.html": current_page(ASK_STORY, CLOCK_COMMENTS, era="2023"),
        HERE / "item_2017.html": page_2017(ASK_STORY, CLOCK_COMMENTS),
        HERE / "item_dead_more.html": current_page(
            PAGER_STORY, PAGER_COMMENTS, era="2025", more=True
        ),
        HERE / "paste_chrome.txt": paste(CLOCK_STORY, CLOCK_COMMENTS),
    }
    truth = {
        "sample": expected(CLOCK_STORY, CLOCK_COMMENTS, times=True),
        "2023": expected(ASK_STORY, CLOCK_COMMENTS, times=True),
        "2017": expected(ASK_STORY, CLOCK_COMMENTS, times=False),
        "dead_more": expected(PAGER_STORY, PAGER_COMMENTS, times=True),
    }
    outputs[HERE / "expected.json"] = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    for path, text in outputs.items():
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
