"""The labelled development set (suggestions/devset/{en,ja}.csv) and its fixed split.

Ids whose numeric part is odd form the TUNE split (read while building the lexicon), even ids
the held-out TEST split (never read to change the lexicon): the figures in the README keep
the two apart.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from tsunagu.suggestions.engine.evaluation import goals_parse

DEVSET_DIR = Path(__file__).resolve().parent.parent / "devset"
LANGUAGES = ("ja", "en")
SPLITS = ("tune", "test")


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    gold: set[int]
    source_style: str


def split_of(example_id: str) -> str:
    digits = re.findall(r"\d+", example_id)
    if not digits:
        raise ValueError(f"dev-set id without a number: {example_id!r}")
    return "tune" if int(digits[-1]) % 2 else "test"


def devset_path(language: str, directory: Path = DEVSET_DIR) -> Path:
    return directory / f"{language}.csv"


def devset_load(
    language: str, *, split: str | None = None, directory: Path = DEVSET_DIR
) -> list[Example]:
    with devset_path(language, directory).open(encoding="utf-8-sig", newline="") as handle:
        examples = [
            Example(
                id=row["id"],
                text=row["text"],
                gold=goals_parse(row.get("sdgs") or ""),
                source_style=row.get("source_style") or "",
            )
            for row in csv.DictReader(handle)
        ]
    if split is not None:
        examples = [e for e in examples if split_of(e.id) == split]
    return examples


def devset_available(directory: Path = DEVSET_DIR) -> bool:
    return all(devset_path(lang, directory).is_file() for lang in LANGUAGES)
