"""Application documents move out of MEDIA_ROOT (which a web server may publish as a folder)
into the private media folder, served only by the permission-checked download view."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import tsunagu.core.uploads
import tsunagu.programmes.models.applications


def documents_move_to_private(apps, schema_editor):
    document_model = apps.get_model("programmes", "ApplicationDocument")
    public, private = Path(settings.MEDIA_ROOT), Path(settings.TSUNAGU_PRIVATE_MEDIA_ROOT)
    for name in document_model.objects.values_list("file", flat=True):
        source, target = public / name, private / name
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, target)


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="applicationdocument",
            name="file",
            field=models.FileField(
                storage=tsunagu.core.uploads.private_media_storage,
                upload_to=tsunagu.programmes.models.applications._document_path,
                verbose_name="file",
            ),
        ),
        migrations.RunPython(documents_move_to_private, migrations.RunPython.noop),
    ]
