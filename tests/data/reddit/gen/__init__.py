"""Generator of the invented Reddit pages (shreddit, React and old designs) and their expected JSON.

Run from the repository root: ``python -m tests.data.reddit.gen``. It rewrites
``samples/reddit-shreddit-thread.html``, ``samples/reddit-old-thread.html`` and, in
``tests/data/reddit/``, ``react_2019.html``, ``react_2023.html``, ``shreddit_linkpost.html``,
``old_2018.html``, ``react_expected.json``, ``shreddit_expected.json`` and
``old_expected.json``; the output is byte-for-byte deterministic. Standard library only.

- ``spec.py``: the comment and post shapes; ``threads_*.py``: the invented threads.
- ``*_page.py`` / ``*_shell.py``: each design's markup, comment rows and whole page.
- ``expected.py``: the truth JSON; ``gen_*.py``: write one design's pages and truth.
- Old Reddit has its own shapes and truth (``old_spec.py``, ``old_expected.py``): its pages need
  account ids, form ids and minute offsets, and its truth is a nested tree with exact times.
- ``common_render.py``: helpers the designs share (escaping, time formats, writing files).

This file makes the folder a package: the modules import each other relatively, so mypy names
them ``gen.spec``, ... and they do not clash with ``tests/data/hackernews/spec.py`` (mypy reports
"Duplicate module named 'spec'" otherwise). No module is named ``test_*``: pytest collects nothing
here.
"""
