"""Entry point: ``python -m tests.data.reddit.gen``, run from the repository root."""

from __future__ import annotations

from pathlib import Path

from . import gen_old, gen_react, gen_shreddit

ROOT = Path(__file__).resolve().parents[4]


def main() -> None:
    gen_shreddit.main(ROOT)
    gen_react.main(ROOT)
    gen_old.main(ROOT)


if __name__ == "__main__":
    main()
