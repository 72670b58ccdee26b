"""Keep the role groups and their model permissions in step with the code after each migrate."""

from django.contrib.auth.models import Group, Permission

from tsunagu.accounts.roles import GROUP_ROLES, Role

# Model permissions of city staff in the admin; object-level rules live in policy.py.
CITY_STAFF_PERMISSIONS = {
    "core": {
        "localtarget": ("view", "add", "change", "delete"),
        "area": ("view", "add", "change"),
        "cityprofile": ("view", "change"),
        "cityfact": ("view", "add", "change", "delete"),
        "goal": ("view",),
        "target": ("view",),
    },
    "indicators": {
        "indicator": ("view", "add", "change"),
        "compositeindicator": ("view", "add", "change"),
        "statistic": ("view", "change"),
    },
    "partners": {
        "partner": ("view", "change"),
        "councilmember": ("view", "add", "change", "delete"),
        "introductionrequest": ("view", "change"),
    },
    "events": {
        "eventseries": ("view", "add", "change"),
        "event": ("view", "add", "change"),
        "question": ("view", "add", "change", "delete"),
        "registration": ("view",),
        "invitation": ("view",),
        "minutes": ("view",),
        "minutesrevision": ("view",),
    },
    "projects": {
        "project": ("view", "add", "change", "delete"),
        "deliverable": ("view", "add", "change", "delete"),
        "resource": ("view", "add", "change", "delete"),
        "progressreport": ("view", "change"),
    },
    "nature": {
        "taxon": ("view", "add", "change"),
        "observation": ("view", "change"),
        "identification": ("view",),
        "flag": ("view", "change"),
        "campaign": ("view", "add", "change"),
        "site": ("view", "add", "change", "delete"),
        "campaignparticipant": ("view",),
        "visit": ("view", "change"),
        "darwincoreimport": ("view",),
    },
    "biocultural": {
        "culturalelement": ("view", "add", "change", "delete"),
        "link": ("view", "add", "change", "delete"),
        "source": ("view", "add", "change", "delete"),
        "place": ("view", "add", "change"),
        "material": ("view", "add", "change"),
        "ecosystemservice": ("view",),
    },
    "biodiversity_index": {
        "indicator": ("view",),
        "assessment": ("view", "add", "change"),
        "indicatorscore": ("view", "add", "change"),
    },
    "crafts": {
        "craft": ("view", "add", "change"),
        "craftsource": ("view", "add", "change", "delete"),
        "craftmaterial": ("view", "add", "change", "delete"),
        "craftimage": ("view", "add", "change", "delete"),
        "workshop": ("view", "add", "change"),
        "openinghours": ("view", "add", "change", "delete"),
        "artisan": ("view", "add", "change"),
        "contactmessage": ("view",),
    },
    "tourism": {
        "scheme": ("view", "add", "change"),
        "schemeversion": ("view", "add", "change"),
        "indicator": ("view", "add", "change", "delete"),
        "item": ("view", "add", "change", "delete"),
        "operator": ("view", "add", "change"),
        "tourproduct": ("view", "add", "change", "delete"),
        "conflictofinterest": ("view", "add", "delete"),
        "application": ("view",),
        "certificate": ("view",),
    },
    "accounts": {
        "organisation": ("view", "add", "change"),
        "membership": ("view", "add", "change", "delete"),
        "reviewassignment": ("view", "add", "change", "delete"),
        "user": ("view",),
    },
}


def role_groups_sync(sender, **kwargs) -> None:
    for role in GROUP_ROLES:
        Group.objects.get_or_create(name=role.value)
    staff = Group.objects.get(name=Role.CITY_STAFF.value)
    wanted = [
        (app, f"{action}_{model}")
        for app, models in CITY_STAFF_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = [
        p
        for p in Permission.objects.select_related("content_type")
        if (p.content_type.app_label, p.codename) in wanted
    ]
    staff.permissions.add(*permissions)
