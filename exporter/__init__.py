"""thread2epub: saved or pasted discussion threads into EPUB books for e-readers.

The public API is two calls, the same pipeline the ``thread2epub`` command runs::

    from exporter import load_thread, write_epub
    thread = load_thread("saved-post.html")
    write_epub(thread, "thread.epub")

and, for what the options of the command do: ``shape`` (sort and filter), ``merge_pages``
(several saved pages of one thread), ``BookMeta`` (title, author, series, tags) and
``write_anthology`` (several threads in one book).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .book_meta import BookMeta
from .errors import InputError, NoThreadFound, OutputError, Thread2EpubError, UsageError
from .model import Comment, Stub, Thread, thread_to_json

__version__ = "0.1.0"

__all__ = [
    "BookMeta",
    "Comment",
    "InputError",
    "NoThreadFound",
    "OutputError",
    "Stub",
    "Thread",
    "Thread2EpubError",
    "UsageError",
    "__version__",
    "load_thread",
    "merge_pages",
    "shape",
    "thread_to_json",
    "write_anthology",
    "write_epub",
]

if TYPE_CHECKING:
    from .anthology import write_anthology
    from .epub import write_epub
    from .merge import merge_pages
    from .pipeline import load_thread
    from .shape import shape

_LAZY = {
    "load_thread": "pipeline",
    "write_epub": "epub",
    "merge_pages": "merge",
    "shape": "shape",
    "write_anthology": "anthology",
}


def __getattr__(name: str) -> Any:
    # Imported on first use so that `thread2epub --help` does not pay for ebooklib and lxml.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f".{module}", __name__), name)
