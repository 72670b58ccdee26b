"""Japanese local government codes (全国地方公共団体コード) in the forms users type."""

import re


class AreaCodeError(ValueError):
    pass


def check_digit(code5: str) -> int:
    """The JIS X 0402 check digit of a 5-digit code (weights 6..2, modulus 11)."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def normalize_area_code(raw: str) -> str:
    """Return the 5-digit code for '17201', '172014' (with check digit) or 'R17201' (SSDSE)."""
    code = str(raw).strip().upper()
    if code.startswith("R"):
        code = code[1:]
    if not re.fullmatch(r"\d{5}|\d{6}", code):
        raise AreaCodeError(f"not a local government code: {raw!r}")
    if len(code) == 6:
        if int(code[5]) != check_digit(code[:5]):
            raise AreaCodeError(f"wrong check digit in {raw!r}")
        code = code[:5]
    return code
