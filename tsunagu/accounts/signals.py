"""Keep the role groups and their model permissions in step with the code after each migrate."""

from django.contrib.auth.models import Group, Permission

from tsunagu.accounts.roles import Role

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
    "accounts": {
        "organisation": ("view", "add", "change"),
        "membership": ("view", "add", "change", "delete"),
        "reviewassignment": ("view", "add", "change", "delete"),
        "user": ("view",),
    },
}


def role_groups_sync(sender, **kwargs) -> None:
    for role in (Role.CITY_STAFF, Role.ASSESSOR):
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
