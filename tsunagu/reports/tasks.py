from celery import shared_task


@shared_task(name="tsunagu.reports.tasks.report_version_build")
def report_version_build_task(version_id: int) -> str:
    from tsunagu.reports.services.generation import report_version_build

    return report_version_build(version_id).status
