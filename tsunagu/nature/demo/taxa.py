from tsunagu.nature.taxa_seed import taxa_seed


def load() -> None:
    """The seeded taxa are the demo's taxa (the seed also runs after every migrate)."""
    taxa_seed()
