"""Who uses the app on this computer: name, e-mail, phone, title, organisation (the settings' ``profile.*``).

The profile signs every brief and hand-off checklist the app writes, so a department knows whom to ask. It is
asked for once, on the first start (the window's dialog, or ``takeover-planner profile set``). Until it is
filled in, briefs say plainly that contact details are missing: the operating system's login name ("root",
"kari.ansatt") is never used as a signature.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from takeover_planner.domain.validation import clean_email, clean_name
from takeover_planner.errors import ValidationError
from takeover_planner.paths import AppPaths
from takeover_planner.settings import Settings
from takeover_planner.texts.install import InstallText
from takeover_planner.texts.validation import ValidationText

FIELDS = ("name", "email", "phone", "title", "organisation")


@dataclass(frozen=True)
class Profile:
    name: str = ""
    email: str = ""
    phone: str = ""
    title: str = ""
    organisation: str = ""

    def signature(self) -> str:
        """"Kari Nordmann, communications adviser, Fjordvik kommune · kari@… · +47 …"; empty without a name."""
        if not self.name:
            return ""
        who = ", ".join(part for part in (self.name, self.title, self.organisation) if part)
        return " · ".join(part for part in (who, self.email, self.phone) if part)

    @property
    def complete(self) -> bool:
        """Filled in: a name and a way to reach them (the e-mail address is asked for; a phone alone will do)."""
        return bool(self.name and (self.email or self.phone))


def get_profile(settings: Settings) -> Profile:
    return Profile(**{field: str(settings.get(f"profile.{field}")) for field in FIELDS})


def load_profile(paths: AppPaths) -> Profile:
    """The profile from the settings file; no database needed."""
    return get_profile(Settings.load(paths))


def set_profile(settings: Settings, *, name: str, email: str, phone: str = "", title: str = "",
                organisation: str = "") -> Profile:
    """Check the profile and save it with ``settings`` (the window's own object, so that a later save of the
    window's settings keeps it); every field is replaced: what is not given is cleared."""
    profile = Profile(
        name=clean_name(name, InstallText.YOUR_NAME),
        email=clean_email(email),
        phone=" ".join(phone.split()),
        title=" ".join(title.split()),
        organisation=" ".join(organisation.split()),
    )
    if not profile.email:
        raise ValidationError(ValidationText.EMPTY, field=InstallText.YOUR_EMAIL)
    for field in FIELDS:
        settings.set(f"profile.{field}", getattr(profile, field))
    settings.save()
    return profile


def is_os_login(name: str) -> bool:
    """Is ``name`` just the operating system's login name (what the audit trail falls back to)?"""
    try:
        return name == getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers, services)
        return False
