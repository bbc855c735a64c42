"""Markdown, as lemmy-ui's markdown-it setup renders it (only what the invented data uses).

Kept apart because it is a small port of markdown-it (inline parsing, the typographer's
replacements and smartquotes, blocks, lemmy's spoiler container) whose output must match
lemmy-ui byte for byte; nothing in it knows about pages or Lemmy's JSON.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .content import HIGHLIGHTED

QUOTES = ("\u201c", "\u201d", "\u2018", "\u2019")
ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
URL_RE = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]'*]")


@dataclass
class Tok:
    kind: str  # "text", "code" (code_inline), "tag" (markup, no text), "softbreak"
    content: str
    level: int


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _find_close(src: str, start: int, marker: str) -> int:
    return src.find(marker, start)


def _parse_inline(src: str, level: int, in_link: bool = False) -> list[Tok]:
    out: list[Tok] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Tok("text", "".join(buf), level))
            buf.clear()

    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\" and i + 1 < len(src) and src[i + 1] in ASCII_PUNCT:
            buf.append(src[i + 1])
            i += 2
            continue
        if ch == "`":
            end = src.find("`", i + 1)
            flush()
            out.append(Tok("code", src[i + 1 : end], level))
            i = end + 1
            continue
        if src.startswith("![", i):
            mid = src.index("](", i)
            end = src.index(")", mid)
            flush()
            alt, url = src[i + 2 : mid], src[mid + 2 : end]
            out.append(Tok("tag", f'<img src="{_escape(url)}" alt="{_escape(alt)}">', level))
            i = end + 1
            continue
        if ch == "[":
            mid = src.find("](", i)
            if mid > 0:
                end = src.index(")", mid)
                flush()
                href = src[mid + 2 : end]
                out.append(Tok("tag", f'<a href="{_escape(href)}" rel="noopener nofollow">', level))
                out.extend(_parse_inline(src[i + 1 : mid], level + 1, in_link=True))
                out.append(Tok("tag", "</a>", level))
                i = end + 1
                continue
        if not in_link and src.startswith(("https://", "http://"), i):
            m = URL_RE.match(src, i)
            if m:
                flush()
                url = m.group(0)
                out.append(Tok("tag", f'<a href="{_escape(url)}" rel="noopener nofollow">', level))
                out.append(Tok("text", url, level + 1))
                out.append(Tok("tag", "</a>", level))
                i = m.end()
                continue
        for marker, tag in (("**", "strong"), ("~~", "s"), ("*", "em"), ("_", "em")):
            if src.startswith(marker, i):
                end = _find_close(src, i + len(marker), marker)
                if end > i + len(marker):
                    flush()
                    out.append(Tok("tag", f"<{tag}>", level))
                    out.extend(_parse_inline(src[i + len(marker) : end], level + 1, in_link))
                    out.append(Tok("tag", f"</{tag}>", level))
                    i = end + len(marker)
                    break
        else:
            if ch == "\n":
                flush()
                out.append(Tok("softbreak", "", level))
            else:
                buf.append(ch)
            i += 1
            continue
    flush()
    return out


def _replacements(text: str) -> str:
    """markdown-it typographer: the 'replacements' rule (the parts that can occur here)."""
    text = re.sub(r"\.{2,}", "\u2026", text)
    text = re.sub(r"([?!])\u2026", r"\1..", text)
    text = re.sub(r"([?!]){4,}", r"\1\1\1", text)
    text = re.sub(r"(^|[^-])---(?=[^-]|$)", "\\1\u2014", text, flags=re.M)
    text = re.sub(r"(^|\s)--(?=\s|$)", "\\1\u2013", text, flags=re.M)
    return re.sub(r"(^|[^-\s])--(?=[^-\s]|$)", "\\1\u2013", text, flags=re.M)


def _is_punct(ch: str) -> bool:
    if ch in ASCII_PUNCT:
        return True
    return unicodedata.category(ch)[0] in "PS"


def _is_space(ch: str) -> bool:
    return ch in "\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000" or "\u2000" <= ch <= "\u200a"


def _smartquotes(toks: list[Tok]) -> None:
    """A port of markdown-it's smartquotes rule (process_inlines)."""
    stack: list[tuple[int, int, bool, int]] = []  # token, pos, single, level
    for i, tok in enumerate(toks):
        j = len(stack) - 1
        while j >= 0 and stack[j][3] > tok.level:
            j -= 1
        del stack[j + 1 :]
        if tok.kind != "text":
            continue
        pos = 0
        while True:
            text = tok.content
            m = re.compile(r"['\"]").search(text, pos)
            if not m:
                break
            idx = m.start()
            pos = idx + 1
            single = m.group(0) == "'"
            last = " "
            if idx > 0:
                last = text[idx - 1]
            else:
                for prev in reversed(toks[:i]):
                    if prev.kind == "softbreak":
                        break
                    if prev.content and prev.kind != "tag":
                        last = prev.content[-1]
                        break
            nxt = " "
            if pos < len(text):
                nxt = text[pos]
            else:
                for after in toks[i + 1 :]:
                    if after.kind == "softbreak":
                        break
                    if after.content and after.kind != "tag":
                        nxt = after.content[0]
                        break
            last_p, next_p = _is_punct(last), _is_punct(nxt)
            last_s, next_s = _is_space(last), _is_space(nxt)
            can_open = can_close = True
            if next_s or (next_p and not (last_s or last_p)):
                can_open = False
            if last_s or (last_p and not (next_s or next_p)):
                can_close = False
            if nxt == '"' and not single and "0" <= last <= "9":
                can_open = can_close = False
            if can_open and can_close:
                can_open, can_close = last_p, next_p
            if not can_open and not can_close:
                if single:
                    tok.content = text[:idx] + QUOTES[3] + text[idx + 1 :]
                continue
            matched = False
            if can_close:
                for k in range(len(stack) - 1, -1, -1):
                    s_tok, s_pos, s_single, s_level = stack[k]
                    if s_level < tok.level:
                        break
                    if s_single == single and s_level == tok.level:
                        open_q, close_q = (QUOTES[2], QUOTES[3]) if single else QUOTES[:2]
                        tok.content = tok.content[:idx] + close_q + tok.content[idx + 1 :]
                        other = toks[s_tok]
                        other.content = other.content[:s_pos] + open_q + other.content[s_pos + 1 :]
                        del stack[k:]
                        matched = True
                        break
            if matched:
                continue
            if can_open:
                stack.append((i, idx, single, tok.level))
            elif can_close and single:
                tok.content = text[:idx] + QUOTES[3] + text[idx + 1 :]


def _inline_tokens(src: str) -> list[Tok]:
    toks = _parse_inline(src, 0)
    for tok in toks:
        if tok.kind == "text":
            tok.content = _replacements(tok.content)
    _smartquotes(toks)
    return toks


def _render_tokens(toks: list[Tok]) -> str:
    parts: list[str] = []
    for tok in toks:
        if tok.kind == "text":
            parts.append(_escape(tok.content))
        elif tok.kind == "code":
            code = HIGHLIGHTED.get(("inline", tok.content), _escape(tok.content))
            parts.append(f'<code class="hljs">{code}</code>')
        elif tok.kind == "softbreak":
            parts.append("\n")
        else:
            parts.append(tok.content)
    return "".join(parts)


def render_inline(src: str) -> str:
    return _render_tokens(_inline_tokens(src))


def _blocks(lines: list[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("```"):
            lang = line[3:].strip()
            end = i + 1
            while end < len(lines) and not lines[end].startswith("```"):
                end += 1
            code = "".join(x + "\n" for x in lines[i + 1 : end])
            body = HIGHLIGHTED.get((lang, code), _escape(code))
            cls = f"hljs language-{lang}" if lang else "hljs"
            out.append(f'<pre><code class="{cls}">{body}</code></pre>\n')
            i = end + 1
            continue
        if line.startswith("::: spoiler "):
            end = lines.index(":::", i)
            title = _escape(line[len("::: spoiler ") :].strip())
            out.append(f"<details><summary> {title} </summary>\n")
            out.append(_blocks(lines[i + 1 : end]))
            out.append("</details>\n")
            i = end + 1
            continue
        if line.startswith(">"):
            end = i
            while end < len(lines) and lines[end].startswith(">"):
                end += 1
            inner = [x[1:].removeprefix(" ") for x in lines[i:end]]
            out.append('<blockquote dir="auto">\n' + _blocks(inner) + "</blockquote>\n")
            i = end
            continue
        item = re.match(r"(\d+\.|[-*]) ", line)
        if item:
            ordered = item.group(1)[0].isdigit()
            tag = "ol" if ordered else "ul"
            out.append(f'<{tag} dir="auto">\n')
            pattern = r"\d+\. " if ordered else r"[-*] "
            while i < len(lines) and re.match(pattern, lines[i]):
                text = re.sub(pattern, "", lines[i], count=1)
                out.append(f"<li>{render_inline(text)}</li>\n")
                i += 1
            out.append(f"</{tag}>\n")
            continue
        end = i
        while (
            end < len(lines)
            and lines[end].strip()
            and not lines[end].startswith(("```", ">", "::: "))
        ):
            end += 1
        para = "\n".join(x.strip() for x in lines[i:end])
        out.append(f'<p dir="auto">{render_inline(para)}</p>\n')
        i = end
    return "".join(out)


def render_markdown(src: str) -> str:
    """Block markdown to HTML, byte-identical to lemmy-ui's md.render() for our inputs."""
    return _blocks(src.split("\n"))


def _wrap(words: list[str], width: int = 80) -> str:
    lines: list[str] = []
    cur = ""
    for word in words:
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return "\n".join(lines)


def meta_description(src: str) -> str:
    """lemmy-ui's <meta name=description>: htmlToText(md.renderInline(body))."""
    parts: list[str] = []
    href = ""
    for tok in _inline_tokens(src):
        if tok.kind in ("text", "code"):
            parts.append(tok.content)
        elif tok.kind == "softbreak":
            parts.append(" ")
        elif tok.content.startswith("<a href="):
            href = re.search(r'href="([^"]*)"', tok.content).group(1)  # type: ignore[union-attr]
        elif tok.content == "</a>":
            parts.append(f" [{href.replace('&amp;', '&')}]")
    return _wrap(" ".join(parts).split())
