"""Whole pages of the React design around the flat comment list: head, header, post, sidebar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from .common_render import esc, react_rel
from .react_page import flat_rows, short_score, style_body
from .spec import C, Post


def page23(
    post: Post, roots: list[C], saved: datetime, top_more: int, hidden: Iterator[str]
) -> str:
    url = f"https://www.reddit.com/r/{post['sub']}/comments/{post['id']}/{post['slug']}/"
    pid = post["id"]
    head = (
        f'<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n<html lang="en">'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
        f"<title>{esc(post['title'])} : {post['sub']}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">'
        f'<meta property="og:title" content="r/{post["sub"]} - {esc(post["title"])}">'
        '<meta property="og:site_name" content="reddit">'
        '<link rel="stylesheet" href="./first_kimchi_files/Reddit.6f0e2b1c4a8d.css">'
        '<script async src="./first_kimchi_files/Reddit.2f9a1b7d0c3e.js"></script></head>'
    )
    header = (
        '<header class="_2GyPfdsi-MbQFyHRECo9GO _2nNr-BCsRQHRWwl2qNDoOU" data-redditstyle="true">'
        '<div class="_2vkeRJojnV7cb9pMlPHy7d"><a aria-label="Home" class="_30BbATRhFv3V83DHNDjJAO" '
        'href="https://www.reddit.com/"><span class="_1bWuGs_1sq4Pqy099x_yy-">reddit</span></a>'
        '<div class="_3jiriKeNer8y0-1r6oWIFM" id="SearchDropdown"><form action="/search/" '
        'autocomplete="off" method="get" role="search"><input id="header-search-bar" name="q" '
        'placeholder="Search Reddit" type="search" value=""></form></div><div '
        'class="_1JBkpB_FOZMZ7IPr3FyNfH">'
        '<a class="_3Wg53T10KuuPmyWOMWsY2F" href="https://www.reddit.com/login/">Log In</a>'
        '<a class="_3Wg53T10KuuPmyWOMWsY2F _1RmUJB1vNC8xn3cO2MP6Os" '
        'href="https://www.reddit.com/register/">'
        "Sign Up</a></div></div></header>"
    )
    banner = (
        '<div class="_3ozFtOe6WpJEMUtxDOIvtU"><div class="_1gvOq7Yu_Kc0RBj6mnv-m_"><span '
        'class="_3TG57N4WQtubLLo8SbAXVF"><h1 class="_2yYPPW47QxD4lFQTKpfpLQ">Fermentation</h1>'
        f'<h2 class="_33aRtz9JtW0dIrBNKFAl0y">r/{post["sub"]}</h2></span><button '
        'class="_2iuoyPiKHN3kfOoeIQalDT _10BQ7pjWbeYP63SAPNS8Ts">Join</button></div></div>'
    )
    votes = (
        '<div class="_23h0-EcaBUorIHC-JZyh6J" style="width:40px;border-left:4px solid transparent">'
        f'<div class="_1E9mcoVn4MYnuBQSVDt1gC" id="vote-arrows-t3_{pid}"><button '
        'aria-label="upvote" aria-pressed="false" class="voteButton" data-click-id="upvote" '
        'data-adclicklocation="upvote" '
        f'id="upvote-button-t3_{pid}"><span class="_2q7IQ0BUOWeEZoeAxN555e"><i class="icon '
        "icon-upvote "
        '_2Jxk822qXs4DaXwsN7yyHA"></i></span></button><div class="_1rZYMD_4xY3gRcSS3p8ODO '
        f'_3a2ZHWaih05DgAOtvu6cIo " style="color:#1A1A1B">{short_score(post["score"])}</div>'
        '<button aria-label="downvote" aria-pressed="false" class="voteButton" '
        'data-click-id="downvote" '
        'data-adclicklocation="downvote"><span class="_1iKd82bq_nqObFvSH1iC_Q"><i class="icon '
        'icon-downvote ZyxIIl4FP5gHGrJDzNpUC"></i></span></button></div></div>'
    )
    top_bar = (
        '<div class="_14-YvdFiW5iVvfe5wdgmET"><div class="cZPZhMe-UCZ8htPodMyJ5"><div '
        'class="_3AStxql1mQsrZuUIFP9xSg nU4Je7n-eSXStTBAPMYt8" data-adclicklocation="top_bar">'
        f'<a class="_3ryJoIoycVkA88fy40qNJc" data-click-id="subreddit" href="/r/{post["sub"]}/">'
        f'r/{post["sub"]}</a><span class="_3LS4zudUBagjFS7HjWJYxo _37gsGHa8DMRAxBmQS-Ppg8" '
        'role="presentation">•</span><span class="_2fCzxBE1dlMh4OFc7B3Dun">Posted by</span> '
        f'<div class="_2mHuuvyV9doV3zwbZPtIPG"><div id="UserInfoTooltip--t3_{pid}"><a class='
        '"_2tbHP6ZydRpjI44J3syuqC _23wugcdiaj44hdfugIAlnX oQctV4n0yUb0uiHDdGnmE" '
        'data-click-id="user" '
        f'data-testid="post_author_link" href="/user/{post["author"]}/">u/{post["author"]}</a>'
        "</div>"
        '</div><span class="_2VF2J19pUIMSLJFky-7PEI" data-testid="post_timestamp" data-click-id='
        f'"timestamp">{react_rel(post["created"], saved, "2023")}</span></div></div></div>'
    )
    title = (
        '<div class="_2SdHzo12ISmrC8H86TgSCp _29WrubtjAcKqzJSPdQqQ4h " style="--posttitletextcolor:'
        '#1A1A1B" data-adclicklocation="title"><div class="y8HYJ-y_lTUHkQIc1mdCq '
        '_2INHSNB8V5eaWp4P0rY_mE">'
        f'<h1 class="_eYtD2XCVieq6emjKBH3m">{esc(post["title"])}</h1></div></div>'
    )
    body = (
        '<div class="_3xX726aBn29LDbsDtzr_6E _1Ap4F5maDtT1E1YuCiaO0r D3IL3FD0RFy_mkKLPwL4" '
        'data-click-id="text" data-adclicklocation="media"><div class="_292iotee39Lmt0MkQZ2hPV '
        f'RichTextJSON-root">{style_body(post["body"], "2023")}</div></div>'
    )
    actions = (
        '<div class="_1hwEKkB_38tIoal6fcdrt9"><div class="_3-miAEojrCvx_4FQ8x3P-s"><div class='
        '"_1UoeAeSRhOKSNdY_h3iS1O _3m17ICJgx45k_z-t82iVuO"><i class="icon icon-comment '
        f'_3DVrpDrMM9NLT6TlsTUMxC" role="presentation"></i><span class="FHCV02u6Cp2zYL0fhQPsO">'
        f'{post["comments"]} comments</span></div><button class="kU8ebCMnbXfjCWfqn0WPb" '
        'data-click-id="share"><i class="icon icon-share"></i><span class="_6_44iTtZoeY6_XChKt5b0">'
        'Share</span></button><button class="_10K5i7NW6qcm-UoCtpB3aK"><span>Save</span></button>'
        '<button class="_10K5i7NW6qcm-UoCtpB3aK"><span>Hide</span></button><button '
        'class="_10K5i7NW6qcm-UoCtpB3aK"><span>Report</span></button></div>'
        '<div class="t4Hq30BDzTeJ85vREX7_M"><span>96% Upvoted</span></div></div>'
    )
    post_html = (
        '<div class="uI_hDmU5GSiudtABRz_37 "><div class="_1oQyIsiPHYt6nx7VOmd1sz '
        "_1RYN-7H8gYctjOQeL8p2Q7 "
        f'scrollerItem _3Qkp11fjcAw9I9wtLo8frE Post t3_{pid}" data-adclicklocation="background" '
        f'data-testid="post-container" id="t3_{pid}" tabindex="-1">{votes}'
        f'<div data-test-id="post-content">{top_bar}{title}<div class="_1hLrLjnE1G_RBCNcN9MVQf">'
        '<img alt="" src="https://www.redditstatic.com/desktop2x/img/renderTimingPixel.png" '
        f'style="width: 1px; height: 1px;"></div>{body}{actions}</div></div></div>'
    )
    comments = (
        '<div class="_1r4smTyOEZFO91uFIdWW6T"><span class="_1fwMOVX5S2ndybEyABkpVE">Log in or sign '
        'up to leave a comment</span><a href="https://www.reddit.com/login/">Log In</a><a '
        'href="https://www.reddit.com/register/">Sign Up</a></div>'
        '<div class="_2ulUXqpEP1-0m4qPIGCaw6"><div class="_1hDDO7pSBGmaqpJZcEC7S6">Sort By: '
        "<button "
        'id="CommentSort--SortPicker" role="menuitem"><span>Best</span></button></div></div>'
        '<div class="_1YCqQVO-9r-Up6QPB9H6_4 _1YCqQVO-9r-Up6QPB9H6_4"><div '
        'class="_3tw__eCCe7j-epNCKGXUKk">'
        f"{flat_rows(roots, post, saved, '2023', top_more, hidden)}</div></div>"
    )
    sidebar = (
        '<div class="_1OVBBWLtHoSPfGCRaPzpTf _3nSp9cdBpqL13CqjdMr2L_"><div '
        'class="_3RPJ8hHnfFohktLZca18J6">'
        '<div class="_1oXJYx1VXh_hvFMRx7o26i">About Community</div><div '
        'class="_1zPvgKHteTOub9dKkvrOl4">'
        "Fermenting vegetables, dairy, drinks and more. Share your crocks, jars and "
        'questions.</div><div class="_3XFx6CfPlg-4Usgxm0gK8R">188k</div><p>Members</p></div>'
        '<div class="_3RPJ8hHnfFohktLZca18J6"><div class="_1oXJYx1VXh_hvFMRx7o26i">Moderators</div>'
        '<ul><li><a href="/user/crock_keeper_kim/">u/crock_keeper_kim</a></li>'
        '<li><a href="/user/AutoModerator/">u/AutoModerator</a></li></ul>'
        '<a href="/message/compose?to=/r/fermentation">Message the mods</a></div>'
        '<div class="_3RPJ8hHnfFohktLZca18J6"><a href="https://www.redditinc.com/policies/user-agre'
        'ement">'
        'User Agreement</a> <a href="https://www.reddit.com/policies/privacy-policy">Privacy '
        "policy</a><div>Reddit Inc © 2023. All rights reserved</div></div></div>"
    )
    return (
        f'{head}<body><div id="2x-container"><div class="_2Y7e9Xa_G4grhLhx4G5HQ_"><div '
        'tabindex="-1">'
        '<div class="_1gsAk1ihQliBnDybgyjghy" id="SHORTCUT_FOCUSABLE_DIV" tabindex="-1">'
        f'{header}<div class="_1nxEQl5D2Bx2jxDILRHemb">{banner}<div class="_3ozFtOe6WpJEMUtxDOIvtU '
        f'_1UgBL1u8_CxYpaRJ4N7Vbx"><div class="_31N0dvxfpsO6Ur5AKx4O5d">{post_html}{comments}</div>'
        f"{sidebar}</div></div></div></div></div></div></body></html>\n"
    )


def page19(
    post: Post, roots: list[C], saved: datetime, top_more: int, hidden: Iterator[str]
) -> str:
    url = f"https://www.reddit.com/r/{post['sub']}/comments/{post['id']}/{post['slug']}/"
    pid = post["id"]
    link = post["link"]
    head = (
        '<!DOCTYPE html><html lang="en"><head>'
        f'<title>{esc(post["title"])} : {post["sub"]}</title><meta charset="utf8">'
        '<meta name="viewport" value="width=device-width, initial-scale=1">'
        '<link as="script" href="https://www.redditstatic.com/desktop2x/Legacy~runtime~Reddit.'
        '3fa1c0b2d9e84a7b6c55.js" rel="preload">'
        f'<link rel="canonical" href="{url}"><meta value="reddit" name="og:site_name">'
        f'<meta value="r/{post["sub"]} - {esc(post["title"])}" name="og:title">'
        f'<meta value="{url}" name="og:url"><meta value="2,317 votes and 164 comments so far on '
        'Reddit" name="og:description"></head>'
    )
    header = (
        '<header class="_2GyPfdsi-MbQFyHRECo9GO cx1ohrUAq6ARaXTX2u8YN s50rpc2-0 eXjCuj" '
        'data-redditstyle="true">'
        '<div class="_2vkeRJojnV7cb9pMlPHy7d"><span class="s1dqr9jy-0 imyGpC">Press J to jump to '
        "the feed. Press question mark to learn the rest of the keyboard shortcuts</span><a "
        'aria-label="Home" '
        'class="_30BbATRhFv3V83DHNDjJAO" href="https://www.reddit.com/">reddit</a>'
        '<div class="_1JBkpB_FOZMZ7IPr3FyNfH"><a class="_3Wg53T10KuuPmyWOMWsY2F s1f6o7cs-5 bbrPKk" '
        'href="https://www.reddit.com/login">log in</a><a class="Z_HUY3BUsGOBOtdmH94ZS '
        '_3Wg53T10KuuPmyWOMWsY2F s1f6o7cs-1 flXoup" href="https://www.reddit.com/register">sign '
        "up</a></div></div></header>"
    )
    post_html = (
        f'<div class="s5mir6g-9 ecamkA _2rszc84L136gWQrkwH6IaM Post t3_{pid}  s1ukwo15-0 RqhAo" '
        f'id="t3_{pid}" tabindex="-1"><div data-test-id="post-content"><div '
        'class="_23h0-EcaBUorIHC-JZyh6J" '
        'style="width:40px;border-left:4px solid transparent"><div class="s1b4xnj8-0 dNbgrk">'
        '<button class="cYUyoUM3wmgRXEHv1LlZv " aria-label="upvote" aria-pressed="false" '
        'data-click-id="upvote" '
        f'id="upvote-button-t3_{pid}"><div class="_2q7IQ0BUOWeEZoeAxN555e dplx91-0 gnyPAq"><i '
        'class="icon icon-upvote _2Jxk822qXs4DaXwsN7yyHA"></i></div></button><div class='
        f'"_1rZYMD_4xY3gRcSS3p8ODO" style="color:#1A1A1B">{short_score(post["score"])}</div>'
        '<button class="cYUyoUM3wmgRXEHv1LlZv " aria-label="downvote" aria-pressed="false" '
        'data-click-id="downvote">'
        '<div class="_1iKd82bq_nqObFvSH1iC_Q s1y8gf4b-0 fcyhGn"><i class="icon icon-downvote '
        'ZyxIIl4FP5gHGrJDzNpUC"></i></div></button></div></div><div class="ak6zgf-0 hiyfPO"><div '
        'class="cZPZhMe-UCZ8htPodMyJ5"><div class="_3AStxql1mQsrZuUIFP9xSg nU4Je7n-eSXStTBAPMYt8">'
        '<span class="_2fCzxBE1dlMh4OFc7B3Dun">Posted by</span><div class="xvda30-0 camSYk"><a '
        'class="_2tbHP6ZydRpjI44J3syuqC s1461iz-1 gWXVVu" href="https://www.reddit.com/user'
        f'/{post["author"]}">'
        f'u/{post["author"]}</a><div id="UserInfoTooltip--t3_{pid}"></div></div><a class='
        f'"_3jOxDPIQ0KaOWpzvSQo-1s" data-click-id="timestamp" href="{url}" '
        f'id="PostTopMeta--Created--false--t3_{pid}" target="_blank" rel="nofollow noopener"'
        f">{react_rel(post['created'], saved, '2019')}"
        '</a></div></div></div><div class="s5mir6g-0 ZrbTQ"><span class="y8HYJ-y_lTUHkQIc1mdCq">'
        f'<h2 class="s1okktje-0 eYgaub" data-redditstyle="true">{esc(post["title"])}</h2></span>'
        "</div>"
        f'<a class="b5szba-0 gXnNqu" href="{esc(link)}" rel="noopener noreferrer" target="_blank">'
        f'{esc(link[8:40])}...<i class="icon icon-outboundLink b5szba-1 cBMqYF"></i></a>'
        '<div class="_1hwEKkB_38tIoal6fcdrt9"><div class="_3-miAEojrCvx_4FQ8x3P-s s1jx3cz2-3 '
        'FuwVY"><div class="_1UoeAeSRhOKSNdY_h3iS1O s1jx3cz2-0 ebvCST"><i class="icon icon-comment '
        f'_3ch9jJ0painNf41PmU4F9i" role="presentation"></i><span class="FHCV02u6Cp2zYL0fhQPsO">'
        f'{post["comments"]} comments</span></div><div class="s1jx3cz2-2 acRnJ" '
        f'id="t3_{pid}-share-menu"><button class="s1jx3cz2-1 hvsyUq" data-click-id="share"><span '
        'class="_6_44iTtZoeY6_XChKt5b0">'
        'share</span></button></div><button class="s1afabjy-1 gjzQTo b1zwxr-0 hxpTao" '
        'role="menuitem">'
        '<span class="s1n9jir3-1 gAPvOd">save</span></button><button class="s1afabjy-1 hAEwhD" '
        'role="menuitem"><span class="s1n9jir3-1 gAPvOd">hide</span></button></div>'
        '<div class="t4Hq30BDzTeJ85vREX7_M"><span>94% Upvoted</span></div></div></div></div></div>'
    )
    comments = (
        '<div class="s6wlmco-0 jecSt"><span class="s6wlmco-1 fGrGUl">What are your thoughts? Log '
        'in or Sign up</span><a class="s6wlmco-3 bsaIpo" href="https://www.reddit.com/login">log '
        'in</a><a class="s6wlmco-2 eykXoL" href="https://www.reddit.com/register">sign up</a></div>'
        '<div class="s15ogqrm-1 gPBMXB"><div class="qcxaFzxDBtnkGs5hS18OZ">Sort by</div><button '
        'id="CommentSort--SortPicker" role="menuitem"><span class="s1n9jir3-1 gAPvOd">best</span>'
        '</button></div><div class="p0SYO8TbZVqJIWEeFcNZx kxr1zm-2 ijWURc"><div '
        'class="_2tRg7ajbEnfStKCizLgiOL">'
        '<div class="kxr1zm-1 dHyXgO"><div class="s1s03i76-0 '
        f'gZtOW">{flat_rows(roots, post, saved, "2019", top_more, hidden)}</div></div></div></div>'
    )
    sidebar = (
        '<div class="th5f56-6 iQdHyy" style="margin-left:24px"><div class="s17ivpdx-0 gGeWoj">'
        '<div class="_2sggAEfRQLyoAl4J__5twU">Community Details</div><span class="s1bd5ppi-5 '
        'dwjMku" '
        'title="r/bicycletouring">r/bicycletouring</span><p class="s1bd5ppi-10 jmHofS">141k</p>'
        '<p class="s1bd5ppi-11 dAmide">Subscribers</p><p class="s1bd5ppi-13 bczYis">Loaded bikes, '
        'long roads, and the people who ride them.</p></div><div class="s17ivpdx-0 gGeWoj"><div '
        'class="_2sggAEfRQLyoAl4J__5twU">Moderators</div><a href="https://www.reddit.com/user/'
        'touring_mod_tess">u/touring_mod_tess</a></div></div>'
    )
    return (
        f'{head}<body><div id="2x-container"><div class="xvmxia-0 PrKco"><div tabindex="-1"><div '
        'class="_1gsAk1ihQliBnDybgyjghy" id="SHORTCUT_FOCUSABLE_DIV" tabindex="-1"><div '
        f'class="SubredditVars-r-{post["sub"]}">{header}</div><div '
        f'class="SubredditVars-r-{post["sub"]}">'
        '<div class="th5f56-0 dHUYIZ"><div class="th5f56-5 ftjuQd" style="max-width:1600px">'
        '<div class="sdccme-0 kIpPAE"><div class="uI_hDmU5GSiudtABRz_37  kxr1zm-3 '
        f'fytzCz">{post_html}'
        f"{comments}</div></div>{sidebar}</div></div></div></div></div></div></div></body></html>\n"
    )
