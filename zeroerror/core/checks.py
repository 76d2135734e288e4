"""System checks for configuration that would make the product untrustworthy."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def check_settings(app_configs, **kwargs):
    problems = []
    if len(str(settings.AUDIT_HMAC_KEY)) < 32:
        problems.append(Error("AUDIT_HMAC_KEY is shorter than 32 characters.", id="zeroerror.E001"))
    if settings.AUDIT_HMAC_KEY == settings.SECRET_KEY:
        problems.append(Error("The audit key must differ from SECRET_KEY.", id="zeroerror.E002"))
    if settings.DEBUG and settings.ZEROERROR_ENV == "production":
        problems.append(Error("DEBUG is on in production.", id="zeroerror.E003"))
    if settings.TIME_ZONE != "Asia/Shanghai" or not settings.USE_TZ:
        problems.append(Warning("Deadlines are computed for Asia/Shanghai with USE_TZ on.", id="zeroerror.W001"))
    return problems
