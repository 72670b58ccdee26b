"""Indicator formulas over statistics, e.g. `I6100 / A1101 * 100000`.

Parsed with `ast` and translated to polars expressions: only numbers, statistic codes,
+ - * / and parentheses are accepted, so a formula can never run code.
"""

import ast
import re

import polars as pl

STATISTIC_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
_OPERATORS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


class FormulaError(ValueError):
    pass


def _parse(formula: str) -> ast.expr:
    try:
        return ast.parse(formula.strip(), mode="eval").body
    except SyntaxError as error:
        raise FormulaError(f"{formula!r} is not an arithmetic formula: {error.msg}") from None


def _is_leaf(node: ast.expr) -> bool:
    """A number or a statistic code."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float)
    return isinstance(node, ast.Name) and bool(STATISTIC_CODE.match(node.id))


def _walk(node: ast.expr, formula: str) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _walk(node.left, formula)
        _walk(node.right, formula)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd | ast.USub):
        _walk(node.operand, formula)
    elif not _is_leaf(node):
        raise FormulaError(
            f"{formula!r}: only statistic codes, numbers, + - * / and parentheses are allowed "
            f"(found {ast.unparse(node)!r})"
        )


def formula_statistics(formula: str) -> list[str]:
    """The statistic codes a formula uses, in order of first appearance."""
    tree = _parse(formula)
    _walk(tree, formula)
    seen: dict[str, None] = {}

    def collect(node: ast.expr) -> None:  # left to right, unlike ast.walk's breadth-first order
        if isinstance(node, ast.Name):
            seen[node.id] = None
        for child in ast.iter_child_nodes(node):
            collect(child)

    collect(tree)
    return list(seen)


def formula_expression(formula: str) -> pl.Expr:
    """A polars expression over columns named by statistic codes; non-finite results → null."""
    tree = _parse(formula)
    _walk(tree, formula)

    def build(node: ast.expr) -> pl.Expr:
        if isinstance(node, ast.BinOp):
            return _OPERATORS[type(node.op)](build(node.left), build(node.right))
        if isinstance(node, ast.UnaryOp):
            operand = build(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.Constant):
            return pl.lit(float(node.value))
        return pl.col(node.id).cast(pl.Float64)

    expression = build(tree)
    return pl.when(expression.is_finite()).then(expression).otherwise(None)


def indicator_values(formula: str, observations: pl.DataFrame) -> pl.DataFrame:
    """Evaluate a formula for every area and year.

    `observations` has columns statistic, area, year, value. For each year in which any input
    has a figure, every input takes its most recent year up to then (inputs are published on
    different cycles); the row records which year of each input was used.
    Returns area, year, value, input_years (struct of statistic → year).
    """
    codes = formula_statistics(formula)
    inputs = observations.filter(pl.col("statistic").is_in(codes))
    missing = set(codes) - set(inputs["statistic"].unique().to_list())
    if missing:
        return pl.DataFrame(
            schema={
                "area": observations.schema["area"],
                "year": pl.Int64,
                "value": pl.Float64,
                "input_years": pl.Struct(dict.fromkeys(codes, pl.Int64)),
            }
        )
    grid = inputs.select("area", "year").unique().sort("area", "year")
    for code in codes:
        series = (
            inputs.filter(pl.col("statistic") == code)
            .select("area", pl.col("year").alias(f"{code}__year"), pl.col("value").alias(code))
            .with_columns(pl.col(f"{code}__year").alias("year"))
            .sort("area", "year")
        )
        grid = grid.join_asof(
            series, on="year", by="area", strategy="backward", check_sortedness=False
        )
    year_columns = [f"{code}__year" for code in codes]
    return (
        grid.drop_nulls(subset=codes)
        # keep a year only where some input actually has a figure for it
        .filter(pl.any_horizontal([pl.col(c) == pl.col("year") for c in year_columns]))
        .with_columns(formula_expression(formula).alias("value"))
        .drop_nulls("value")
        .select(
            "area",
            "year",
            "value",
            pl.struct([pl.col(f"{c}__year").alias(c) for c in codes]).alias("input_years"),
        )
        .sort("area", "year")
    )
