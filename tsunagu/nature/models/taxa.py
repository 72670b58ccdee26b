"""Species and the taxonomic tree they hang in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxonRank(models.TextChoices):
    KINGDOM = "kingdom", _("Kingdom")
    PHYLUM = "phylum", _("Phylum")
    CLASS = "class", _("Class")
    ORDER = "order", _("Order")
    FAMILY = "family", _("Family")
    GENUS = "genus", _("Genus")
    SPECIES = "species", _("Species")
    SUBSPECIES = "subspecies", _("Subspecies")
    VARIETY = "variety", _("Variety")


# iNaturalist's rank levels: smaller is finer. Species and below count as "species rank or lower".
RANK_LEVELS = {
    TaxonRank.KINGDOM: 70,
    TaxonRank.PHYLUM: 60,
    TaxonRank.CLASS: 50,
    TaxonRank.ORDER: 40,
    TaxonRank.FAMILY: 30,
    TaxonRank.GENUS: 20,
    TaxonRank.SPECIES: 10,
    TaxonRank.SUBSPECIES: 5,
    TaxonRank.VARIETY: 5,
}
SPECIES_RANK_LEVEL = 10


class RedListCategory(models.TextChoices):
    """Japan Ministry of the Environment Red List categories (also used by Ishikawa)."""

    EXTINCT = "EX", _("Extinct (絶滅)")
    EXTINCT_IN_THE_WILD = "EW", _("Extinct in the wild (野生絶滅)")
    CRITICALLY_ENDANGERED = "CR", _("Critically endangered, IA (絶滅危惧IA類)")
    ENDANGERED = "EN", _("Endangered, IB (絶滅危惧IB類)")
    THREATENED_I = "CR+EN", _("Threatened, class I (絶滅危惧I類)")
    VULNERABLE = "VU", _("Vulnerable, class II (絶滅危惧II類)")
    NEAR_THREATENED = "NT", _("Near threatened (準絶滅危惧)")
    DATA_DEFICIENT = "DD", _("Data deficient (情報不足)")
    LOCAL_POPULATION = "LP", _("Threatened local population (絶滅のおそれのある地域個体群)")


THREATENED_CATEGORIES = frozenset(
    {
        RedListCategory.CRITICALLY_ENDANGERED,
        RedListCategory.ENDANGERED,
        RedListCategory.THREATENED_I,
        RedListCategory.VULNERABLE,
    }
)


class Establishment(models.TextChoices):
    NATIVE = "native", _("Native")
    INTRODUCED = "introduced", _("Introduced")
    INVASIVE = "invasive", _("Invasive")
    UNKNOWN = "unknown", _("Unknown")


class Taxon(models.Model):
    scientific_name = models.CharField(_("scientific name"), max_length=200, db_index=True)
    authorship = models.CharField(_("authorship"), max_length=200, blank=True)
    rank = models.CharField(_("rank"), max_length=12, choices=TaxonRank.choices)
    rank_level = models.PositiveSmallIntegerField(_("rank level"), editable=False)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    # "/1/7/42/": the pks of the ancestors and the taxon itself, so "this taxon or below" is
    # one indexed prefix match.
    ancestry = models.CharField(max_length=500, db_index=True, editable=False, default="")
    common_name = models.CharField(
        _("common name"), max_length=200, blank=True, help_text=_("和名 in Japanese.")
    )
    vernacular_names = models.JSONField(
        _("other vernacular names"),
        default=list,
        blank=True,
        help_text=_('A list of {"name": ..., "language": "ja"} entries.'),
    )
    red_list_national = models.CharField(
        _("national Red List (Ministry of the Environment)"),
        max_length=6,
        choices=RedListCategory.choices,
        blank=True,
    )
    red_list_ishikawa = models.CharField(
        _("Ishikawa Red List"), max_length=6, choices=RedListCategory.choices, blank=True
    )
    establishment = models.CharField(
        _("status in Japan"),
        max_length=12,
        choices=Establishment.choices,
        default=Establishment.UNKNOWN,
    )
    is_sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_("Public locations of its observations are generalised to a 0.2° cell."),
    )
    taxon_id = models.CharField(
        _("taxon ID (Darwin Core)"), max_length=200, unique=True, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scientific_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["scientific_name", "rank"], name="taxon_unique_name_rank"
            )
        ]
        verbose_name = _("taxon")
        verbose_name_plural = _("taxa")

    def __str__(self) -> str:
        return (
            f"{self.common_name} ({self.scientific_name})"
            if self.common_name
            else (self.scientific_name)
        )

    def save(self, *args, **kwargs) -> None:
        self.rank_level = RANK_LEVELS[TaxonRank(self.rank)]
        super().save(*args, **kwargs)
        ancestry = f"{self.parent.ancestry if self.parent_id else '/'}{self.pk}/"
        if ancestry != self.ancestry:
            old = self.ancestry
            self.ancestry = ancestry
            Taxon.objects.filter(pk=self.pk).update(ancestry=ancestry)
            if old:  # moved: carry the subtree along
                for child in Taxon.objects.filter(ancestry__startswith=old).exclude(pk=self.pk):
                    child.ancestry = ancestry + child.ancestry[len(old) :]
                    Taxon.objects.filter(pk=child.pk).update(ancestry=child.ancestry)

    @property
    def is_threatened(self) -> bool:
        return (
            self.red_list_national in THREATENED_CATEGORIES
            or self.red_list_ishikawa in THREATENED_CATEGORIES
        )

    @property
    def location_is_generalised(self) -> bool:
        """Observations of sensitive or threatened taxa show only a generalised location."""
        return self.is_sensitive or self.is_threatened

    @property
    def ancestor_ids(self) -> list[int]:
        """Root first, this taxon last."""
        return [int(part) for part in self.ancestry.strip("/").split("/") if part]
