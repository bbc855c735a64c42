"""The two invented shreddit threads: the sample's self post and a SingleFile-saved link post.

Between them they cover OP, moderator, sticky, edited, deleted, removed, collapsed, score hidden,
a reply chain to depth 8, "N more replies" and "Continue this thread".
"""

from __future__ import annotations

from itertools import pairwise

from .spec import C, Post, minutes, utc

# ---------------------------------------------------------------- sample: r/homelab self post
SAVED = utc(2025, 3, 11, 21, 40, 5)
T0 = utc(2025, 3, 9, 14, 12, 33)

POST = Post(
    id="1j8q2vd",
    sub="homelab",
    sub_id="t5_2ub5q",
    title="Finally moved the NAS off the kitchen table \u2014 lessons from a weekend of cable "
    "chaos",
    slug="finally_moved_the_nas_off_the_kitchen_table",
    author="rackmount_rosa",
    author_id="t2_8d1kq0zm",
    score=1842,
    comments=64,
    created=T0,
    created_ts="2025-03-09T14:12:33.118000+0000",
    body=(
        "<p>After two years of my NAS living next to the toaster, I finally built a small wall "
        "rack in the hallway closet. Here is what I wish someone had told me before I started.</p>"
        "<ol><li><p>Measure the closet <em>with</em> the door closed. Twice.</p></li>"
        "<li><p>Buy twice as many velcro ties as you think you need.</p></li>"
        "<li><p>Label both ends of every cable, not just one.</p></li></ol>"
        "<p>The fan curve that finally made it quiet enough to sleep next to:</p>"
        "<pre><code>fan_profile:\n  idle_rpm: 600\n  load_rpm: 1400\n  ramp_seconds: 45\n</code>"
        "</pre>"
        '<p>Full parts list is on <a href="https://wiki.example.net/rosa/closet-rack">my wiki</a>. '
        "Questions welcome!</p>"
    ),
    flair="Labporn",
)


def _chain() -> C:
    """A reply chain that reaches depth 8, then 'Continue this thread'."""
    people = [
        "rackmount_rosa",
        "patchpanel_pete",
        "quiet_fan_curve",
        "rackmount_rosa",
        "patchpanel_pete",
        "vlan_vera",
    ]
    texts = [
        "<p>Fair, but the rubber feet alone dropped it by about 4 dB for me.</p>",
        "<p>Did you measure that with the closet door open or shut?</p>",
        "<p>Shut. Open it is basically the same as the kitchen was.</p>",
        "<p>Then the door is doing most of the work, not the feet.</p>",
        "<p>Could be both. I'll redo it with a proper meter this weekend.</p>",
        "<p>Post the numbers when you do \u2014 I am curious now too.</p>",
    ]
    ids = ["mh5d0k1", "mh5e7w3", "mh5g2p8", "mh5h9z0", "mh5k4c6", "mh5m1q2"]
    nodes = []
    for n, (who, text, cid) in enumerate(zip(people, texts, ids, strict=True)):
        t = minutes(T0, 300 + 40 * n)
        nodes.append(C(cid, who, text, 30 - 4 * n, t, "", op=who == POST["author"]))
    for parent, child in pairwise(nodes):
        parent.children.append(child)
    nodes[-1].cont = True
    return nodes[0]


def thread() -> list[C]:
    automod = C(
        "mh4a0s1",
        "AutoModerator",
        "<p>Thanks for posting to r/homelab! Please remember to include a parts list and a "
        "photo of the back of the rack.</p><p><em>I am a bot, and this action was performed "
        'automatically. Please <a href="/message/compose/?to=/r/homelab">contact the moderators of '
        "this subreddit</a> if you have any questions or concerns.</em></p>",
        1,
        minutes(T0, 0),
        "",
        mod=True,
        stickied=True,
        collapsed=True,
    )
    chain = _chain()
    deep = C(
        "mh4c9x0",
        "quiet_fan_curve",
        "<p>For anyone copying the fan profile: the firmware ignores <code>ramp_seconds</code> "
        "below 30. I use this instead:</p>"
        "<pre><code>#!/bin/sh\n# run from cron every minute\nipmitool raw 0x30 0x30 0x02 0xff "
        '0x18\nif [ "$(cat /sys/class/thermal/thermal_zone0/temp)" -gt 65000 ]; then\n'
        "  ipmitool raw 0x30 0x30 0x02 0xff 0x30\nfi\n</code></pre>",
        88,
        minutes(T0, 190),
        "",
        children=[chain],
    )
    gone = C(
        "mh4d2r7",
        None,
        "",
        None,
        minutes(T0, 200),
        "",
        deleted=True,
        children=[
            C(
                "mh4f6t3",
                "ups_ursula",
                "<p>Whatever they said, a small UPS in that closet is worth it. Mine has "
                "saved the array twice.</p>",
                14,
                minutes(T0, 260),
                "",
            )
        ],
    )
    op_reply = C(
        "mh4b3n8",
        "rackmount_rosa",
        "<p>Good catch. What I ended up doing:</p>"
        "<ul><li><p>moved the switch to the top shelf</p></li>"
        "<li><p>put the NAS on rubber feet</p></li>"
        "<li><p>added a 120\u00a0mm intake at the bottom of the door</p></li></ul>",
        301,
        minutes(T0, 95),
        "",
        op=True,
        edited=minutes(T0, 400),
        children=[deep, gone],
        more=3,
    )
    removed = C("mh4g8u5", None, "", None, minutes(T0, 150), "", removed=True)
    fresh = C(
        "mh9z1x4",
        "zfs_zelda",
        "<p>Late to this, but: set <code>recordsize=1M</code> on the media dataset.</p>",
        None,
        minutes(SAVED, -20),
        "",
    )
    top1 = C(
        "mh4a1b2",
        "cable_goblin_77",
        "<blockquote><p>Label both ends of every cable, not just one.</p></blockquote>"
        "<p>This is the way. Future you will <strong>thank</strong> present you.</p>",
        512,
        minutes(T0, 31),
        "",
        children=[op_reply, removed, fresh],
    )
    mod_note = C(
        "mh4h3j9",
        "mod_greyson",
        "<p>Friendly reminder that selling hardware is not allowed in the comments. Please use "
        "the monthly sales thread.</p>",
        45,
        minutes(T0, 120),
        "",
        mod=True,
        children=[
            C(
                "mh4k0v2",
                "cable_goblin_77",
                "<p>Nobody was selling anything, but noted.</p>",
                7,
                minutes(T0, 180),
                "",
                edited=minutes(T0, 185),
                no_created_attr=True,
            )
        ],
    )
    intl = C(
        "mh4m5e6",
        "Zurich_Lukas",
        "<p>Gr\u00fcezi from Z\u00fcrich \u2014 \u00e7a marche bien chez moi aussi \U0001f44d. "
        "Hot take: closets are where hardware goes to cook.</p>",
        -3,
        minutes(T0, 240),
        "",
    )
    table = C(
        "mh4n7y1",
        "patchpanel_pete",
        "<p>My idle numbers after the move, for comparison:</p>"
        '<table><thead><tr><th>Device</th><th align="right">Watts</th></tr></thead>'
        '<tbody><tr><td>NAS</td><td align="right">38</td></tr>'
        '<tr><td>Switch</td><td align="right">11</td></tr></tbody></table>',
        63,
        minutes(T0, 330),
        "",
        more=1,
    )
    return [automod, top1, mod_note, intl, table]


# ---------------------------------------------------------------- linkpost: r/Astronomy
L_SAVED = utc(2024, 11, 2, 7, 15, 44)
L_T0 = utc(2024, 10, 30, 19, 3, 12)

LPOST = Post(
    id="1gfx7ka",
    sub="Astronomy",
    sub_id="t5_2qhvo",
    title="Field notes: photographing a comet's ion tail from a city balcony",
    slug="field_notes_photographing_a_comets_ion_tail",
    author="balcony_astro_bea",
    author_id="t2_5x0pl3mq",
    score=267,
    comments=31,
    created=L_T0,
    created_ts="2024-10-30T19:03:12.554000+0000",
    link="https://skyfield-notes.example.org/2024/10/comet-tail-from-a-balcony",
    domain="skyfield-notes.example.org",
)


def lthread() -> list[C]:
    a = C(
        "lt2b0x1",
        "dark_sky_dmitri",
        "<p>Great write-up. What exposure did you stack, and how many frames?</p>",
        41,
        minutes(L_T0, 55),
        "",
        children=[
            C(
                "lt2c4m8",
                "balcony_astro_bea",
                "<p>120 frames at 8\u00a0s, ISO 1600, on a 135\u00a0mm lens. The light "
                "pollution gradient took longer to fix than the stacking.</p>",
                33,
                minutes(L_T0, 70),
                "",
                op=True,
                children=[
                    C(
                        "lt2d1k5",
                        "dark_sky_dmitri",
                        "<p>Thanks! Trying it tonight if the clouds clear.</p>",
                        5,
                        minutes(L_T0, 90),
                        "",
                    )
                ],
            )
        ],
    )
    mod = C(
        "lt2e9q0",
        "orbit_mod_olu",
        "<p>Approved: original content and the article is the poster's own.</p>",
        12,
        minutes(L_T0, 20),
        "",
        mod=True,
        stickied=True,
    )
    img = C(
        "lt2f3w7",
        "nebula_nadia",
        "<p>Here is mine from the same night, much worse seeing:</p>"
        '<p><a href="https://preview.redd.it/c0m3t-tail-v0-abc123.jpeg?width=1080&amp;format=pjpg">'
        "https://preview.redd.it/c0m3t-tail-v0-abc123.jpeg?width=1080&amp;format=pjpg</a></p>",
        18,
        minutes(L_T0, 300),
        "",
        more=2,
    )
    gone = C("lt2g6h2", None, "", None, minutes(L_T0, 400), "", deleted=True)
    return [mod, a, img, gone]
