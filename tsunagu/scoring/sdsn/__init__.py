"""The SDSN SDG Index & Dashboards method (Sachs et al., SDG Index and Dashboards Report 2018).

Pure polars on tidy frames: values are (area, indicator, year, value) and the spec has one row
per indicator (see ``spec``). ``sdsn_pipeline`` runs everything; the steps are public too.
"""

from .colours import goal_colours, indicator_colours
from .io import SCORES_COLUMNS, read_data_csv, read_spec_csv, write_scores_csv
from .pipeline import SdsnResult, scores_tidy, sdsn_pipeline
from .scores import (
    goal_scores,
    goal_scores_impute,
    index_scores,
    indicator_coverage,
    lower_bounds_fill,
    normalise,
    ranks,
)
from .spec import Colour, Direction, Trend, spec_validate
from .trends import goal_trends, indicator_trends

__all__ = [
    "SCORES_COLUMNS",
    "Colour",
    "Direction",
    "SdsnResult",
    "Trend",
    "goal_colours",
    "goal_scores",
    "goal_scores_impute",
    "goal_trends",
    "index_scores",
    "indicator_colours",
    "indicator_coverage",
    "indicator_trends",
    "lower_bounds_fill",
    "normalise",
    "ranks",
    "read_data_csv",
    "read_spec_csv",
    "scores_tidy",
    "sdsn_pipeline",
    "spec_validate",
    "write_scores_csv",
]
