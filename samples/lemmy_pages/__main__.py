"""Write the four outputs: ``python -m samples.lemmy_pages`` from the repository root.

The only module that touches the file system; everything it writes is computed by the
rest of the package.
"""

from __future__ import annotations

import json
from pathlib import Path

from .expected import expected
from .page import page, singlefile

ROOT = Path(__file__).resolve().parents[2]
OUT_SAVED = ROOT / "samples" / "lemmy-saved-post.html"
OUT_SINGLEFILE = ROOT / "tests" / "data" / "lemmy" / "singlefile.html"
OUT_SSR = ROOT / "tests" / "data" / "lemmy" / "server_rendered.html"
OUT_EXPECTED = ROOT / "tests" / "data" / "lemmy" / "expected.json"


def main() -> None:
    saved = page("dom")
    outputs = {
        OUT_SAVED: saved,
        OUT_SINGLEFILE: singlefile(saved),
        OUT_SSR: page("ssr"),
        OUT_EXPECTED: json.dumps(expected(), ensure_ascii=False, indent=2) + "\n",
    }
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
