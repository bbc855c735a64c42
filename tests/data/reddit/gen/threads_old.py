"""The two invented old-Reddit threads: a 2025 self post and a 2018 link post.

Between them they cover OP, moderator, admin, sticky, flair, edited, deleted (with and without a
form id), removed, collapsed, score hidden, "load more comments" and "continue this thread".
"""

from __future__ import annotations

from .old_spec import Node, Page, md
from .spec import utc

CODE = (
    "<p>I log the hive weight every evening with a cheap load cell. The script is tiny:</p>\n\n"
    "<pre><code>import time\nfrom hx711 import HX711\n\nscale = HX711(5, 6)\nwhile True:\n"
    "    print(round(scale.read_kg(), 2))\n    time.sleep(3600)\n</code></pre>\n\n"
    "<p>Anything under <code>0.2</code> kg a day in March means they are eating stores.</p>\n"
)
QUOTE = (
    "<blockquote>\n<p>the cluster moved up in January and never came back down</p>\n"
    "</blockquote>\n\n<p>That is the classic sign. What we changed:</p>\n\n<ol>\n"
    "<li>a quilt box with wood shavings</li>\n"
    "<li>a windbreak made of two pallets and <del>a tarp</del> burlap</li>\n"
    "<li>fondant on top from <strong>mid December</strong></li>\n</ol>\n\n"
    '<p>More in the <a href="https://old.reddit.com/r/RooftopBeekeeping/wiki/winter">'
    "winter wiki</a>.</p>\n"
)
LIST = (
    "<p>Three things nobody told me:</p>\n\n<ul>\n<li>roofs are <em>windy</em></li>\n"
    "<li>the landlord's insurance wants to know</li>\n"
    "<li>bees find the neighbour's pool first</li>\n</ul>\n"
)


def page_2025() -> Page:
    """r/RooftopBeekeeping, a self post saved from old.reddit.com ten hours in (2025 markup)."""
    sticky = Node(
        id="mq1aa01",
        author="comb_warden",
        score=1,
        minutes=2,
        body=md(
            "Reminder: photos of your own hives only, and no selling queens in the comments.",
            'Read the <a href="/r/RooftopBeekeeping/wiki/rules">rules</a> before posting.',
        ),
        role="moderator",
        stickied=True,
        aid="8kq2a",
    )
    deep = Node(
        id="mq1dd04",
        author="lintel_and_lath",
        score=9,
        minutes=300,
        body=md("How high up is the roof? Ninth floor sounds brutal for wind."),
        aid="5tt1c",
        kids=[
            Node(
                id="mq1dd05",
                author="hive_on_the_ninth",
                score=7,
                minutes=320,
                body=md("Thirty metres, give or take. The parapet helps a lot."),
                role="submitter",
                aid="3hn9x",
                kids=[
                    Node(
                        id="mq1dd06",
                        author="lintel_and_lath",
                        score=5,
                        minutes=340,
                        body=md("Do you strap the boxes down?"),
                        aid="5tt1c",
                        kids=[
                            Node(
                                id="mq1dd07",
                                author="hive_on_the_ninth",
                                score=4,
                                minutes=350,
                                body=md("Two ratchet straps per hive, hooked to the railing."),
                                role="submitter",
                                aid="3hn9x",
                                kids=[
                                    Node(
                                        id="mq1dd08",
                                        author="lintel_and_lath",
                                        score=3,
                                        minutes=365,
                                        body=md("Smart. Mine blew over once in a storm."),
                                        aid="5tt1c",
                                        cont=True,
                                    )
                                ],
                            )
                        ],
                    )
                ],
            )
        ],
    )
    comments = [
        sticky,
        Node(
            id="mq1bb02",
            author="marrow_finch",
            score=412,
            minutes=35,
            body=QUOTE,
            aid="2mf7r",
            flair="Zone 7b, 6 hives",
            kids=[
                Node(
                    id="mq1bb10",
                    author="hive_on_the_ninth",
                    score=88,
                    minutes=60,
                    body=md(
                        "The quilt box is exactly what I ended up building. "
                        "Condensation was the killer."
                    ),
                    role="submitter",
                    edited_after=14,
                    aid="3hn9x",
                    kids=[
                        Node(
                            id="mq1bb11",
                            author="hexagon_hal",
                            score=57,
                            minutes=95,
                            body=CODE,
                            aid="6hh0p",
                            more=3,
                            more_id="mq1zz91",
                            kids=[
                                Node(
                                    id="mq1bb12",
                                    author="marrow_finch",
                                    score=12,
                                    minutes=130,
                                    body=md("Stealing this, thanks."),
                                    aid="2mf7r",
                                ),
                            ],
                        )
                    ],
                ),
                Node(
                    id=None,
                    author=None,
                    score=None,
                    minutes=70,
                    body=md("[deleted]"),
                    deleted=True,
                    form_id="mq1bb13",
                    kids=[
                        Node(
                            id="mq1bb14",
                            author="perch_and_pollen",
                            score=6,
                            minutes=150,
                            body=md(
                                "Whatever they said, the answer is still: "
                                "feed fondant, not syrup, in winter."
                            ),
                            aid="9pp3e",
                        )
                    ],
                ),
            ],
        ),
        Node(
            id="mq1cc03",
            author="saltmarsh_sue",
            score=None,
            minutes=480,
            body=md("Just found this sub. Following for spring!"),
            aid="4ss8s",
        ),
        Node(
            id="mq1ee05",
            author=None,
            score=1,
            minutes=200,
            body=md("[removed]"),
            removed=True,
            aid="0",
        ),
        Node(
            id="mq1ff06",
            author="grumbling_drone",
            score=-7,
            minutes=210,
            body=md("Bees on a roof in a city is cruel, they belong in the countryside."),
            collapsed=True,
            aid="7gd4d",
            kids=[
                Node(
                    id="mq1ff07",
                    author="perch_and_pollen",
                    score=31,
                    minutes=260,
                    body=md(
                        "City bees often do better: more forage diversity and fewer pesticides."
                    ),
                    aid="9pp3e",
                )
            ],
        ),
        Node(
            id="mq1gg08",
            author="apiary_admin_kay",
            score=1,
            minutes=400,
            body=LIST,
            role="admin",
            aid="1ak5k",
        ),
        deep,
    ]
    return Page(
        style="2025",
        sr="RooftopBeekeeping",
        srid="2x7q1",
        pid="1w3k9zq",
        slug="our_rooftop_hive_survived_its_first_winter_what",
        title="Our rooftop hive survived its first winter — what we changed",
        author="hive_on_the_ninth",
        aid="3hn9x",
        post_time=utc(2025, 3, 14, 8, 5, 11),
        saved_after=600,
        score=1287,
        score_text="1287",
        self_body=(
            "<p>Last year we lost both colonies by February. This year one made it through, and I "
            "think I know why.</p>\n\n<p>Details in the comments, but the short version: "
            "<strong>ventilation</strong>, a windbreak and fondant.</p>\n\n"
            '<blockquote>\n<p>Photos: <a href="https://i.imgur.example/hive-march.jpg">'
            "the hive in March</a></p>\n</blockquote>\n"
        ),
        link_url=None,
        domain="self.RooftopBeekeeping",
        flair="Success story",
        post_edited_after=47,
        comments=comments,
        top_more=12,
        top_more_id="mq1zz99",
    )


def page_2018() -> Page:
    """r/history, a link post saved from www.reddit.com in 2018 (2018 markup)."""
    comments = [
        Node(
            id="e0k2a11",
            author="tin_kettle",
            score=1834,
            minutes=20,
            body=md(
                "The part about the lighthouse keeper's logbook is wild. "
                "Ten years of daily entries."
            ),
            aid="a1b2",
            kids=[
                Node(
                    id="e0k2b22",
                    author="fogbound_ferris",
                    score=902,
                    minutes=41,
                    body=md(
                        "Author here. The logbook is in the county archive; you can ask to see it."
                    ),
                    role="submitter",
                    aid="c3d4",
                    edited_after=25,
                    kids=[
                        Node(
                            id="e0k2c33",
                            author="tin_kettle",
                            score=311,
                            minutes=60,
                            body=md("Adding that to my holiday list."),
                            aid="a1b2",
                            kids=[
                                Node(
                                    id="e0k2d44",
                                    author="quay_side",
                                    score=120,
                                    minutes=75,
                                    body=md("Same. Is it open on weekends?"),
                                    aid="e5f6",
                                    cont=True,
                                )
                            ],
                        )
                    ],
                    more=7,
                    more_id="e0k2z01",
                ),
                Node(
                    id=None,
                    author=None,
                    score=None,
                    minutes=50,
                    body=md("[deleted]"),
                    deleted=True,
                    kids=[
                        Node(
                            id="e0k2e55",
                            author="lamp_oil_larry",
                            score=15,
                            minutes=90,
                            body=md("No need to be rude about it."),
                            aid="g7h8",
                        ),
                    ],
                ),
            ],
        ),
        Node(
            id="e0k2f66",
            author="shingle_beach",
            score=None,
            minutes=300,
            body=md("Score hidden still? This thread is young."),
            aid="i9j0",
        ),
        Node(
            id="e0k2g77",
            author="barnacle_bill_2",
            score=-12,
            minutes=120,
            body="<p>Fake. Lighthouses never had keepers that long.</p>\n",
            collapsed=True,
            aid="k1l2",
        ),
        Node(
            id="e0k2h88",
            author="fresnel_fan",
            score=1,
            minutes=130,
            body=(
                "<p>Here is how the lens rotation was timed:</p>\n\n"
                "<pre><code>period = 60 / flashes_per_minute\n"
                "for beam in range(panels):\n    rotate(360 / panels)\n</code></pre>\n"
            ),
            aid="m3n4",
        ),
    ]
    return Page(
        style="2018",
        sr="history",
        srid="2qh53",
        pid="8q2x9k",
        slug="the_last_keeper_of_gannet_rock_lighthouse",
        title="The last keeper of Gannet Rock lighthouse kept a daily logbook for ten years",
        author="fogbound_ferris",
        aid="c3d4",
        post_time=utc(2018, 6, 7, 14, 31, 24),
        saved_after=330,
        score=12803,
        score_text="12.8k",
        self_body=None,
        link_url="https://coastal-archive.example.org/stories/gannet-rock-logbook",
        domain="coastal-archive.example.org",
        flair="",
        post_edited_after=None,
        comments=comments,
        top_more=214,
        top_more_id="e0k2z99",
        blurb="Discussions about history, from the lighthouse to the library.",
    )
