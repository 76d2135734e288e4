from django.conf import settings
from django.http import Http404

from zeroerror.audit.middleware import client_ip
from zeroerror.audit.refusals import record_refusal
from zeroerror.core.netaddr import in_networks


class SecurityHeadersMiddleware:
    """Content-Security-Policy (everything is served from this origin) and no caching of signed-in pages."""

    CSP = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.CSP)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response.setdefault("Cache-Control", "no-store")
        return response


class AdminNetworkMiddleware:
    """The Django admin answers only requests from ZEROERROR_ADMIN_NETWORKS (入侵防范: management interfaces
    restricted by address); anyone else gets the ordinary 404, as if it did not exist."""

    PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.PREFIX) and not in_networks(client_ip(request),
                                                                       settings.ADMIN_ALLOWED_NETWORKS):
            record_refusal(request, "http.admin_address", detail={"status": 404})
            raise Http404("页面不存在。")
        return self.get_response(request)


class OutOfRangeInputMiddleware:
    """The last line behind each form's own checks: a number or date someone typed that no database column or
    calendar can hold (an id past 64 bits in a choice field, year 99999) answers 400 with a plain message — the
    action's transaction has rolled back, so nothing changed — instead of a server error."""

    MESSAGE = "输入的数字或日期超出允许的范围，未作任何更改。请检查后重新填写。"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import DataError
        from django.shortcuts import render

        out_of_range = isinstance(exception, OverflowError) or (
            isinstance(exception, DataError) and "out of range" in str(exception)) or (
            isinstance(exception, ValueError) and "out of range" in str(exception))
        if not out_of_range:
            return None
        return render(request, "400.html", {"exception": self.MESSAGE}, status=400)
