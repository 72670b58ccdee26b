from celery import shared_task


# Minutes of work at most: without a broker it is better done late in the request than never.
@shared_task(inline_when_broker_down=True)
def indicator_scores_refresh() -> int:
    """Recompute indicator values, then scores; pages read only what this stores."""
    from tsunagu.indicators.services.scoring import scores_refresh
    from tsunagu.indicators.services.values import indicator_values_refresh

    indicator_values_refresh()
    return scores_refresh()


# An import is never run inline when the broker is down (enqueue refuses it loudly). A worker
# lost mid-import leaves the message unacknowledged for another worker: the import is atomic
# and idempotent, so running it again is safe.
@shared_task(
    name="tsunagu.indicators.tasks.statistics_upload_import",
    acks_late=True,
    reject_on_worker_lost=True,
)
def statistics_upload_import(staged_fields: dict, user_id: int | None) -> dict | None:
    """Import a previewed statistics upload (the admin's "Confirm import")."""
    from dataclasses import asdict

    from tsunagu.indicators.forms import StagedUpload
    from tsunagu.indicators.services.uploads import staged_upload_import

    summary = staged_upload_import(staged=StagedUpload(**staged_fields), user_id=user_id)
    return asdict(summary) if summary is not None else None
