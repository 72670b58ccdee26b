from django import template

from tsunagu.mfa.policy import two_factor_allowed

register = template.Library()


@register.filter
def may_use_two_step(user) -> bool:
    return two_factor_allowed(user)
