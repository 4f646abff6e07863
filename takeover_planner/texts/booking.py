"""What the booking rules and the slot service say: refusals, the status machine, slots not found or changed.

Status names are ``words.SlotStatusName`` (shared with the exports); a refusal's collisions are nested texts
(``SLOT_ITEM``, ``BLACKOUT_*``), so the whole sentence reads in one language.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class BookingText(Code):
    # --- the booking rules (domain/booking.py); details carry the ids: {"blackouts": [...]} / {"slots": [...]}
    IN_BLACKOUT = (
        "booking.in_blackout",
        "{dates} on {account} falls in the blackout period {blackouts}.",
        "{dates} på {account} faller i sperreperioden {blackouts}.",
    )
    IN_BLACKOUTS = (
        "booking.in_blackouts",
        "{dates} on {account} falls in blackout periods: {blackouts}.",
        "{dates} på {account} faller i sperreperiodene {blackouts}.",
    )
    BLACKOUT_ON_ACCOUNT = ("booking.blackout_on_account", "'{name}' ({dates}, on {account})",
                           "«{name}» ({dates}, på {account})")
    BLACKOUT_ON_ALL = ("booking.blackout_on_all", "'{name}' ({dates}, on all accounts)",
                       "«{name}» ({dates}, på alle kontoer)")
    OVERLAP = ("booking.overlap", "{dates} on {account} overlaps {slots}.", "{dates} på {account} overlapper {slots}.")
    SLOT_ITEM = ("booking.slot_item", "slot #{slot_id} ({department}, {dates}, {status})",
                 "periode #{slot_id} ({department}, {dates}, {status})")

    # --- slots and their status machine (domain/slots.py)
    END_BEFORE_START = ("booking.end_before_start", "The end date {end} is before the start date {start}.",
                        "Sluttdatoen {end} er før startdatoen {start}.")
    UNKNOWN_STATUS = ("booking.unknown_status", "Unknown status '{value}'. Choose one of: {choices}.",
                      "Ukjent status «{value}». Velg en av: {choices}.")
    ALREADY_STATUS = ("booking.already_status", "The slot is already {status}.", "Perioden er allerede {status}.")
    TRANSITION = (
        "booking.transition",
        "A {current} slot cannot become {target}; it can become: {allowed}.",
        "En {current} periode kan ikke bli {target}; den kan bli: {allowed}.",
    )
    TRANSITION_FINAL = (
        "booking.transition_final",
        "A {current} slot cannot become {target}; it is final.",
        "En {current} periode kan ikke bli {target}; statusen er endelig.",
    )
    CANCEL_NEEDS_REASON = ("booking.cancel_needs_reason", "Cancelling a slot needs a reason (--reason).",
                           "Du må oppgi en grunn når du avlyser en periode (--reason).")

    # --- the slot service (services/booking.py)
    NO_SLOT = ("booking.no_slot", "No slot #{slot_id}.", "Finner ingen periode #{slot_id}.")
    NEW_SLOT_STATUS = ("booking.new_slot_status", "A new slot cannot start as {status}.",
                       "En ny periode kan ikke starte som {status}.")
    CANNOT_MOVE = ("booking.cannot_move", "Slot #{slot_id} is {status}; it can no longer be moved.",
                   "Periode #{slot_id} er {status}; den kan ikke flyttes lenger.")
    SLOT_CHANGED = (
        "booking.slot_changed",
        "Slot #{slot_id} was changed by someone else in the meantime (now {department}, {dates}, {status}). "
        "The view has been reloaded; try again.",
        "Periode #{slot_id} ble endret av noen andre i mellomtiden (nå {department}, {dates}, {status}). "
        "Visningen er lastet inn på nytt; prøv igjen.",
    )
