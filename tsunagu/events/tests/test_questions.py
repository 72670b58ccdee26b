"""Custom registration questions: rendered in the visitor's language, answers stored and
validated, downloadable by staff as CSV."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError

from tsunagu.events.models import Answer, QuestionKind, Registration
from tsunagu.events.services import registration_create
from tsunagu.events.tests.factories import EventFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_questions():
    event = EventFactory()
    affiliation = QuestionFactory(
        event=event,
        order=1,
        kind=QuestionKind.SINGLE_CHOICE,
        required=True,
        text_ja="ご所属",
        text_en="Affiliation",
        options_ja="企業\n学校",
        options_en="Company\nSchool",
    )
    topics = QuestionFactory(
        event=event,
        order=2,
        kind=QuestionKind.CHECKBOX,
        text_ja="関心",
        text_en="Interests",
        options_ja="環境\n教育\n福祉",
        options_en="Environment\nEducation\nWelfare",
    )
    note = QuestionFactory(
        event=event, order=3, kind=QuestionKind.LONG_TEXT, text_ja="ひとこと", text_en="A word"
    )
    return event, affiliation, topics, note


def test_questions_are_rendered_in_the_current_language(client, event_with_questions):
    event, _affiliation, topics, _note = event_with_questions
    ja = client.get(f"/events/{event.pk}/").content.decode()
    en = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "ご所属" in ja
    assert "企業" in ja
    assert "Affiliation" in en
    assert "Company" in en
    assert "企業</label>" not in en  # shown in English, stored as the Japanese choice
    assert f'name="question_{topics.pk}"' in en
    assert 'type="checkbox"' in en
    assert 'type="radio"' in en
    assert "<textarea" in en


def test_answers_are_stored_as_the_japanese_choice_whatever_the_language(
    client, event_with_questions
):
    event, affiliation, topics, note = event_with_questions
    response = client.post(
        f"/en/events/{event.pk}/",
        {
            "name": "Aiko",
            "email": "aiko@example.org",
            f"question_{affiliation.pk}": "学校",
            f"question_{topics.pk}": ["環境", "福祉"],
            f"question_{note.pk}": "Looking forward",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get(email="aiko@example.org")
    answers = {a.question_id: a.value for a in registration.answers.all()}
    assert answers == {
        affiliation.pk: "学校",
        topics.pk: "環境\n福祉",
        note.pk: "Looking forward",
    }
    page = client.get(response["Location"]).content.decode()
    assert "School" in page
    assert "Environment; Welfare" in page


@pytest.mark.parametrize(
    "bad",
    [
        {},  # required question unanswered
        {"affiliation": "Factory"},  # not one of the choices
        {"affiliation": "学校", "topics": ["環境", "nope"]},
    ],
)
def test_bad_answers_show_form_errors_and_save_nothing(client, event_with_questions, bad):
    event, affiliation, topics, _note = event_with_questions
    data = {"name": "Aiko", "email": "aiko@example.org"}
    if "affiliation" in bad:
        data[f"question_{affiliation.pk}"] = bad["affiliation"]
    if "topics" in bad:
        data[f"question_{topics.pk}"] = bad["topics"]
    response = client.post(f"/en/events/{event.pk}/", data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Registration.objects.exists()
    assert not Answer.objects.exists()


def test_the_service_refuses_missing_or_foreign_answers(event_with_questions):
    event, affiliation, _topics, _note = event_with_questions
    with pytest.raises(ValidationError) as missing:
        registration_create(event=event, name="A", email="a@example.org", answers={})
    assert missing.value.code == "answer_required"
    other = QuestionFactory()
    with pytest.raises(ValidationError) as foreign:
        registration_create(
            event=event,
            name="A",
            email="a@example.org",
            answers={affiliation.pk: "企業", other.pk: "x"},
        )
    assert foreign.value.code == "answers"
    with pytest.raises(ValidationError) as invalid:
        registration_create(
            event=event, name="A", email="a@example.org", answers={affiliation.pk: "Company"}
        )
    assert invalid.value.code == "answer_invalid"
    assert not Registration.objects.exists()


def test_choice_lists_must_match_in_both_languages():
    question = QuestionFactory.build(
        kind=QuestionKind.SINGLE_CHOICE, options_ja="a\nb", options_en="A"
    )
    with pytest.raises(ValidationError):
        question.clean()


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_staff_download_registrations_with_answers(client_as, event_with_questions):
    event, affiliation, topics, note = event_with_questions
    registration = registration_create(
        event=event,
        name="=HYPERLINK(1)",
        email="aiko@example.org",
        answers={affiliation.pk: "企業", topics.pk: "教育", note.pk: "@sum"},
    )
    rows = _csv(client_as("city_staff").get(f"/en/events/{event.pk}/staff/registrations.csv"))
    header, row = rows
    assert header[:3] == ["Confirmation code", "Name", "Email address"]
    assert header[-3:] == ["Affiliation", "Interests", "A word"]
    assert row[0] == registration.code
    assert row[1] == "'=HYPERLINK(1)"  # never a formula in a spreadsheet
    assert row[-3:] == ["Company", "Education", "'@sum"]
    ja_rows = _csv(client_as("city_staff").get(f"/events/{event.pk}/staff/registrations.csv"))
    assert ja_rows[0][-3:] == ["ご所属", "関心", "ひとこと"]
    assert ja_rows[1][-3:] == ["企業", "教育", "'@sum"]


@pytest.mark.parametrize("role", ["plain_user", "partner_member", "assessor"])
def test_registrations_are_for_staff_only(client_as, role):
    event = EventFactory()
    for url in [f"/en/events/{event.pk}/staff/", f"/en/events/{event.pk}/staff/registrations.csv"]:
        assert client_as(role).get(url).status_code == 403
        assert client_as(None).get(url).status_code == 302


def test_staff_page_lists_answers_and_attendance(client_as, event_with_questions):
    event, affiliation, _topics, _note = event_with_questions
    registration_create(
        event=event, name="Aiko", email="aiko@example.org", answers={affiliation.pk: "学校"}
    )
    html = client_as("city_staff").get(f"/en/events/{event.pk}/staff/").content.decode()
    assert "Aiko" in html
    assert "<td>School</td>" in html
    assert 'data-testid="attendance"' in html
