import pytest

from tsunagu.biocultural.services import biocultural_seed


@pytest.fixture
def seeded(db):
    return biocultural_seed()
