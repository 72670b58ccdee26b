"""tsunagu classify_sdgs --input TEXTS.csv --output PREDICTIONS.csv"""

import csv

import pytest
from django.core.management import CommandError, call_command


def write(path, content: str, *, bom: bool = False) -> None:
    path.write_text(("\ufeff" if bom else "") + content, encoding="utf-8")


def read_rows(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("bom", [False, True])
def test_predictions_in_input_order(tmp_path, bom):
    texts, predictions = tmp_path / "texts.csv", tmp_path / "predictions.csv"
    write(
        texts,
        "id,text\n"
        'b2,"Beach cleanup: plastic waste on the coast"\n'
        "a1,会議は午前10時からです。\n"
        'c3,"子ども食堂で食事を提供し、\nひとり親家庭を支えます。"\n',
        bom=bom,
    )
    call_command("classify_sdgs", "--input", str(texts), "--output", str(predictions))
    rows = read_rows(predictions)
    assert rows[0] == ["id", "sdgs"]
    assert [r[0] for r in rows[1:]] == ["b2", "a1", "c3"]
    beach = [int(g) for g in rows[1][1].split()]
    assert 14 in beach
    assert beach == sorted(beach)
    assert rows[2][1] == ""
    assert {"1", "2"} <= set(rows[3][1].split())


def test_extra_columns_are_ignored(tmp_path):
    texts, predictions = tmp_path / "texts.csv", tmp_path / "predictions.csv"
    write(texts, "lang,id,text\nen,x,Solar panels on the roof\n")
    call_command("classify_sdgs", "--input", str(texts), "--output", str(predictions))
    assert read_rows(predictions)[1][0] == "x"


def test_missing_input_writes_nothing(tmp_path):
    predictions = tmp_path / "predictions.csv"
    with pytest.raises(CommandError, match="not found"):
        call_command(
            "classify_sdgs", "--input", str(tmp_path / "nope.csv"), "--output", str(predictions)
        )
    assert not predictions.exists()


@pytest.mark.parametrize(("header", "missing"), [("id,body", "text"), ("key,text", "id")])
def test_a_missing_column_is_named_and_nothing_written(tmp_path, header, missing):
    texts, predictions = tmp_path / "texts.csv", tmp_path / "predictions.csv"
    write(texts, f"{header}\n1,hello\n")
    with pytest.raises(CommandError, match=f"lacks the column\\(s\\) {missing}"):
        call_command("classify_sdgs", "--input", str(texts), "--output", str(predictions))
    assert not predictions.exists()


def test_both_options_are_required(tmp_path):
    with pytest.raises(CommandError):
        call_command("classify_sdgs", "--input", str(tmp_path / "t.csv"))
