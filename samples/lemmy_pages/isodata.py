"""``window.isoData``: lemmy-js-client 0.19 shapes, written as serialize-javascript does.

The JSON lemmy-ui's server embeds for hydration (and the exporter reads first).  Apart
from the markup because it is a different representation of the same data, with its own
escaping rules.
"""

from __future__ import annotations

import json
from typing import Any

from .content import ADMINS, COMMUNITY, EN, HOST, LANGUAGES, MODERATORS, PEOPLE, POST, SITE, Person
from .thread import Comment, total_comments, walk


def person_json(p: Person) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": p.id,
        "name": p.name,
        "banned": False,
        "published": p.published,
        "actor_id": p.actor_id,
        "local": p.local,
        "deleted": False,
        "bot_account": False,
        "instance_id": p.instance_id,
    }
    if p.display_name is not None:
        d["display_name"] = p.display_name
    if p.bio is not None:
        d["bio"] = p.bio
    return d


def community_json() -> dict[str, Any]:
    return {
        "id": COMMUNITY["id"],
        "name": COMMUNITY["name"],
        "title": COMMUNITY["title"],
        "description": COMMUNITY["description"],
        "removed": False,
        "published": COMMUNITY["published"],
        "updated": COMMUNITY["updated"],
        "deleted": False,
        "nsfw": False,
        "actor_id": f"https://{HOST}/c/{COMMUNITY['name']}",
        "local": True,
        "hidden": False,
        "posting_restricted_to_mods": False,
        "instance_id": 1,
        "visibility": "Public",
    }


def post_json() -> dict[str, Any]:
    return {
        "id": POST["id"],
        "name": POST["name"],
        "body": POST["body"],
        "creator_id": PEOPLE[POST["author"]].id,
        "community_id": COMMUNITY["id"],
        "removed": False,
        "locked": False,
        "published": POST["published"],
        "updated": POST["updated"],
        "deleted": False,
        "nsfw": False,
        "ap_id": f"https://{HOST}/post/{POST['id']}",
        "local": True,
        "language_id": EN,
        "featured_community": False,
        "featured_local": False,
    }


def comment_view_json(c: Comment) -> dict[str, Any]:
    comment: dict[str, Any] = {
        "id": c.id,
        "creator_id": c.person.id,
        "post_id": POST["id"],
        "content": c.content,
        "removed": c.removed,
        "published": c.published,
        "deleted": c.deleted,
        "ap_id": c.ap_id,
        "local": c.person.local,
        "path": c.path,
        "distinguished": c.distinguished,
        "language_id": c.language_id,
    }
    if c.updated is not None:
        comment["updated"] = c.updated
    return {
        "comment": comment,
        "creator": person_json(c.person),
        "post": post_json(),
        "community": community_json(),
        "counts": {
            "comment_id": c.id,
            "score": c.upvotes - c.downvotes,
            "upvotes": c.upvotes,
            "downvotes": c.downvotes,
            "published": c.published,
            "child_count": c.child_count,
        },
        "creator_banned_from_community": False,
        "banned_from_community": False,
        "creator_is_moderator": c.author in MODERATORS,
        "creator_is_admin": c.author in ADMINS,
        "subscribed": "NotSubscribed",
        "saved": False,
        "creator_blocked": False,
    }


class Undefined:
    """A JavaScript ``undefined`` value (serialize-javascript writes it bare)."""


UNDEFINED = Undefined()


def iso_data() -> dict[str, Any]:
    site = SITE
    op = PEOPLE[POST["author"]]
    comments = list(walk())
    newest = max(c.published for c in comments)
    cc = COMMUNITY["counts"]
    sc = site["counts"]
    return {
        "path": f"/post/{POST['id']}",
        "site_res": {
            "site_view": {
                "site": {
                    "id": site["id"],
                    "name": site["name"],
                    "sidebar": site["sidebar"],
                    "published": site["published"],
                    "updated": site["updated"],
                    "description": site["description"],
                    "actor_id": f"https://{HOST}/",
                    "last_refreshed_at": site["last_refreshed_at"],
                    "inbox_url": f"https://{HOST}/site_inbox",
                    "public_key": site["public_key"],
                    "instance_id": 1,
                },
                "local_site": {
                    "id": 1,
                    "site_id": 1,
                    "site_setup": True,
                    "enable_downvotes": True,
                    "enable_nsfw": False,
                    "community_creation_admin_only": False,
                    "require_email_verification": True,
                    "application_question": site["application_question"],
                    "private_instance": False,
                    "default_theme": "browser",
                    "default_post_listing_type": "Local",
                    "legal_information": "",
                    "hide_modlog_mod_names": True,
                    "application_email_admins": False,
                    "actor_name_max_length": 20,
                    "federation_enabled": True,
                    "captcha_enabled": False,
                    "captcha_difficulty": "medium",
                    "published": site["published"],
                    "updated": site["updated"],
                    "registration_mode": "RequireApplication",
                    "reports_email_admins": False,
                    "federation_signed_fetch": False,
                    "default_post_listing_mode": "List",
                    "default_sort_type": "Active",
                },
                "local_site_rate_limit": {
                    "local_site_id": 1,
                    "message": 180,
                    "message_per_second": 60,
                    "post": 6,
                    "post_per_second": 600,
                    "register": 3,
                    "register_per_second": 3600,
                    "image": 6,
                    "image_per_second": 3600,
                    "comment": 6,
                    "comment_per_second": 600,
                    "search": 60,
                    "search_per_second": 600,
                    "published": site["published"],
                    "import_user_settings": 1,
                    "import_user_settings_per_second": 86400,
                },
                "counts": dict(
                    zip(
                        [
                            "site_id",
                            "users",
                            "posts",
                            "comments",
                            "communities",
                            "users_active_day",
                            "users_active_week",
                            "users_active_month",
                            "users_active_half_year",
                        ],
                        [1, *sc],
                        strict=True,
                    )
                ),
            },
            "admins": [
                {
                    "person": person_json(PEOPLE[name]),
                    "counts": {
                        "person_id": PEOPLE[name].id,
                        "post_count": 188,
                        "comment_count": 2730,
                    },
                    "is_admin": True,
                }
                for name in ADMINS
            ],
            "version": "0.19.13",
            "all_languages": [{"id": i, "code": c, "name": n} for i, c, n in LANGUAGES],
            "discussion_languages": [],
            "taglines": [],
            "custom_emojis": [],
            "blocked_urls": [],
        },
        "routeData": {
            "postRes": {
                "data": {
                    "post_view": {
                        "post": post_json(),
                        "creator": person_json(op),
                        "community": community_json(),
                        "creator_banned_from_community": False,
                        "banned_from_community": False,
                        "creator_is_moderator": op.name in MODERATORS,
                        "creator_is_admin": op.name in ADMINS,
                        "counts": {
                            "post_id": POST["id"],
                            "comments": total_comments(),
                            "score": POST["upvotes"] - POST["downvotes"],
                            "upvotes": POST["upvotes"],
                            "downvotes": POST["downvotes"],
                            "published": POST["published"],
                            "newest_comment_time": newest,
                        },
                        "subscribed": "NotSubscribed",
                        "saved": False,
                        "read": False,
                        "hidden": False,
                        "creator_blocked": False,
                        "unread_comments": total_comments(),
                    },
                    "community_view": {
                        "community": community_json(),
                        "subscribed": "NotSubscribed",
                        "blocked": False,
                        "counts": dict(
                            zip(
                                [
                                    "community_id",
                                    "subscribers",
                                    "posts",
                                    "comments",
                                    "published",
                                    "users_active_day",
                                    "users_active_week",
                                    "users_active_month",
                                    "users_active_half_year",
                                    "subscribers_local",
                                ],
                                [COMMUNITY["id"], *cc[:3], COMMUNITY["published"], *cc[3:]],
                                strict=True,
                            )
                        ),
                        "banned_from_community": False,
                    },
                    "moderators": [
                        {"community": community_json(), "moderator": person_json(PEOPLE[name])}
                        for name in MODERATORS
                    ],
                    "cross_posts": [],
                },
                "state": "success",
            },
            "commentsRes": {
                "data": {"comments": [comment_view_json(c) for c in comments]},
                "state": "success",
            },
        },
        "errorPageData": UNDEFINED,
        "showAdultConsentModal": False,
        "lemmy_external_host": HOST,
    }


UNDEFINED_MARK = "__lemmy_sample_undefined__"


def _undefined_to_mark(value: Any) -> Any:
    if isinstance(value, Undefined):
        return UNDEFINED_MARK
    if isinstance(value, dict):
        return {k: _undefined_to_mark(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_undefined_to_mark(v) for v in value]
    return value


def serialize_javascript(value: Any) -> str:
    """serialize-javascript 6: JSON.stringify, bare undefined, < > / U+2028 U+2029 escaped."""
    text = json.dumps(_undefined_to_mark(value), ensure_ascii=False, separators=(",", ":"))
    text = text.replace(f'"{UNDEFINED_MARK}"', "undefined")
    return (
        text.replace("<", "\\u003C")
        .replace(">", "\\u003E")
        .replace("/", "\\u002F")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
