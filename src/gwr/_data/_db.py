"""The bundled database: found next to the package, loaded lazily, once, behind a lock.

Only ``manifest.json`` is read to know which reports exist; a report's own file is read and
decoded the first time that report is asked for, so loading one report never parses the
others. The data folder is opened as a plain path where it is one (an installed package), and
through ``importlib.resources`` otherwise (a zip).

Files are decoded by msgspec, straight from their bytes into the attrs records, type-driven (a
field added to a record needs no code here). msgspec checks every type on the way in (a string
is a string, an offset an integer and never a bool, a qualifier one of its values, a list an
array) and reads a :class:`~decimal.Decimal` exactly from the text it is written as; it is
looser than the data format in two ways, which :func:`gwr.check` verifies strictly (see
:mod:`gwr._data._converter`): it ignores unknown keys, and it accepts a decimal written as a JSON number
or in a form the generator never writes (``"5.0e0"``).
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

import attrs
import msgspec

from .._model._errors import DataError, NotFoundError
from .._reading._vocabulary import package_data, package_root

__all__ = ["Database", "default", "package_data", "package_root"]
_package_root = package_root

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .._model._records import Indicator, Region, Report, Source, Theme
    from .._reading._normalize import Normalized

FORMAT_VERSION = 1


class StoredText:
    """How a bundled source reaches its text: through the database that holds it.

    A pickled source takes the package's own database on the other side (the text is bundled
    there too), not the database object.
    """

    __slots__ = ("db", "source_id")

    def __init__(self, db: Database, source_id: str) -> None:
        self.db = db
        self.source_id = source_id

    def raw(self) -> str:
        """The raw text of the bundled file."""
        return self.db.source_text(self.source_id)

    def normalized(self) -> Normalized:
        """The normalized text, with its offset map."""
        return self.db.normalized(self.source_id)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_stored_text, (self.source_id,))


def _stored_text(source_id: str) -> StoredText:
    return StoredText(default(), source_id)


class Database:
    """The records stored under one data folder (the package's own, or a copy for checking).

    ``root`` is a folder path, or a :class:`~importlib.resources.abc.Traversable` (for data
    inside a zip).
    """

    def __init__(self, root: Traversable | str | os.PathLike[str]) -> None:
        self.root = root
        self._folder = os.fspath(root) if isinstance(root, (str, os.PathLike)) else None
        self._lock = threading.RLock()
        self._manifest: dict[str, Any] | None = None
        self._entries: dict[str, dict[str, Any]] = {}
        self._reports: dict[str, Report] = {}
        self._sources: tuple[Source, ...] | None = None
        self._indicators: tuple[Indicator, ...] | None = None
        self._themes: tuple[Theme, ...] | None = None
        self._regions: tuple[Region, ...] | None = None
        self._texts: dict[str, str] = {}
        self._normalized: dict[str, Normalized] = {}

    def read_bytes(self, name: str) -> bytes:
        """The bytes of the file ``name`` (a path relative to the data folder, with ``/``)."""
        try:
            if self._folder is not None:
                with open(os.path.join(self._folder, *name.split("/")), "rb") as file:
                    return file.read()
            return self.root.joinpath(*name.split("/")).read_bytes()  # type: ignore[union-attr]
        except OSError as error:
            raise DataError(f"gwr data file {name} cannot be read: {error.strerror or error}") from None

    def registry_files(self) -> list[str]:
        """The registries in the data folder: each top-level JSON file but the manifest
        (``indicators.json``...), which :class:`Database` loads by the method of the same name."""
        try:
            if self._folder is not None:
                names = os.listdir(self._folder)
            else:
                names = [entry.name for entry in self.root.iterdir()]  # type: ignore[union-attr]
        except OSError:
            return []
        return sorted(n for n in names if n.endswith(".json") and n != "manifest.json")

    def read_json(self, name: str) -> Any:
        """Parse the JSON file ``name`` (a path relative to the data folder) into plain values."""
        return self.decode(name, Any)

    def decode(self, name: str, tp: Any) -> Any:
        """Read the JSON file ``name`` and decode it into a value of type ``tp``.

        Raises:
            DataError: the file cannot be read, is not JSON, or does not fit ``tp`` (the
                message names the file and the path to the value: ``targets[3].span.start``).
        """
        data = self.read_bytes(name)
        try:
            return _decoder(tp).decode(data)
        except msgspec.ValidationError as error:
            raise _schema_error(name, tp, "", error) from None
        except msgspec.DecodeError as error:
            raise DataError(f"gwr data file {name} is not valid JSON: {error}") from None

    def _structure(self, data: Any, tp: Any, name: str, prefix: str = "") -> Any:
        """Turn plain values read from the file ``name`` into a value of type ``tp``.

        ``prefix`` is where ``data`` lies in its file (``sources``), for the error's path.
        """
        try:
            return msgspec.convert(data, tp)
        except msgspec.ValidationError as error:
            raise _schema_error(name, tp, prefix, error) from None

    @property
    def manifest(self) -> dict[str, Any]:
        """The manifest: format, sources and the reports with their files."""
        if self._manifest is None:
            with self._lock:
                if self._manifest is None:
                    manifest = self.decode("manifest.json", Any)
                    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
                        raise DataError(f"gwr data file manifest.json is not format {FORMAT_VERSION}")
                    self._entries = _check_manifest(manifest)
                    self._manifest = manifest
        return self._manifest

    def report_ids(self) -> list[str]:
        """The ids of every report, in manifest order."""
        return [entry["id"] for entry in self.manifest["reports"]]

    def report_entries(self) -> list[dict[str, Any]]:
        """The manifest entry (id, kind, year, file) of every report."""
        return list(self.manifest["reports"])

    def report_entry(self, report_id: str) -> dict[str, Any] | None:
        """The manifest entry of report ``report_id``, or ``None`` if the manifest has none."""
        if self._manifest is None:
            self.manifest  # noqa: B018  (reads the manifest, which indexes the entries)
        return self._entries.get(report_id)

    def report(self, report_id: str) -> Report:
        """The report ``report_id`` (which must be one of :meth:`report_ids`)."""
        report = self._reports.get(report_id)
        if report is None:
            with self._lock:
                report = self._reports.get(report_id)
                if report is None:
                    from .._model._records import Report

                    entry = self.report_entry(report_id)
                    if entry is None:
                        raise NotFoundError(f"no report {report_id!r}", report_id, self.report_ids())
                    name = entry["file"]
                    report = self.decode(name, Report)
                    for field in ("id", "kind", "year"):
                        if getattr(report, field) != entry[field]:
                            raise DataError(
                                f"gwr data file {name} holds a report with {field} {getattr(report, field)!r}, "
                                f"but manifest.json lists it with {field} {entry[field]!r}"
                            )
                    self._reports[report_id] = report
        return report

    def sources(self) -> tuple[Source, ...]:
        """Every bundled source, in manifest order."""
        if self._sources is None:
            with self._lock:
                if self._sources is None:
                    from .._model._records import Source

                    sources = self._structure(self.manifest["sources"], tuple[Source, ...], "manifest.json", "sources")
                    # each bundled source reaches its text through this database
                    self._sources = tuple(
                        attrs.evolve(s, texts=StoredText(self, s.id)) if s.bundled else s for s in sources
                    )
        return self._sources

    def indicators(self) -> tuple[Indicator, ...]:
        """The indicator registry."""
        if self._indicators is None:
            with self._lock:
                if self._indicators is None:
                    from .._model._records import Indicator

                    self._indicators = self.decode("indicators.json", tuple[Indicator, ...])
        return self._indicators

    def themes(self) -> tuple[Theme, ...]:
        """The task theme registry."""
        if self._themes is None:
            with self._lock:
                if self._themes is None:
                    from .._model._records import Theme

                    self._themes = self.decode("themes.json", tuple[Theme, ...])
        return self._themes

    def regions(self) -> tuple[Region, ...]:
        """The registry of provincial-level divisions."""
        if self._regions is None:
            with self._lock:
                if self._regions is None:
                    from .._model._records import Region

                    data = self.read_json("regions.json")
                    self._regions = self._structure(data, tuple[Region, ...], "regions.json")
        return self._regions

    def source_bytes(self, source_id: str) -> bytes:
        """The raw bytes of source ``source_id``."""
        source = next((s for s in self.sources() if s.id == source_id), None)
        if source is None:
            raise DataError(f"gwr data refers to source {source_id!r}, which manifest.json does not list")
        return self.read_bytes(f"sources/{source.file}")

    def source_text(self, source_id: str) -> str:
        """The raw text of source ``source_id``."""
        text = self._texts.get(source_id)
        if text is None:
            with self._lock:
                try:
                    text = self.source_bytes(source_id).decode("utf-8")
                except UnicodeDecodeError as error:
                    raise DataError(f"gwr source {source_id} is not valid UTF-8: {error}") from None
                self._texts[source_id] = text
        return text

    def normalized(self, source_id: str) -> Normalized:
        """The normalized text of source ``source_id``, with its offset map."""
        result = self._normalized.get(source_id)
        if result is None:
            with self._lock:
                result = self._normalized.get(source_id)
                if result is None:
                    from .._reading._normalize import normalize

                    source = next(s for s in self.sources() if s.id == source_id)
                    result = normalize(self.source_text(source_id), source.profile)
                    self._normalized[source_id] = result
        return result

    def sha256(self, source_id: str) -> str:
        """The sha256 of the bundled bytes of source ``source_id``."""
        import hashlib

        return hashlib.sha256(self.source_bytes(source_id)).hexdigest()


_decoders: dict[Any, Any] = {}
_decoders_lock = threading.Lock()


def _decoder(tp: Any) -> Any:
    """The msgspec decoder of type ``tp``, made once (it holds what msgspec learned of the type).

    A decoder may be shared between threads (msgspec's Encoder and Decoder are thread-safe since
    0.15.1).
    """
    found = _decoders.get(tp)
    if found is None:
        with _decoders_lock:
            found = _decoders.get(tp)
            if found is None:
                found = _decoders[tp] = msgspec.json.Decoder(tp)
    return found


def _schema_error(name: str, tp: Any, prefix: str, error: Exception) -> DataError:
    """A DataError naming the file, the type and the path of what msgspec found wrong.

    msgspec says ``Expected `int`, got `str` - at `$.targets[2].span.start```; the path is moved
    to the front, relative to the file (``prefix`` is where the decoded value lies in it).
    """
    message, _, where = str(error).partition(" - at `$")
    path = where.rstrip("`")
    if prefix:
        path = prefix + path if path.startswith("[") or not path else f"{prefix}.{path.lstrip('.')}"
    path = path.lstrip(".")
    at = f" at {path}" if path else ""
    return DataError(f"gwr data file {name} does not match the {_type_name(tp)} schema{at}: {message}")


_default: Database | None = None
_default_lock = threading.Lock()


def default() -> Database:
    """The database of the installed package's own data, created on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Database(_package_root())
    return _default


def _type_name(tp: Any) -> str:
    """``Report`` for a record class; ``Source`` for a tuple of them."""
    args = getattr(tp, "__args__", ())
    if args and args[-1] is Ellipsis:
        tp = args[0]
    return getattr(tp, "__name__", None) or str(tp)


class _ManifestEntry(msgspec.Struct):
    """What every manifest entry of a report must hold (it may hold more: its variants file...)."""

    id: str
    kind: str
    year: int
    file: str


def _check_manifest(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Check the shape of the manifest's lists of reports and sources; index the reports by id."""
    reports = manifest.get("reports")
    if not isinstance(reports, list) or not isinstance(manifest.get("sources"), list):
        raise DataError("gwr data file manifest.json has no list of reports and sources")
    try:
        msgspec.convert(reports, list[_ManifestEntry])  # checked in C: a thousand entries cost 0.1 ms
    except msgspec.ValidationError as error:
        message, _, where = str(error).partition(" - at `$")
        index = where.partition("[")[2].partition("]")[0]
        raise DataError(
            f"gwr data file manifest.json: reports[{index}] must have id, kind and file (strings) and year (int):"
            f" {message}"
        ) from None
    entries = {entry["id"]: entry for entry in reports}
    if len(entries) < len(reports):
        ids = [entry["id"] for entry in reports]
        twice = next(report_id for report_id in ids if ids.count(report_id) > 1)
        raise DataError(f"gwr data file manifest.json lists report {twice!r} twice")
    return entries
