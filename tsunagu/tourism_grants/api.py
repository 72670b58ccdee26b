"""Grant calls and the awards made (public): no applicant's personal data."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from tsunagu.core.api_common import ApiErrorOut
from tsunagu.tourism_grants import selectors
from tsunagu.tourism_grants.models import GrantCall

router = Router(tags=["tourism_grants"])


class CriterionOut(Schema):
    name_ja: str
    name_en: str | None
    weight: int
    max_score: int


class CallOut(Schema):
    slug: str
    title_ja: str
    title_en: str | None
    # Optional in the model: a call may be published without a description in either language.
    description_ja: str | None
    description_en: str | None
    opens_at: datetime
    deadline: datetime
    budget_yen: int
    max_award_yen: int
    committed_yen: int
    remaining_yen: int
    is_open: bool
    is_demo: bool
    criteria: list[CriterionOut]


class AwardOut(Schema):
    call: str
    project_title: str
    recipient_organisation: str | None
    amount_yen: int
    paid_yen: int
    payment_status: str
    is_demo: bool


def _call_out(call: GrantCall) -> dict:
    return {
        **{field: getattr(call, field) for field in CallOut.model_fields if hasattr(call, field)},
        "is_open": call.is_open(),
        "criteria": list(call.criteria.all()),
    }


@router.get("/calls", response=list[CallOut])
def calls(request):
    return [_call_out(call) for call in selectors.call_list().prefetch_related("criteria")]


@router.get("/calls/{slug}", response=CallOut)
def call(request, slug: str):
    return _call_out(get_object_or_404(GrantCall, slug=slug))


@router.get("/awards", response={200: list[AwardOut], 404: ApiErrorOut})
def awards(request, call: str | None = None):
    selected = get_object_or_404(GrantCall, slug=call) if call else None
    return [
        {
            "call": award.application.call.slug,
            "project_title": award.application.project_title,
            "recipient_organisation": (
                award.application.organisation.name if award.application.organisation else None
            ),
            "amount_yen": award.amount_yen,
            "paid_yen": award.paid_yen,
            "payment_status": award.payment_status,
            "is_demo": award.application.call.is_demo,
        }
        for award in selectors.award_list_public(selected)
    ]
