"""Who may protect their account with a second step: people who can change or judge what the
platform publishes (city staff, administrators, admin-site users, assessors)."""

from tsunagu.accounts.policy import is_assessor, is_city_staff


def two_factor_allowed(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or is_city_staff(user) or is_assessor(user))
    )
