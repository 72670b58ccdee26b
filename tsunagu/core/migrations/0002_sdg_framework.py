"""Seed the 17 goals and 169 targets from the official texts shipped in core/fixtures."""

import csv
from pathlib import Path

from django.db import migrations

from tsunagu.core.sdg_codes import target_position

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _rows(name):
    with (FIXTURES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(apps, schema_editor):
    Goal = apps.get_model("core", "Goal")
    Target = apps.get_model("core", "Target")
    for row in _rows("goals.csv"):
        Goal.objects.update_or_create(number=int(row["goal"]), defaults={
            "short_title": row["short_title_ja"], "short_title_ja": row["short_title_ja"],
            "short_title_en": row["short_title_en"], "title": row["title_ja"],
            "title_ja": row["title_ja"], "title_en": row["title_en"], "colour": row["colour"],
        })
    for row in _rows("targets.csv"):
        Target.objects.update_or_create(code=row["target"], defaults={
            "goal_id": int(row["goal"]), "title": row["title_ja"], "title_ja": row["title_ja"],
            "title_en": row["title_en"], "position": target_position(row["target"]),
        })


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
