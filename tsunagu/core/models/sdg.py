"""The SDG framework: 17 goals, 169 targets, the city's local targets, and links from any model."""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tsunagu.core.sdg_codes import target_position


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Goal(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    short_title = models.CharField(_("short title"), max_length=120)
    title = models.TextField(_("title"))
    colour = models.CharField(_("official colour"), max_length=7)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title}"

    @property
    def code(self) -> str:
        return str(self.number)


class Target(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="targets")
    title = models.TextField(_("title"))
    # Integer order so that 6.9 sorts before 6.a in SQL as well as in Python.
    position = models.PositiveIntegerField(editable=False, db_index=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code

    def save(self, *args, **kwargs) -> None:
        self.position = target_position(self.code)
        super().save(*args, **kwargs)


class LocalTarget(models.Model):
    """A target the city sets under an SDG target (CONSUL's local targets): code <target>.<n>."""

    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="local_targets")
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Shown with a 'demo content' label: not taken from an official source."),
    )
    position = models.PositiveIntegerField(editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["target", "number"], name="local_target_unique_number"),
        ]
        verbose_name = _("local target")
        verbose_name_plural = _("local targets")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.code = f"{self.target.code}.{self.number}"
        self.position = self.target.position
        super().save(*args, **kwargs)

    @property
    def goal(self) -> Goal:
        return self.target.goal

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED


class SdgRelation(models.Model):
    """Links any object to exactly one goal, target or local target (one generic relation)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE)
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE)
    local_target = models.ForeignKey(LocalTarget, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                name="sdg_relation_exactly_one",
                condition=(
                    Q(goal__isnull=False, target__isnull=True, local_target__isnull=True)
                    | Q(goal__isnull=True, target__isnull=False, local_target__isnull=True)
                    | Q(goal__isnull=True, target__isnull=True, local_target__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "goal"],
                condition=Q(goal__isnull=False),
                name="sdg_relation_unique_goal",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "target"],
                condition=Q(target__isnull=False),
                name="sdg_relation_unique_target",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "local_target"],
                condition=Q(local_target__isnull=False),
                name="sdg_relation_unique_local_target",
            ),
        ]

    def __str__(self) -> str:
        related = self.local_target or self.target or self.goal
        return f"{self.content_type.model} #{self.object_id} → {related}"


class SdgRelatedModel(models.Model):
    """Abstract base for models that can be tagged with goals, targets and local targets."""

    sdg_relations = GenericRelation(SdgRelation)

    class Meta:
        abstract = True

    @property
    def sdg_goals(self) -> models.QuerySet[Goal]:
        return Goal.objects.filter(sdgrelation__in=self.sdg_relations.all()).distinct()

    @property
    def sdg_targets(self) -> models.QuerySet[Target]:
        return Target.objects.filter(sdgrelation__in=self.sdg_relations.all()).distinct()

    @property
    def sdg_local_targets(self) -> models.QuerySet[LocalTarget]:
        return LocalTarget.objects.filter(sdgrelation__in=self.sdg_relations.all()).distinct()
