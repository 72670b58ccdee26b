"""Seed the taxa the programme needs (taxa_data.py): run after every migrate and by the demo."""

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from tsunagu.nature.models import Taxon
from tsunagu.nature.taxa_data import HIGHER_TAXA, SPECIES

SEED_SOURCE = "Tsunagu seed"


def _upsert(*, name: str, rank: str, parent: Taxon | None, fields: dict) -> Taxon:
    taxon = Taxon.objects.filter(scientific_name=name, rank=rank).first()
    if taxon is None:
        taxon = Taxon(scientific_name=name, rank=rank, source=SEED_SOURCE)
    changed = taxon.pk is None or taxon.parent_id != (parent.pk if parent else None)
    taxon.parent = parent
    for field, value in fields.items():
        if getattr(taxon, field) != value:
            setattr(taxon, field, value)
            changed = True
    if changed:
        taxon.save()
    return taxon


@transaction.atomic
def taxa_seed() -> int:
    """Create or update every seeded taxon, keyed by (scientific name, rank). Returns how
    many taxa the seed holds."""
    by_name: dict[str, Taxon] = {}
    for name, rank, parent, authorship, ja, en in HIGHER_TAXA:
        by_name[name] = _upsert(
            name=name,
            rank=rank,
            parent=by_name[parent] if parent else None,
            fields={"authorship": authorship, "common_name_ja": ja, "common_name_en": en},
        )
    for row in SPECIES:
        name, rank, parent, authorship, ja, en, national, ishikawa, est, sensitive, others = row
        by_name[name] = _upsert(
            name=name,
            rank=rank,
            parent=by_name[parent],
            fields={
                "authorship": authorship,
                "common_name_ja": ja,
                "common_name_en": en,
                "red_list_national": national,
                "red_list_ishikawa": ishikawa,
                "establishment": est,
                "is_sensitive": sensitive,
                "vernacular_names": [{"name": other, "language": "ja"} for other in others],
            },
        )
    return len(by_name)


def taxa_seed_after_migrate(sender, **kwargs) -> None:
    """post_migrate handler: production databases get the seed too."""
    using = kwargs.get("using", DEFAULT_DB_ALIAS)
    # Nothing to seed when the nature tables were just migrated away (migrate nature zero).
    if Taxon._meta.db_table not in connections[using].introspection.table_names():
        return
    taxa_seed()
