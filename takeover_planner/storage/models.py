"""The data model (SQLAlchemy 2 typed ORM).

Every table here is created by the Alembic migrations in ``migrations/versions``; a change to a model
needs a new migration (``tests/storage/test_migrations.py`` compares the two).
Editable records carry ``version`` as SQLAlchemy's version counter, so a save over someone else's
change fails instead of overwriting it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Versioned:
    """Optimistic locking: SQLAlchemy bumps ``version`` on every UPDATE and checks the old value."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


# --- planning -------------------------------------------------------------------------------------


class Account(Versioned, Base):
    """An Instagram account the municipality owns."""

    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    handle: Mapped[str] = mapped_column(String(120), default="")
    api_variant: Mapped[str] = mapped_column(String(30), default="instagram_login")
    ig_user_id: Mapped[str | None] = mapped_column(String(64))
    graph_host: Mapped[str] = mapped_column(String(200), default="https://graph.instagram.com")
    graph_version: Mapped[str] = mapped_column(String(20), default="v25.0")
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    # Added by 0010_facebook_pages: an account is an Instagram account or a Facebook Page (``page_id``); an
    # Instagram account's frames are cross-posted to the Page account it is linked to.
    platform: Mapped[str] = mapped_column(String(20), default="instagram")  # instagram | facebook_page
    page_id: Mapped[str | None] = mapped_column(String(64))
    facebook_page_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))


class Department(Versioned, Base):
    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#4a7bd0")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    contacts: Mapped[list[ContactPerson]] = relationship(
        back_populates="department", cascade="all, delete-orphan", order_by="ContactPerson.id"
    )


class ContactPerson(Base):
    __tablename__ = "contact_person"
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=True)
    department: Mapped[Department] = relationship(back_populates="contacts")


class Campaign(Versioned, Base):
    """A campaign or theme week."""

    __tablename__ = "campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(9), default="#8a5cc7")


class Blackout(Versioned, Base):
    """A period with no takeovers (election quiet period, crisis); account NULL means every account."""

    __tablename__ = "blackout"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    account: Mapped[Account | None] = relationship()


class TakeoverSlot(Versioned, Base):
    __tablename__ = "takeover_slot"
    __table_args__ = (Index("ix_takeover_slot_account_dates", "account_id", "start_date", "end_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="requested")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    # The internal note: for the comms team only, never in the brief, letter, e-mail, package or published feeds.
    # Deferred: on PostgreSQL only comms officers may SELECT this column (storage.pg_security), so no ORM load of a
    # slot may ask for it unless the services undefer it for a comms officer (services/booking.py).
    notes: Mapped[str] = mapped_column(Text, default="", deferred=True)
    # The note to the department: what the brief, letter and e-mail tell them. NULL when there is none.
    department_note: Mapped[str | None] = mapped_column(Text, default=None)
    news_url: Mapped[str] = mapped_column(String(1000), default="")
    material_deadline: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    account: Mapped[Account] = relationship()
    department: Mapped[Department] = relationship()
    campaign: Mapped[Campaign | None] = relationship()


class Person(Versioned, Base):
    """A member of the team: comms officer, contributor for one department, or reader.

    With no people recorded a SQLite database is a personal one and whoever opens it acts as a comms officer. On
    PostgreSQL the connected login decides (``storage.pg_security``), never a name the app was told.
    """

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="comms_officer")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    # The PostgreSQL login this person connects with (0007_database_roles); the server knows them by it.
    login: Mapped[str | None] = mapped_column(String(63), unique=True)
    department: Mapped[Department | None] = relationship()


class AuditEvent(Base):
    """Who did what, when, with the record before and after: the public-sector audit trail."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity_type", "entity_id"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=now_utc, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")


# --- stories, media, consent, review, publishing ----------------------------------------------------


class MediaAsset(Base):
    """A file in the content-addressed media store: an original, or a derivative made from one."""

    __tablename__ = "media_asset"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # image | video | unknown
    format: Mapped[str] = mapped_column(String(20), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    display_width: Mapped[int | None] = mapped_column(Integer)
    display_height: Mapped[int | None] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float)
    original_name: Mapped[str] = mapped_column(String(500), default="")
    probe: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    findings: Mapped[list[Any] | None] = mapped_column(JSON)
    derived_from_id: Mapped[int | None] = mapped_column(ForeignKey("media_asset.id"), index=True)
    recipe: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # how a derivative was made
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)


class Submission(Base):
    """A submission package imported into a slot; its sha256 stops a second import."""

    __tablename__ = "submission"
    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("takeover_slot.id"), index=True)
    package_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    submission_uid: Mapped[str] = mapped_column(String(64), unique=True)
    contributor: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    imported_by: Mapped[str] = mapped_column(String(200), default="")


class StoryFrame(Versioned, Base):
    __tablename__ = "story_frame"
    __table_args__ = (Index("ix_story_frame_slot_position", "slot_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("takeover_slot.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    original_asset_id: Mapped[int | None] = mapped_column(ForeignKey("media_asset.id"))
    derivative_asset_id: Mapped[int | None] = mapped_column(ForeignKey("media_asset.id"))
    planned_at: Mapped[dt.datetime | None] = mapped_column()
    text: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sticker_kind: Mapped[str] = mapped_column(String(20), default="")  # "", link, poll, mention
    sticker_value: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(String(300), default="")
    shows_people: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(30), default="draft")
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    slot: Mapped[TakeoverSlot] = relationship()
    original: Mapped[MediaAsset | None] = relationship(foreign_keys=[original_asset_id])
    derivative: Mapped[MediaAsset | None] = relationship(foreign_keys=[derivative_asset_id])


class ConsentRecord(Versioned, Base):
    __tablename__ = "consent_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))  # a person or a group description
    reference: Mapped[str] = mapped_column(String(200), default="")  # consent form id
    given_by: Mapped[str] = mapped_column(String(20), default="self")  # self | guardian
    scope: Mapped[list[Any]] = mapped_column(JSON, default=list)  # ["instagram", "facebook"]
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column()
    withdrawn_by: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)


class FrameConsent(Base):
    __tablename__ = "frame_consent"
    frame_id: Mapped[int] = mapped_column(ForeignKey("story_frame.id", ondelete="CASCADE"), primary_key=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent_record.id"), primary_key=True)


class ReviewDecision(Base):
    __tablename__ = "review_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    frame_id: Mapped[int] = mapped_column(ForeignKey("story_frame.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(30))  # approved | changes_requested | comment
    by: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    comment: Mapped[str] = mapped_column(Text, default="")


class PublishJob(Base):
    """The publish ledger: one row per frame, every step recorded before and after each API call."""

    __tablename__ = "publish_job"
    # One job per frame and channel (0010_facebook_pages): a cross-posted frame has an Instagram and a Facebook job.
    __table_args__ = (UniqueConstraint("frame_id", "channel", name="uq_publish_job_frame_channel"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    frame_id: Mapped[int] = mapped_column(ForeignKey("story_frame.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    method: Mapped[str] = mapped_column(String(20), default="api")  # api | handoff
    state: Mapped[str] = mapped_column(String(30), default="queued", index=True)
    step: Mapped[str] = mapped_column(String(40), default="")
    due_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    container_id: Mapped[str | None] = mapped_column(String(64))
    media_id: Mapped[str | None] = mapped_column(String(64))
    hosted_name: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column()
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_until: Mapped[dt.datetime | None] = mapped_column()
    last_error: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[dt.datetime | None] = mapped_column()
    published_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now_utc, onupdate=now_utc)
    # Added by 0004_publishing: what the ledger needs to resume safely and to explain a failure.
    advice: Mapped[str] = mapped_column(Text, default="")  # what to do about last_error
    error_family: Mapped[str] = mapped_column(String(20), default="")
    status_seen: Mapped[str] = mapped_column(String(20), default="")  # last container status_code read
    containers_made: Mapped[int] = mapped_column(Integer, default=0)
    container_created_at: Mapped[dt.datetime | None] = mapped_column()
    publish_requested_at: Mapped[dt.datetime | None] = mapped_column()
    handoff_pack: Mapped[str] = mapped_column(Text, default="")  # folder of the hand-off pack
    # Added by 0008_publish_plan: the resumable upload address Meta returned with the container.
    upload_uri: Mapped[str | None] = mapped_column(String(500))
    # Added by 0010_facebook_pages: which channel this job posts to (instagram | facebook).
    channel: Mapped[str] = mapped_column(String(20), default="instagram")


class AccountPublishing(Base):
    """Per-account publishing configuration and state: token bookkeeping (never the token), pauses, stops."""

    __tablename__ = "account_publishing"
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    method: Mapped[str] = mapped_column(String(20), default="api")  # api | handoff (the team posts by hand)
    upload_host: Mapped[str] = mapped_column(String(200), default="https://rupload.facebook.com")
    token_ref: Mapped[str | None] = mapped_column(String(64))  # the keyring key's random part
    token_set_at: Mapped[dt.datetime | None] = mapped_column()
    token_expires_at: Mapped[dt.datetime | None] = mapped_column()
    paused_until: Mapped[dt.datetime | None] = mapped_column()
    pause_reason: Mapped[str] = mapped_column(Text, default="")
    stopped_reason: Mapped[str] = mapped_column(Text, default="")  # non-empty: the queue is stopped
    stopped_advice: Mapped[str] = mapped_column(Text, default="")
    stop_family: Mapped[str] = mapped_column(String(20), default="")  # 0008: token | permission | spam | restricted
    updated_at: Mapped[dt.datetime] = mapped_column(default=now_utc, onupdate=now_utc)


# --- insights (takeover_planner/insights, migration 0005_insights) -------------------------------------------


class StoryInsight(Base):
    """A published frame's story insights: the latest numbers Instagram gave and when they were read.

    A metric column left NULL means "Instagram gave no number", never zero. ``sample`` rows belong to the demo's
    clearly labelled sample history and are never sent to Instagram.
    """

    __tablename__ = "story_insight"
    id: Mapped[int] = mapped_column(primary_key=True)
    frame_id: Mapped[int] = mapped_column(ForeignKey("story_frame.id", ondelete="CASCADE"), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    media_id: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[dt.datetime] = mapped_column()
    reach: Mapped[int | None] = mapped_column(Integer)
    views: Mapped[int | None] = mapped_column(Integer)
    replies: Mapped[int | None] = mapped_column(Integer)
    shares: Mapped[int | None] = mapped_column(Integer)
    follows: Mapped[int | None] = mapped_column(Integer)
    profile_visits: Mapped[int | None] = mapped_column(Integer)
    total_interactions: Mapped[int | None] = mapped_column(Integer)
    taps_forward: Mapped[int | None] = mapped_column(Integer)
    taps_back: Mapped[int | None] = mapped_column(Integer)
    exits: Mapped[int | None] = mapped_column(Integer)
    swipes_forward: Mapped[int | None] = mapped_column(Integer)
    reads: Mapped[int] = mapped_column(Integer, default=0)  # reads that brought numbers
    first_read_at: Mapped[dt.datetime | None] = mapped_column()
    last_read_at: Mapped[dt.datetime | None] = mapped_column()  # when the numbers above were read
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column()  # any answer, numbers or not
    not_enough_viewers: Mapped[bool] = mapped_column(Boolean, default=False)  # the last answer was error 10
    gone: Mapped[bool] = mapped_column(Boolean, default=False)  # Instagram no longer knows the media id
    last_error: Mapped[str] = mapped_column(Text, default="")
    sample: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now_utc, onupdate=now_utc)


class FollowerCount(Base):
    """One reading of an account's ``followers_count``: the follower time series."""

    __tablename__ = "follower_count"
    __table_args__ = (Index("ix_follower_count_account_read", "account_id", "read_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    read_at: Mapped[dt.datetime] = mapped_column()
    followers: Mapped[int] = mapped_column(Integer)
    sample: Mapped[bool] = mapped_column(Boolean, default=False)


class FollowerGoal(Base):
    """"``target`` followers by ``due_date``" for an account; a new goal replaces the current one."""

    __tablename__ = "follower_goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    target: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    set_at: Mapped[dt.datetime] = mapped_column(default=now_utc)
    set_by: Mapped[str] = mapped_column(String(200), default="")
    reached_on: Mapped[dt.date | None] = mapped_column(Date)  # first day the count stood at the target
    replaced_at: Mapped[dt.datetime | None] = mapped_column()
    sample: Mapped[bool] = mapped_column(Boolean, default=False)
