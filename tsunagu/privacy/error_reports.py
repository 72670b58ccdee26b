"""Error reports (the 500 email to ADMINS, the debug page) without personal data: form
fields and query parameters that may hold it are hidden, frame variables show only numbers,
and the signed-in user appears by number. Set as DEFAULT_EXCEPTION_REPORTER and
DEFAULT_EXCEPTION_REPORTER_FILTER."""

import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

PERSONAL_PARAMETER = re.compile(
    r"mail|name|phone|tel|address|birth|pass|token|secret|key|code|note|message|comment|"
    r"statement|answer|needs|guardian|contact|text|body|description|grounds|lat|lon|q$",
    flags=re.IGNORECASE,
)
SAFE_VARIABLE_TYPES = (bool, int, float, type(None))


class PersonalDataExceptionReporterFilter(SafeExceptionReporterFilter):
    hidden_settings = re.compile(
        "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|EMAIL|ADMINS|MANAGERS|DSN|URL|"
        "QUERY_STRING|REFERER|REMOTE_ADDR|FORWARDED|USER_AGENT",
        flags=re.IGNORECASE,
    )

    def cleansed_parameters(self, items) -> dict:
        return {
            key: self.cleansed_substitute if PERSONAL_PARAMETER.search(key) else value
            for key, value in items
        }

    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if not parameters:
            return parameters
        cleansed = parameters.copy()
        for key in cleansed:
            if PERSONAL_PARAMETER.search(key):
                cleansed[key] = self.cleansed_substitute
        return cleansed

    def get_traceback_frame_variables(self, request, tb_frame):
        """A local variable can hold anything (a user, a form, an email address): only
        numbers, booleans and None are shown."""
        return [
            (name, value if isinstance(value, SAFE_VARIABLE_TYPES) else self.cleansed_substitute)
            for name, value in super().get_traceback_frame_variables(request, tb_frame)
        ]


class PersonalDataExceptionReporter(ExceptionReporter):
    def get_traceback_data(self) -> dict:
        data = super().get_traceback_data()
        if self.request is None:
            return data
        user = getattr(self.request, "user", None)
        if data.get("user_str") and user is not None:
            data["user_str"] = f"user #{user.pk}" if user.pk else "anonymous"
        data["request_GET_items"] = self.filter.cleansed_parameters(
            self.request.GET.items()
        ).items()
        data["request_FILES_items"] = [
            (key, self.filter.cleansed_substitute) for key, _file in self.request.FILES.items()
        ]
        if "request_insecure_uri" in data:
            data["request_insecure_uri"] = self.request.path
        return data
