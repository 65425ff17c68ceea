"""Parse many pages at once: discover inputs, parse them on every core, keep going on errors.

The pieces, each usable on its own:

- :func:`iter_inputs` turns paths (files, directories, glob patterns, ``-`` for standard
  input, WARC/ARC web archives) into a lazy stream of :class:`PageInput`.
- :func:`parse_input` parses one input into a :class:`PageRecord`, or an
  :class:`ErrorRecord` saying what went wrong; it never raises for a bad page. It is a
  plain module-level function, so it can be shipped to other processes or machines (a
  Dask bag's ``map``, a multiprocessing pool).
- :func:`parse_many` runs :func:`parse_input` over a stream on ``jobs`` processes with a
  bounded number of inputs in flight, so memory stays flat however long the stream is.
  Results come back in input order unless ``ordered=False``. A worker process that dies
  (a crash in C code, the out-of-memory killer) costs only the record it was parsing.
- :func:`format_record` writes a record as one line of JSON Lines.

>>> from newsitem.batch import PageInput, format_record, parse_input
>>> record = parse_input(PageInput(source="empty.html", data=b""))
>>> record.source, record.error
('empty.html', 'HTMLParseError')
>>> format_record(record)[:48]
'{"type":"error","source":"empty.html","url":null'
"""

from __future__ import annotations

from newsitem.batch._parsing import PageParser, parse_input
from newsitem.batch._pool import default_jobs, parse_many
from newsitem.batch._records import ErrorRecord, PageInput, PageRecord, Record, format_record
from newsitem.batch._sources import ARCHIVE_SUFFIXES, DEFAULT_PATTERNS, iter_inputs

__all__ = [
    "ARCHIVE_SUFFIXES",
    "DEFAULT_PATTERNS",
    "ErrorRecord",
    "PageInput",
    "PageParser",
    "PageRecord",
    "Record",
    "default_jobs",
    "format_record",
    "iter_inputs",
    "parse_input",
    "parse_many",
]
