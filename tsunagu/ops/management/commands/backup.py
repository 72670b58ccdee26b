from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.ops.backups import BackupError, backup_create, backup_verify


class Command(BaseCommand):
    help = (
        "Back up the database and the media (public and private) into a new directory under "
        "DESTINATION, with a manifest of checksums. It holds personal data: keep it encrypted."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("destination", type=Path, help="directory to write the backup in")

    def handle(self, *args, destination: Path, **options) -> None:
        try:
            path = backup_create(destination)
            manifest = backup_verify(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        files = manifest["files"]
        media = sum(1 for name in files if name.startswith("media/"))
        size = sum(entry["size"] for entry in files.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: {manifest['database']['engine']} database "
                f"({len(manifest['tables'])} tables, {sum(manifest['tables'].values())} rows), "
                f"{media} media files, {size / 1e6:.1f} MB."
            )
        )
