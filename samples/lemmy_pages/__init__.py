"""Build invented Lemmy thread pages in the exact markup of lemmy-ui 0.19.

Every person, community, instance-local name and word here is invented. Only the
*markup* follows lemmy-ui 0.19.20 (SSR + hydration in Chromium): class names,
attributes, element order, the ``window.isoData`` script written by
serialize-javascript, and the HTML that lemmy-ui's markdown-it setup produces
(typographer, bidi ``dir="auto"``, highlight.js, spoiler containers, ``rel`` on
links).

One data structure (``SITE``, ``COMMUNITY``, ``PEOPLE``, ``POST`` in ``content.py``,
``THREAD`` in ``thread.py``) feeds every output, so the isoData JSON and the DOM always
agree.  Run, from the repository root::

    python -m samples.lemmy_pages

to rewrite, byte for byte, the four outputs:

* ``samples/lemmy-saved-post.html``: a browser "Save Page As" (the DOM after
  lemmy-ui's scripts ran, as Chromium serialises it);
* ``tests/data/lemmy/singlefile.html``: the same DOM saved by SingleFile, every
  ``<script>`` removed (no isoData);
* ``tests/data/lemmy/server_rendered.html``: what lemmy-ui's server sends before
  hydration (isoData present; the DOM as inferno-server writes it);
* ``tests/data/lemmy/expected.json``: a summary for the tests to assert against.

The modules, in dependency order: ``content`` (site, community, people, post, code
snippets and their highlight.js output), ``thread`` (the comment tree), ``markdown``
(markdown-it as lemmy-ui configures it), ``formatting`` (dates, numbers, colours,
``Html`` escaping per output flavour), ``isodata`` (the API JSON and
serialize-javascript), ``markup`` (the post page's components), ``page`` (whole pages
and the SingleFile save), ``expected`` (expected.json) and ``__main__`` (writes them).

Standard library only.
"""
