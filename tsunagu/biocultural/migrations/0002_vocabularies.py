"""Seed the CICES V5.1 classes and IPBES NCP categories the platform uses (reference data)."""

from django.db import migrations


def load(apps, schema_editor):
    from tsunagu.biocultural.vocabularies import vocabulary_rows

    EcosystemService = apps.get_model("biocultural", "EcosystemService")
    for row in vocabulary_rows():
        EcosystemService.objects.update_or_create(
            vocabulary=row["vocabulary"],
            code=row["code"],
            defaults={
                "section": row["section"],
                "order": row["order"],
                # the historical model has the untranslated column too
                "name": row["name_ja"],
                "name_ja": row["name_ja"],
                "name_en": row["name_en"],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("biocultural", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
