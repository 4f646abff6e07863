"""The e-mails to a department about its takeover (services/reminders.py): subject, body and the deadline's
calendar invitation, in the brief's language; and why such an e-mail cannot be written."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class ReminderText(Code):
    # --- refusals
    NO_DEPARTMENT_EMAIL = (
        "reminder.no_department_email",
        "{department} has no contact person with an e-mail address; add one before e-mailing the department.",
        "{department} har ingen kontaktperson med e-postadresse. Legg inn en før du sender e-post til enheten.",
    )
    NO_COMMS_EMAIL = (
        "reminder.no_comms_email",
        "Your e-mail address is not known: fill in your profile (takeover-planner profile set) or give --contact.",
        "E-postadressen din er ukjent. Fyll ut profilen din (takeover-planner profile set), eller oppgi --contact.",
    )
    NO_DEADLINE = (
        "reminder.no_deadline",
        "Slot #{slot_id} has no material deadline to remind anyone of.",
        "Periode #{slot_id} har ingen frist for materiell å minne om.",
    )

    # --- subjects
    SUBJECT_BRIEF = ("reminder.subject_brief", "Your takeover of {account} {dates}: the brief",
                     "Overtakelsen deres av {account} {dates}: oppdragsbrevet")
    SUBJECT_REMINDER = ("reminder.subject_reminder", "Reminder: material for the takeover {dates} is due {deadline}",
                        "Påminnelse: materiellet til overtakelsen {dates} skal inn innen {deadline}")
    SUBJECT_MISSED = ("reminder.subject_missed", "The material deadline for the takeover {dates} has passed",
                      "Fristen for materiell til overtakelsen {dates} har gått ut")

    # --- the body, paragraph by paragraph
    GREETING = ("reminder.greeting", "Hi {name},", "Hei, {name}!")
    GREETING_NO_NAME = ("reminder.greeting_no_name", "Hi,", "Hei!")
    INTRO_BRIEF = (
        "reminder.intro_brief",
        "{department} takes over {account} {dates}. The brief is attached as a PDF, together with the contributor "
        "kit ({kit}): open it in Takeover Planner to add your pictures and videos and send them back to us.",
        "{department} overtar {account} {dates}. Oppdragsbrevet ligger ved som PDF, sammen med bidragspakken "
        "({kit}): Åpne den i Takeover Planner for å legge inn bilder og videoer og sende dem tilbake til oss.",
    )
    INTRO_REMINDER = (
        "reminder.intro_reminder",
        "A reminder about your takeover of {account} {dates}: we look forward to your material. The brief and the "
        "contributor kit ({kit}) are attached again.",
        "En påminnelse om overtakelsen deres av {account} {dates}: Vi gleder oss til å få materiellet. "
        "Oppdragsbrevet og bidragspakken ({kit}) ligger ved igjen.",
    )
    INTRO_MISSED = (
        "reminder.intro_missed",
        "We have not received any material for your takeover of {account} {dates}; the deadline was {deadline}. "
        "Please send what you have as soon as you can, or tell us if the takeover should be moved. The brief and "
        "the contributor kit ({kit}) are attached again.",
        "Vi har ikke fått noe materiell til overtakelsen deres av {account} {dates}. Fristen var {deadline}. "
        "Send det dere har så snart dere kan, eller si fra om overtakelsen bør flyttes. Oppdragsbrevet og "
        "bidragspakken ({kit}) ligger ved igjen.",
    )
    DEADLINE_LINE = ("reminder.deadline_line", "Material deadline: {deadline}.", "Frist for materiell: {deadline}.")
    INVITATION_LINE = (
        "reminder.invitation_line",
        "The deadline is attached as a calendar invitation ({file}), so it lands in your calendar.",
        "Fristen ligger ved som kalenderinvitasjon ({file}), slik at den havner i kalenderen din.",
    )
    QUESTIONS = ("reminder.questions", "Questions? Just reply to this e-mail.",
                 "Har du spørsmål? Bare svar på denne e-posten.")
    REGARDS = ("reminder.regards", "Best regards,", "Vennlig hilsen")

    # --- the invitation
    INVITATION_SUMMARY = ("reminder.invitation_summary", "Material deadline: takeover of {account} {dates}",
                          "Frist for materiell: overtakelse av {account} {dates}")
    INVITATION_DESCRIPTION = (
        "reminder.invitation_description",
        "Send the pictures and videos for the takeover of {account} {dates} ({department}) by now.",
        "Send bildene og videoene til overtakelsen av {account} {dates} ({department}) innen dette tidspunktet.",
    )
