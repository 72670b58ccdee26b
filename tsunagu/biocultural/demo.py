"""The curated Kanazawa links (not demo content: each link names its sources)."""

from tsunagu.biocultural.services import biocultural_seed


def load() -> None:
    biocultural_seed()
