"""Raw SQL for large tables: reads straight into polars, and fast inserts (COPY on PostgreSQL,
batched executemany elsewhere).

Django's bulk_create builds a model instance per row; for a million observations that alone
takes longer than the whole import budget.
"""

from collections.abc import Iterable, Sequence

import polars as pl
from django.db import connection

BATCH = 20_000


def query_frame(sql: str, params: Sequence = (), *, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A query's rows as a polars frame with the given column names and types."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return pl.DataFrame(cursor.fetchall(), orient="row", schema=schema)


def rows_insert(table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        return
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
    batch: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
