"""The invented Discourse topic behind the test pages: the truth the pages are written from.

Bodies are Discourse's ``cooked`` HTML with its real decorations (lightbox, onebox, quote,
emoji). People, places and words are made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

HOST = "forum.spokehouse.example"
BASE = f"https://{HOST}"
TOPIC_ID = 4821
SLUG = "winter-tyres-on-a-cargo-bike-worth-it"
TITLE = "Winter tyres on a cargo bike: worth it?"
TOPIC_URL = f"{BASE}/t/{SLUG}/{TOPIC_ID}"
CATEGORY = "Gear"
START = datetime(2025, 1, 10, 8, 15, 0, tzinfo=timezone.utc)

LIGHTBOX = (
    '<p><div class="lightbox-wrapper"><a class="lightbox" href="{base}/uploads/default/original/'
    '2X/a/a1b2c3.jpeg" data-download-href="/uploads/short-url/q9Zr.jpeg?dl=1" title="studded.jpeg"'
    ' rel="nofollow noopener"><img src="{base}/uploads/default/optimized/2X/a/a1b2c3_2_690x460'
    '.jpeg" alt="studded" width="690" height="460"><div class="meta"><svg class="fa d-icon '
    "d-icon-far-image"
    ' svg-icon" aria-hidden="true"><use xlink:href="#far-image"></use></svg><span class="filename">'
    'studded.jpeg</span><span class="informations">1600×1067 212 KB</span><svg class="fa d-icon '
    'd-icon-discourse-expand svg-icon" aria-hidden="true"><use xlink:href="#discourse-expand">'
    "</use></svg></div></a></div></p>"
)
ONEBOX = (
    '<aside class="onebox allowlistedgeneric" data-onebox-src="https://tyretests.example/cargo-'
    'winter-2024"><header class="source"><img src="https://tyretests.example/favicon.ico" '
    'class="site-icon" width="32" height="32"><a href="https://tyretests.example/cargo-winter-2024"'
    ' target="_blank" rel="nofollow ugc noopener">tyretests.example</a></header><article '
    'class="onebox-body"><img src="https://tyretests.example/thumb.jpg" class="thumbnail" width="'
    '500" height="281"><h3><a href="https://tyretests.example/cargo-winter-2024" target="_blank" '
    'rel="nofollow ugc noopener">Cargo bike winter tyres, tested on black ice</a></h3><p>Six '
    'tyres, one frozen car park, and a lot of bruises.</p></article><div class="onebox-metadata">'
    '</div><div style="clear: both"></div></aside>'
)
QUOTE = (
    '<aside class="quote no-group" data-username="tobiask" data-post="2" data-topic="4821">'
    '<div class="title"><div class="quote-controls"></div><img alt="" width="20" height="20" '
    'src="/user_avatar/forum.spokehouse.example/tobiask/40/77_2.png" class="avatar"> tobiask:</div>'
    "<blockquote><p>The rolling resistance on dry tarmac is brutal.</p></blockquote></aside>"
)
EMOJI = (
    '<img src="/images/emoji/twitter/snowflake.png?v=12" title=":snowflake:" class="emoji" '
    'alt=":snowflake:" loading="lazy" width="20" height="20">'
)


@dataclass(frozen=True)
class Post:
    number: int
    post_id: int
    username: str
    name: str
    minutes: int
    cooked: str
    text: str
    """What a reader sees of the body, paragraphs split by blank lines."""
    likes: int = 0
    reply_to: int | None = None
    edited_minutes: int | None = None
    moderator: bool = False
    admin: bool = False
    deleted: bool = False
    accepted: bool = False
    small_action: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def created(self) -> datetime:
        return START + timedelta(minutes=self.minutes)

    @property
    def edited(self) -> datetime | None:
        if self.edited_minutes is None:
            return None
        return START + timedelta(minutes=self.edited_minutes)


POSTS = [
    Post(1, 90101, "maren_holt", "Maren Holt", 0,
         "<p>I haul two kids and a week of shopping on a longtail, all winter. Studded tyres or "
         "just lower pressure?</p>\n" + LIGHTBOX.format(base=BASE)
         + f"\n<p>Last week was icy {EMOJI}</p>",
         "I haul two kids and a week of shopping on a longtail, all winter. Studded tyres or "
         "just lower pressure?\n\nLast week was icy :snowflake:",
         likes=5, edited_minutes=45),
    Post(2, 90102, "tobiask", "Tobias K", 30,
         "<p>Studs, without a doubt, but only on the front. This test convinced me:</p>\n" + ONEBOX,
         "Studs, without a doubt, but only on the front. This test convinced me:\n\n"
         "Cargo bike winter tyres, tested on black ice\n\nSix tyres, one frozen car park, and a "
         "lot of bruises.",
         likes=2),
    Post(3, 90103, "ilse_v", "Ilse V", 75,
         QUOTE + "\n<p>It is, but a fall with two kids aboard is worse. Mods here: keep it civil "
         "&amp; on topic, please.</p>",
         "tobiask:\n\nThe rolling resistance on dry tarmac is brutal.\n\nIt is, but a fall with "
         "two kids aboard is worse. Mods here: keep it civil & on topic, please.",
         likes=4, reply_to=2, moderator=True),
    Post(4, 90104, "maren_holt", "Maren Holt", 130,
         "<p>Went with studs on the front and a winter compound at the back. Zero slips since."
         "</p>\n<p>Thanks, all.</p>",
         "Went with studs on the front and a winter compound at the back. Zero slips since.\n\n"
         "Thanks, all.",
         likes=7, reply_to=3, accepted=True),
    Post(5, 90105, "quentin_r", "Quentin R", 200,
         "<p>(post deleted by author)</p>", "(post deleted by author)", deleted=True),
    Post(6, 90106, "ruth_admin", "Ruth", 260, "", "", small_action=True,
         extra={"action_code": "closed.enabled"}),
    Post(7, 90107, "ruth_admin", "Ruth", 261,
         "<p>Closing this one: the <code>winter-gear</code> wiki now links here.</p>",
         "Closing this one: the winter-gear wiki now links here.",
         reply_to=4, admin=True),
]  # fmt: skip
MORE_IN_STREAM = [90108, 90109]
"""Posts of the topic that the page does not hold (the stream lists them)."""

PAGE2_POSTS = [
    Post(21, 90221, "oskar_l", "Oskar L", 4000,
         "<p>Two winters on, the studs are worn flat. Replace them every other season.</p>",
         "Two winters on, the studs are worn flat. Replace them every other season.", likes=3),
    Post(22, 90222, "maren_holt", "Maren Holt", 4030,
         '<aside class="quote no-group" data-username="oskar_l" data-post="21" data-topic="4821">'
         '<div class="title"><div class="quote-controls"></div> oskar_l:</div><blockquote><p>'
         "Replace them every other season.</p></blockquote></aside>\n<p>Noted, thank you.</p>",
         "oskar_l:\n\nReplace them every other season.\n\nNoted, thank you.", likes=1),
    Post(23, 90223, "piet_d", "Piet D", 4100,
         "<p>Same here, and a spare tube in the pannier.</p>",
         "Same here, and a spare tube in the pannier."),
]  # fmt: skip
