"""What an import did, or would do on a dry run."""

from dataclasses import dataclass, field

MAX_MESSAGES = 50


@dataclass
class ImportReport:
    file_name: str
    core_type: str = ""
    dataset_title: str = ""
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    skipped: int = 0
    taxa_created: int = 0
    messages: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        if len(self.messages) < MAX_MESSAGES:
            self.messages.append(message)


def capped(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_MESSAGES:
        return errors
    return [*errors[:MAX_MESSAGES], f"… (+{len(errors) - MAX_MESSAGES})"]
