"""The invented threads behind the HN test pages: the truth the pages are written from.

Bodies are HN's own stored HTML: the first paragraph bare, later ones after ``<p>``, code in
``<pre><code>``, quotes as "&gt; ". People, places and words are made up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

STORY_TIME = datetime(2025, 11, 3, 14, 5, 9, tzinfo=timezone.utc)
SAVED_AFTER = timedelta(hours=7, minutes=12)
"""The pages were saved this long after the story: their "N hours ago" texts count from then."""


@dataclass(frozen=True)
class Spec:
    id: str
    depth: int
    author: str | None
    minutes: int | None
    """After the story; None when the page shows no age."""
    body: str
    colour: str = "c00"
    mark: str = ""
    """"[flagged]" or "[dead]" in the header (the page shows the text with showdead)."""
    coll: bool = False
    hidden: bool = False

    @property
    def created(self) -> datetime | None:
        return None if self.minutes is None else STORY_TIME + timedelta(minutes=self.minutes)


def age_text(minutes: int) -> str:
    """How HN words an age, counted from when the page was saved."""
    gone = int(SAVED_AFTER.total_seconds() // 60) - minutes
    if gone < 60:
        return f"{gone} minute{'s' if gone != 1 else ''} ago"
    hours = gone // 60
    return f"{hours} hour{'s' if hours != 1 else ''} ago"


S = Spec
CLOCK_STORY = {
    "id": "43210000",
    "title": "The tide clock that ran for eleven years on one AA cell",
    "url": "https://tidewright.example/notes/eleven-years",
    "site": "tidewright.example",
    "points": 412,
    "author": "marlow_k",
}
ASK_STORY = {
    "id": "43210000",
    "title": "Ask HN: Has anyone else built a clock that runs for a decade?",
    "points": 212,
    "author": "marlow_k",
    "text": (
        "Mine is a tide clock on one AA cell, and it just stopped after eleven years. I would "
        "love to hear about other long-running builds &amp; what killed them in the end."
        "<p>Bonus points for anything that never had its battery changed.</p>"
    ),
}
CLOCK_COMMENTS = [
    S("43210101", 0, "quillon", 12,
      "Eleven years on one AA is wild. What was the average current draw? Back-of-envelope, a "
      "2,500 mAh alkaline over eleven years is about 26 µA average.<p>That's less than the "
      "self-discharge of some cells."),
    S("43210102", 1, "marlow_k", 31,
      "Closer to 19 µA. The display only updates on the hour; the rest of the time the MCU "
      "sleeps with the RTC running off a 32 kHz crystal.<p>Self-discharge turned out to be the "
      "limit: the cell still had about 8% left when I opened it."),
    S("43210103", 2, "fennbright", 40,
      "Which MCU? Most of the ones I've tried leak far more than their datasheets admit once "
      "you add a regulator."),
    S("43210104", 3, "marlow_k", 52,
      "An MSP430 running straight off the cell, no regulator at all. The firmware loop is "
      "basically:<p><pre><code>  for (;;) {\n      wait_for_rtc_tick();\n      if (minute == 0)"
      " update_hands();\n      deep_sleep();\n  }\n</code></pre>Everything else is interrupts."),
    S("43210105", 4, "ostrava_dev", 70,
      "<i>no regulator at all</i> — so the hands move slower as the voltage sags? Or does the "
      "stepper not care?"),
    S("43210106", 5, "marlow_k", 85,
      "The stepper doesn't care down to about 1.1 V. Below that it misses steps, which is how I "
      "noticed the cell was dying: the clock lost four minutes in a week."),
    S("43210107", 3, "pellucid", 95,
      "&gt; leak far more than their datasheets admit<p>This matches my experience. Measure "
      "with a proper nanoammeter, not a multimeter on the µA range; the burden voltage alone "
      "will lie to you."),
    S("43210108", 2, "hollis_t", 44,
      "Did you consider a lithium primary? They have a much flatter discharge curve and barely "
      "self-discharge."),
    S("43210109", 3, "marlow_k", 60,
      "I did, but the point was &quot;one ordinary AA from the corner shop&quot;. A lithium "
      "cell would have been cheating a bit."),
    S("43210110", 1, "quillon", 50,
      "Follow-up: is the schematic anywhere? The post mentions a write-up but the link 404s."),
    S("43210111", 2, "marlow_k", 58,
      'Fixed, sorry: <a href="https://tidewright.example/notes/schematic.pdf" rel="nofollow">'
      "https://tidewright.example/notes/schematic.pdf</a>"),
    S("43210201", 0, "saltmarsh", 20,
      "Tide clocks are such a lovely niche. The hand goes round once per lunar tidal cycle "
      "(about 12 h 25 min), not once per 12 hours, so it drifts ~50 minutes a day against a "
      "normal clock."),
    S("43210202", 1, "dunmore", 33,
      "Which makes the accuracy question interesting: a tide clock is only ever right on "
      "average. Real tides depend on the coastline, the moon's declination, the weather…"),
    S("43210203", 2, "saltmarsh", 41,
      "Right, it's the semidiurnal approximation. Good enough for a beach walk, useless for "
      "navigation.<p>The old brass ones had the same limitation, they just hid it better."),
    S("43210204", 3, "keelhauler", 66,
      "Harmonic tide predictors are the fun rabbit hole here. The first one summed ten "
      "constituents with pulleys and a wire."),
    S("43210205", 4, "dunmore", 80,
      "And a later one did 37 of them. It sits in a museum now, and it still works."),
    S("43210206", 1, "vantablack_io", 90,
      "I made one from a cheap quartz movement with a swapped gear. It did not last eleven "
      "years: the movement died after two."),
    S("43210301", 0, "ferrous", 25,
      "The real lesson is in the last paragraph: <i>most of the power budget was the display, "
      "not the MCU</i>. Every low-power project I've done ended up like that."),
    S("43210302", 1, "marlow_k", 37,
      "Yes! The first prototype had a reflective LCD and it drew more than everything else "
      "combined. Mechanical hands were the fix."),
    S("43210303", 2, "ferrous", 48,
      "E-paper would have been the other option, but e-paper modules were not cheap back then."),
    S("43210401", 0, "aldgate", 34,
      'Previous discussion: <a href="item?id=8150123">https://news.ycombinator.com/item?id='
      "8150123</a>"),
    S("43210501", 0, "nightjar_", 46,
      "Honest question: why does this need a battery at all? A tiny solar cell behind the face "
      "would keep it going indefinitely."),
    S("43210502", 1, "marlow_k", 53,
      "It hangs in a hallway with no window. But a version with a supercap and an indoor PV "
      "cell is on the list."),
    S("43210503", 2, "quillon", 64,
      "Indoor PV is better than people think. A 5 cm² amorphous cell under office lighting "
      "gives tens of µW, more than this clock needs."),
    S("43210504", 3, "nightjar_", 75,
      "So the clock could run forever on the hallway light switched on for an hour a day?"),
    S("43210505", 4, "quillon", 88,
      "Roughly: 20 µW × 1 h = 72 mJ a day, against 19 µA × 1.4 V × 24 h ≈ 2.3 J. So you would "
      "need the light on about 32 hours a day. :)"),
    S("43210506", 5, "nightjar_", 99, "Ha, fair. Physics wins again."),
    S("43210601", 0, "brightwater", 70,
      "Lovely write-up. The photo of the old cell next to a fresh one is oddly moving."),
]  # fmt: skip

PAGER_STORY = {
    "id": "43220000",
    "title": "The quiet death of the hospital pager",
    "url": "https://wardnotes.example/2025/pagers",
    "site": "wardnotes.example",
    "points": 97,
    "author": "rookfield",
}
PAGER_COMMENTS = [
    S("43220101", 0, "lindqvist", 15,
      "Our ward retired its pagers last spring. Nobody misses the belt clips.<p>Everybody "
      "misses the battery life."),
    S("43220102", 1, None, 22, "[deleted]"),
    S("43220103", 2, "orrin_b", 30, "Whatever the deleted comment said, I agree with it."),
    S("43220104", 0, None, None, "[flagged]"),
    S("43220105", 1, "tamsin", 41, "Replies to flagged comments stay visible, which is odd."),
    S("43220106", 0, "grayling", 44,
      "Pagers are a scam run by the paging companies.", colour="cdd", mark="[flagged]"),
    S("43220107", 0, "pikestaff", 47, "Buy my pager course at the link in my profile.",
      colour="cdd", mark="[dead]"),
    S("43220108", 0, "moth_and_rust", 50,
      "Honestly the pager was the only device in the hospital that always worked.",
      colour="c5a"),
    S("43220109", 0, "hexagram", 53, "Phones are worse in every way that matters here.",
      colour="cae"),
    S("43220110", 0, None, None, "[dead]"),
    S("43220111", 0, "rookfield", 61,
      "Author here: the ward in the piece still keeps two pagers in a drawer, just in case.",
      coll=True),
    S("43220112", 1, "lindqvist", 66, "Ours too. Nobody knows who pays for them.", hidden=True),
]  # fmt: skip
