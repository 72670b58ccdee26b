"""Scientific names and the taxon tree for imported rows: read a name and its rank, then find
the taxon or create it under its higher classification (kingdom … genus)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tsunagu.nature.models import Taxon, TaxonRank

from . import terms

RANK_ALIASES = {
    "var": TaxonRank.VARIETY,
    "var.": TaxonRank.VARIETY,
    "varietas": TaxonRank.VARIETY,
    "subsp": TaxonRank.SUBSPECIES,
    "subsp.": TaxonRank.SUBSPECIES,
    "ssp": TaxonRank.SUBSPECIES,
    "ssp.": TaxonRank.SUBSPECIES,
    "infraspecies": TaxonRank.SUBSPECIES,
}
INFRA_MARKERS = {
    "var.": TaxonRank.VARIETY,
    "subsp.": TaxonRank.SUBSPECIES,
    "ssp.": TaxonRank.SUBSPECIES,
}
_EPITHET = re.compile(r"^[a-zà-ÿ][a-zà-ÿ-]+$")
# Coarsest first.
HIGHER = list(terms.HIGHER_RANKS)


@dataclass(frozen=True)
class Name:
    scientific_name: str
    authorship: str
    rank: str
    classification: tuple[tuple[str, str], ...]  # (rank, name), coarsest first


def _rank(value: str) -> str | None:
    value = value.strip().lower()
    if value in TaxonRank.values:
        return value
    return RANK_ALIASES.get(value)


def classification_of(values: dict[str, str], warnings: list[str], where: str) -> dict[str, str]:
    found = {}
    for rank in HIGHER:
        name = values.get(rank, "").strip()
        if not name:
            continue
        if rank == "kingdom" and name.lower() not in terms.KINGDOMS:
            warnings.append(
                _("%(where)s: kingdom “%(name)s” is not a recognised kingdom; ignored.")
                % {"where": where, "name": name}
            )
            continue
        found[rank] = name.split()[0]
    return found


def name_read(values: dict[str, str], where: str, warnings: list[str]) -> Name | None:
    """The taxon a row names, or None when it names none. Raises ValueError with a message
    when the name cannot be read."""
    classification = classification_of(values, warnings, where)
    raw = " ".join(values.get("scientificName", "").split())
    authorship = values.get("scientificNameAuthorship", "").strip()
    given_rank = values.get("taxonRank", "").strip()
    rank = _rank(given_rank) if given_rank else None
    if given_rank and rank is None:
        raise ValueError(
            _("%(where)s: taxon rank “%(rank)s” is not supported (kingdom to variety).")
            % {"where": where, "rank": given_rank}
        )
    if not raw:
        epithet = values.get("specificEpithet", "").strip()
        if classification.get("genus") and _EPITHET.match(epithet or ""):
            raw, rank = f"{classification['genus']} {epithet}", TaxonRank.SPECIES
        else:
            # A row naming only its classification stands for its finest rank.
            for level in reversed(HIGHER):
                if level in classification:
                    raw, rank = classification[level], level
                    break
            else:
                return None
    tokens = raw.split()
    tokens[0] = tokens[0][:1].upper() + tokens[0][1:]
    canonical_length = 1
    if len(tokens) > 1 and _EPITHET.match(tokens[1]):
        canonical_length = 2
        inferred = TaxonRank.SPECIES
        if len(tokens) > 3 and tokens[2].lower() in INFRA_MARKERS and _EPITHET.match(tokens[3]):
            canonical_length, inferred = 4, INFRA_MARKERS[tokens[2].lower()]
        elif len(tokens) > 2 and _EPITHET.match(tokens[2]):
            canonical_length, inferred = 3, TaxonRank.SUBSPECIES
        if rank is None:
            rank = inferred
    if rank is None:
        matches = [level for level in HIGHER if classification.get(level) == tokens[0]]
        if not matches:
            raise ValueError(
                _("%(where)s: cannot tell the rank of “%(name)s”: give taxonRank.")
                % {"where": where, "name": raw}
            )
        rank = matches[-1]
    level_of_name = 1 if rank in HIGHER else 2 if rank == TaxonRank.SPECIES else None
    if level_of_name is not None and canonical_length < level_of_name:
        raise ValueError(
            _("%(where)s: “%(name)s” is not a %(rank)s name.")
            % {"where": where, "name": raw, "rank": rank}
        )
    if level_of_name is not None:
        canonical_length = level_of_name
    elif canonical_length < 3:
        raise ValueError(
            _("%(where)s: “%(name)s” is not a %(rank)s name.")
            % {"where": where, "name": raw, "rank": rank}
        )
    canonical = " ".join(tokens[:canonical_length])
    rest = " ".join(tokens[canonical_length:])
    return Name(
        scientific_name=canonical[:200],
        authorship=(authorship or rest)[:200],
        rank=rank,
        classification=tuple(
            (level, classification[level]) for level in HIGHER if level in classification
        ),
    )


class TaxonResolver:
    """Finds taxa by (scientific name, rank) and creates the missing ones with their
    ancestors. An existing taxon keeps its place in the tree: imported classifications
    disagree with one another more often than the seed is wrong."""

    def __init__(self, source: str):
        self.source = source[:200]
        self.created = 0
        self._cache: dict[tuple[str, str], Taxon] = {}

    def find(self, scientific_name: str, rank: str) -> Taxon | None:
        key = (scientific_name, rank)
        if key not in self._cache:
            taxon = Taxon.objects.filter(scientific_name=scientific_name, rank=rank).first()
            if taxon is None:
                return None
            self._cache[key] = taxon
        return self._cache[key]

    def resolve(self, name: Name, parent: Taxon | None = None) -> Taxon:
        existing = self.find(name.scientific_name, name.rank)
        if existing is not None:
            return existing
        if parent is None:
            parent = self._parent(name)
        taxon = Taxon.objects.create(
            scientific_name=name.scientific_name,
            authorship=name.authorship,
            rank=name.rank,
            parent=parent,
            source=self.source,
        )
        self.created += 1
        self._cache[(name.scientific_name, name.rank)] = taxon
        return taxon

    def _parent(self, name: Name) -> Taxon | None:
        words = name.scientific_name.split()
        above = dict(name.classification)
        if name.rank in (TaxonRank.SUBSPECIES, TaxonRank.VARIETY):
            species = Name(" ".join(words[:2]), "", TaxonRank.SPECIES, name.classification)
            return self.resolve(species)
        if name.rank == TaxonRank.SPECIES:
            genus = Name(words[0], "", TaxonRank.GENUS, name.classification)
            return self.resolve(genus)
        coarser = HIGHER[: HIGHER.index(name.rank)] if name.rank in HIGHER else []
        for level in reversed(coarser):
            if level in above:
                higher = tuple((r, n) for r, n in name.classification if r in coarser)
                return self.resolve(Name(above[level], "", level, higher))
        return None
