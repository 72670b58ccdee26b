"""Demo partners: the three secretariat organisations as active partners (labelled demo)."""

from django.db import transaction

from tsunagu.accounts.models import Organisation
from tsunagu.partners.models import Partner, PartnerSize, PartnerStatus

OFFERS = {
    "kanazawa-city": ("会場と広報の協力", "参加する市民団体"),
    "unu-ias-ouik": ("生物文化多様性の調査手法と対話の場づくり", "調査に参加する市民と学校"),
    "jc-kanazawa": ("若手経営者のネットワーク", "SDGsの事業アイデア"),
}


@transaction.atomic
def load() -> None:
    for slug, (offers, needs) in OFFERS.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        Partner.objects.update_or_create(
            organisation=organisation,
            defaults={
                "status": PartnerStatus.ACTIVE,
                "size": PartnerSize.LARGE,
                "offers": offers,
                "needs": needs,
                "contact_name": "デモ担当",
                "contact_email": f"{slug}@example.org",
            },
        )
