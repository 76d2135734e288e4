"""The root URLconf plus the errors app (until zeroerror/urls.py includes it; see the issue 3 report)."""

from django.urls import include, path

from zeroerror.urls import urlpatterns as root

urlpatterns = list(root)
if not any(getattr(p, "namespace", None) == "errors" for p in root):
    urlpatterns.append(path("errors/", include("zeroerror.errors.urls")))
