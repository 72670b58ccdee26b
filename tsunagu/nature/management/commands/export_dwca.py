from django.core.management.base import BaseCommand, CommandError

from tsunagu.nature.dwca import dwca_export_write
from tsunagu.nature.models import Campaign


class Command(BaseCommand):
    help = (
        "Export a Darwin Core Archive: research-grade observations (Occurrence core), or one "
        "survey campaign (Event core with an Occurrence extension)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="The .zip file to write.")
        parser.add_argument("--campaign", help="A campaign's slug: export its visits and counts.")
        parser.add_argument(
            "--include-imported",
            action="store_true",
            help="Also export observations imported from other datasets.",
        )

    def handle(self, *args, out: str, campaign: str | None, include_imported: bool, **options):
        if campaign and not Campaign.objects.filter(slug=campaign).exists():
            raise CommandError(f"No campaign with the slug {campaign!r}.")
        stats = dwca_export_write(out, campaign=campaign, include_imported=include_imported)
        extension = f", {stats.extension_rows} occurrences" if stats.core_type == "Event" else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {out}: {stats.rows} {stats.core_type.lower()} rows{extension}, "
                f"{stats.generalised} with generalised coordinates."
            )
        )
