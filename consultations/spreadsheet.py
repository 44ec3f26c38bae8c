"""The one CSV writer for every CSV the site writes: nothing in it runs as a formula.

A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula:
a name a patient typed, or a campaign name from a link anyone can make, could then fetch an
address from the front desk's computer (CSV injection). Every text cell is prefixed with ' ,
except values we validated ourselves (Verbatim: an E.164 number keeps its leading +).
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Verbatim(str):
    """Text written exactly as it is: only for values the site validated (E.164 numbers)."""


def neutralise(value):
    """Stop a spreadsheet from running this text as a formula."""
    formula = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    return "'" + value if formula and not isinstance(value, Verbatim) else value


class FormulaSafeWriter:
    """csv.writer whose every cell goes through neutralise()."""

    def __init__(self, file):
        self._writer = csv.writer(file)

    def writerow(self, row):
        return self._writer.writerow([neutralise(cell) for cell in row])
