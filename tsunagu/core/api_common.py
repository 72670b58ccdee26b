"""What the API routers share: parameter types, pagination and the bodies of error answers."""

from datetime import MAXYEAR, MINYEAR
from typing import Annotated

from ninja import Schema
from ninja.pagination import PageNumberPagination
from pydantic import Field

# A year whose first and last instant stay inside Python's dates in any time zone: filtering a
# date or datetime field by another year fails in the database layer, so it is refused as
# invalid input (422) instead.
Year = Annotated[int, Field(ge=MINYEAR + 1, le=MAXYEAR - 1)]

# The highest page number a paginated list accepts: page × page size must stay an offset the
# database can take (a 64-bit integer).
MAX_PAGE = 1_000_000
PageNumber = Annotated[int, Field(le=MAX_PAGE)]


class Pagination(PageNumberPagination):
    """ninja's page-number pagination, with a page number the database can offset to."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)


class ApiErrorOut(Schema):
    """The body of an error answer: `HttpError`, `Http404` and failed authentication."""

    detail: str


class ApiValidationIssueOut(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ApiValidationErrorOut(Schema):
    """The body of ninja's 422: the parameters or body did not match their schema."""

    detail: list[ApiValidationIssueOut]
