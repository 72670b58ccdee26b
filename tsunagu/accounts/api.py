from django.http import HttpRequest
from ninja import Router, Schema

from tsunagu.accounts.api_auth import SESSION_OR_TOKEN
from tsunagu.accounts.policy import organisation_ids, user_roles

router = Router(tags=["accounts"])


class MeOut(Schema):
    email: str
    full_name: str
    roles: list[str]
    organisation_ids: list[int]


@router.get("/me", response=MeOut, auth=SESSION_OR_TOKEN)
def me(request: HttpRequest):
    user = request.auth
    return {
        "email": user.email,
        "full_name": user.full_name,
        "roles": [role.value for role in user_roles(user)],
        "organisation_ids": sorted(organisation_ids(user)),
    }
