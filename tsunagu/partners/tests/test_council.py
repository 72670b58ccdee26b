import datetime

import pytest
from django.urls import reverse

from tsunagu.partners.models import CouncilMember, CouncilPosition

pytestmark = pytest.mark.django_db


def seat(name, position, start, end=None, order=0):
    return CouncilMember.objects.create(
        person_name=name,
        person_name_ja=name,
        position=position,
        term_start=start,
        term_end=end,
        order=order,
    )


def test_council_page_lists_current_members_in_order_and_former_apart(client):
    seat("市長 太郎", CouncilPosition.CHAIR, datetime.date(2024, 4, 1), order=0)
    seat("副 花子", CouncilPosition.DEPUTY_CHAIR, datetime.date(2024, 4, 1), order=1)
    seat("元 委員", CouncilPosition.MEMBER, datetime.date(2019, 4, 1), datetime.date(2021, 3, 31))
    html = client.get(reverse("partners:council")).content.decode()
    current = html.split('data-testid="council"')[1].split("</table>")[0]
    assert current.index("市長 太郎") < current.index("副 花子")
    assert "会長" in current or "Chair" in current
    assert "元 委員" not in current
    assert "元 委員" in html  # under former members


def test_term_cannot_end_before_it_starts(db):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        seat("逆", CouncilPosition.MEMBER, datetime.date(2024, 4, 1), datetime.date(2023, 1, 1))


def test_terms_and_privacy_pages_are_linked_from_the_application(client):
    form = client.get(reverse("partners:partner_apply")).content.decode()
    assert reverse("web:terms") in form
    assert reverse("web:privacy") in form
    assert client.get(reverse("web:terms")).status_code == 200
    assert client.get("/en" + reverse("web:privacy")).status_code == 200
