"""Views of the example project."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def index(request: HttpRequest) -> HttpResponse:
    """A page of icons: a toolbar, a list and a right-to-left version with ``?dir=rtl``."""
    direction = "rtl" if request.GET.get("dir") == "rtl" else "ltr"
    files = ["report.pdf", "photo.jpg"]
    context = {"files": files, "direction": direction, "next_url": "?page=2"}
    return render(request, "index.html", context)
