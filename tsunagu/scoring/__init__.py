"""Pure scoring engine (polars): SDSN SDG Index & Dashboards and the Open SDG progress measure.

Nothing in this package imports Django, so it can be used and tested on its own.
"""
