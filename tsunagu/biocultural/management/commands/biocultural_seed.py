from django.core.management.base import BaseCommand

from tsunagu.biocultural.services import biocultural_seed


class Command(BaseCommand):
    help = "Load or refresh the curated nature–culture links of Kanazawa (idempotent)."

    def handle(self, *args, **options) -> None:
        counts = biocultural_seed()
        self.stdout.write(", ".join(f"{n} {name}" for name, n in counts.items()))
