from celery import shared_task


@shared_task
def indicator_scores_refresh() -> int:
    """Recompute indicator values, then scores; pages read only what this stores."""
    from tsunagu.indicators.services.scoring import scores_refresh
    from tsunagu.indicators.services.values import indicator_values_refresh

    indicator_values_refresh()
    return scores_refresh()
