"""Accounts, departments (with contact persons), campaigns and blackout periods."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from takeover_planner.domain.slots import DateRange, SlotStatus
from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.domain.validation import (
    clean_color,
    clean_email,
    clean_handle,
    clean_name,
    clean_url,
    free_color,
)
from takeover_planner.errors import ConflictError, NotFoundError, ValidationError
from takeover_planner.instagram.graph_hosts import GRAPH_HOSTS
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    Blackout,
    Campaign,
    ContactPerson,
    Department,
    TakeoverSlot,
)
from takeover_planner.texts import Code
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.catalog import CatalogText
from takeover_planner.texts.validation import FieldText, ValidationText

# --- value objects handed to the CLI and the GUI ----------------------------------------------------


@dataclass(frozen=True)
class AccountInfo:
    id: int
    name: str
    handle: str
    api_variant: str
    ig_user_id: str | None
    graph_host: str
    graph_version: str
    version: int
    platform: str = "instagram"  # instagram | facebook_page
    page_id: str | None = None  # a Facebook Page account's Page id
    facebook_page_account_id: int | None = None  # an Instagram account's linked Page account (cross-posting)


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    color: str
    notes: str
    archived: bool
    contacts: tuple[ContactInfo, ...]
    slot_count: int
    version: int

    @property
    def primary_contact(self) -> ContactInfo | None:
        return self.contacts[0] if self.contacts else None


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    name: str
    start: dt.date | None
    end: dt.date | None
    description: str
    color: str
    version: int


@dataclass(frozen=True)
class BlackoutInfo:
    id: int
    name: str
    start: dt.date
    end: dt.date
    account: str | None
    account_id: int | None
    reason: str
    version: int


def _account_info(a: Account) -> AccountInfo:
    return AccountInfo(a.id, a.name, a.handle, a.api_variant, a.ig_user_id, a.graph_host, a.graph_version, a.version,
                       a.platform, a.page_id, a.facebook_page_account_id)


def _department_info(d: Department, slot_count: int) -> DepartmentInfo:
    contacts = tuple(ContactInfo(c.id, c.name, c.email, c.phone) for c in d.contacts)
    return DepartmentInfo(d.id, d.name, d.color, d.notes, d.archived, contacts, slot_count, d.version)


def _campaign_info(c: Campaign) -> CampaignInfo:
    return CampaignInfo(c.id, c.name, c.start_date, c.end_date, c.description, c.color, c.version)


def _blackout_info(b: Blackout) -> BlackoutInfo:
    return BlackoutInfo(
        b.id, b.name, b.start_date, b.end_date, b.account.name if b.account else None, b.account_id, b.reason, b.version
    )


# --- look-ups by name or id -------------------------------------------------------------------------


def find_account(session: Session, ref: int | str) -> Account:
    row = _find(session, Account, ref)
    if row is None:
        if isinstance(ref, str):
            raise NotFoundError(CatalogText.NO_ACCOUNT_NAMED, name=ref)
        raise NotFoundError(CatalogText.NO_ACCOUNT, account_id=ref)
    return row


def find_department(session: Session, ref: int | str) -> Department:
    row = _find(session, Department, ref)
    if row is None:
        if isinstance(ref, str):
            raise NotFoundError(CatalogText.NO_DEPARTMENT_NAMED, name=ref)
        raise NotFoundError(CatalogText.NO_DEPARTMENT, department_id=ref)
    return row


def find_campaign(session: Session, ref: int | str) -> Campaign:
    row = _find(session, Campaign, ref)
    if row is None:
        if isinstance(ref, str):
            raise NotFoundError(CatalogText.NO_CAMPAIGN_NAMED, name=ref)
        raise NotFoundError(CatalogText.NO_CAMPAIGN, campaign_id=ref)
    return row


def _find(session: Session, model: type, ref: int | str):  # type: ignore[no-untyped-def]
    if isinstance(ref, int):
        return session.get(model, ref)
    name = " ".join(ref.split())
    row = session.scalars(select(model).where(model.name == name)).first()  # type: ignore[attr-defined]
    if row is None:  # forgiving about case: "biblioteket" finds "Biblioteket"
        row = session.scalars(select(model).where(func.lower(model.name) == name.lower())).first()  # type: ignore[attr-defined]
    return row


def _check_version(row: object, expected: int | None, changed: Code) -> None:
    """``changed`` is the conflict's message for this kind of record (``CatalogText.ACCOUNT_CHANGED`` …)."""
    if expected is not None and getattr(row, "version", None) != expected:
        raise ConflictError(changed, name=getattr(row, "name", ""))


def _unique(session: Session, model: type, name: str, exists: Code, exclude_id: int | None = None) -> None:
    query = select(model.id).where(func.lower(model.name) == name.lower())  # type: ignore[attr-defined]
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)  # type: ignore[attr-defined]
    if session.scalar(query) is not None:
        raise ValidationError(exists, name=name)


# --- accounts ----------------------------------------------------------------------------------------


def add_account(
    ctx: AppContext,
    name: str,
    handle: str = "",
    api_variant: str = "instagram_login",
    ig_user_id: str | None = None,
    graph_host: str | None = None,
    graph_version: str = "v25.0",
    platform: str = "instagram",
    page_id: str | None = None,
) -> AccountInfo:
    name = clean_name(name, FieldText.ACCOUNT_NAME, max_length=120)
    from takeover_planner.services.page_accounts import clean_platform  # a Facebook Page is an account too

    platform, page_id = clean_platform(platform, page_id)
    if platform == "facebook_page":  # a Page talks to graph.facebook.com with a Page token
        api_variant = "facebook_login"
    if api_variant not in GRAPH_HOSTS:
        raise ValidationError(CatalogText.BAD_API_VARIANT, choices=", ".join(GRAPH_HOSTS))
    # Checked as `account set` checks them (the window's account editor offers them on a new account too).
    graph = _clean_graph_settings({"ig_user_id": ig_user_id, "graph_host": graph_host,
                                   "graph_version": graph_version}, api_variant)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.ADD_ACCOUNTS)
        _unique(s, Account, name, CatalogText.ACCOUNT_EXISTS)
        account = Account(
            name=name,
            handle=clean_handle(handle),
            api_variant=api_variant,
            ig_user_id=graph["ig_user_id"],
            graph_host=graph["graph_host"],
            graph_version=graph["graph_version"],
            platform=platform,
            page_id=page_id,
        )
        s.add(account)
        s.flush()
        audit.record(s, ctx.actor, "account", account.id, "created", after={"name": name, "handle": account.handle})
        return _account_info(account)


def list_accounts(ctx: AppContext) -> list[AccountInfo]:
    with ctx.db.session() as s:
        return [_account_info(a) for a in s.scalars(select(Account).order_by(Account.name))]


def update_account(ctx: AppContext, account_id: int, *, expected_version: int | None = None, **changes: object) -> AccountInfo:
    allowed = {"name", "handle", "api_variant", "ig_user_id", "graph_host", "graph_version"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(CatalogText.UNKNOWN_ACCOUNT_FIELDS, fields=", ".join(sorted(unknown)))
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_ACCOUNTS)
        account = find_account(s, account_id)
        _check_version(account, expected_version, CatalogText.ACCOUNT_CHANGED)
        before = {k: getattr(account, k) for k in changes}
        if "name" in changes:
            changes["name"] = clean_name(str(changes["name"]), FieldText.ACCOUNT_NAME, max_length=120)
            _unique(s, Account, str(changes["name"]), CatalogText.ACCOUNT_EXISTS, exclude_id=account.id)
        if "handle" in changes:
            changes["handle"] = clean_handle(str(changes["handle"]))
        if "api_variant" in changes and changes["api_variant"] not in GRAPH_HOSTS:
            raise ValidationError(CatalogText.BAD_API_VARIANT, choices=", ".join(GRAPH_HOSTS))
        changes.update(_clean_graph_settings(changes, str(changes.get("api_variant", account.api_variant))))
        for key, value in changes.items():
            setattr(account, key, value)
        s.flush()
        audit.record(s, ctx.actor, "account", account.id, "updated", before=before, after=dict(changes))
        return _account_info(account)


def _clean_graph_settings(changes: dict[str, object], variant: str) -> dict[str, object]:
    """The Graph API settings among ``changes``, checked: a user id is digits (empty: none), the host an http(s)
    URL without a trailing slash (empty: the API variant's own host), the version like v25.0."""
    clean: dict[str, object] = {}
    if "ig_user_id" in changes:
        user_id = str(changes["ig_user_id"] or "").strip()
        if user_id and not re.fullmatch(r"[0-9]{1,64}", user_id):
            raise ValidationError(CatalogText.BAD_IG_USER_ID, value=user_id)
        clean["ig_user_id"] = user_id or None
    if "graph_host" in changes:
        host = clean_url(str(changes["graph_host"] or "")).rstrip("/")
        clean["graph_host"] = host or GRAPH_HOSTS[variant]
    if "graph_version" in changes:
        version = str(changes["graph_version"] or "").strip()
        if not re.fullmatch(r"v[0-9]{1,3}\.[0-9]{1,3}", version):
            raise ValidationError(CatalogText.BAD_GRAPH_VERSION, value=version)
        clean["graph_version"] = version
    return clean


@dataclass(frozen=True)
class AccountRemoval:
    account: AccountInfo  # as it was just before it was deleted
    blackouts_removed: int  # its own blackout periods (those for every account stay)


def remove_account(ctx: AppContext, account_id: int | str) -> AccountRemoval:
    """Delete an account that has never had a slot; its own blackout periods go with it (each audited).

    Refused while it has slots (they and their stories are history that must keep their account) and while an
    access token is recorded for it: the token lives in a keyring that only the publishing service reaches, and
    deleting the account first would leave the secret behind with nothing pointing to it.
    """
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REMOVE_ACCOUNTS)
        account = find_account(s, account_id)
        slots = int(s.scalar(select(func.count()).select_from(TakeoverSlot)
                             .where(TakeoverSlot.account_id == account.id)) or 0)
        if slots:
            raise ValidationError(CatalogText.ACCOUNT_HAS_SLOTS, name=account.name, count=slots)
        publishing = s.get(AccountPublishing, account.id)
        if publishing is not None and publishing.token_set_at is not None:
            raise ValidationError(CatalogText.ACCOUNT_HAS_TOKEN, name=account.name)
        blackouts = list(s.scalars(select(Blackout).where(Blackout.account_id == account.id)))
        for blackout in blackouts:
            audit.record(s, ctx.actor, "blackout", blackout.id, "deleted", comment=note(AuditNote.ACCOUNT_REMOVED),
                         before={"name": blackout.name, "start": blackout.start_date, "end": blackout.end_date})
            s.delete(blackout)
        audit.record(s, ctx.actor, "account", account.id, "deleted",
                     before={"name": account.name, "handle": account.handle})
        removed = AccountRemoval(_account_info(account), len(blackouts))
        s.delete(account)
        return removed


# --- departments ---------------------------------------------------------------------------------------


def add_department(
    ctx: AppContext,
    name: str,
    *,
    contact_name: str = "",
    email: str = "",
    phone: str = "",
    color: str = "",
    notes: str = "",
) -> DepartmentInfo:
    name = clean_name(name, FieldText.DEPARTMENT_NAME)
    email = clean_email(email)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.ADD_DEPARTMENTS)
        _unique(s, Department, name, CatalogText.DEPARTMENT_EXISTS)
        department = Department(name=name, color=clean_color(color, _next_color(s)), notes=notes.strip())
        if contact_name.strip() or email or phone.strip():
            department.contacts.append(
                ContactPerson(
                    name=clean_name(contact_name or email, FieldText.CONTACT_NAME),
                    email=email,
                    phone=phone.strip(),
                )
            )
        s.add(department)
        s.flush()
        audit.record(s, ctx.actor, "department", department.id, "created", after={"name": name, "contact": contact_name, "email": email})
        return _department_info(department, 0)


def list_departments(ctx: AppContext, *, include_archived: bool = True) -> list[DepartmentInfo]:
    with ctx.db.session() as s:
        counts = dict(
            s.execute(select(TakeoverSlot.department_id, func.count()).group_by(TakeoverSlot.department_id)).all()
        )
        query = select(Department).options(selectinload(Department.contacts)).order_by(Department.name)
        if not include_archived:
            query = query.where(Department.archived.is_(False))
        return [_department_info(d, counts.get(d.id, 0)) for d in s.scalars(query)]


def update_department(
    ctx: AppContext,
    department_id: int,
    *,
    expected_version: int | None = None,
    name: str | None = None,
    color: str | None = None,
    notes: str | None = None,
    contact_name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
) -> DepartmentInfo:
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_DEPARTMENTS)
        department = find_department(s, department_id)
        _check_version(department, expected_version, CatalogText.DEPARTMENT_CHANGED)
        before = {"name": department.name, "color": department.color, "notes": department.notes}
        if name is not None:
            new_name = clean_name(name, FieldText.DEPARTMENT_NAME)
            _unique(s, Department, new_name, CatalogText.DEPARTMENT_EXISTS, exclude_id=department.id)
            department.name = new_name
        if color is not None:
            department.color = clean_color(color, department.color)
        if notes is not None:
            department.notes = notes.strip()
        if contact_name is not None or email is not None or phone is not None:
            contact = department.contacts[0] if department.contacts else None
            if contact is None:
                contact = ContactPerson(name="")
                department.contacts.append(contact)
            if contact_name is not None:
                contact.name = clean_name(contact_name, FieldText.CONTACT_NAME)
            if email is not None:
                contact.email = clean_email(email)
            if phone is not None:
                contact.phone = phone.strip()
            if not contact.name:
                raise ValidationError(ValidationText.EMPTY, field=FieldText.CONTACT_NAME)
            # Contacts belong to the department's record: a contact edit is a department edit.
            department.updated_at = dt.datetime.now(dt.UTC)
        s.flush()
        after = {"name": department.name, "color": department.color, "notes": department.notes}
        audit.record(s, ctx.actor, "department", department.id, "updated", before=before, after=after)
        count = s.scalar(select(func.count()).select_from(TakeoverSlot).where(TakeoverSlot.department_id == department.id))
        return _department_info(department, int(count or 0))


def remove_department(ctx: AppContext, department_id: int, *, mode: str = "delete") -> str:
    """Remove a department. With slots it cannot be deleted: ``mode="archive"`` hides it but keeps
    every slot and the audit trail; ``mode="archive-cancel-future"`` also cancels its future, unfinished slots.
    Returns what was done ("deleted" or "archived")."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REMOVE_DEPARTMENTS)
        department = find_department(s, department_id)
        slots = list(s.scalars(select(TakeoverSlot).where(TakeoverSlot.department_id == department.id)))
        if not slots and mode == "delete":
            audit.record(s, ctx.actor, "department", department.id, "deleted", before={"name": department.name})
            s.delete(department)
            return "deleted"
        if mode == "delete":
            raise ValidationError(CatalogText.DEPARTMENT_HAS_SLOTS, name=department.name, count=len(slots))
        if mode not in ("archive", "archive-cancel-future"):
            raise ValidationError(CatalogText.BAD_REMOVE_MODE)
        department.archived = True
        if mode == "archive-cancel-future":
            today = today_oslo()
            for slot in slots:
                if slot.start_date > today and slot.status not in (SlotStatus.COMPLETED, SlotStatus.CANCELLED):
                    audit.record(s, ctx.actor, "slot", slot.id, "status", before={"status": slot.status},
                                 after={"status": "cancelled"}, comment=note(AuditNote.DEPARTMENT_ARCHIVED))
                    slot.status = SlotStatus.CANCELLED.value
                    # Stored as a note, shown in the reader's language (booking.slot_info, planner_queries).
                    slot.cancel_reason = note(AuditNote.DEPARTMENT_WAS_ARCHIVED, department=department.name)
        audit.record(s, ctx.actor, "department", department.id, "archived", before={"archived": False}, after={"archived": True})
        return "archived"


def _next_color(session: Session) -> str:
    """A colour no department or campaign has yet (``validation.free_color``)."""
    return free_color([*session.scalars(select(Department.color)), *session.scalars(select(Campaign.color))])


# --- campaigns -------------------------------------------------------------------------------------------


def add_campaign(
    ctx: AppContext, name: str, start: dt.date | None = None, end: dt.date | None = None, description: str = "",
    color: str = "",
) -> CampaignInfo:
    name = clean_name(name, FieldText.CAMPAIGN_NAME)
    if start and end:
        DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.ADD_CAMPAIGNS)
        _unique(s, Campaign, name, CatalogText.CAMPAIGN_EXISTS)
        campaign = Campaign(name=name, start_date=start, end_date=end, description=description.strip(),
                            color=clean_color(color, _next_color(s)))
        s.add(campaign)
        s.flush()
        audit.record(s, ctx.actor, "campaign", campaign.id, "created", after={"name": name, "start": start, "end": end})
        return _campaign_info(campaign)


def list_campaigns(ctx: AppContext) -> list[CampaignInfo]:
    with ctx.db.session() as s:
        return [_campaign_info(c) for c in s.scalars(select(Campaign).order_by(Campaign.start_date, Campaign.name))]


def update_campaign(
    ctx: AppContext,
    campaign_id: int,
    *,
    expected_version: int | None = None,
    name: str,
    start: dt.date | None,
    end: dt.date | None,
    description: str = "",
    color: str = "",
) -> CampaignInfo:
    """Replace a campaign's name, dates, description and colour (an empty colour keeps the current one)."""
    name = clean_name(name, FieldText.CAMPAIGN_NAME)
    if start and end:
        DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_CAMPAIGNS)
        campaign = find_campaign(s, campaign_id)
        _check_version(campaign, expected_version, CatalogText.CAMPAIGN_CHANGED)
        _unique(s, Campaign, name, CatalogText.CAMPAIGN_EXISTS, exclude_id=campaign.id)
        before = {"name": campaign.name, "start": campaign.start_date, "end": campaign.end_date,
                  "description": campaign.description, "color": campaign.color}
        campaign.name = name
        campaign.start_date, campaign.end_date = start, end
        campaign.description = description.strip()
        campaign.color = clean_color(color, campaign.color)
        s.flush()
        after = {"name": campaign.name, "start": start, "end": end, "description": campaign.description,
                 "color": campaign.color}
        audit.record(s, ctx.actor, "campaign", campaign.id, "updated", before=before, after=after)
        return _campaign_info(campaign)


def remove_campaign(ctx: AppContext, campaign_id: int) -> None:
    """Slots keep their dates; they simply stop belonging to the campaign."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REMOVE_CAMPAIGNS)
        campaign = find_campaign(s, campaign_id)
        audit.record(s, ctx.actor, "campaign", campaign.id, "deleted", before={"name": campaign.name})
        for slot in s.scalars(select(TakeoverSlot).where(TakeoverSlot.campaign_id == campaign.id)):
            slot.campaign_id = None
        s.delete(campaign)


# --- blackouts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlackoutResult:
    blackout: BlackoutInfo
    affected_slot_ids: tuple[int, ...]  # slots already inside it: kept, but worth a look


def add_blackout(
    ctx: AppContext, name: str, start: dt.date, end: dt.date, account: int | str | None = None, reason: str = ""
) -> BlackoutResult:
    name = clean_name(name, FieldText.BLACKOUT_NAME)
    dates = DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.ADD_BLACKOUTS)
        account_row = find_account(s, account) if account is not None else None
        blackout = Blackout(name=name, start_date=dates.start, end_date=dates.end,
                            account_id=account_row.id if account_row else None, reason=reason.strip())
        s.add(blackout)
        s.flush()
        s.refresh(blackout)
        audit.record(s, ctx.actor, "blackout", blackout.id, "created",
                     after={"name": name, "start": start, "end": end, "account": account_row.name if account_row else None})
        return BlackoutResult(_blackout_info(blackout), _slots_inside(s, dates, account_row))


def list_blackouts(ctx: AppContext) -> list[BlackoutInfo]:
    with ctx.db.session() as s:
        rows = s.scalars(select(Blackout).options(selectinload(Blackout.account)).order_by(Blackout.start_date))
        return [_blackout_info(b) for b in rows]


def update_blackout(
    ctx: AppContext,
    blackout_id: int,
    *,
    expected_version: int | None = None,
    name: str,
    start: dt.date,
    end: dt.date,
    account: int | str | None = None,
    reason: str = "",
) -> BlackoutResult:
    """Change a blackout period; like adding one, it reports the slots already inside its new dates."""
    name = clean_name(name, FieldText.BLACKOUT_NAME)
    dates = DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_BLACKOUTS)
        blackout = _get_blackout(s, blackout_id)
        _check_version(blackout, expected_version, CatalogText.BLACKOUT_CHANGED)
        account_row = find_account(s, account) if account is not None else None
        before = {"name": blackout.name, "start": blackout.start_date, "end": blackout.end_date,
                  "account_id": blackout.account_id, "reason": blackout.reason}
        blackout.name = name
        blackout.start_date, blackout.end_date = dates.start, dates.end
        blackout.account_id = account_row.id if account_row else None
        blackout.reason = reason.strip()
        s.flush()
        s.refresh(blackout)
        after = {"name": name, "start": dates.start, "end": dates.end,
                 "account_id": blackout.account_id, "reason": blackout.reason}
        audit.record(s, ctx.actor, "blackout", blackout.id, "updated", before=before, after=after)
        return BlackoutResult(_blackout_info(blackout), _slots_inside(s, dates, account_row))


def remove_blackout(ctx: AppContext, blackout_id: int) -> None:
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REMOVE_BLACKOUTS)
        blackout = _get_blackout(s, blackout_id)
        audit.record(s, ctx.actor, "blackout", blackout.id, "deleted",
                     before={"name": blackout.name, "start": blackout.start_date, "end": blackout.end_date})
        s.delete(blackout)


def _get_blackout(session: Session, blackout_id: int) -> Blackout:
    blackout = session.get(Blackout, blackout_id)
    if blackout is None:
        raise NotFoundError(CatalogText.NO_BLACKOUT, blackout_id=blackout_id)
    return blackout


def _slots_inside(session: Session, dates: DateRange, account: Account | None) -> tuple[int, ...]:
    """Slots (not cancelled) that overlap ``dates`` on ``account``, or on any account: kept, but worth a look."""
    query = select(TakeoverSlot.id).where(
        TakeoverSlot.start_date <= dates.end,
        TakeoverSlot.end_date >= dates.start,
        TakeoverSlot.status != SlotStatus.CANCELLED.value,
    )
    if account is not None:
        query = query.where(TakeoverSlot.account_id == account.id)
    return tuple(session.scalars(query.order_by(TakeoverSlot.start_date)))
