"""Generator of the invented Reddit pages (shreddit and React designs) and their expected JSON.

Run from the repository root: ``python -m tests.data.reddit.gen``. It rewrites
``samples/reddit-shreddit-thread.html`` and, in ``tests/data/reddit/``, ``react_2019.html``,
``react_2023.html``, ``shreddit_linkpost.html``, ``react_expected.json`` and
``shreddit_expected.json``; the output is byte-for-byte deterministic. Standard library only.

- ``spec.py``: the comment and post shapes; ``threads_*.py``: the invented threads.
- ``*_page.py`` / ``*_shell.py``: each design's markup, comment rows and whole page.
- ``expected.py``: the truth JSON; ``gen_*.py``: write one design's pages and truth.

This file makes the folder a package: the modules import each other relatively, so mypy names
them ``gen.spec``, ... and they do not clash with ``tests/data/hackernews/spec.py`` (mypy reports
"Duplicate module named 'spec'" otherwise). No module is named ``test_*``: pytest collects nothing
here.
"""
