"""The invented site, community, people and post, and the code the thread quotes.

Everything here is made up; it is the single source that the isoData JSON, the DOM and
expected.json are all built from, so they can never disagree.  The comment tree itself
lives in ``thread.py``.  ``HIGHLIGHTED`` is here rather than next to the renderer because
it is data: highlight.js's output for exactly these snippets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

HOST = "lemmy.example"
STATIC = "/static/7d1c03fa"  # lemmy-ui's build hash in asset paths
SSR_NONCE = "3f9c2a7e51d04b8f"  # CSP nonce (Chromium hides it from the saved DOM)
# The moment the page was rendered and saved: relative times ("16 days ago") count from it.
SAVED_AT = datetime(2026, 10, 19, 10, 30, 0, tzinfo=timezone.utc)
EN = 37  # language id of English in Lemmy's language table; 0 is "Undetermined"


LANGUAGES: list[tuple[int, str, str]] = [
    (0, "und", "Undetermined"),
    (32, "de", "Deutsch"),
    (37, "en", "English"),
    (38, "eo", "Esperanto"),
    (39, "es", "Español"),
    (47, "fr", "Français"),
]

SITE: dict[str, Any] = {
    "id": 1,
    "name": "Ratchet & Spoke",
    "sidebar": (
        "A workshop forum for people who fix things: bikes, clocks, radios, furniture.\n\n"
        "**House rules**\n\n1. Be patient with beginners.\n2. Safety first.\n"
        "3. Credit other people's work.\n"
    ),
    "published": "2023-02-11T09:30:12.447000Z",
    "updated": "2026-04-28T17:02:40.000000Z",
    "description": "A workshop forum for people who fix things",
    "last_refreshed_at": "2026-10-18T00:00:03.000000Z",
    "public_key": (
        "-----BEGIN PUBLIC KEY-----\n"
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAINVENTEDKEYINVENTED\n"
        "-----END PUBLIC KEY-----\n"
    ),
    "application_question": "What do you like to repair?",
    "counts": (8211, 40377, 391240, 214, 233, 780, 1604, 3388),
}

COMMUNITY: dict[str, Any] = {
    "id": 312,
    "name": "bikerepair",
    "title": "Bicycle Repair",
    "description": (
        "Fixing, restoring and maintaining bicycles of every age.\n\n**Rules**\n\n"
        "1. Be kind to beginners.\n2. Photos help, but are not required.\n"
        "3. No spam or affiliate links.\n\nNew here? Start with the [beginner's toolkit thread]"
        "(https://lemmy.example/post/4102877)."
    ),
    "published": "2023-03-02T19:44:51.118300Z",
    "updated": "2025-11-20T08:15:09.330000Z",
    # subscribers, posts, comments, day, week, month, half year, local subscribers
    "counts": (3184, 1207, 15532, 47, 296, 812, 2044, 1466),
}


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    host: str
    instance_id: int
    published: str
    display_name: str | None = None
    bio: str | None = None

    @property
    def local(self) -> bool:
        return self.host == HOST

    @property
    def actor_id(self) -> str:
        return f"https://{self.host}/u/{self.name}"

    @property
    def shown(self) -> str:
        return self.display_name or self.name


PEOPLE: dict[str, Person] = {
    p.name: p
    for p in [
        Person(
            5531,
            "marta_wrench",
            HOST,
            1,
            "2024-01-14T18:22:05.671200Z",
            "Mårta 🚲",
            "Commuter, tinkerer, collector of orphaned frames.",
        ),
        Person(2, "cogadmin", HOST, 1, "2023-02-11T09:31:40.100000Z", "Cog Admin"),
        Person(77, "spokemod", HOST, 1, "2023-03-02T19:40:02.900500Z", "Spoke Warden 🔧"),
        Person(1204, "wheelwright", HOST, 1, "2023-07-19T06:12:44.301000Z"),
        Person(7012, "tandem_tom", HOST, 1, "2024-05-30T12:00:19.884100Z"),
        Person(6620, "nadia_k", HOST, 1, "2024-03-08T21:47:33.512000Z", "Надя К. 🌿"),
        Person(60218, "jiri_velo", "feddit.example", 7, "2023-06-11T10:10:10.000000Z", "Jiří Velo"),
        Person(60377, "chainlube", "hexpedal.example", 12, "2023-09-02T15:05:51.000000Z"),
        Person(
            61950, "old_schrader", "mander.example", 19, "2023-06-25T08:41:07.000000Z", "Ólafur 🛞"
        ),
        Person(
            60999,
            "fixie_fran",
            "feddit.example",
            7,
            "2024-02-02T22:18:30.000000Z",
            "Fran (she/her)",
        ),
        Person(
            62544,
            "bargain_bin_bikes",
            "mander.example",
            19,
            "2026-09-29T11:03:12.000000Z",
            "Deals 💸",
        ),
    ]
}
ADMINS = ["cogadmin"]
MODERATORS = ["spokemod", "wheelwright"]
OP = "marta_wrench"


POST: dict[str, Any] = {
    "id": 4417302,
    "name": (
        "Rescued a 1982 steel tourer from a skip \u2014 stuck seatpost and crusty cables, "
        "where do I start?"
    ),
    "body": (
        "Found this in a skip behind the library last weekend: a 1982 lugged steel tourer, "
        "57 cm, *mostly* complete. The frame is straight but it's clearly been outside for "
        '"a while".\n\n'
        "**What works:** the wheels spin true-ish, the headset is smooth and the chainrings "
        "have plenty of life left.\n\n"
        "**What doesn't:**\n\n"
        "1. The seatpost is completely seized (alloy post, steel frame).\n"
        "2. Brake and gear cables are rusted solid inside the housings.\n"
        "3. The rear hub makes a grinding noise I don't love.\n\n"
        "I'd like to get it rideable for about \u00a360. I've read the "
        "[bike wiki page on seized parts](https://bikewiki.example/seized-parts) but would love "
        "to hear what actually worked for you.\n"
    ),
    "author": OP,
    "published": "2026-10-03T08:14:37.512904Z",
    "updated": "2026-10-03T08:41:09.204417Z",
    "upvotes": 147,
    "downvotes": 4,
}


SPOKE_CODE = (
    "from math import cos, pi, sqrt\n"
    "\n"
    "def spoke_length(erd, flange_d, offset, holes, crosses):\n"
    '    """Return spoke length in mm (ignores hole diameter)."""\n'
    "    r = flange_d / 2\n"
    "    angle = 2 * pi * crosses / (holes / 2)\n"
    "    return sqrt((erd / 2) ** 2 + r ** 2 + offset ** 2 - erd * r * cos(angle))\n"
    "\n"
    "print(round(spoke_length(622, 44, 35, 36, 3), 1))\n"
)
FLANGE_CODE = (
    "left flange:  38.0 mm from centre\n"
    "right flange: 19.5 mm from centre\n"
    "spoke length: 292 / 290 mm\n"
)


# highlight.js output (lemmy-ui: markdown-it-highlightjs, auto-detection on, inline code
# too) for each piece of code in the thread, as the server writes it.
HIGHLIGHTED: dict[tuple[str, str], str] = {
    ("python", SPOKE_CODE): (
        '<span class="hljs-keyword">from</span> math <span class="hljs-keyword">import</span> '
        "cos, pi, sqrt\n\n"
        '<span class="hljs-keyword">def</span> <span class="hljs-title function_">spoke_length'
        '</span>(<span class="hljs-params">erd, flange_d, offset, holes, crosses</span>):\n'
        '    <span class="hljs-string">&quot;&quot;&quot;Return spoke length in mm (ignores hole '
        "diameter).&quot;&quot;&quot;</span>\n"
        '    r = flange_d / <span class="hljs-number">2</span>\n'
        '    angle = <span class="hljs-number">2</span> * pi * crosses / (holes / '
        '<span class="hljs-number">2</span>)\n'
        '    <span class="hljs-keyword">return</span> sqrt((erd / <span class="hljs-number">2'
        '</span>) ** <span class="hljs-number">2</span> + r ** <span class="hljs-number">2</span>'
        ' + offset ** <span class="hljs-number">2</span> - erd * r * cos(angle))\n\n'
        '<span class="hljs-built_in">print</span>(<span class="hljs-built_in">round</span>('
        'spoke_length(<span class="hljs-number">622</span>, <span class="hljs-number">44</span>,'
        ' <span class="hljs-number">35</span>, <span class="hljs-number">36</span>, '
        '<span class="hljs-number">3</span>), <span class="hljs-number">1</span>))\n'
    ),
    ("", FLANGE_CODE): (
        '<span class="hljs-keyword">left</span> flange:  <span class="hljs-number">38.0</span> '
        'mm <span class="hljs-keyword">from</span> centre\n'
        '<span class="hljs-keyword">right</span> flange: <span class="hljs-number">19.5</span> '
        'mm <span class="hljs-keyword">from</span> centre\n'
        'spoke length: <span class="hljs-number">292</span> <span class="hljs-operator">/'
        '</span> <span class="hljs-number">290</span> mm\n'
    ),
    ("inline", "offset"): '<span class="hljs-attribute">offset</span>',
}
