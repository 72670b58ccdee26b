from django.conf import settings

from tsunagu.accounts.policy import is_city_staff
from tsunagu.web.modules import MODULES


def site(request):
    user = getattr(request, "user", None)
    return {
        "modules": MODULES,
        "city_code": settings.TSUNAGU_CITY_CODE,
        "user_is_city_staff": bool(user and is_city_staff(user)),
    }
