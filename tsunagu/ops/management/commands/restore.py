from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.ops.backups import BackupError, backup_restore, backup_verify


class Command(BaseCommand):
    help = (
        "Restore a backup made by `tsunagu backup` onto an empty database and empty media "
        "directories, then compare row counts, key tables and media files with its manifest."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="the backup directory")
        parser.add_argument(
            "--check", action="store_true", help="only verify the backup's checksums"
        )

    def handle(self, *args, path: Path, check: bool, **options) -> None:
        try:
            if check:
                manifest = backup_verify(path)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{path}: {len(manifest['files'])} files match the manifest "
                        f"(created {manifest['created_at']})."
                    )
                )
                return
            report = backup_restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = report.manifest
        versions = manifest["versions"]
        self.stdout.write(
            f"Restored {path} (created {manifest['created_at']}, tsunagu {versions['tsunagu']}, "
            f"Django {versions['django']}, {manifest['database']['server']}): "
            f"{report.tables} tables, {report.rows} rows, {report.media_files} media files."
        )
        if report.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup has {len(report.unknown_migrations)} migrations this code "
                    f"does not know (e.g. {report.unknown_migrations[0]}): run the version "
                    f"that made it, tsunagu {versions['tsunagu']}."
                )
            )
        if report.unapplied_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.unapplied_migrations)} migrations of this code are not "
                    "applied yet: run `tsunagu migrate`."
                )
            )
        if not report.ok:
            for mismatch in report.mismatches:
                self.stderr.write(f"MISMATCH {mismatch}")
            raise CommandError(
                f"the restored instance differs from the backup in {len(report.mismatches)} "
                "places (listed above)"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Verified: the row counts of {report.tables} tables, "
                f"{len(manifest['checksums'])} key-table checksums and "
                f"{report.media_files} media files match the manifest."
            )
        )
