"""Whole pages: the app shell, lemmy-ui's server template and inferno-helmet's head tags.

``page("ssr")`` is what the server sends; ``page("dom")`` is the hydrated DOM as Chromium
saves it; ``singlefile()`` is that DOM as SingleFile saves it.
"""

from __future__ import annotations

import re

from .content import HOST, POST, SAVED_AT, SITE, SSR_NONCE, STATIC
from .formatting import Html, Mode, icon
from .isodata import iso_data, serialize_javascript
from .markdown import meta_description
from .markup import comment_list, post_listing, sidebar
from .thread import THREAD


def app_root(h: Html) -> str:
    pid = POST["id"]
    site = SITE
    nav = (
        '<button class="btn skip-link bg-light position-absolute start-0 z-3" type="button">'
        'Jump to content</button><div class="shadow-sm"><nav class="navbar navbar-expand-md '
        'navbar-light p-0 px-3 container-lg" id="navbar"><a class="d-flex align-items-center '
        'navbar-brand me-md-3 active" aria-current="true" style="" id="navTitle" '
        f'title="{h.attr(site["description"])}" href="/">{h.text(site["name"])}</a>'
        '<button class="navbar-toggler border-0 p-1" type="button" aria-label="menu" '
        'data-tippy-content="Expand here" data-bs-toggle="collapse" '
        'data-bs-target="#navbarDropdown" aria-controls="navbarDropdown" aria-expanded="false">'
        f"{icon('menu', 'icon')}</button>"
        '<div class="collapse navbar-collapse my-2" id="navbarDropdown">'
        '<ul class="me-auto navbar-nav" id="navbarLinks"><li class="nav-item">'
        '<a class="nav-link" title="Communities" href="/communities">Communities</a></li>'
        '<li class="nav-item"><a class="nav-link" title="Create Post" href="/create_post">'
        'Create Post</a></li><li class="nav-item"><a class="nav-link d-inline-flex '
        'align-items-center d-md-inline-block" title="Support Lemmy" '
        f'href="https://join-lemmy.org/donate">{icon("heart", "icon small")}'
        '<span class="d-inline ms-1 d-md-none ms-md-0">Support Lemmy</span></a></li></ul>'
        '<ul class="navbar-nav" id="navbarIcons"><li class="nav-item" id="navSearch">'
        '<a class="nav-link d-inline-flex align-items-center d-md-inline-block" title="Search" '
        f'href="/search">{icon("search", "icon")}'
        '<span class="d-inline ms-1 d-md-none ms-md-0">Search</span></a></li>'
        '<li class="nav-item"><a class="nav-link" title="Login" href="/login">Login</a></li>'
        '<li class="nav-item"><a class="nav-link" title="Sign Up" href="/signup">Sign Up</a>'
        "</li></ul></div></nav></div>"
    )
    sorts = "".join(
        f'<input class="btn-check" id="{pid}-{v.lower()}" type="radio" value="{v}"'
        f'{h.flag("checked") if v == "Hot" else ""}><label class="btn btn-outline-secondary '
        f'pointer{" active" if v == "Hot" else ""}" for="{pid}-{v.lower()}">{v}</label>'
        for v in ("Hot", "Top", "Controversial", "New", "Old")
    )
    main = (
        '<main class="mt-4 p-0 fl-1"><div tabindex="-1"><div class="post container-lg">'
        '<div class="row"><div class="col-12 col-md-8 col-lg-9 mb-3">'
        f'{post_listing(h)}<div class="mb-2"></div>'
        '<div class="comment-form mb-3 post-comment-container"><div class="alert alert-warning" '
        f'role="alert">{icon("alert-triangle", "icon icon-inline me-2")}<div class="d-inline">'
        'You must <a class="alert-link" href="/login">log in</a> or <a class="alert-link" '
        'href="/signup">register</a> to comment.</div></div></div>'
        '<div class="d-block d-md-none"><button class="btn btn-secondary d-inline-block mb-2 '
        f'me-3">Sidebar {icon("plus-square", "icon icon-inline")}</button></div>'
        f'<div class="btn-group btn-group-toggle flex-wrap me-3 mb-2" role="group">{sorts}</div>'
        '<div class="btn-group btn-group-toggle flex-wrap mb-2" role="group">'
        f'<input class="btn-check" id="{pid}-chat" type="radio" value="1">'
        f'<label class="btn btn-outline-secondary pointer" for="{pid}-chat">Chat</label></div>'
        f"<div>{comment_list(h, THREAD, 0)}</div></div>{sidebar(h)}</div></div></div></main>"
    )
    footer = (
        '<footer class="app-footer container-lg navbar navbar-expand-md navbar-light navbar-bg '
        'p-3"><div class="navbar-collapse"><ul class="navbar-nav ms-auto">'
        '<li class="nav-item"><span class="nav-link">UI: 0.19.20</span></li>'
        '<li class="nav-item"><span class="nav-link">BE: 0.19.13</span></li>'
        '<li class="nav-item"><a class="nav-link" href="/modlog">Modlog</a></li>'
        '<li class="nav-item"><a class="nav-link" href="/instances">Instances</a></li>'
        '<li class="nav-item"><a class="nav-link" '
        'href="https://join-lemmy.org/docs/en/index.html">Docs</a></li>'
        '<li class="nav-item"><a class="nav-link" href="https://github.com/LemmyNet">Code</a>'
        '</li><li class="nav-item"><a class="nav-link" href="https://join-lemmy.org">'
        "join-lemmy.org</a></li></ul></div></footer>"
    )
    return f'<div class="lemmy-site" id="app">{nav}{main}{footer}</div>'


THEME_SCRIPT = (
    '\n\n    if (!document.documentElement.hasAttribute("data-bs-theme")) {\n'
    '      const light = window.matchMedia("(prefers-color-scheme: light)").matches;\n'
    '      document.documentElement.setAttribute("data-bs-theme", light ? "light" : "dark");\n'
    "    }\n    "
)
ADULT_STYLE = (
    "<style>\n    #app[data-adult-consent] {\n      filter: blur(10px);\n"
    "      -webkit-filter: blur(10px);\n      -moz-filter: blur(10px);\n"
    "      -o-filter: blur(10px);\n      -ms-filter: blur(10px);\n"
    "      pointer-events: none;\n    }\n    </style>"
)
NOSCRIPT = (
    '<noscript>\n        <div class="alert alert-danger rounded-0" role="alert">\n'
    "          <b>Javascript is disabled. Actions will not work.</b>\n        </div>\n"
    "      </noscript>"
)


def helmet_tags(h: Html) -> tuple[str, str, str, str]:
    """(title, metas, og:url metas, links) written by inferno-helmet."""
    title = f"{POST['name']} - {SITE['name']}"
    desc = meta_description(POST["body"])
    url_ssr = f"https://{HOST}/post/{POST['id']}"
    url_dom = f"http://{HOST}/post/{POST['id']}"

    def meta(key: str, name: str, content: str) -> str:
        return f'<meta data-inferno-helmet="true" {key}="{name}" content="{h.attr(content)}">'

    metas = [meta("property", t, title) for t in ("title", "og:title", "twitter:title")]
    urls = ""
    if h.mode == "ssr":
        metas += [meta("property", u, url_ssr) for u in ("og:url", "twitter:url")]
    else:
        # The client replaced these two, so Chromium has them last in <head>, attributes in
        # the order inferno-helmet sets them on the client.
        urls = "".join(
            f'<meta property="{u}" content="{url_dom}" data-inferno-helmet="true">'
            for u in ("og:url", "twitter:url")
        )
    metas += [
        meta("property", "og:type", "website"),
        meta("property", "twitter:card", "summary_large_image"),
    ]
    metas += [
        meta("name", n, desc) for n in ("description", "og:description", "twitter:description")
    ]
    themes = [
        ("themes/litely", ' id="default-light"', "(prefers-color-scheme: light)"),
        (
            "themes/darkly",
            ' id="default-dark"',
            "(prefers-color-scheme: no-preference), (prefers-color-scheme: dark)",
        ),
        ("code-themes/atom-one-light", "", "(prefers-color-scheme: light)"),
        (
            "code-themes/atom-one-dark",
            "",
            "(prefers-color-scheme: no-preference), (prefers-color-scheme: dark)",
        ),
    ]
    links = "".join(
        f'<link data-inferno-helmet="true" rel="stylesheet" type="text/css" '
        f'href="/css/{path}.css"{ident} media="{media}">'
        for path, ident, media in themes
    )
    links += f'<link data-inferno-helmet="true" rel="canonical" href="{url_ssr}">'
    title_tag = (
        f'<title data-inferno-helmet="true">{h.text(title)}</title>'
        if h.mode == "ssr"
        else f"<title>{h.text(title)}</title>"
    )
    return title_tag, "".join(metas), urls, links


def page(mode: Mode) -> str:
    h = Html(mode)
    iso = serialize_javascript(iso_data())
    title, metas, urls, links = helmet_tags(h)
    icons = f"{STATIC}/assets/icons"
    comments_block = (
        "\n  \n    <!-- A remote debugging utility for mobile -->\n    \n  \n"
        "    <!-- Custom injected script -->\n    \n  \n    "
    )
    if mode == "ssr":
        return (
            '\n    <!DOCTYPE html>\n    <html lang="en">\n    <head>\n'
            f'    <script nonce="{SSR_NONCE}">\n'
            f"    window.isoData = {iso};{THEME_SCRIPT}</script>\n"
            f"    {comments_block}{title}\n    {metas}\n  \n    {ADULT_STYLE}\n\n"
            "    <!-- Required meta tags -->\n"
            '    <meta name="Description" content="Lemmy">\n'
            '    <meta charset="utf-8">\n'
            '    <meta name="viewport" content="width=device-width, initial-scale=1, '
            'shrink-to-fit=no">\n'
            '    <link\n       id="favicon"\n       rel="shortcut icon"\n'
            f'       type="image/x-icon"\n       href={icons}/favicon.svg\n     />\n  \n'
            "    <!-- Web app manifest -->\n"
            '    <link rel="manifest" href="/manifest.webmanifest" />\n'
            f'    <link rel="apple-touch-icon" href={icons}/apple-touch-icon.png />\n'
            f'    <link rel="apple-touch-startup-image" href={icons}/apple-touch-icon.png />\n'
            "  \n    <!-- Styles -->\n"
            f'    <link rel="stylesheet" type="text/css" href="{STATIC}/styles/styles.css" />\n'
            f"  \n    <!-- Current theme and more -->\n    {links}\n    \n    </head>\n  \n"
            f"    <body >\n      {NOSCRIPT}\n  \n"
            f"      <div id='root'>{app_root(h)}</div>\n"
            f"      <script defer src='{STATIC}/js/client.js'></script>\n"
            "    </body>\n  </html>\n  "
        )
    return (
        '<!DOCTYPE html>\n<html lang="en" data-bs-theme="light" '
        'data-inferno-helmet="data-bs-theme,lang"><head>\n'
        f'    <script nonce="">\n    window.isoData = {iso};{THEME_SCRIPT}</script>\n'
        f"    {comments_block}{title}\n    {metas}\n  \n    {ADULT_STYLE}\n\n"
        "    <!-- Required meta tags -->\n"
        '    <meta name="Description" content="Lemmy">\n'
        '    <meta charset="utf-8">\n'
        '    <meta name="viewport" content="width=device-width, initial-scale=1, '
        'shrink-to-fit=no">\n'
        f'    <link id="favicon" rel="shortcut icon" type="image/x-icon" '
        f'href="{icons}/favicon.svg">\n  \n'
        "    <!-- Web app manifest -->\n"
        '    <link rel="manifest" href="/manifest.webmanifest">\n'
        f'    <link rel="apple-touch-icon" href="{icons}/apple-touch-icon.png">\n'
        f'    <link rel="apple-touch-startup-image" href="{icons}/apple-touch-icon.png">\n'
        "  \n    <!-- Styles -->\n"
        f'    <link rel="stylesheet" type="text/css" href="{STATIC}/styles/styles.css">\n'
        f"  \n    <!-- Current theme and more -->\n    {links}\n    \n    {urls}</head>\n  \n"
        f"    <body>\n      {NOSCRIPT}\n  \n"
        f'      <div id="root">{app_root(h)}</div>\n'
        f'      <script defer="" src="{STATIC}/js/client.js"></script>\n'
        "    \n  \n  </body></html>"
    )


def singlefile(saved_dom: str) -> str:
    """SingleFile's save of the same DOM: every <script> element gone, its header comment."""
    without = re.sub(r"<script\b[^>]*>.*?</script>", "", saved_dom, flags=re.S)
    stamp = f"{SAVED_AT:%a %b %d %Y %H:%M:%S} GMT+0000 (Coordinated Universal Time)"
    header = (
        f"<!--\n Page saved with SingleFile \n url: https://{HOST}/post/{POST['id']} \n"
        f" saved date: {stamp}\n-->"
    )
    return without.replace("<head>", header + "<head>", 1)
