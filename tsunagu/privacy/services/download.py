"""The data download: every record the registry knows about a person, as data.json, with
the files they uploaded, in one ZIP. One person's data is small enough to build at once."""

import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from tsunagu.privacy.models import PrivacyRequest, RequestKind, RequestStatus
from tsunagu.privacy.registry import ACTOR_REFERENCES, PersonalData, personal_data
from tsunagu.privacy.services.references import subject_reference


def _value(record: models.Model, field: models.Field) -> Any:
    if field.is_relation:
        related = getattr(record, field.name)
        return None if related is None else str(related)
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    value = getattr(record, field.attname)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _file_path(entry: PersonalData, record: models.Model, file: FieldFile) -> str:
    return f"files/{entry.key}/{record.pk}-{PurePosixPath(file.name).name}"


def _records(entry: PersonalData, user) -> Iterator[tuple[dict, list[tuple[str, FieldFile]]]]:
    model = entry.model_class
    fields = [model._meta.get_field(name) for name in entry.export]
    for record in entry.records(user).order_by("pk"):
        row = {str(field.verbose_name): _value(record, field) for field in fields}
        files = []
        for name in entry.files:
            file = getattr(record, name)
            if file:
                path = _file_path(entry, record, file)
                row[str(model._meta.get_field(name).verbose_name)] = path
                files.append((path, file))
        yield row, files


def personal_data_collect(*, user) -> tuple[dict, list[tuple[str, FieldFile]]]:
    """The person's data grouped by kind, and the files to include (path in the ZIP, file)."""
    kinds, files = [], []
    for entry in personal_data():
        rows = []
        for row, row_files in _records(entry, user):
            rows.append(row)
            files.extend(row_files)
        if rows:
            meta = entry.model_class._meta
            kinds.append(
                {"kind": entry.key, "title": str(meta.verbose_name_plural), "records": rows}
            )
    acted_on = []
    for label, name in ACTOR_REFERENCES:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        count = model._default_manager.filter(**{name: user}).count()
        if count:
            acted_on.append(
                {
                    "kind": label.lower(),
                    "title": str(model._meta.verbose_name_plural),
                    "role": str(model._meta.get_field(name).verbose_name),
                    "count": count,
                }
            )
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": subject_reference(user.pk),
        "kinds": kinds,
        "records_you_acted_on": acted_on,
    }
    return data, files


def personal_data_zip_write(*, user, out: IO[bytes]) -> PrivacyRequest:
    """Write the ZIP to `out` and record the download in the audit."""
    data, files = personal_data_collect(user=user)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
        for path, file in files:
            try:
                with file.open("rb") as handle:
                    archive.writestr(path, handle.read())
            except FileNotFoundError:
                archive.writestr(f"{path}.missing.txt", "The file is no longer stored.\n")
    summary = {kind["kind"]: len(kind["records"]) for kind in data["kinds"]}
    summary["files"] = len(files)
    return PrivacyRequest.objects.create(
        kind=RequestKind.DOWNLOAD,
        status=RequestStatus.COMPLETED,
        subject_reference=subject_reference(user.pk),
        user=user,
        completed_at=timezone.now(),
        summary=summary,
    )
