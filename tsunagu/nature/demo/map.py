from tsunagu.nature.services.map_cells import map_cells_rebuild


def load() -> None:
    """Count the demo observations into the map's cells (the observation and campaign demos
    run first and may bulk-create)."""
    map_cells_rebuild()
