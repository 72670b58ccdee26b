from django.core.management.base import BaseCommand, CommandError

from tsunagu.nature.dwca import DwcaError, dwca_import


class Command(BaseCommand):
    help = "Import a Darwin Core Archive (Occurrence or Taxon core): zip, tgz or folder."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; write nothing."
        )

    def handle(self, *args, path: str, dry_run: bool, **options):
        try:
            report = dwca_import(path, dry_run=dry_run)
        except DwcaError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {m}" for m in error.messages)
            ) from error
        for message in report.messages:
            self.stdout.write(f"  {message}")
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {report.core_type} core “{report.dataset_title or report.file_name}”: "
                f"{report.created} created, {report.updated} updated, {report.skipped} skipped, "
                f"{report.taxa_created} higher taxa created."
            )
        )
