from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from tsunagu.tourism_grants.models import GrantApplication
from tsunagu.tourism_grants.selectors import application_can_view


def errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def application_for(request, pk: int) -> GrantApplication:
    application = get_object_or_404(
        GrantApplication.objects.select_related("call", "organisation", "applicant"), pk=pk
    )
    if not application_can_view(request.user, application):
        raise PermissionDenied
    return application
