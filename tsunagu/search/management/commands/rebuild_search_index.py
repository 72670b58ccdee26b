from django.core.management.base import BaseCommand

from tsunagu.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Index all public partners, projects and events again (after bulk changes)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"indexed {search_index_rebuild()} documents")
