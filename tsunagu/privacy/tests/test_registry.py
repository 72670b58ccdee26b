"""The inventory is complete: a new link to an account, or a new personal-looking field,
fails here until the registry says what the download and the deletion do with it."""

import re

from django.apps import apps
from django.contrib.auth import get_user_model

from tsunagu.privacy.registry import (
    ACTOR_REFERENCES,
    NOT_PERSONAL_FIELDS,
    PERSONAL_DATA,
    UNLINKED_PERSONAL_FIELDS,
    Erasure,
    personal_data,
)

PERSONAL_LOOKING = re.compile(
    r"email|phone|full_name|person_name|guardian|birth|ip_address|user_agent|address|^name$"
)
# Django's own tables that point to users and need no entry: groups and permissions are
# cleared with the account.
FRAMEWORK = {"accounts.User"}


def _models():
    return [m for m in apps.get_models() if m._meta.label not in FRAMEWORK]


def _account_links() -> set[tuple[str, str]]:
    user_model = get_user_model()
    return {
        (model._meta.label, field.name)
        for model in _models()
        for field in model._meta.get_fields()
        if field.related_model is user_model
        and (field.concrete or field.many_to_many)
        and not field.auto_created
        # a many-to-many through a model of its own is that model's foreign key
        and not (field.many_to_many and not field.remote_field.through._meta.auto_created)
    }


def _covered_links() -> set[tuple[str, str]]:
    covered = {(entry.model, entry.person.split("__")[0]) for entry in PERSONAL_DATA}
    return covered | set(ACTOR_REFERENCES)


def test_every_link_to_an_account_is_in_the_registry():
    missing = _account_links() - _covered_links()
    assert not missing, f"add these to tsunagu/privacy/registry.py: {sorted(missing)}"


def test_every_personal_looking_field_is_accounted_for():
    linked = {label for label, _name in _account_links()} | {e.model for e in PERSONAL_DATA}
    missing = []
    for model in _models():
        label = model._meta.label
        known = {
            *NOT_PERSONAL_FIELDS.get(label, ()),
            *UNLINKED_PERSONAL_FIELDS.get(label, ()),
        }
        for entry in PERSONAL_DATA:
            if entry.model == label:
                known |= {*entry.export, *entry.scrub, entry.person}
        for field in model._meta.concrete_fields:
            if field.name in known or field.is_relation:
                continue
            # "name" is personal only on records about a person
            if field.name == "name" and label not in linked:
                continue
            if PERSONAL_LOOKING.search(field.name):
                missing.append(f"{label}.{field.name}")
    assert not missing, f"personal-looking fields not in the registry: {missing}"


def test_entries_name_real_fields_and_anonymise_only_nullable_links():
    for entry in personal_data():
        model = entry.model_class
        for name in (*entry.export, *entry.files, *entry.scrub):
            model._meta.get_field(name)
        if entry.erasure == Erasure.ANONYMISE and "__" not in entry.person:
            assert model._meta.get_field(entry.person).null, entry.model
    for label, name in ACTOR_REFERENCES:
        apps.get_model(label)._meta.get_field(name)


def test_the_walk_sees_links_that_are_missing(monkeypatch):
    """The completeness test can fail: drop one entry and it is reported."""
    from tsunagu.privacy import registry

    monkeypatch.setattr(
        registry,
        "PERSONAL_DATA",
        tuple(e for e in PERSONAL_DATA if e.model != "events.Registration"),
    )
    covered = {(e.model, e.person.split("__")[0]) for e in registry.PERSONAL_DATA}
    assert ("events.Registration", "user") in _account_links() - covered - set(ACTOR_REFERENCES)
