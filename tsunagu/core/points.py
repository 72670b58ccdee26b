"""An optional map point on a model (`latitude`, `longitude`): both or neither, in range."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

BOTH_OR_NEITHER = _("Give both latitude and longitude, or neither.")


def optional_point_constraint(name: str) -> models.CheckConstraint:
    """Database check: no point, or a point with both coordinates within WGS84 ranges."""
    return models.CheckConstraint(
        condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
        | (
            Q(latitude__gte=-90)
            & Q(latitude__lte=90)
            & Q(longitude__gte=-180)
            & Q(longitude__lte=180)
        ),
        name=name,
    )


def optional_point_clean(instance) -> None:
    """Form-level message for the half-given point the constraint would refuse."""
    if (instance.latitude is None) != (instance.longitude is None):
        raise ValidationError(BOTH_OR_NEITHER)
