"""The Django app: ``{% load iconkit %}`` tags, system checks and static files for the icons.

Add ``"iconkit.django"`` to ``INSTALLED_APPS`` (with ``django.contrib.staticfiles``)::

    ICONKIT = {"ICONS": BASE_DIR / "iconkit-dist"}   # optional; the bundled icons by default

    {% load iconkit %}
    {% icon "calendar" label=True %}
    {% icon_button "close" label="Close the dialog" %}

The tags render through :class:`~iconkit.markup.IconRenderer`, the code behind
the Jinja macros, so the markup, the strict label-or-decorative rule, the
escaping and the error messages (with template and line) are the same. Every
keyword argument is passed on to the renderer as it is written. Settings are
read from the one ``ICONKIT`` dict (see :mod:`iconkit.django.conf`).
"""
