"""A person with distinctive personal values and records of many kinds, for the download,
deletion and leak tests. Every value is unusual enough that finding it anywhere is a leak."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from tsunagu.accounts.models import ApiToken, ReviewAssignment, User
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.crafts.models import ContactMessage
from tsunagu.events.models import RegistrationStatus
from tsunagu.events.tests.factories import EventFactory, RegistrationFactory
from tsunagu.experiences.models import Booking, WaitlistEntry
from tsunagu.experiences.tests.factories import SlotFactory
from tsunagu.nature.models import Identification, QualityGrade
from tsunagu.nature.tests.factories import ObservationFactory, TaxonFactory
from tsunagu.nature.tests.factories_campaigns import CampaignFactory, ParticipantFactory
from tsunagu.programmes.models import Application, ApplicationDocument
from tsunagu.programmes.tests.factories import CallFactory
from tsunagu.projects.tests.factories import PartnerFactory
from tsunagu.tourism_grants.models import ApplicationDocument as GrantDocument
from tsunagu.tourism_grants.tests.factories import GrantCallFactory, SubmittedApplicationFactory

DISPLAY_NAME = "Tsubasa Seedname"
REAL_NAME = "平川翼 Realseed"
EMAIL = "tsubasa.seed@privacy-seed.example"
PHONE = "076-555-0199"
NOTES = "Seednotes in my home garden"
NEEDS = "Seedneeds wheelchair and hearing loop"
STATEMENT = "Seedstatement about my family"
MESSAGE = "Seedmessage please call me back"
PDF = b"%PDF-1.4\n% seed document\n%%EOF\n"

SEEDED_VALUES = (DISPLAY_NAME, REAL_NAME, EMAIL, PHONE, NOTES, NEEDS, STATEMENT, MESSAGE)


@dataclass
class Seeded:
    user: User
    observation: object
    past_registration: object
    future_registration: object
    past_booking: Booking
    future_booking: Booking
    waitlist_entry: WaitlistEntry
    programme_application: Application
    grant_draft: object
    grant_submitted: object
    partner: object


def _booking(slot, user, **fields) -> Booking:
    return Booking.objects.create(
        slot=slot,
        user=user,
        name=REAL_NAME,
        email=EMAIL,
        participants=2,
        language="ja",
        needs=NEEDS,
        amount_due=7000,
        **fields,
    )


def person_with_data(user: User | None = None) -> Seeded:
    user = user or UserFactory(email=EMAIL, full_name=DISPLAY_NAME)
    now = timezone.now()
    organisation = OrganisationFactory()
    user.organisations.add(organisation)
    ApiToken.objects.create_for(user, "seed script")

    past_event = EventFactory(starts_at=now - timedelta(days=30))
    past_registration = RegistrationFactory(
        event=past_event, user=user, name=REAL_NAME, email=EMAIL, checked_in_at=now
    )
    future_registration = RegistrationFactory(user=user, name=REAL_NAME, email=EMAIL)
    RegistrationFactory(event=past_event, status=RegistrationStatus.CONFIRMED)  # someone else

    past_booking = _booking(SlotFactory(start=now - timedelta(days=10)), user)
    future_booking = _booking(SlotFactory(), user)
    waitlist_entry = WaitlistEntry.objects.create(
        slot=SlotFactory(),
        user=user,
        name=REAL_NAME,
        email=EMAIL,
        participants=1,
        language="ja",
        needs=NEEDS,
    )

    taxon = TaxonFactory()
    observation = ObservationFactory(observer=user, taxon=taxon, notes=NOTES)
    observation.recorded_by = DISPLAY_NAME  # as observation_create stores it
    observation.quality_grade = QualityGrade.RESEARCH
    observation.save(update_fields=["recorded_by", "quality_grade"])
    Identification.objects.create(observation=observation, user=user, taxon=taxon, comment=NOTES)
    ParticipantFactory(campaign=CampaignFactory(), user=user, name=REAL_NAME)

    ContactMessage.objects.create(
        workshop=future_booking.slot.experience.workshop,
        sender=user,
        name=REAL_NAME,
        email=EMAIL,
        message=MESSAGE,
    )

    programme_application = Application.objects.create(
        call=CallFactory(),
        applicant=user,
        full_name=REAL_NAME,
        date_of_birth="1990-07-15",
        statement=STATEMENT,
        answers={"workshop": NOTES},
    )
    document = ApplicationDocument(
        application=programme_application,
        original_name="portfolio.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )
    document.file.save("portfolio.pdf", ContentFile(PDF), save=True)

    call = GrantCallFactory(description_ja="説明", description_en="About")
    grant_draft = SubmittedApplicationFactory(
        call=call, applicant=user, status="draft", submitted_at=None, description=STATEMENT
    )
    grant_submitted = SubmittedApplicationFactory(call=call, applicant=user, description=STATEMENT)
    for application in (grant_draft, grant_submitted):
        grant_document = GrantDocument(
            application=application, original_name="plan.pdf", content_type="application/pdf"
        )
        grant_document.file.save("plan.pdf", ContentFile(PDF), save=True)

    partner = PartnerFactory(contact_name=REAL_NAME, contact_email=EMAIL, contact_phone=PHONE)
    assessor = UserFactory()
    ReviewAssignment.objects.create(
        reviewer=assessor,
        content_type=ContentType.objects.get_for_model(Application),
        object_id=programme_application.pk,
    )
    return Seeded(
        user=user,
        observation=observation,
        past_registration=past_registration,
        future_registration=future_registration,
        past_booking=past_booking,
        future_booking=future_booking,
        waitlist_entry=waitlist_entry,
        programme_application=programme_application,
        grant_draft=grant_draft,
        grant_submitted=grant_submitted,
        partner=partner,
    )
