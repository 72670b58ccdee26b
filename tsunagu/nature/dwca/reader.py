"""Read a Darwin Core Archive (zip, tar.gz/tgz, a folder, or one Simple Darwin Core file)
into its core and extension files, whatever shape real archives come in: files in one
sub-folder, macOS resource forks, no header line, defaults in meta.xml, a metadata file named
otherwise than meta.xml says, UTF-8 or Windows-1252 text."""

import codecs
import csv
import shutil
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import DefusedXmlException, ElementTree
from django.utils.translation import gettext as _

from . import terms

# Unpacking more than this is refused: a zip bomb must not fill the disk.
MAX_UNPACKED_BYTES = 4 * 1024**3
IGNORED_NAMES = {".ds_store", "thumbs.db"}
csv.field_size_limit(16 * 1024**2)


class DwcaError(Exception):
    """The archive cannot be imported; `messages` says where and why."""

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class DataFile:
    path: Path
    name: str
    row_type: str
    fields: dict[int, str]
    defaults: dict[str, str]
    id_index: int | None
    encoding: str
    delimiter: str
    quotechar: str | None
    header_lines: int

    @property
    def row_type_name(self) -> str:
        return terms.row_type_name(self.row_type)

    def rows(self) -> Iterator[tuple[int, str, dict[str, str]]]:
        """(line number, id column, {term: value}) for every non-blank row."""
        with self.path.open(encoding=self.encoding, newline="") as handle:
            reader = csv.reader(
                handle,
                delimiter=self.delimiter,
                quotechar=self.quotechar or '"',
                quoting=csv.QUOTE_MINIMAL if self.quotechar else csv.QUOTE_NONE,
            )
            try:
                for number, row in enumerate(reader):
                    if number < self.header_lines or not any(cell.strip() for cell in row):
                        continue
                    if any("\x00" in cell for cell in row):  # no database text may hold one
                        raise csv.Error(_("the row contains a NUL character."))
                    values = {
                        term: row[index].strip() if index < len(row) else ""
                        for index, term in self.fields.items()
                    }
                    for term, default in self.defaults.items():
                        if not values.get(term):
                            values[term] = default
                    row_id = ""
                    if self.id_index is not None and self.id_index < len(row):
                        row_id = row[self.id_index].strip()
                    yield reader.line_num, row_id, values
            except csv.Error as error:
                raise DwcaError(
                    _("%(file)s line %(line)s: %(error)s")
                    % {"file": self.name, "line": reader.line_num, "error": error}
                ) from error


@dataclass
class Archive:
    core: DataFile
    extensions: list[DataFile]
    title: str = ""
    messages: list[str] = field(default_factory=list)


def _ignored(parts: tuple[str, ...]) -> bool:
    return any(
        part == "__MACOSX" or part.startswith("._") or part.lower() in IGNORED_NAMES
        for part in parts
    )


def _safe_relative(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise DwcaError(_("The archive holds an unsafe path: %(name)s") % {"name": name})
    return None if _ignored(path.parts) else path


def _unpack(source: Path, target: Path) -> None:
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise DwcaError(_("The archive unpacks to more than 4 GiB."))
            for member in members:
                relative = _safe_relative(member.filename)
                if relative is None:
                    continue
                destination = target.joinpath(*relative.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as src, destination.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
        return
    if tarfile.is_tarfile(source):
        with tarfile.open(source, "r:*") as archive:
            members = [m for m in archive.getmembers() if m.isfile()]
            if sum(m.size for m in members) > MAX_UNPACKED_BYTES:
                raise DwcaError(_("The archive unpacks to more than 4 GiB."))
            for member in members:
                relative = _safe_relative(member.name)
                if relative is None:
                    continue
                destination = target.joinpath(*relative.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as src, destination.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
        return
    # One Simple Darwin Core text file on its own.
    shutil.copy(source, target / source.name)


def _files(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not _ignored(path.relative_to(root).parts)
    )


def _display(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _unescape(value: str | None, default: str) -> str:
    if value is None:
        return default
    return codecs.decode(value, "unicode_escape") if "\\" in value else value


def _choose_encoding(path: Path, declared: str, name: str, messages: list[str]) -> str:
    """The declared encoding when the bytes decode with it; otherwise UTF-8 or
    Windows-1252, the two that real archives use, with a note saying so."""
    candidates = []
    try:
        declared_codec = codecs.lookup(declared or "utf-8").name
        candidates.append("utf-8-sig" if declared_codec == "utf-8" else declared_codec)
    except LookupError:
        messages.append(
            _("%(file)s: unknown encoding %(encoding)s in meta.xml.")
            % {"file": name, "encoding": declared}
        )
    candidates += [c for c in ("utf-8-sig", "cp1252") if c not in candidates]
    for candidate in candidates:
        decoder = codecs.getincrementaldecoder(candidate)()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1024 * 1024):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        if candidate != candidates[0]:
            messages.append(
                _("%(file)s is not %(declared)s text: read as %(used)s.")
                % {"file": name, "declared": declared or "UTF-8", "used": candidate}
            )
        return candidate
    raise DwcaError(
        _("%(file)s is neither UTF-8 nor Windows-1252 text: re-save it as UTF-8.") % {"file": name}
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _data_file(element, root: Path, messages: list[str], *, is_core: bool) -> DataFile:
    row_type = element.get("rowType", "")
    kind = "core" if is_core else "extension"
    if not row_type:
        raise DwcaError(_("meta.xml: the %(kind)s has no rowType.") % {"kind": kind})
    locations = [
        (location.text or "").strip()
        for files in _children(element, "files")
        for location in _children(files, "location")
    ]
    if not locations or not locations[0]:
        raise DwcaError(_("meta.xml: the %(kind)s names no file.") % {"kind": kind})
    path = root / locations[0]
    if not path.is_file():
        raise DwcaError(
            _("meta.xml names %(file)s, which is not in the archive.") % {"file": locations[0]}
        )
    fields: dict[int, str] = {}
    defaults: dict[str, str] = {}
    for item in _children(element, "field"):
        term = terms.short_name(item.get("term", ""))
        if not term:
            raise DwcaError(_("meta.xml: a field of %(file)s has no term.") % {"file": path.name})
        if item.get("index") not in (None, ""):
            try:
                fields[int(item.get("index"))] = term
            except ValueError as error:
                raise DwcaError(
                    _("meta.xml: field %(term)s has index %(index)s, not a number.")
                    % {"term": term, "index": item.get("index")}
                ) from error
        if item.get("default") is not None:
            defaults[term] = item.get("default")
    id_elements = _children(element, "id" if is_core else "coreid")
    id_index = None
    if id_elements and id_elements[0].get("index") not in (None, ""):
        id_index = int(id_elements[0].get("index"))
    name = _display(path, root)
    enclosure = _unescape(element.get("fieldsEnclosedBy"), '"')
    try:
        header_lines = int(element.get("ignoreHeaderLines") or 0)
    except ValueError:
        header_lines = 0
    return DataFile(
        path=path,
        name=name,
        row_type=row_type,
        fields=fields,
        defaults=defaults,
        id_index=id_index,
        encoding=_choose_encoding(path, element.get("encoding", "UTF-8"), name, messages),
        delimiter=_unescape(element.get("fieldsTerminatedBy"), ","),
        quotechar=enclosure or None,
        header_lines=header_lines,
    )


def _title(path: Path | None, messages: list[str]) -> str:
    if path is None:
        return ""
    try:
        tree = ElementTree.parse(path)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        messages.append(
            _("%(file)s: metadata not readable (%(error)s).") % {"file": path.name, "error": error}
        )
        return ""
    for element in tree.getroot().iter():
        if _local(element.tag) == "title" and (element.text or "").strip():
            return " ".join(element.text.split())
    return ""


def _metadata_file(root: Path, declared: str | None, meta: Path | None) -> Path | None:
    if declared and (root / declared).is_file():
        return root / declared
    for candidate in _files(root):
        if candidate.suffix.lower() == ".xml" and candidate != meta:
            with candidate.open("rb") as handle:
                if b"<eml" in handle.read(4096):
                    return candidate
    return None


def _simple_file(root: Path, messages: list[str]) -> Archive:
    """No meta.xml: one Simple Darwin Core file whose header names the terms."""
    data = [path for path in _files(root) if path.suffix.lower() != ".xml"]
    if len(data) != 1:
        listed = ", ".join(_display(path, root) for path in data) or _("none")
        raise DwcaError(
            _(
                "The archive has no meta.xml and %(count)s data files (%(files)s): it is "
                "neither a Darwin Core Archive nor a single Simple Darwin Core file."
            )
            % {"count": len(data), "files": listed}
        )
    path = data[0]
    name = _display(path, root)
    encoding = _choose_encoding(path, "UTF-8", name, messages)
    with path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
    delimiter = max("\t,;|", key=first.count)
    header = next(csv.reader([first], delimiter=delimiter))
    if not first.strip() or first.count(delimiter) == 0:
        raise DwcaError(_("%(file)s has no header line naming the terms.") % {"file": name})
    fields = {
        index: terms.CANONICAL_TERMS.get(column.strip().lower(), column.strip())
        for index, column in enumerate(header)
        if column.strip()
    }
    core = DataFile(
        path=path,
        name=name,
        row_type=terms.TAXON
        if "scientificName" in fields.values()
        and not {"occurrenceID", "basisOfRecord", "eventDate"} & set(fields.values())
        else terms.OCCURRENCE,
        fields=fields,
        defaults={},
        id_index=None,
        encoding=encoding,
        delimiter=delimiter,
        quotechar='"',
        header_lines=1,
    )
    messages.append(_("No meta.xml: read %(file)s as Simple Darwin Core.") % {"file": name})
    return Archive(core=core, extensions=[], title=path.stem, messages=messages)


def _read(root: Path) -> Archive:
    messages: list[str] = []
    metas = [path for path in _files(root) if path.name.lower() == "meta.xml"]
    if len(metas) > 1:
        raise DwcaError(
            _("The archive holds %(count)s meta.xml files: %(files)s.")
            % {"count": len(metas), "files": ", ".join(_display(m, root) for m in metas)}
        )
    if not metas:
        return _simple_file(root, messages)
    meta = metas[0]
    try:
        document = ElementTree.parse(meta).getroot()
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise DwcaError(_("meta.xml is not valid XML: %(error)s") % {"error": error}) from error
    base = meta.parent
    cores = _children(document, "core")
    if len(cores) != 1:
        raise DwcaError(_("meta.xml must describe exactly one core file."))
    core = _data_file(cores[0], base, messages, is_core=True)
    extensions = [
        _data_file(element, base, messages, is_core=False)
        for element in _children(document, "extension")
    ]
    declared = document.get("metadata")
    metadata = _metadata_file(base, declared, meta)
    if declared and metadata is not None and metadata.name != declared:
        messages.append(
            _("meta.xml names %(declared)s as metadata; read %(found)s instead.")
            % {"declared": declared, "found": _display(metadata, root)}
        )
    return Archive(
        core=core, extensions=extensions, title=_title(metadata, messages), messages=messages
    )


@contextmanager
def archive_open(source: str | Path) -> Iterator[Archive]:
    """Yield the archive's files; an archive file is unpacked to a temporary folder that is
    removed afterwards."""
    source = Path(source)
    if source.is_dir():
        yield _read(source)
        return
    if not source.is_file():
        raise DwcaError(_("%(path)s does not exist.") % {"path": source})
    with tempfile.TemporaryDirectory(prefix="tsunagu-dwca-") as folder:
        try:
            _unpack(source, Path(folder))
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as error:
            raise DwcaError(
                _("%(file)s cannot be unpacked: %(error)s") % {"file": source.name, "error": error}
            ) from error
        yield _read(Path(folder))
