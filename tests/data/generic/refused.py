"""Pages the generic reader must refuse: each has authors, dates and repeated blocks, but no
thread. A news article whose comment form is empty, site search results, a forum's index."""

from __future__ import annotations

import json
from html import escape

_HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
_MENU = "".join(
    f'<li class="nav-item"><a class="nav-link" href="/{w.lower()}/">{w}</a></li>'
    for w in ("World", "Science", "Culture", "Sport", "Opinion")
)


def news_article() -> str:
    related = "".join(
        f'<li class="related-item"><h3 class="related-title"><a href="/science/{i}/">{escape(t)}'
        f'</a></h3><span class="byline">By <a rel="author" href="/staff/{i}/">{escape(a)}</a>'
        f'</span> <time datetime="2025-05-{10 + i}T09:00:00Z">May {10 + i}, 2025</time>'
        f'<p class="teaser">{escape(t)}: what we know so far, and what comes next…</p></li>'
        for i, (t, a) in enumerate(
            [
                ("Tidal gauges record a quiet spring", "Hana Okafor"),
                ("A new map of the seabed", "Lucas Moreau"),
                ("Why gulls follow ferries", "Ines Duarte"),
                ("Counting puffins from the air", "Hana Okafor"),
            ]
        )
    )
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour seals return to the estuary",
        "datePublished": "2025-05-18T06:00:00Z",
        "author": {"@type": "Person", "name": "Ines Duarte"},
        "commentCount": 0,
    }
    body = "".join(
        f"<p>{escape(p)}</p>"
        for p in [
            "For the first time in twenty years, a colony of harbour seals has been counted on "
            "the sandbanks of the estuary, volunteers said on Saturday.",
            "The count, carried out from two boats at low tide, found forty-one adults and "
            "nine pups resting on the northern bank.",
            "Researchers credit the cleaner water since the old paper mill closed and ask "
            "walkers to keep their dogs on a lead along the shore.",
        ]
        * 3
    )
    return (
        _HEAD.format(title="Harbour seals return to the estuary | The Coastal Courier")
        + f'<body><script type="application/ld+json">{json.dumps(data)}</script>'
        f'<header class="masthead"><a class="logo" href="/">The Coastal Courier</a>'
        f'<nav><ul class="nav">{_MENU}</ul></nav></header><main><article class="story">'
        f'<h1 class="headline">Harbour seals return to the estuary</h1><div class="byline">By '
        f'<a rel="author" href="/staff/2/">Ines Duarte</a> · <time datetime="2025-05-18T06:00'
        f':00Z">May 18, 2025</time></div><div class="article-body">{body}</div></article>'
        f'<section id="comments" class="comments"><h2>Comments (0)</h2><p class="no-comments">'
        f'Be the first to comment.</p><form class="comment-form" action="/comments" '
        f'method="post"><label>Your name <input name="name"></label><textarea name="text">'
        f'</textarea><button type="submit">Post comment</button></form></section>'
        f'<aside class="related"><h2>Related</h2><ul class="related-list">{related}</ul></aside>'
        f"</main><footer><p>© 2025 The Coastal Courier</p></footer></body></html>"
    )


def search_results() -> str:
    hits = "".join(
        f'<li class="search-result"><h3 class="result-title"><a href="/t/{300 + i}/">'
        f'{escape(t)}</a></h3><div class="result-meta">by <span class="username">{escape(a)}'
        f'</span> in <a href="/c/starters/">Starters</a>, <time datetime="2024-0{i % 9 + 1}-'
        f'1{i}T12:00:00Z">{i + 1} months ago</time></div><div class="result-text">…my '
        f"<mark>starter</mark> {escape(s)}…</div></li>"
        for i, (t, a, s) in enumerate(
            [
                ("Starter not rising after a week", "doughboy", "sat flat on the counter for"),
                ("Rye or wheat for a new starter?", "rye_guy", "smells different with rye and"),
                ("Best jar for a starter", "jarhead", "needs room to double, so a tall"),
                ("Starter hooch: pour off or stir in?", "hoochie", "had a grey liquid on top"),
                ("Traveling with a starter", "wanderloaf", "dried flakes keep for months if"),
            ]
        )
    )
    return (
        _HEAD.format(title="Search results for “starter” - Home Bakers")
        + f'<body><header><a href="/" class="logo">Home Bakers</a><ul class="nav">{_MENU}</ul>'
        f'</header><main><h1>Search results</h1><form class="search" action="/search">'
        f'<input name="q" value="starter"><button>Search</button></form>'
        f'<p class="result-count">5 results</p><ol class="search-results">{hits}</ol>'
        f'<nav class="pagination"><a href="?q=starter&amp;page=2">Next</a></nav></main>'
        f"</body></html>"
    )


def forum_index() -> str:
    rows = "".join(
        f'<tr class="forum-row"><td class="forum-info"><a class="forum-title" href="/f/{i}/">'
        f'{escape(name)}</a><p class="forum-description">{escape(desc)}</p></td>'
        f'<td class="forum-stats">{120 + i * 37} topics</td>'
        f'<td class="forum-lastpost">Last post by '
        f'<a class="username" href="/u/{user}/">{escape(user)}</a><br><time datetime="2025-02-'
        f'1{i}T1{i}:30:00Z">Feb 1{i}, 2025, 1{i}:30</time></td></tr>'
        for i, (name, desc, user) in enumerate(
            [
                ("Starters", "Keeping a sourdough starter alive and happy.", "levain_lee"),
                ("Bread", "Loaves, crumb shots and scoring patterns.", "crusty"),
                ("Pastry", "Laminated doughs, tarts and everything with butter.", "flaky"),
                ("Equipment", "Ovens, stones, bannetons and mixers.", "gearhead"),
                ("Off topic", "Anything that is not baking.", "chatterbox"),
            ]
        )
    )
    return (
        _HEAD.format(title="Home Bakers - Index")
        + f'<body><header><a href="/" class="logo">Home Bakers</a><ul class="nav">{_MENU}</ul>'
        f'</header><main><h1>Home Bakers forums</h1><table class="forums"><thead><tr><th>Forum'
        f"</th><th>Topics</th><th>Last post</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<div class="stats">Our members have made 4,210 posts in 613 topics.</div></main>'
        f"</body></html>"
    )
