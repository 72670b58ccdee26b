from celery import shared_task


@shared_task
def indicator_scores_refresh() -> int:
    from tsunagu.indicators.services.values import indicator_values_refresh

    return indicator_values_refresh()
