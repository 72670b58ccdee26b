from celery import shared_task

from tsunagu.tourism.services.certificates import certificates_daily


@shared_task(name="tsunagu.tourism.tasks.tourism_certificates_daily")
def tourism_certificates_daily() -> dict[str, int]:
    return certificates_daily()


@shared_task(name="tsunagu.tourism.tasks.tourism_indicators_refresh", inline_when_broker_down=True)
def tourism_indicators_refresh_task() -> None:
    from tsunagu.tourism.indicators_feed import tourism_indicators_refresh

    tourism_indicators_refresh()
