"""thread2epub: saved or pasted discussion threads into EPUB books for e-readers.

The public API is two calls, the same pipeline the ``thread2epub`` command runs::

    from exporter import load_thread, write_epub
    thread = load_thread("saved-post.html")
    write_epub(thread, "thread.epub")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError, NoThreadFound, OutputError, Thread2EpubError
from .model import Comment, Stub, Thread, thread_to_json

__version__ = "0.1.0"

__all__ = [
    "Comment",
    "InputError",
    "NoThreadFound",
    "OutputError",
    "Stub",
    "Thread",
    "Thread2EpubError",
    "__version__",
    "load_thread",
    "thread_to_json",
    "write_epub",
]

if TYPE_CHECKING:
    from .epub import write_epub
    from .pipeline import load_thread


def __getattr__(name: str) -> Any:
    # Imported on first use so that `thread2epub --help` does not pay for ebooklib and lxml.
    if name == "load_thread":
        from .pipeline import load_thread

        return load_thread
    if name == "write_epub":
        from .epub import write_epub

        return write_epub
    raise AttributeError(name)
