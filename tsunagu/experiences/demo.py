"""Demo content: experiences at the crafts app's demo workshops, their sessions for the next
60 days and a few bookings. Everything is invented and flagged is_demo / "(demo)"."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tsunagu.crafts.models import Workshop
from tsunagu.experiences.models import Booking, Experience, Schedule, Slot, SlotStatus
from tsunagu.experiences.services import slots_generate
from tsunagu.experiences.services.seats import seats_take

GOLD_LEAF_WORKSHOP = "demo-gold-leaf-studio"
GOLD_LEAF_SLUG = "demo-gold-leaf-lacquer-tray"
YUZEN_SLUG = "demo-kaga-yuzen-handkerchief"
DAYS = 60

GOLD_LEAF = {
    "title_ja": "漆のお盆に金箔を貼る体験（90分）（デモ）",
    "title_en": "Gold leaf application on a lacquer tray, 90 min (demo)",
    "description_ja": "職人の手ほどきで、漆塗りのお盆に金箔を貼って模様を作ります。"
    "作品はその日にお持ち帰りいただけます。（デモ用の架空の体験です）",
    "description_en": "With an artisan's guidance, lay gold leaf on a lacquered tray in a "
    "pattern of your choice and take it home the same day. (An invented demo experience.)",
    "accessibility_ja": "工房は1階で段差はありません。車椅子で作業台をご利用いただけます。",
    "accessibility_en": "The studio is on the ground floor without steps; the work tables "
    "suit wheelchair users.",
    "what_to_bring_ja": "特になし（エプロンはご用意しています）",
    "what_to_bring_en": "Nothing: aprons are provided.",
    "duration_minutes": 90,
    "price_per_person": 3500,
    "max_group_size": 6,
    "minimum_age": 6,
    "adult_required_under": 12,
    "languages": "ja,en",
    "free_cancellation_hours": 24,
}
YUZEN = {
    "title_ja": "加賀友禅のハンカチ染め体験（デモ）",
    "title_en": "Kaga-yuzen handkerchief dyeing (demo)",
    "description_ja": "下絵の描かれたハンカチに、加賀友禅の色で彩色します。"
    "（デモ用の架空の体験です）",
    "description_en": "Colour a handkerchief with a drawn pattern in the colours of Kaga-yuzen. "
    "(An invented demo experience.)",
    "what_to_bring_ja": "汚れてもよい服装でお越しください。",
    "what_to_bring_en": "Wear clothes that may get stained.",
    "duration_minutes": 60,
    "price_per_person": 2500,
    "max_group_size": 4,
    "minimum_age": 8,
    "adult_required_under": 12,
    "languages": "ja",
    "free_cancellation_hours": 48,
}
DEMO_VISITORS = [
    ("Emma Wilson (demo)", "emma.demo@example.org", 2, "en"),
    ("山田 花子（デモ）", "hanako.demo@example.org", 3, "ja"),
    ("Lucas Martin (demo)", "lucas.demo@example.org", 1, "en"),
]


def _experience(workshop: Workshop, slug: str, fields: dict, times: str, closed: str) -> None:
    experience, _ = Experience.objects.update_or_create(
        slug=slug,
        defaults={**fields, "workshop": workshop, "is_published": True, "is_demo": True},
    )
    today = timezone.localdate()
    schedule, _ = Schedule.objects.update_or_create(
        experience=experience,
        valid_from=today.replace(day=1),
        defaults={
            "start_times": times,
            "closed_weekdays": closed,
            "closed_on_public_holidays": True,
            "capacity": 8,
        },
    )
    slots_generate(schedule=schedule, date_from=today, date_to=today + timedelta(days=DAYS))


def _bookings(experience: Experience) -> None:
    if Booking.objects.filter(slot__experience=experience, is_demo=True).exists():
        return
    slots = Slot.objects.filter(
        experience=experience, status=SlotStatus.OPEN, start__gt=timezone.now() + timedelta(days=1)
    ).order_by("start")[:3]
    for slot, (name, email, participants, language) in zip(slots, DEMO_VISITORS, strict=False):
        if seats_take(slot_id=slot.pk, seats=participants):
            Booking.objects.create(
                slot=slot,
                name=name,
                email=email,
                participants=participants,
                language=language,
                site_language="en" if language == "en" else "ja",
                amount_due=experience.amount_due(participants),
                is_demo=True,
            )


@transaction.atomic
def load() -> None:
    workshop = Workshop.objects.filter(slug=GOLD_LEAF_WORKSHOP).first()
    if workshop is None:
        return
    _experience(workshop, GOLD_LEAF_SLUG, GOLD_LEAF, "10:00,11:30,13:30,15:00", "2")
    _bookings(Experience.objects.get(slug=GOLD_LEAF_SLUG))
    yuzen = Workshop.objects.filter(slug__contains="yuzen", is_demo=True).first()
    if yuzen is not None:
        _experience(yuzen, YUZEN_SLUG, YUZEN, "10:30,14:00", "2")
