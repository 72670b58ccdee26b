"""Scores are computed after imports (in Celery when a broker is configured) and stored."""


def scores_refresh_later() -> None:
    from tsunagu.indicators.tasks import indicator_scores_refresh

    indicator_scores_refresh.delay()
