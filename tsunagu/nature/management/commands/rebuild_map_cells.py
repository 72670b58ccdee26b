import time

from django.core.management.base import BaseCommand

from tsunagu.nature.services.map_cells import map_cells_rebuild


class Command(BaseCommand):
    help = (
        "Recount the observation map's cells from the public coordinates of every visible "
        "observation. Run after bulk imports or queryset updates, which bypass the signals "
        "that keep the cells up to date."
    )

    def handle(self, *args, **options) -> None:
        start = time.perf_counter()
        rows = map_cells_rebuild()
        self.stdout.write(f"{rows} map cells rebuilt in {time.perf_counter() - start:.1f} s")
