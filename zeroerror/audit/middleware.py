from zeroerror.audit.trail import current_ip


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


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
