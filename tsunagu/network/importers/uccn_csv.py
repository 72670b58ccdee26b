"""Reader of UNESCO's list of Creative Cities as CSV (`City Name, Category, Description,
Link`): one validated row per city, or every row-level problem at once."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from tsunagu.network.models import CreativeField

COLUMNS = ("City Name", "Category", "Description", "Link")
MAX_NAME, MAX_LINK = 160, 400  # CreativeCity.unesco_name, CreativeCity.unesco_url


@dataclass(frozen=True)
class CityRow:
    name: str
    field: str
    description: str
    link: str


def _field_of(category: str) -> str | None:
    wanted = " ".join(category.split()).casefold()
    for value in CreativeField.values:
        if value.casefold() == wanted:
            return value
    return None


def uccn_csv_read(path: Path) -> list[CityRow]:
    """Rows of the file; raises ValidationError with one message per bad row."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
        if "\x00" in text:  # no database text may hold one
            raise csv.Error("the file contains a NUL character")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValidationError(
                _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        records = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ValidationError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error}
        ) from error
    rows: list[CityRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    check_url = URLValidator(schemes=["http", "https"])
    for number, record in enumerate(records, start=2):
        name = (record.get("City Name") or "").strip()
        category = (record.get("Category") or "").strip()
        link = (record.get("Link") or "").strip()
        field = _field_of(category)
        if not name:
            errors.append(_("Row %(row)d: the city name is empty.") % {"row": number})
        elif len(name) > MAX_NAME:
            errors.append(
                _("Row %(row)d: the city name is longer than %(max)d characters.")
                % {"row": number, "max": MAX_NAME}
            )
        elif name.casefold() in seen:
            errors.append(
                _("Row %(row)d: %(name)s is already on row %(first)d.")
                % {"row": number, "name": name, "first": seen[name.casefold()]}
            )
        else:
            seen[name.casefold()] = number
        if field is None:
            errors.append(
                _("Row %(row)d: unknown creative field %(category)s.")
                % {"row": number, "category": repr(category)}
            )
        if len(link) > MAX_LINK:
            errors.append(
                _("Row %(row)d: the link is longer than %(max)d characters.")
                % {"row": number, "max": MAX_LINK}
            )
        elif link:
            try:
                check_url(link)
            except ValidationError:
                errors.append(
                    _("Row %(row)d: the link %(link)s is not a web address.")
                    % {"row": number, "link": repr(link)}
                )
        rows.append(
            CityRow(name, field or "", " ".join((record.get("Description") or "").split()), link)
        )
    if not rows and not errors:
        errors.append(_("The file has no cities."))
    if errors:
        raise ValidationError(errors)
    return rows
