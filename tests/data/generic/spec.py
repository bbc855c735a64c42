"""The invented threads the generic fixtures are written from (people and words made up)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass
class Post:
    author: str
    at: datetime
    paragraphs: list[str]
    replies: list[Post] = field(default_factory=list)
    likes: int | None = None


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


BLOG_TITLE = "Rebuilding a 1970s touring bicycle"
BLOG_POST = Post(
    "Marguerite Olsen",
    utc("2024-03-02 08:30:00"),
    [
        "Last winter I found an old touring frame behind a barn. Here is how it went.",
        "The bottom bracket was seized, so most of the first weekend went to penetrating oil.",
    ],
)
BLOG_COMMENTS = [
    Post(
        "Teodor Vance",
        utc("2024-03-02 10:05:00"),
        ["Lovely write-up. Which grease did you use on the headset?"],
        [
            Post(
                "Marguerite Olsen",
                utc("2024-03-02 11:40:00"),
                ["Plain lithium grease, nothing fancy. It has held up through the spring rain."],
                [
                    Post(
                        "Teodor Vance",
                        utc("2024-03-02 12:02:00"),
                        ["Good to know, thanks! Mine is due for a service too."],
                    )
                ],
            ),
            Post("Ilse Brandt", utc("2024-03-02 13:15:00"), ["Marine grease is worth a try."]),
        ],
    ),
    Post(
        "Oskar Lindqvist",
        utc("2024-03-03 07:20:00"),
        ["How did you get the seized bottom bracket out in the end?", "Asking for a friend."],
        [Post("Marguerite Olsen", utc("2024-03-03 09:00:00"), ["Heat, patience, a long bar."])],
    ),
    Post("Priya Ramaswamy", utc("2024-03-04 18:45:00"), ["The photos of the lugs are great."]),
]

FORUM_TITLE = "Sourdough starter smells of acetone"
FORUM_POSTS = [
    Post(
        "breadwinner42",
        utc("2021-06-11 15:45:12"),
        [
            "My starter is two weeks old and since yesterday it smells like nail polish remover.",
            "I feed it once a day with rye flour and keep it on the kitchen counter. Is it dead?",
        ],
        likes=3,
    ),
    Post(
        "CrumbStructure",
        utc("2021-06-11 16:02:40"),
        [
            "Not dead, just hungry. The acetone smell means the yeast ran out of food.",
            "Try feeding twice a day for a few days and see if it calms down.",
        ],
        likes=7,
    ),
    Post("breadwinner42", utc("2021-06-11 16:30:05"), ["Twice a day, got it. Thanks!"], likes=1),
    Post(
        "Hydration_Nerd",
        utc("2021-06-12 08:12:00"),
        ["Also check the temperature of your kitchen: above 26 °C everything speeds up a lot."],
    ),
    Post("oven_spring", utc("2021-06-12 21:55:30"), ["Mine did the same in summer. It passes."]),
    Post(
        "breadwinner42",
        utc("2021-06-14 07:03:00"),
        ["Update: after three days of double feeding it smells sweet and doubles in 5 hours."],
        likes=12,
    ),
]

APP_TITLE = "Which e-reader font is easiest on the eyes?"
APP_POST = Post(
    "lumen_reads",
    utc("2025-01-20 19:00:00"),
    ["I read two hours a day on a 6-inch screen. Which font do you find least tiring?"],
    likes=14,
)
APP_COMMENTS = [
    Post(
        "serif_fan",
        utc("2025-01-20 19:20:00"),
        ["A sturdy serif at a slightly bigger size than you think you need."],
        [Post("lumen_reads", utc("2025-01-20 19:31:00"), ["Bigger size, noted."], likes=2)],
        likes=9,
    ),
    Post(
        "night_owl",
        utc("2025-01-20 22:10:00"),
        ["Whatever the font, turn the front light down at night."],
        likes=4,
    ),
]
APP_PARENT_ITEM_REPLY = Post(
    "kerning_kid", utc("2025-01-21 06:45:00"), ["Line spacing matters more than the typeface."]
)
"""A reply declared apart from the post, placed by its ``parentItem`` (under night_owl)."""
