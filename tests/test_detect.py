"""Detection is never fooled: every page and paste goes to its own site, and no other site
claims it. Runs over every invented page the project has, so a new fixture is checked for free.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from exporter import sites
from exporter.load import SavedPage, read_input
from exporter.model import Thread
from exporter.sites import MIN_SCORE, Site, all_sites, detect

ROOT = Path(__file__).resolve().parent.parent
SITE_OF_SAMPLE = {
    "lemmy": "lemmy",
    "reddit": "reddit",
    "hn": "hackernews",
    "phpbb": "phpbb",
    "vbulletin": "vbulletin",
    "discourse": "discourse",
    "stackexchange": "stackexchange",
    "xenforo": "xenforo",
}


def _inputs() -> list[tuple[Path, str]]:
    found = []
    keys = {site.key for site in all_sites()}
    for site_dir in sorted((ROOT / "tests" / "data").iterdir()):
        if site_dir.name not in keys:  # e.g. the XSS corpus, which is no site's page
            continue
        for path in sorted(site_dir.glob("*")):
            if path.suffix in {".html", ".txt"}:
                found.append((path, site_dir.name))
    for path in sorted((ROOT / "samples").glob("*")):
        if path.suffix in {".html", ".txt"}:
            found.append((path, SITE_OF_SAMPLE[path.name.split("-")[0]]))
    return found


INPUTS = _inputs()


def test_every_site_has_inputs() -> None:
    assert {site for _, site in INPUTS} == {site.key for site in all_sites()}


@pytest.mark.parametrize(
    ("path", "owner"), INPUTS, ids=[str(p.relative_to(ROOT)) for p, _ in INPUTS]
)
def test_each_input_is_claimed_by_its_own_site_only(path: Path, owner: str) -> None:
    page = read_input(str(path))
    found = detect(page)
    assert found is not None and found.key == owner
    for site in all_sites():
        # A fallback (the generic reader) is asked only when every site declined: no rival.
        if site.key != owner and not site.fallback:
            assert site.score(page) < MIN_SCORE, (site.key, site.score(page))


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><article><h1>A blog post</h1><p>Some words.</p></article></body></html>",
        "Dear diary,\n\ntoday I fixed a bicycle.\n\nIt was fine.\n",
        "<table><tr><td>1</td><td>2</td></tr></table>",
    ],
)
def test_pages_of_no_site_are_claimed_by_none(text: str, tmp_path: Path) -> None:
    path = tmp_path / "other.html"
    path.write_text(text, encoding="utf-8")
    assert detect(read_input(str(path))) is None


def _site(key: str, score: float | None) -> Site:
    def scored(page: SavedPage) -> float:
        if score is None:
            raise AssertionError(f"{key} was asked after a site was sure")
        return score

    def parse(page: SavedPage) -> Thread:
        raise NotImplementedError

    return Site(key=key, name=key, description=key, score=scored, parse=parse)


@pytest.mark.parametrize(
    ("scores", "winner"),
    [
        ((0.9, 1.0, None), "s1"),  # the first sure site ends the search
        ((1.0, None, None), "s0"),
        ((0.9, 0.9, 0.5), "s0"),  # of equals, the first
        ((0.2, 0.5, 0.5), "s1"),
        ((0.2, 0.3, 0.1), None),  # MIN_SCORE itself is not enough
    ],
)
def test_the_surest_site_wins_and_ties_go_to_the_first(
    monkeypatch: pytest.MonkeyPatch, scores: tuple[float | None, ...], winner: str | None
) -> None:
    fakes = tuple(_site(f"s{index}", score) for index, score in enumerate(scores))
    monkeypatch.setattr(sites, "all_sites", lambda: fakes)
    found = sites.detect(SavedPage(text="<p>x</p>", is_html=True, source="t.html"))
    assert (found.key if found else None) == winner


def test_site_packages_import_no_parser() -> None:
    """Detection imports every site's ``__init__``: each stays light (see ``exporter.sites``)."""
    probe = (
        "import json, sys\n"
        "from exporter.sites import all_sites\n"
        "all_sites()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    modules = json.loads(done.stdout)
    assert [m for m in modules if m.startswith("exporter.sites.") and m.count(".") >= 3] == []
    assert [m for m in modules if m.split(".")[0] in ("bs4", "lxml")] == []
