"""Who may see and do what with observations (the accounts policy decides the roles)."""

from tsunagu.accounts.policy import _in_group, is_city_staff
from tsunagu.accounts.roles import Role


def is_observer(user, observation) -> bool:
    return bool(user.is_authenticated and user.is_active and observation.observer_id == user.pk)


def is_trusted_researcher(user) -> bool:
    return _in_group(user, Role.TRUSTED_RESEARCHER)


def is_expert_identifier(user) -> bool:
    return _in_group(user, Role.EXPERT_IDENTIFIER)


def can_see_true_location(user, observation) -> bool:
    return is_observer(user, observation) or is_city_staff(user) or is_trusted_researcher(user)


def can_view_observation(user, observation) -> bool:
    """Hidden (upheld flag) observations stay visible to their observer and to staff."""
    return not observation.is_hidden or is_observer(user, observation) or is_city_staff(user)


def can_submit(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_identify(user, observation) -> bool:
    return can_submit(user) and can_view_observation(user, observation)


def can_flag(user, observation) -> bool:
    return can_submit(user) and can_view_observation(user, observation)


def can_moderate(user) -> bool:
    return is_city_staff(user)
