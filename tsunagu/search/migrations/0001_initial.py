from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("partner", "Partner"), ("project", "Project"), ("event", "Event")], max_length=12)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title_ja", models.CharField(max_length=300)),
                ("title_en", models.CharField(blank=True, max_length=300)),
                ("url_name", models.CharField(max_length=80)),
                ("url_arg", models.CharField(max_length=120)),
                ("summary_ja", models.CharField(blank=True, max_length=200)),
                ("summary_en", models.CharField(blank=True, max_length=200)),
                ("body", models.TextField()),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="one_document_per_object")],
            },
        ),
    ]
