"""The platform's roles. Administrator is a superuser; city staff and assessor are groups;
partner member is membership of an organisation; everyone else is the anonymous public."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    CITY_STAFF = "city_staff", _("City staff (editor)")
    PARTNER_MEMBER = "partner_member", _("Partner member")
    ASSESSOR = "assessor", _("Assessor")
    EXPERT_IDENTIFIER = "expert_identifier", _("Expert identifier")
    TRUSTED_RESEARCHER = "trusted_researcher", _("Trusted researcher")


# Groups that carry a role; created by a data migration.
GROUP_ROLES = (Role.CITY_STAFF, Role.ASSESSOR, Role.EXPERT_IDENTIFIER, Role.TRUSTED_RESEARCHER)
