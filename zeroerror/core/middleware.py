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
