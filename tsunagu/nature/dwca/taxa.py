"""Taxon core (with a VernacularName extension) -> Taxon.

Parents come from parentNameUsageID when the archive gives it, else from the higher
classification columns. A taxon already here (same scientific name and rank) keeps its place
and names; the import only fills what is blank and adds vernacular names."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tsunagu.nature.models import Taxon

from . import terms
from .reader import Archive
from .report import ImportReport
from .taxonomy import Name, TaxonResolver, name_read

LANGUAGES = {"en": "en", "eng": "en", "english": "en", "ja": "ja", "jpn": "ja", "japanese": "ja"}


def _language(value: str) -> str:
    value = value.strip().lower()
    return LANGUAGES.get(value, value)


@dataclass
class _Plan:
    where: str
    taxon_id: str
    parent_id: str
    name: Name
    vernacular: list[dict]


class TaxonImporter:
    def __init__(self, archive: Archive, report: ImportReport):
        self.archive = archive
        self.report = report
        self.plans: dict[str, _Plan] = {}
        self.ordered: list[_Plan] = []

    def _vernacular_names(self, warnings: list[str]) -> dict[str, list[dict]]:
        names: dict[str, list[dict]] = defaultdict(list)
        for extension in self.archive.extensions:
            if extension.row_type != terms.VERNACULAR_NAME:
                warnings.append(
                    _("Extension %(file)s (%(type)s) is not imported.")
                    % {"file": extension.name, "type": extension.row_type_name}
                )
                continue
            for _line, core_id, values in extension.rows():
                if values.get("vernacularName"):
                    names[core_id].append(
                        {
                            "name": values["vernacularName"][:200],
                            "language": _language(values.get("language", "")),
                        }
                    )
        return names

    def validate(self) -> list[str]:
        errors: list[str] = []
        warnings: list[str] = []
        vernacular = self._vernacular_names(warnings)
        core = self.archive.core
        for line, row_id, values in core.rows():
            where = _("%(file)s line %(line)s") % {"file": core.name, "line": line}
            taxon_id = values.get("taxonID") or row_id
            try:
                name = name_read(values, where, warnings)
            except ValueError as error:
                errors.append(str(error))
                continue
            if name is None:
                errors.append(_("%(where)s: the row names no taxon.") % {"where": where})
                continue
            names = list(vernacular.get(row_id, []))
            if values.get("vernacularName"):
                names.insert(
                    0,
                    {
                        "name": values["vernacularName"][:200],
                        "language": _language(values.get("language", "")),
                    },
                )
            plan = _Plan(where, taxon_id, values.get("parentNameUsageID", ""), name, names)
            if taxon_id:
                if taxon_id in self.plans:
                    errors.append(
                        _("%(where)s: taxonID %(id)s is also on %(other)s.")
                        % {"where": where, "id": taxon_id, "other": self.plans[taxon_id].where}
                    )
                    continue
                self.plans[taxon_id] = plan
            self.ordered.append(plan)
        errors += self._check_parents()
        for warning in warnings:
            self.report.note(warning)
        return errors

    def _check_parents(self) -> list[str]:
        errors = []
        for plan in self.ordered:
            seen = {plan.taxon_id}
            current = plan
            while current.parent_id and current.parent_id in self.plans:
                if current.parent_id in seen:
                    errors.append(
                        _("%(where)s: parentNameUsageID %(id)s makes a loop.")
                        % {"where": plan.where, "id": plan.parent_id}
                    )
                    break
                seen.add(current.parent_id)
                current = self.plans[current.parent_id]
        return errors

    def write(self) -> None:
        resolver = TaxonResolver(self.report.dataset_title or self.report.file_name)
        done: dict[str, Taxon] = {}

        def parent_of(plan: _Plan) -> Taxon | None:
            if not plan.parent_id:
                return None
            if plan.parent_id in self.plans:
                return place(self.plans[plan.parent_id])
            known = Taxon.objects.filter(taxon_id=plan.parent_id).first()
            if known is None:
                self.report.note(
                    _("%(where)s: parent %(id)s not found; placed by its classification.")
                    % {"where": plan.where, "id": plan.parent_id}
                )
            return known

        def place(plan: _Plan) -> Taxon:
            key = plan.taxon_id or id(plan)
            if key in done:
                return done[key]
            existed = resolver.find(plan.name.scientific_name, plan.name.rank) is not None
            taxon = resolver.resolve(plan.name, parent=parent_of(plan))
            changed = self._complete(taxon, plan)
            if not existed:
                self.report.created += 1
                resolver.created -= 1  # counted as a row, not as a taxon made on the way
            elif changed:
                self.report.updated += 1
            else:
                self.report.skipped += 1
            done[key] = taxon
            return taxon

        for plan in self.ordered:
            place(plan)
        self.report.taxa_created += resolver.created

    def _complete(self, taxon: Taxon, plan: _Plan) -> bool:
        changed = []
        if not taxon.authorship and plan.name.authorship:
            taxon.authorship = plan.name.authorship
            changed.append("authorship")
        if plan.taxon_id and not taxon.taxon_id:
            if Taxon.objects.filter(taxon_id=plan.taxon_id).exclude(pk=taxon.pk).exists():
                self.report.note(
                    _("%(where)s: taxonID %(id)s already names another taxon; not kept.")
                    % {"where": plan.where, "id": plan.taxon_id}
                )
            else:
                taxon.taxon_id = plan.taxon_id[:200]
                changed.append("taxon_id")
        known = {(entry.get("name"), entry.get("language")) for entry in taxon.vernacular_names}
        for entry in plan.vernacular:
            language = entry["language"]
            if language in ("ja", "en") and not getattr(taxon, f"common_name_{language}"):
                setattr(taxon, f"common_name_{language}", entry["name"])
                changed.append(f"common_name_{language}")
            elif (entry["name"], language) not in known:
                taxon.vernacular_names = [*taxon.vernacular_names, entry]
                known.add((entry["name"], language))
                changed.append("vernacular_names")
        if changed:
            taxon.save()
        return bool(changed)
