"""Small Darwin Core Archives built in tests, in the awkward shapes real ones come in."""

import io
import tarfile
import zipfile
from pathlib import Path

DWC = "http://rs.tdwg.org/dwc/terms/"

OCCURRENCE_TERMS = [
    "occurrenceID", "basisOfRecord", "scientificName", "taxonRank", "kingdom", "family",
    "decimalLatitude", "decimalLongitude", "eventDate", "recordedBy", "individualCount",
    "locality", "license",
]  # fmt: skip
OCCURRENCE_ROWS = [
    ["obs-1", "HumanObservation", "Luciola cruciata Motschulsky, 1854", "species", "Animalia",
     "Lampyridae", "36.5781", "136.6377", "2024-06-12T20:41:00+09:00", "Kikugawa club", "12",
     "Kuratsuki canal", "http://creativecommons.org/licenses/by/4.0/"],
    ["obs-2", "HumanObservation", "Aquatica lateralis", "species", "Animalia", "Lampyridae",
     "36.56", "136.65", "2024-07", "Kikugawa club", "3", "Café Saigawa", "CC0"],
    ["obs-3", "PreservedSpecimen", "Testgenus novus", "", "Animalia", "Testidae", "", "",
     "2019-05-01/2019-05-03", "Museum", "", "", ""],
]  # fmt: skip


def meta_xml(
    *,
    terms: list[str],
    location: str = "occurrence.txt",
    row_type: str = "Occurrence",
    header: bool = True,
    encoding: str = "UTF-8",
    metadata: str = "eml.xml",
    defaults: dict[str, str] | None = None,
    delimiter: str = "\\t",
) -> str:
    fields = "\n".join(
        f'    <field index="{index}" term="{DWC}{term}"/>' for index, term in enumerate(terms)
    )
    fields += "".join(
        f'\n    <field default="{value}" term="{DWC}{term}"/>'
        for term, value in (defaults or {}).items()
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="{metadata}">
  <core encoding="{encoding}" fieldsTerminatedBy="{delimiter}" linesTerminatedBy="\\n"
        fieldsEnclosedBy="" ignoreHeaderLines="{1 if header else 0}" rowType="{DWC}{row_type}">
    <files><location>{location}</location></files>
    <id index="0"/>
{fields}
  </core>
</archive>
"""


def eml_xml(title: str = "Kikugawa firefly test dataset") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1" packageId="test" system="test">
  <dataset><title>{title}</title></dataset>
</eml:eml>
"""


def table(terms: list[str], rows: list[list[str]], *, header: bool = True) -> str:
    lines = (["\t".join(terms)] if header else []) + ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def occurrence_files(
    *,
    rows: list[list[str]] | None = None,
    header: bool = True,
    encoding: str = "UTF-8",
    metadata_name: str = "eml.xml",
    declared_metadata: str = "eml.xml",
    defaults: dict[str, str] | None = None,
    title: str = "Kikugawa firefly test dataset",
) -> dict[str, bytes]:
    codec = "cp1252" if encoding.lower() in {"windows-1252", "cp1252"} else "utf-8"
    text = table(OCCURRENCE_TERMS, OCCURRENCE_ROWS if rows is None else rows, header=header)
    return {
        "meta.xml": meta_xml(
            terms=OCCURRENCE_TERMS,
            header=header,
            encoding=encoding,
            metadata=declared_metadata,
            defaults=defaults,
        ).encode(),
        "occurrence.txt": text.encode(codec),
        metadata_name: eml_xml(title).encode(),
    }


def zip_archive(
    path: Path, files: dict[str, bytes], *, folder: str = "", macosx: bool = False
) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(f"{folder}{name}", content)
            if macosx:
                archive.writestr(f"__MACOSX/{folder}._{name}", b"\x00\x05\x16\x07resource fork")
    return path


def tgz_archive(path: Path, files: dict[str, bytes], *, folder: str = "") -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"{folder}{name}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


def folder_archive(path: Path, files: dict[str, bytes]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (path / name).write_bytes(content)
    return path
