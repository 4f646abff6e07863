"""Accounts, departments (with contact persons), campaigns and blackout periods."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from takeover_planner.domain.slots import DateRange, SlotStatus
from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.domain.validation import clean_color, clean_email, clean_handle, clean_name
from takeover_planner.errors import ConflictError, NotFoundError, ValidationError
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

API_VARIANTS = {
    "instagram_login": "https://graph.instagram.com",
    "facebook_login": "https://graph.facebook.com",
}


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
    return AccountInfo(a.id, a.name, a.handle, a.api_variant, a.ig_user_id, a.graph_host, a.graph_version, a.version)


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
        raise NotFoundError(f"No account called '{ref}'." if isinstance(ref, str) else f"No account #{ref}.")
    return row


def find_department(session: Session, ref: int | str) -> Department:
    row = _find(session, Department, ref)
    if row is None:
        raise NotFoundError(f"No department called '{ref}'." if isinstance(ref, str) else f"No department #{ref}.")
    return row


def find_campaign(session: Session, ref: int | str) -> Campaign:
    row = _find(session, Campaign, ref)
    if row is None:
        raise NotFoundError(f"No campaign called '{ref}'." if isinstance(ref, str) else f"No campaign #{ref}.")
    return row


def _find(session: Session, model: type, ref: int | str):  # type: ignore[no-untyped-def]
    if isinstance(ref, int):
        return session.get(model, ref)
    name = " ".join(ref.split())
    row = session.scalars(select(model).where(model.name == name)).first()  # type: ignore[attr-defined]
    if row is None:  # forgiving about case: "biblioteket" finds "Biblioteket"
        row = session.scalars(select(model).where(func.lower(model.name) == name.lower())).first()  # type: ignore[attr-defined]
    return row


def _check_version(row: object, expected: int | None, what: str) -> None:
    if expected is not None and getattr(row, "version", None) != expected:
        raise ConflictError(f"{what} was changed by someone else in the meantime. Reload and try again.")


def _unique(session: Session, model: type, name: str, what: str, exclude_id: int | None = None) -> None:
    query = select(model.id).where(func.lower(model.name) == name.lower())  # type: ignore[attr-defined]
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)  # type: ignore[attr-defined]
    if session.scalar(query) is not None:
        raise ValidationError(f"There is already {what} called '{name}'.")


# --- accounts ----------------------------------------------------------------------------------------


def add_account(
    ctx: AppContext,
    name: str,
    handle: str = "",
    api_variant: str = "instagram_login",
    ig_user_id: str | None = None,
    graph_host: str | None = None,
    graph_version: str = "v25.0",
) -> AccountInfo:
    name = clean_name(name, "The account name", max_length=120)
    if api_variant not in API_VARIANTS:
        raise ValidationError(f"API variant must be one of: {', '.join(API_VARIANTS)}.")
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "add accounts")
        _unique(s, Account, name, "an account")
        account = Account(
            name=name,
            handle=clean_handle(handle),
            api_variant=api_variant,
            ig_user_id=(ig_user_id or None),
            graph_host=(graph_host or API_VARIANTS[api_variant]).rstrip("/"),
            graph_version=graph_version,
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
        raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} on an account.")
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "change accounts")
        account = find_account(s, account_id)
        _check_version(account, expected_version, f"Account '{account.name}'")
        before = {k: getattr(account, k) for k in changes}
        if "name" in changes:
            changes["name"] = clean_name(str(changes["name"]), "The account name", max_length=120)
            _unique(s, Account, str(changes["name"]), "an account", exclude_id=account.id)
        if "handle" in changes:
            changes["handle"] = clean_handle(str(changes["handle"]))
        if "api_variant" in changes and changes["api_variant"] not in API_VARIANTS:
            raise ValidationError(f"API variant must be one of: {', '.join(API_VARIANTS)}.")
        for key, value in changes.items():
            setattr(account, key, value)
        s.flush()
        audit.record(s, ctx.actor, "account", account.id, "updated", before=before, after=dict(changes))
        return _account_info(account)


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
        require_planner(s, ctx.actor, "remove accounts")
        account = find_account(s, account_id)
        slots = int(s.scalar(select(func.count()).select_from(TakeoverSlot)
                             .where(TakeoverSlot.account_id == account.id)) or 0)
        if slots:
            raise ValidationError(f"'{account.name}' has {slots} slot(s) and cannot be removed; their history "
                                  "keeps the account.")
        publishing = s.get(AccountPublishing, account.id)
        if publishing is not None and publishing.token_set_at is not None:
            raise ValidationError(f"'{account.name}' still has an access token; remove it first "
                                  f"(account remove-token \"{account.name}\").")
        blackouts = list(s.scalars(select(Blackout).where(Blackout.account_id == account.id)))
        for blackout in blackouts:
            audit.record(s, ctx.actor, "blackout", blackout.id, "deleted", comment="account removed",
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
    name = clean_name(name, "The department name")
    email = clean_email(email)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "add departments")
        _unique(s, Department, name, "a department")
        department = Department(name=name, color=clean_color(color, _next_color(s)), notes=notes.strip())
        if contact_name.strip() or email or phone.strip():
            department.contacts.append(
                ContactPerson(
                    name=clean_name(contact_name or email, "The contact person's name"),
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
        require_planner(s, ctx.actor, "change departments")
        department = find_department(s, department_id)
        _check_version(department, expected_version, f"Department '{department.name}'")
        before = {"name": department.name, "color": department.color, "notes": department.notes}
        if name is not None:
            new_name = clean_name(name, "The department name")
            _unique(s, Department, new_name, "a department", exclude_id=department.id)
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
                contact.name = clean_name(contact_name, "The contact person's name")
            if email is not None:
                contact.email = clean_email(email)
            if phone is not None:
                contact.phone = phone.strip()
            if not contact.name:
                raise ValidationError("The contact person's name must not be empty.")
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
        require_planner(s, ctx.actor, "remove departments")
        department = find_department(s, department_id)
        slots = list(s.scalars(select(TakeoverSlot).where(TakeoverSlot.department_id == department.id)))
        if not slots and mode == "delete":
            audit.record(s, ctx.actor, "department", department.id, "deleted", before={"name": department.name})
            s.delete(department)
            return "deleted"
        if mode == "delete":
            raise ValidationError(
                f"'{department.name}' has {len(slots)} slot(s); it can be archived (its history stays) but not deleted."
            )
        if mode not in ("archive", "archive-cancel-future"):
            raise ValidationError("Choose delete, archive or archive-cancel-future.")
        department.archived = True
        if mode == "archive-cancel-future":
            today = today_oslo()
            for slot in slots:
                if slot.start_date > today and slot.status not in (SlotStatus.COMPLETED, SlotStatus.CANCELLED):
                    audit.record(s, ctx.actor, "slot", slot.id, "status", before={"status": slot.status},
                                 after={"status": "cancelled"}, comment="department archived")
                    slot.status = SlotStatus.CANCELLED.value
                    slot.cancel_reason = f"{department.name} was archived"
        audit.record(s, ctx.actor, "department", department.id, "archived", before={"archived": False}, after={"archived": True})
        return "archived"


_PALETTE = ("#2f6fde", "#d9822b", "#2e9e6a", "#c2415d", "#7a5cc7", "#1f9bb0", "#b8860b", "#5d7a2a",
            "#d05fa6", "#4b5d8a", "#a0522d", "#3a8f8f")


def _next_color(session: Session) -> str:
    used = int(session.scalar(select(func.count()).select_from(Department)) or 0)
    return _PALETTE[used % len(_PALETTE)]


# --- campaigns -------------------------------------------------------------------------------------------


def add_campaign(
    ctx: AppContext, name: str, start: dt.date | None = None, end: dt.date | None = None, description: str = "",
    color: str = "",
) -> CampaignInfo:
    name = clean_name(name, "The campaign name")
    if start and end:
        DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "add campaigns")
        _unique(s, Campaign, name, "a campaign")
        campaign = Campaign(name=name, start_date=start, end_date=end, description=description.strip(),
                            color=clean_color(color, "#8a5cc7"))
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
    name = clean_name(name, "The campaign name")
    if start and end:
        DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "change campaigns")
        campaign = find_campaign(s, campaign_id)
        _check_version(campaign, expected_version, f"Campaign '{campaign.name}'")
        _unique(s, Campaign, name, "a campaign", exclude_id=campaign.id)
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
        require_planner(s, ctx.actor, "remove campaigns")
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
    name = clean_name(name, "The blackout name")
    dates = DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "add blackout periods")
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
    name = clean_name(name, "The blackout name")
    dates = DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "change blackout periods")
        blackout = _get_blackout(s, blackout_id)
        _check_version(blackout, expected_version, f"Blackout '{blackout.name}'")
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
        require_planner(s, ctx.actor, "remove blackout periods")
        blackout = _get_blackout(s, blackout_id)
        audit.record(s, ctx.actor, "blackout", blackout.id, "deleted",
                     before={"name": blackout.name, "start": blackout.start_date, "end": blackout.end_date})
        s.delete(blackout)


def _get_blackout(session: Session, blackout_id: int) -> Blackout:
    blackout = session.get(Blackout, blackout_id)
    if blackout is None:
        raise NotFoundError(f"No blackout #{blackout_id}.")
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
