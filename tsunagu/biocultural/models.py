"""Nature and culture: the biocultural graph of the Ishikawa–Kanazawa region.

The graph is generic: every edge comes from a `Link` row, which always names a cultural
element and at least one of an ecosystem service, a taxon, a habitat or material, and a place.
Read a link as the chain element → service → taxon → habitat/material → place (absent nodes
are skipped); the graph page and API draw consecutive pairs of that chain as edges.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tsunagu.core.images import ReencodedImageField
from tsunagu.core.points import optional_point_clean, optional_point_constraint


class Vocabulary(models.TextChoices):
    CICES = "cices", _("CICES V5.1")
    NCP = "ncp", _("IPBES nature's contributions to people")


class ServiceSection(models.TextChoices):
    PROVISIONING = "provisioning", _("Provisioning")
    REGULATION = "regulation", _("Regulation and maintenance")
    CULTURAL = "cultural", _("Cultural")
    # IPBES groups its 18 contributions into material, non-material and regulating ones.
    MATERIAL = "material", _("Material")
    NON_MATERIAL = "non_material", _("Non-material")


class EcosystemService(models.Model):
    """A class of a standard vocabulary: a CICES V5.1 class or an IPBES NCP category."""

    vocabulary = models.CharField(_("vocabulary"), max_length=8, choices=Vocabulary.choices)
    code = models.CharField(_("code"), max_length=12)
    section = models.CharField(_("section"), max_length=16, choices=ServiceSection.choices)
    name = models.CharField(_("name"), max_length=300)
    # NCP codes are numbers 1–18: sort by this, not by the code text.
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["vocabulary", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["vocabulary", "code"], name="biocultural_service_unique_code"
            )
        ]
        verbose_name = _("ecosystem service")
        verbose_name_plural = _("ecosystem services")

    def __str__(self) -> str:
        prefix = "NCP " if self.vocabulary == Vocabulary.NCP else "CICES "
        return f"{prefix}{self.code} {self.name}"

    @property
    def label(self) -> str:
        return str(self)


class PlaceKind(models.TextChoices):
    REGION = "region", _("Region")
    CITY = "city", _("City or town")
    DISTRICT = "district", _("District")
    RIVER = "river", _("River")
    GARDEN = "garden", _("Garden")
    MOUNTAIN = "mountain", _("Mountain or forest")
    SEA = "sea", _("Sea or coast")


class Place(models.Model):
    """A place of the biocultural region. Rivers, gardens and mountains are not administrative
    areas, so this is our own model; `area` points to the matching core area where there is one
    (e.g. the city of Kanazawa)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=PlaceKind.choices)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("within"),
    )
    area = models.ForeignKey(
        "core.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="biocultural_places",
        verbose_name=_("area"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name


class MaterialKind(models.TextChoices):
    HABITAT = "habitat", _("Habitat")
    MATERIAL = "material", _("Material")
    BIOTA = "biota", _("Group of living things")


class Material(models.Model):
    """A habitat (a forested catchment, rice paddies), a material (straw rope, diatomaceous
    earth) or a group of living things (the local flora) that is not a single taxon."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=MaterialKind.choices)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("habitat or material")
        verbose_name_plural = _("habitats and materials")

    def __str__(self) -> str:
        return self.name


class ElementKind(models.TextChoices):
    CRAFT = "craft", _("Craft")
    FOOD = "food", _("Dish or food")
    BUILDING = "building", _("Building practice")
    GARDEN = "garden", _("Garden")
    FESTIVAL = "festival", _("Festival or ritual")


class CulturalElement(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ElementKind.choices)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    area = models.ForeignKey(
        "core.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cultural_elements",
        verbose_name=_("area"),
    )
    image = ReencodedImageField(_("image"), upload_to="biocultural/", blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Shown with a 'demo content' label: an example, not curated content."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind", "slug"]
        constraints = [optional_point_constraint("biocultural_element_lat_lon_valid")]
        verbose_name = _("cultural element")
        verbose_name_plural = _("cultural elements")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("biocultural:element_detail", args=[self.slug])

    def clean(self) -> None:
        optional_point_clean(self)
        if self.image and not self.image_credit:
            raise ValidationError({"image_credit": _("An image needs its credit.")})


class Source(models.Model):
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("URL"), max_length=500, unique=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class Link(models.Model):
    """One explained connection between a cultural element and the nature it depends on."""

    element = models.ForeignKey(
        CulturalElement,
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name=_("cultural element"),
    )
    service = models.ForeignKey(
        EcosystemService,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="links",
        verbose_name=_("ecosystem service"),
    )
    taxon = models.ForeignKey(
        "nature.Taxon",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="biocultural_links",
        verbose_name=_("taxon"),
    )
    material = models.ForeignKey(
        Material,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="links",
        verbose_name=_("habitat or material"),
    )
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="links",
        verbose_name=_("place"),
    )
    explanation = models.TextField(_("explanation"))
    sources = models.ManyToManyField(
        Source, blank=True, related_name="links", verbose_name=_("sources")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["element", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False)
                | Q(taxon__isnull=False)
                | Q(material__isnull=False)
                | Q(place__isnull=False),
                name="biocultural_link_has_a_node",
            )
        ]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return " – ".join(str(node) for node in self.chain())

    def chain(self) -> list:
        """The link's nodes in reading order, absent ones skipped."""
        return [
            node
            for node in (self.element, self.service, self.taxon, self.material, self.place)
            if node is not None
        ]

    def clean(self) -> None:
        if not (self.service_id or self.taxon_id or self.material_id or self.place_id):
            raise ValidationError(
                _("A link needs an ecosystem service, a taxon, a habitat or material, or a place.")
            )
