"""Computing indicator values from observations (after every import, never per request)."""

import polars as pl
from django.db import transaction

from tsunagu.core.models import Area
from tsunagu.indicators.formula import formula_statistics, indicator_values
from tsunagu.indicators.models import Indicator, IndicatorValue
from tsunagu.indicators.services.bulk import query_frame, rows_insert


def observations_frame(statistic_codes: list[str]) -> pl.DataFrame:
    """Headline observations (no disaggregation) of the given statistics, by area code."""
    schema = {"statistic": pl.Utf8, "area": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    if not statistic_codes:
        return pl.DataFrame(schema=schema)
    placeholders = ",".join(["%s"] * len(statistic_codes))
    return query_frame(
        "SELECT s.code, a.code, o.year, o.value FROM indicators_observation o "
        "JOIN indicators_statistic s ON s.id = o.statistic_id "
        "JOIN core_area a ON a.id = o.area_id "
        f"WHERE o.disaggregation = '' AND s.code IN ({placeholders})",
        statistic_codes,
        schema=schema,
    )


@transaction.atomic
def indicator_values_refresh() -> int:
    """Recompute every indicator's values for every area and year; returns the row count."""
    indicators = list(Indicator.objects.all())
    codes = sorted({c for i in indicators for c in formula_statistics(i.formula)})
    observations = observations_frame(codes)
    area_ids = dict(Area.objects.values_list("code", "id"))
    frames = []
    for indicator in indicators:
        values = indicator_values(indicator.formula, observations)
        if values.height:
            frames.append(
                values.with_columns(
                    pl.lit(indicator.pk).alias("indicator_id"),
                    pl.col("input_years").struct.json_encode().alias("input_years"),
                )
            )
    IndicatorValue.objects.all().delete()
    if not frames:
        return 0
    result = pl.concat(frames).with_columns(
        pl.col("area").replace_strict(area_ids, return_dtype=pl.Int64).alias("area_id")
    )
    columns = ["indicator_id", "area_id", "year", "value", "input_years"]
    rows_insert("indicators_indicatorvalue", columns, result.select(columns).iter_rows())
    return result.height
