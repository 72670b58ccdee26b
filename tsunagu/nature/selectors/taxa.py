"""Taxon reads: search (Japanese, English, scientific and vernacular names) and the taxon page."""

import json
import unicodedata

from django.db.models import Case, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Cast

from tsunagu.nature.models import Observation, QualityGrade, Taxon

NAME_FIELDS = ("common_name_ja", "common_name_en", "scientific_name")
_HIRAGANA = range(0x3041, 0x3097)  # ぁ..ゖ; katakana is 0x60 above
_KATAKANA = range(0x30A1, 0x30F7)


def normalise_query(text: str) -> str:
    """NFKC (half-width kana, full-width Latin) and hiragana as katakana: names are stored in
    katakana, people type either."""
    text = unicodedata.normalize("NFKC", text).strip()
    return "".join(chr(ord(c) + 0x60) if ord(c) in _HIRAGANA else c for c in text)


def _as_hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if ord(c) in _KATAKANA else c for c in text)


def _json_forms(text: str) -> set[str]:
    # JSON text differs by database: SQLite keeps json.dumps' \\uXXXX escapes, PostgreSQL's
    # jsonb prints the characters themselves. Match either.
    return {text, json.dumps(text)[1:-1]}


def taxon_search(query: str, limit: int = 10) -> list[Taxon]:
    """Exact name matches first, then names starting with the query, then names containing
    it; finer ranks before coarser ones within each group."""
    text = normalise_query(query)
    if not text:
        return []
    variants = {text, _as_hiragana(text), query.strip()}
    contains, prefix, exact = Q(), Q(), Q()
    for variant in variants:
        for field in NAME_FIELDS:
            contains |= Q(**{f"{field}__icontains": variant})
            prefix |= Q(**{f"{field}__istartswith": variant})
            exact |= Q(**{f"{field}__iexact": variant})
        for form in _json_forms(variant):
            contains |= Q(vernacular_text__icontains=form)
            prefix |= Q(vernacular_text__icontains=f'"name": "{form}')
            exact |= Q(vernacular_text__icontains=f'"name": "{form}"')
    return list(
        Taxon.objects.annotate(vernacular_text=Cast("vernacular_names", TextField()))
        .filter(contains)
        .annotate(
            match=Case(
                When(exact, then=Value(0)),
                When(prefix, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("match", "rank_level", "scientific_name")[:limit]
    )


def taxon_label(taxon: Taxon) -> str:
    label = str(taxon)
    if taxon.rank_level > 10:
        label = f"{label} · {taxon.get_rank_display()}"
    return label


def taxon_list(*, rank: str = "") -> QuerySet[Taxon]:
    taxa = Taxon.objects.all()
    if rank:
        taxa = taxa.filter(rank=rank)
    return taxa.order_by("rank_level", "scientific_name")


def taxon_ancestors(taxon: Taxon) -> list[Taxon]:
    """Root first, the taxon itself excluded."""
    ids = taxon.ancestor_ids[:-1]
    found = {t.pk: t for t in Taxon.objects.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def taxon_research_grade_count(taxon: Taxon) -> int:
    """Public research-grade observations of the taxon or anything below it."""
    return Observation.objects.filter(
        quality_grade=QualityGrade.RESEARCH,
        is_hidden=False,
        community_taxon__ancestry__startswith=taxon.ancestry,
    ).count()
