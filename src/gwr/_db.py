"""The bundled database: found with importlib.resources, loaded lazily, once, behind a lock.

Only ``manifest.json`` is read to know which reports exist; a report's own file is read and
structured the first time that report is asked for, so loading one report never parses the
others.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from typing import TYPE_CHECKING, Any, TypeVar

from ._errors import DataError
from ._normalize import Normalized, normalize

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ._model import Indicator, Report, Source, Theme

T = TypeVar("T")

FORMAT_VERSION = 1


def package_data() -> Traversable:
    """The data folder of the installed package."""
    if sys.version_info >= (3, 12):
        from importlib.resources import files
    else:
        from importlib_resources import files
    return files("gwr") / "data"


class Database:
    """The records stored under one data folder (the package's own, or a copy for checking)."""

    def __init__(self, root: Traversable) -> None:
        self.root = root
        self._lock = threading.RLock()
        self._manifest: dict[str, Any] | None = None
        self._reports: dict[str, Report] = {}
        self._sources: tuple[Source, ...] | None = None
        self._indicators: tuple[Indicator, ...] | None = None
        self._themes: tuple[Theme, ...] | None = None
        self._texts: dict[str, str] = {}
        self._normalized: dict[str, Normalized] = {}

    def read_json(self, name: str) -> Any:
        """Parse the JSON file ``name`` (a path relative to the data folder)."""
        path = self.root.joinpath(*name.split("/"))
        try:
            data = path.read_bytes()
        except OSError as error:
            raise DataError(f"gwr data file {name} cannot be read: {error}") from None
        try:
            return json.loads(data)
        except ValueError as error:
            raise DataError(f"gwr data file {name} is not valid JSON: {error}") from None

    def _structure(self, data: Any, cls: type[T], name: str) -> T:
        from ._converter import converter

        try:
            return converter.structure(data, cls)
        except Exception as error:
            detail = "; ".join(str(e) for e in getattr(error, "exceptions", [])) or str(error)
            raise DataError(f"gwr data file {name} does not match the {cls.__name__} schema: {detail}") from None

    @property
    def manifest(self) -> dict[str, Any]:
        """The manifest: format, sources and the reports with their files."""
        if self._manifest is None:
            with self._lock:
                if self._manifest is None:
                    manifest = self.read_json("manifest.json")
                    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
                        raise DataError(f"gwr data file manifest.json is not format {FORMAT_VERSION}")
                    self._manifest = manifest
        return self._manifest

    def report_ids(self) -> list[str]:
        """The ids of every report, in manifest order."""
        return [entry["id"] for entry in self.manifest["reports"]]

    def report_entries(self) -> list[dict[str, Any]]:
        """The manifest entry (id, kind, year, file) of every report."""
        return list(self.manifest["reports"])

    def report(self, report_id: str) -> Report:
        """The report ``report_id`` (which must be one of :meth:`report_ids`)."""
        report = self._reports.get(report_id)
        if report is None:
            with self._lock:
                report = self._reports.get(report_id)
                if report is None:
                    from ._model import Report

                    entry = next(e for e in self.manifest["reports"] if e["id"] == report_id)
                    name = entry["file"]
                    report = self._structure(self.read_json(name), Report, name)
                    if report.id != report_id:
                        raise DataError(f"gwr data file {name} holds report {report.id!r}, not {report_id!r}")
                    self._reports[report_id] = report
        return report

    def sources(self) -> tuple[Source, ...]:
        """Every bundled source, in manifest order."""
        if self._sources is None:
            with self._lock:
                if self._sources is None:
                    from ._model import Source

                    self._sources = self._structure(self.manifest["sources"], tuple[Source, ...], "manifest.json")
        return self._sources

    def indicators(self) -> tuple[Indicator, ...]:
        """The indicator registry."""
        if self._indicators is None:
            with self._lock:
                if self._indicators is None:
                    from ._model import Indicator

                    data = self.read_json("indicators.json")
                    self._indicators = self._structure(data, tuple[Indicator, ...], "indicators.json")
        return self._indicators

    def themes(self) -> tuple[Theme, ...]:
        """The task theme registry."""
        if self._themes is None:
            with self._lock:
                if self._themes is None:
                    from ._model import Theme

                    self._themes = self._structure(self.read_json("themes.json"), tuple[Theme, ...], "themes.json")
        return self._themes

    def source_bytes(self, source_id: str) -> bytes:
        """The raw bytes of source ``source_id``."""
        source = next((s for s in self.sources() if s.id == source_id), None)
        if source is None:
            raise DataError(f"gwr data refers to source {source_id!r}, which manifest.json does not list")
        name = f"sources/{source.file}"
        try:
            return self.root.joinpath("sources", source.file).read_bytes()
        except OSError as error:
            raise DataError(f"gwr data file {name} cannot be read: {error}") from None

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
                    source = next(s for s in self.sources() if s.id == source_id)
                    result = normalize(self.source_text(source_id), source.profile)
                    self._normalized[source_id] = result
        return result

    def sha256(self, source_id: str) -> str:
        """The sha256 of the bundled bytes of source ``source_id``."""
        return hashlib.sha256(self.source_bytes(source_id)).hexdigest()


_default: Database | None = None
_default_lock = threading.Lock()


def default() -> Database:
    """The database of the installed package's own data, created on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Database(package_data())
    return _default
