"""Read the HTML pages out of WARC and ARC web archives, with warcio.

warcio (the ``warc`` extra) is imported only when an archive is read. Records are read in
order and one at a time; a record's bytes are held only until it is handed on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

from newsitem.batch._records import ErrorRecord, PageInput

__all__ = ["iter_archive"]

_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS: Final = ("response", "resource")


def _archive_iterator() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "reading WARC/ARC archives needs warcio: pip install 'newsitem[warc]'",
            name="warcio",
        ) from exc
    return ArchiveIterator


def _is_html(content_type: str | None) -> bool:
    if content_type is None:
        return True  # undeclared: let the parser decide whether it is HTML
    return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES


def _is_page(record: Any) -> bool:
    """Whether a record holds a page: a 2xx HTML response, or an HTML resource."""
    if record.rec_type not in _PAGE_RECORDS:
        return False
    if record.rec_type == "resource":
        return _is_html(record.rec_headers.get_header("Content-Type"))
    headers = record.http_headers
    if headers is None:
        return False
    status = headers.get_statuscode() or ""
    return status.startswith("2") and _is_html(headers.get_header("Content-Type"))


def _charset(record: Any) -> str | None:
    """The charset of the record's HTTP ``Content-Type``, when it declares one."""
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    content_type = headers.get_header("Content-Type") if headers is not None else None
    if not isinstance(content_type, str):
        return None
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _target_url(record: Any) -> str | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return url
    return None


def _read_records(stream: IO[bytes], label: str) -> Iterator[PageInput | ErrorRecord]:
    records = _archive_iterator()(stream, arc2warc=True)
    offset = 0
    try:
        for record in records:
            offset = records.offset
            if not _is_page(record):
                continue
            url = _target_url(record)
            source = f"{label}#{offset}"
            try:
                data = record.content_stream().read()
            except Exception as exc:  # a body that does not decode (bad gzip, chunking)
                yield ErrorRecord.from_exception(source, exc, url=url)
                continue
            yield PageInput(source=source, url=url, data=data, encoding=_charset(record))
    except Exception as exc:  # the archive itself breaks off; nothing after it is readable
        yield ErrorRecord(
            source=f"{label}#{offset}",
            error=type(exc).__name__,
            message=f"archive unreadable from this record on: {exc}".rstrip(": "),
        )


def iter_archive(
    archive: Path | IO[bytes], *, name: str | None = None
) -> Iterator[PageInput | ErrorRecord]:
    """Yield an input for every page in a WARC or ARC archive (plain or gzipped).

    A page is a ``response`` record with a 2xx status and an HTML content type (or none),
    or a ``resource`` record of an HTML type; other records (requests, metadata, images,
    redirects, errors) are skipped. Each input's source is ``archive#offset``, the byte
    offset of its record, and its URL the record's ``WARC-Target-URI``. A record whose body
    cannot be decoded, or an archive that breaks off, gives an :class:`ErrorRecord`.

    Args:
        archive: The archive's path, or a binary stream.
        name: What to call a stream in sources; default the path.

    Raises:
        ModuleNotFoundError: warcio is not installed.
    """
    _archive_iterator()  # fail at once, not at the first record, when warcio is missing
    if isinstance(archive, Path):
        label = name or str(archive)
        try:
            stream = archive.open("rb")
        except OSError as exc:
            yield ErrorRecord.from_exception(label, exc)
            return
        with stream:
            yield from _read_records(stream, label)
    else:
        yield from _read_records(archive, name or "<stream>")
