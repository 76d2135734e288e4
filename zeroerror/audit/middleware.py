from django.conf import settings

from zeroerror.audit.trail import current_ip
from zeroerror.core.netaddr import client_address


def client_ip(request) -> str:
    """The client's address; X-Forwarded-For counts only from the proxies in ZEROERROR_TRUSTED_PROXIES."""
    return client_address(
        request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""), settings.TRUSTED_PROXIES
    )[:64]


class AuditContextMiddleware:
    """Makes the request's source address available to audit records written during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
