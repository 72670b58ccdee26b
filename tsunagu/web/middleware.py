"""Language of the pages that sit outside the /en/ prefix scheme."""

from django.utils import translation

# Pages live at / (Japanese) and /en/ (English); these paths have no language prefix, so
# LocaleMiddleware would always answer in Japanese. They follow the client's Accept-Language.
UNPREFIXED = ("/api/", "/admin/")


class AcceptLanguageOutsidePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(UNPREFIXED):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
