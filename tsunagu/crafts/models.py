"""Crafts of the City of Crafts and Folk Art, the workshops that practise them and their
artisans. Names and descriptions are bilingual (django-modeltranslation adds `_ja`/`_en`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tsunagu.core.images import ReencodedImageField
from tsunagu.core.points import optional_point_clean, optional_point_constraint
from tsunagu.crafts.validators import craft_image_validate, languages_validate


class Designation(models.TextChoices):
    """Public designations of a craft (the METI one is national)."""

    NATIONAL = (
        "national",
        _(
            "Traditional craft designated by the Minister of Economy, Trade and Industry "
            "(伝統的工芸品)"
        ),
    )
    ISHIKAWA = "ishikawa", _("Traditional craft designated by Ishikawa Prefecture")
    ISHIKAWA_RARE = "ishikawa_rare", _("Rare traditional craft of Ishikawa Prefecture")


class Craft(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    techniques = models.TextField(_("techniques"), blank=True)
    history = models.TextField(_("history"), blank=True)
    # 伝統的工芸品 designated by the Minister of Economy, Trade and Industry; blank when not.
    meti_designation_year = models.PositiveSmallIntegerField(
        _("designated as a traditional craft (METI) in"), null=True, blank=True
    )
    designation = models.CharField(
        _("designation"),
        max_length=16,
        choices=Designation.choices,
        blank=True,
        help_text=_("Only a designation confirmed by the craft's sources; blank when unknown."),
    )
    cultural_element = models.ForeignKey(
        "biocultural.CulturalElement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crafts",
        verbose_name=_("element of the nature and culture graph"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("craft")
        verbose_name_plural = _("crafts")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("crafts:craft_detail", args=[self.slug])


class Workshop(models.Model):
    """A studio or workshop open to visitors. `managers` are the accounts that run it on the
    platform (its artisans' dashboard); their email is never shown."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    crafts = models.ManyToManyField(Craft, related_name="workshops", verbose_name=_("crafts"))
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="managed_workshops",
        verbose_name=_("managers"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    # Never shown on a page or in the API: the contact form writes to it and to the managers.
    contact_email = models.EmailField(
        _("contact email (never shown)"),
        blank=True,
        help_text=_("Receives the messages of the contact form, with the managers; never shown."),
    )
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        validators=[languages_validate],
        help_text=_('Language codes, e.g. ["ja", "en"].'),
    )
    step_free_access = models.BooleanField(_("step-free access"), null=True, blank=True)
    has_seating = models.BooleanField(_("seats for visitors"), null=True, blank=True)
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True, blank=True)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    opening_hours_notes = models.TextField(
        _("opening hours notes"), blank=True, help_text=_("Holidays, closures, reservations.")
    )

    class Meta:
        ordering = ["slug"]
        constraints = [optional_point_constraint("crafts_workshop_lat_lon_valid")]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("crafts:workshop_detail", args=[self.slug])

    def clean(self) -> None:
        optional_point_clean(self)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Artisan(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    biography = models.TextField(_("biography"), blank=True)
    workshop = models.ForeignKey(
        Workshop,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="artisans",
        verbose_name=_("workshop"),
    )
    crafts = models.ManyToManyField(Craft, related_name="artisans", verbose_name=_("crafts"))
    # 伝統工芸士, certified by the Association for the Promotion of Traditional Craft Industries.
    is_certified_traditional_craftsperson = models.BooleanField(
        _("certified traditional craftsperson (伝統工芸士)"), default=False
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="artisan",
        verbose_name=_("account"),
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    is_published = models.BooleanField(_("published"), default=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        validators=[languages_validate],
        help_text=_('Language codes, e.g. ["ja", "en"].'),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("artisan")
        verbose_name_plural = _("artisans")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("crafts:artisan_detail", args=[self.slug])


class CraftSource(models.Model):
    """Where a craft's facts (designation, history, figures) come from."""

    craft = models.ForeignKey(
        Craft, on_delete=models.CASCADE, related_name="sources", verbose_name=_("craft")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("URL"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["craft", "order", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class CraftMaterial(models.Model):
    """A material of a craft, linked to the nature it comes from: a taxon (urushi from
    Toxicodendron vernicifluum), a habitat or material of the biocultural graph (gold), and/or
    an ecosystem service (water)."""

    craft = models.ForeignKey(
        Craft, on_delete=models.CASCADE, related_name="materials", verbose_name=_("craft")
    )
    name = models.CharField(_("name"), max_length=120)
    note = models.TextField(_("note"), blank=True)
    taxon = models.ForeignKey(
        "nature.Taxon",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="craft_materials",
        verbose_name=_("taxon"),
    )
    material = models.ForeignKey(
        "biocultural.Material",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="craft_materials",
        verbose_name=_("habitat or material"),
    )
    service = models.ForeignKey(
        "biocultural.EcosystemService",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="craft_materials",
        verbose_name=_("ecosystem service"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["craft", "order", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.name


class CraftImage(models.Model):
    craft = models.ForeignKey(
        Craft, on_delete=models.CASCADE, related_name="images", verbose_name=_("craft")
    )
    image = ReencodedImageField(
        _("image"),
        upload_to="crafts/",
        validators=[craft_image_validate],
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    credit = models.CharField(_("credit"), max_length=200)
    licence = models.CharField(_("licence"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["craft", "order", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.caption or self.credit


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("workshop")
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        choices=Weekday.choices,
        validators=[MinValueValidator(0), MaxValueValidator(6)],
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["workshop", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="crafts_hours_close_after_open"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0) & Q(weekday__lte=6), name="crafts_hours_weekday"
            ),
        ]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError(_("The closing time must be after the opening time."))


class ContactMessage(models.Model):
    """A message sent to a workshop through the platform (kept for abuse handling)."""

    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.CASCADE,
        related_name="contact_messages",
        verbose_name=_("workshop"),
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_messages",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=8, default="ja")
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.workshop} ← {self.name}"
