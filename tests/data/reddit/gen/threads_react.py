"""The two invented threads in the React design: a 2023 self post and a 2019 link post.

Between them they cover OP, moderator, sticky, edited, deleted, removed, collapsed, score hidden,
"N more replies" and "Continue this thread".
"""

from __future__ import annotations

from itertools import pairwise

from .spec import C, Post, minutes, utc

# ------------------------------------------------------------ 2023: r/fermentation, a self post
SAVED23 = utc(2023, 5, 17, 22, 5, 0)
T23 = utc(2023, 5, 17, 13, 2, 0)

POST23 = Post(
    id="13jq4xz",
    sub="fermentation",
    slug="first_kimchi_batch_is_bubbling_like_soda_is_that",
    title="First kimchi batch is bubbling like soda \u2014 is that normal?",
    author="napa_cabbage_nadia",
    score=1432,
    created=T23,
    comments=58,
    body=(
        "<p>Day three of my first ever batch. When I press the cabbage down, it fizzes and the "
        "brine rises almost to the lid. It smells sour and garlicky, not rotten.</p>"
        "<ul><li><p>2.5% salt by weight</p></li><li><p>room temperature, about 21\u00a0\u00b0C</p>"
        "</li>"
        "<li><p>a swing-top jar, burped twice a day</p></li></ul><p>Is this what it is supposed to "
        "do?</p>"
    ),
)


def _chain23() -> C:
    who = [
        "napa_cabbage_nadia",
        "sauerkraut_sam",
        "napa_cabbage_nadia",
        "sauerkraut_sam",
        "crock_carl",
        "napa_cabbage_nadia",
    ]
    say = [
        "<p>So the jar should not be completely full?</p>",
        "<p>Leave about two fingers of headspace.</p>",
        "<p>Two of <em>my</em> fingers or two of yours?</p>",
        "<p>Ha. Call it 3\u00a0cm.</p>",
        "<p>Or use an airlock lid and stop worrying about it.</p>",
        "<p>Ordering one tonight.</p>",
    ]
    ids = ["jkq1a01", "jkq1b02", "jkq1c03", "jkq1d04", "jkq1e05", "jkq1f06"]
    nodes = [
        C(i, w, s, 40 - 6 * n, minutes(T23, 200 + 15 * n), "", op=w == POST23["author"])
        for n, (i, w, s) in enumerate(zip(ids, who, say, strict=True))
    ]
    for a, b in pairwise(nodes):
        a.children.append(b)
    nodes[-1].cont = True
    return nodes[0]


def thread23() -> list[C]:
    sticky = C(
        "jkp0m11",
        "AutoModerator",
        '<p>Please read the <a href="https://www.reddit.com/r/fermentation/wiki/faq">FAQ</a> '
        "before asking if something is safe. When in doubt, throw it out.</p>",
        1,
        minutes(T23, 0),
        "",
        mod=True,
        stickied=True,
    )
    ratio = C(
        "jkp8t44",
        "sauerkraut_sam",
        "<p>Write the ratio on the jar, it saves a lot of guessing later:</p>"
        "<pre><code>cabbage 1000 g\nsalt      25 g  (2.5%)\ngochugaru 30 g\n</code></pre>",
        96,
        minutes(T23, 150),
        "",
        edited=minutes(T23, 170),
        children=[_chain23()],
    )
    gone = C(
        "jkp9d55",
        None,
        "",
        None,
        minutes(T23, 160),
        "",
        deleted=True,
        children=[
            C(
                "jkpa166",
                "gochugaru_gina",
                "<p>Whatever was here, the answer is still: it is fine.</p>",
                12,
                minutes(T23, 190),
                "",
            )
        ],
    )
    op = C(
        "jkp5q22",
        "napa_cabbage_nadia",
        "<p>Phew, thank you! I was about to throw the whole thing out.</p>",
        402,
        minutes(T23, 60),
        "",
        op=True,
        children=[ratio, gone],
        more=3,
    )
    removed = C("jkp6r33", None, "", None, minutes(T23, 80), "", removed=True)
    hidden = C(
        "jkp7s34",
        "downvoted_dan",
        "<p>Kimchi is overrated anyway.</p>",
        -5,
        minutes(T23, 90),
        "",
        collapsed=True,
        hidden_body=True,
    )
    top = C(
        "jkp2k12",
        "lacto_larry",
        "<blockquote><p>it fizzes and the brine rises</p></blockquote>"
        "<p>Totally normal! That is CO<sub>2</sub> from the lactic acid bacteria. It means the "
        "ferment is <strong>alive</strong>.</p>",
        1234,
        minutes(T23, 20),
        "",
        children=[op, removed, hidden],
    )
    fresh = C(
        "jkr0z77",
        "jar_burper",
        "<p>Put the jar on a plate. Trust me.</p>",
        None,
        minutes(SAVED23, -20),
        "",
    )
    intl = C(
        "jkq9y88",
        "Fermenterin_Frieda",
        "<p>Gr\u00fc\u00dfe aus Graz! Bei mir sprudelt es auch immer am dritten Tag "
        "\U0001f96c.</p>",
        31,
        minutes(T23, 250),
        "",
    )
    return [sticky, top, fresh, intl]


# ------------------------------------------------------------ 2019: r/bicycletouring, a link post
SAVED19 = utc(2019, 6, 23, 9, 30, 0)
T19 = utc(2019, 6, 22, 19, 10, 0)

POST19 = Post(
    id="c3ka9v",
    sub="bicycletouring",
    slug="crossing_the_pyrenees_on_a_1987_steel_frame_photo",
    title="Crossing the Pyrenees on a 1987 steel frame (photo essay)",
    author="steelframe_sofia",
    score=2317,
    created=T19,
    comments=164,
    link="https://longroads.example.com/2019/06/pyrenees-on-a-1987-steel-frame",
    domain="longroads.example.com",
)


def _chain19() -> C:
    who = [
        "steelframe_sofia",
        "granny_gear_greta",
        "col_climber_kai",
        "steelframe_sofia",
        "granny_gear_greta",
        "col_climber_kai",
    ]
    say = [
        "<p>The Tourmalet was fine. The Aubisque in the rain was not.</p>",
        "<p>Did you go up from Laruns or from Argel\u00e8s?</p>",
        "<p>Laruns is the nicer side, fewer camper vans.</p>",
        "<p>Laruns, yes. Still counted about forty camper vans.</p>",
        "<p>Forty is a quiet day up there.</p>",
        "<p>Go in September, you will have it to yourself.</p>",
    ]
    ids = ["erd3a10", "erd3b20", "erd3c30", "erd3d40", "erd3e50", "erd3f60"]
    nodes = [
        C(i, w, s, 60 - 9 * n, minutes(T19, 240 + 20 * n), "", op=w == POST19["author"])
        for n, (i, w, s) in enumerate(zip(ids, who, say, strict=True))
    ]
    for a, b in pairwise(nodes):
        a.children.append(b)
    nodes[-1].more = 2
    return nodes[0]


def thread19() -> list[C]:
    greta = C(
        "erd1x40",
        "granny_gear_greta",
        "<p>Same setup here, but I swapped the bottom bracket before the trip. Worth it.</p>",
        140,
        minutes(T19, 180),
        "",
        edited=minutes(T19, 400),
        children=[_chain19()],
    )
    gone = C(
        "erd2y50",
        None,
        "",
        None,
        minutes(T19, 200),
        "",
        deleted=True,
        children=[
            C(
                "erd2z51",
                "pannier_paolo",
                "<p>Shame they deleted it, it was a good list of campsites.</p>",
                33,
                minutes(T19, 230),
                "",
            )
        ],
    )
    op = C(
        "erd0v30",
        "steelframe_sofia",
        "<p>Gearing was nothing fancy:</p><ul><li><p>48/36/26 triple up front</p></li>"
        "<li><p>13\u201328 seven-speed freewheel at the back</p></li></ul>"
        "<p>I walked two ramps and I am not ashamed.</p>",
        512,
        minutes(T19, 90),
        "",
        op=True,
        children=[greta, gone],
        more=4,
    )
    removed = C("erd0w31", None, "", None, minutes(T19, 100), "", removed=True)
    first = C(
        "erc9u20",
        "spoke_wrench_will",
        "<p>What gearing did you run on a bike that old? Those climbs are brutal.</p>",
        880,
        minutes(T19, 40),
        "",
        children=[op, removed],
    )
    late = C(
        "erf5k70",
        "hub_dynamo_hana",
        "<p>Which lights did you use for the tunnels?</p>",
        None,
        minutes(SAVED19, -25),
        "",
    )
    gpx = C(
        "erf1p60",
        "col_climber_kai",
        "<blockquote><p>I walked two ramps</p></blockquote><p>Here is the segment I mean, "
        'straight from my GPX:</p><pre><code>&lt;trkpt lat="42.9087" lon="0.1456"&gt;'
        "&lt;ele&gt;2115&lt;/ele&gt;&lt;/trkpt&gt;\n</code></pre>",
        77,
        minutes(T19, 300),
        "",
    )
    return [first, late, gpx]
