"""Tsunagu: the platform a city uses to run its creative-city and SDG programme."""
