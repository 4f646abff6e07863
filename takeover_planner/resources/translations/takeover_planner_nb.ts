<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>published %1</source>
        <translation>publisert %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>i kø</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>publiseres</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>feilet</translation>
    </message>
    <message>
        <source>in a hand-off pack</source>
        <translation>i en manuell publiseringspakke</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbrutt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>holdt tilbake</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stoppet</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Rediger konto</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Ny konto</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plattform</translation>
    </message>
    <message>
        <source>Facebook Page &amp;ID</source>
        <translation>Facebook-side-&amp;ID</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>Facebook Page</source>
        <translation>Facebook-side</translation>
    </message>
    <message>
        <source>Digits, from the Page&apos;s settings in Meta&apos;s Business Suite</source>
        <translation>Sifre, fra sidens innstillinger i Meta Business Suite</translation>
    </message>
    <message>
        <source>Set the Page&apos;s access token afterwards with: takeover-planner account set-token NAME</source>
        <translation>Angi sidens tilgangstoken etterpå med: takeover-planner account set-token NAVN</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;Brukernavn</translation>
    </message>
    <message>
        <source>&amp;Connected through</source>
        <translation>&amp;Tilkoblet via</translation>
    </message>
    <message>
        <source>Instagram &amp;user ID</source>
        <translation>Instagram-bruker-&amp;ID</translation>
    </message>
    <message>
        <source>Graph API h&amp;ost</source>
        <translation>Graph API-&amp;adresse</translation>
    </message>
    <message>
        <source>Graph API &amp;version</source>
        <translation>Graph API-&amp;versjon</translation>
    </message>
    <message>
        <source>Also on Facebook &amp;Page</source>
        <translation>Også på Facebook-&amp;side</translation>
    </message>
    <message>
        <source>(not cross-posted)</source>
        <translation>(ikke krysspublisert)</translation>
    </message>
    <message>
        <source>Every frame of this account&apos;s takeovers also goes out as a story on this Facebook Page, at the same time.</source>
        <translation>Hvert storybilde i denne kontoens overtakelser legges også ut som story på denne Facebook-siden, til samme tid.</translation>
    </message>
    <message>
        <source>Digits, from Meta&apos;s settings for the account</source>
        <translation>Sifre, fra Metas innstillinger for kontoen</translation>
    </message>
    <message>
        <source>Needed to publish through the API. Leave empty to post by hand.</source>
        <translation>Trengs for å publisere gjennom API-et. La feltet stå tomt for å legge ut manuelt.</translation>
    </message>
    <message>
        <source>Leave empty to use the connection&apos;s own address.</source>
        <translation>La feltet stå tomt for å bruke tilkoblingens egen adresse.</translation>
    </message>
</context>
<context>
    <name>AttentionHook</name>
    <message>
        <source>Time to post by hand: %1</source>
        <translation>Tid for å legge ut manuelt: %1</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(og %1 til)</translation>
    </message>
    <message>
        <source>Needs attention (%1)</source>
        <translation>Trenger oppmerksomhet (%1)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Trenger oppmerksomhet</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Post by hand now</source>
        <translation>Legg ut manuelt nå</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publisering</translation>
    </message>
    <message>
        <source>Not on the Facebook Page</source>
        <translation>Ikke på Facebook-siden</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Deadline missed</source>
        <translation>Fristen er passert</translation>
    </message>
    <message>
        <source>In a blackout period</source>
        <translation>I en sperreperiode</translation>
    </message>
    <message>
        <source>Competing requests</source>
        <translation>Konkurrerende forespørsler</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Venter på gjennomgang</translation>
    </message>
    <message>
        <source>Not marked completed</source>
        <translation>Ikke merket som gjennomført</translation>
    </message>
    <message>
        <source>All is well: nothing needs attention.</source>
        <translation>Alt er i orden: ingenting trenger oppmerksomhet.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Frame #%1</source>
        <translation>Storybilde #%1</translation>
    </message>
    <message>
        <source>Consent #%1</source>
        <translation>Samtykke #%1</translation>
    </message>
    <message>
        <source>Submission #%1</source>
        <translation>Innsending #%1</translation>
    </message>
    <message>
        <source>Slot #%1</source>
        <translation>Periode #%1</translation>
    </message>
    <message>
        <source>File #%1</source>
        <translation>Fil #%1</translation>
    </message>
</context>
<context>
    <name>BlackoutDialog</name>
    <message>
        <source>Edit blackout period</source>
        <translation>Rediger sperreperiode</translation>
    </message>
    <message>
        <source>New blackout period</source>
        <translation>Ny sperreperiode</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Datoer</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Årsak</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Første dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Siste dag</translation>
    </message>
</context>
<context>
    <name>BookingActions</name>
    <message>
        <source>Requested slots compete for these days: %1</source>
        <translation>Forespurte perioder konkurrerer om de samme dagene: %1</translation>
    </message>
    <message>
        <source>Book %1</source>
        <translation>Book %1</translation>
    </message>
    <message>
        <source>Booked %1 (#%2).</source>
        <translation>Booket %1 (#%2).</translation>
    </message>
    <message>
        <source>Resize %1</source>
        <translation>Endre lengden på %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Flytt %1</translation>
    </message>
    <message>
        <source>%1 now runs %2.</source>
        <translation>%1 varer nå %2.</translation>
    </message>
    <message>
        <source>%1 is moved to %2.</source>
        <translation>%1 er flyttet til %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n story frame(s) moved with it.</source>
        <translation>
            <numerusform>%n storybilde ble flyttet med.</numerusform>
            <numerusform>%n storybilder ble flyttet med.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n story frame(s) fell outside the new days and went back to review.</source>
        <translation>
            <numerusform>%n storybilde havnet utenfor de nye dagene og ble sendt tilbake til gjennomgang.</numerusform>
            <numerusform>%n storybilder havnet utenfor de nye dagene og ble sendt tilbake til gjennomgang.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is completed. This cannot be undone.</source>
        <translation>%1 er gjennomført. Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Change status of %1</source>
        <translation>Endre status for %1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 er nå %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n story frame(s) taken off the publishing queue.</source>
        <translation>
            <numerusform>%n storybilde ble tatt ut av publiseringskøen.</numerusform>
            <numerusform>%n storybilder ble tatt ut av publiseringskøen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is saved.</source>
        <translation>%1 er lagret.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Rediger %1</translation>
    </message>
    <message>
        <source>The slot is no longer loaded; reload and try again.</source>
        <translation>Perioden er ikke lenger lastet inn. Last inn på nytt og prøv igjen.</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Siste dag er før første dag.</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Uke %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dager</numerusform>
        </translation>
    </message>
    <message>
        <source>in the past</source>
        <translation>i fortiden</translation>
    </message>
    <message>
        <source>Choose a department from the list.</source>
        <translation>Velg en enhet fra listen.</translation>
    </message>
    <message>
        <source>Add an Instagram account first (Manage ▸ Accounts).</source>
        <translation>Legg til en Instagram-konto først (Administrer ▸ Kontoer).</translation>
    </message>
    <message>
        <source>The news link must be a web address starting with https://</source>
        <translation>Lenken til nyhetssaken må være en nettadresse som begynner med https://</translation>
    </message>
    <message>
        <source>These days are in the past. Click Book anyway to book them all the same.</source>
        <translation>Disse dagene har allerede vært. Klikk på «Book likevel» for å booke dem likevel.</translation>
    </message>
    <message>
        <source>Edit slot</source>
        <translation>Rediger periode</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Ny booking</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 på %2</translation>
    </message>
    <message>
        <source>Book a department into a takeover slot</source>
        <translation>Book en enhet inn i en overtakelsesperiode</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>D&amp;ates</source>
        <translation>&amp;Datoer</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>Ka&amp;mpanje</translation>
    </message>
    <message>
        <source>Material &amp;deadline</source>
        <translation>&amp;Frist for materiell</translation>
    </message>
    <message>
        <source>&amp;News link</source>
        <translation>&amp;Lenke til nyhetssak</translation>
    </message>
    <message>
        <source>N&amp;ote to the department</source>
        <translation>M&amp;elding til enheten</translation>
    </message>
    <message>
        <source>&amp;Internal note</source>
        <translation>&amp;Intern merknad</translation>
    </message>
    <message>
        <source>Type to search departments</source>
        <translation>Skriv for å søke blant enhetene</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Første dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Siste dag</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>Ingen kampanje</translation>
    </message>
    <message>
        <source>Printed in the brief and the e-mail to the department</source>
        <translation>Skrives i oppdragsbrevet og e-posten til enheten</translation>
    </message>
    <message>
        <source>Only for the comms team; never sent to the department</source>
        <translation>Bare for kommunikasjonsrådgiverne – sendes aldri til enheten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Book anyway</source>
        <translation>Book likevel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>BriefHook</name>
    <message>
        <source>The brief for %1 is saved as %2, with the PDF beside it.</source>
        <translation>Oppdragsbrevet til %1 er lagret som %2, med PDF-en ved siden av.</translation>
    </message>
    <message>
        <source>The brief for %1 is saved as %2.</source>
        <translation>Oppdragsbrevet til %1 er lagret som %2.</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>Loading…</source>
        <translation>Laster inn …</translation>
    </message>
    <message>
        <source>Competes for the same days with %1</source>
        <translation>Konkurrerer om de samme dagene med %1</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Search results</source>
        <translation>Søkeresultater</translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n periode</numerusform>
            <numerusform>%n perioder</numerusform>
        </translation>
    </message>
    <message>
        <source>Not booked: the booking rules said no.</source>
        <translation>Ikke booket: perioden bryter med bookingreglene.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger …</translation>
    </message>
    <message>
        <source>Review story…</source>
        <translation>Gjennomgå storyen …</translation>
    </message>
    <message>
        <source>Write brief…</source>
        <translation>Skriv oppdragsbrev …</translation>
    </message>
    <message>
        <source>Completed slots cannot change</source>
        <translation>Gjennomførte perioder kan ikke endres</translation>
    </message>
    <message>
        <source>E-mail the department</source>
        <translation>Send e-post til enheten</translation>
    </message>
    <message>
        <source>With the brief…</source>
        <translation>Med oppdragsbrevet …</translation>
    </message>
    <message>
        <source>Reminder before the deadline…</source>
        <translation>Påminnelse før fristen …</translation>
    </message>
    <message>
        <source>The deadline was missed…</source>
        <translation>Fristen er passert …</translation>
    </message>
    <message>
        <source>%1&apos;s slot cannot be cancelled.</source>
        <translation>Perioden til %1 kan ikke avlyses.</translation>
    </message>
    <message>
        <source>%1&apos;s slot is not cancelled: a reason is needed.</source>
        <translation>Perioden til %1 er ikke avlyst: du må oppgi en årsak.</translation>
    </message>
    <message>
        <source>Cancel slot</source>
        <translation>Avlys periode</translation>
    </message>
    <message>
        <source>Why is %1&apos;s slot cancelled? The reason is kept in the audit trail.</source>
        <translation>Hvorfor avlyses perioden til %1? Årsaken lagres i endringsloggen.</translation>
    </message>
    <message>
        <source>Mark as completed</source>
        <translation>Marker som gjennomført</translation>
    </message>
    <message>
        <source>Mark %1&apos;s takeover as completed?</source>
        <translation>Merke overtakelsen til %1 som gjennomført?</translation>
    </message>
    <message>
        <source>A completed slot is final: it cannot be moved or changed again.</source>
        <translation>En gjennomført periode er endelig: den kan ikke flyttes eller endres igjen.</translation>
    </message>
</context>
<context>
    <name>Callout</name>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Lukk meldingen</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Edit campaign</source>
        <translation>Rediger kampanje</translation>
    </message>
    <message>
        <source>New campaign or theme week</source>
        <translation>Ny kampanje eller temauke</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Datoer</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>&amp;Farge</translation>
    </message>
    <message>
        <source>Has dates</source>
        <translation>Har datoer</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Første dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Siste dag</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
</context>
<context>
    <name>CatalogTables</name>
    <message>
        <source>Facebook Page %1</source>
        <translation>Facebook-side %1</translation>
    </message>
    <message>
        <source>Instagram, also on a Facebook Page</source>
        <translation>Instagram, også på en Facebook-side</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Perioder</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkivert</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Connected through</source>
        <translation>Tilkoblet via</translation>
    </message>
    <message>
        <source>Instagram user ID</source>
        <translation>Instagram-bruker-ID</translation>
    </message>
    <message>
        <source>Graph API</source>
        <translation>Graph API</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle kontoer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
</context>
<context>
    <name>ChannelState</name>
    <message>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Takeovers</source>
        <translation>Overtakelser</translation>
    </message>
    <message>
        <source>Frames collected</source>
        <translation>Storybilder samlet inn</translation>
    </message>
    <message>
        <source>Avg. reach</source>
        <translation>Snitt rekkevidde</translation>
    </message>
    <message>
        <source>Avg. views</source>
        <translation>Snitt visninger</translation>
    </message>
    <message>
        <source>Stayed to last frame</source>
        <translation>Så til siste storybilde</translation>
    </message>
    <message>
        <source>Followers a day (takeover)</source>
        <translation>Følgere per dag (overtakelse)</translation>
    </message>
    <message>
        <source>Followers a day (before)</source>
        <translation>Følgere per dag (før)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
</context>
<context>
    <name>ContributorWindow</name>
    <message>
        <source>Takeover Planner – your story</source>
        <translation>Takeover Planner – din story</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Open brief…</source>
        <translation>&amp;Åpne oppdragsbrev …</translation>
    </message>
    <message>
        <source>&amp;Add pictures or videos…</source>
        <translation>&amp;Legg til bilder eller videoer …</translation>
    </message>
    <message>
        <source>&amp;Save submission…</source>
        <translation>&amp;Lagre innsending …</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Legg til filer …</translation>
    </message>
    <message>
        <source>Frames of your story, in order</source>
        <translation>Storybildene dine, i rekkefølge</translation>
    </message>
    <message>
        <source>Drop pictures and videos here; drag them to change the order.</source>
        <translation>Slipp bilder og videoer her; dra dem for å endre rekkefølgen.</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>&amp;Navnet ditt</translation>
    </message>
    <message>
        <source>Your &amp;e-mail</source>
        <translation>&amp;E-postadressen din</translation>
    </message>
    <message>
        <source>Message to the &amp;comms team</source>
        <translation>Melding til &amp;kommunikasjonsenheten</translation>
    </message>
    <message>
        <source>Fixing… this can take a moment for video.</source>
        <translation>Retter opp … for video kan det ta litt tid.</translation>
    </message>
    <message>
        <source>Add pictures or videos</source>
        <translation>Legg til bilder eller videoer</translation>
    </message>
    <message>
        <source>Open brief</source>
        <translation>Åpne oppdragsbrev</translation>
    </message>
    <message>
        <source>Briefs (*.zip)</source>
        <translation>Oppdragsbrev (*.zip)</translation>
    </message>
    <message>
        <source>Save submission</source>
        <translation>Lagre innsending</translation>
    </message>
    <message>
        <source>Open the brief you received (File → Open brief…).</source>
        <translation>Åpne oppdragsbrevet du har fått (Fil → Åpne oppdragsbrev …).</translation>
    </message>
    <message>
        <source>The format</source>
        <translation>Formatet</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Fixed. Your original file is untouched.</source>
        <translation>Rettet opp. Originalfilen din er uendret.</translation>
    </message>
    <message>
        <source>Wait until every file has been checked.</source>
        <translation>Vent til alle filene er sjekket.</translation>
    </message>
    <message>
        <source>Pictures and videos (%1)</source>
        <translation>Bilder og videoer (%1)</translation>
    </message>
    <message>
        <source>Send your material by %1.</source>
        <translation>Send materiellet innen %1.</translation>
    </message>
    <message>
        <source>Saved %1. Send this file to the communications team.</source>
        <translation>Lagret %1. Send denne filen til kommunikasjonsenheten.</translation>
    </message>
    <message>
        <source>%1 takes over %2 · %3</source>
        <translation>%1 overtar %2 · %3</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Noe gikk galt</translation>
    </message>
    <message>
        <source>Takeover Planner ran into a bug. Your saved data is safe: every change is written to the database when you make it. Please send the text below to whoever looks after the app.</source>
        <translation>Takeover Planner støtte på en feil i programmet. Dataene dine er trygge: hver endring skrives til databasen idet du gjør den. Send teksten nedenfor til den som har ansvaret for programmet.</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>(ingen loggfil)</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Loggfil: %1</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detaljer om feilen</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Kopier detaljene</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Edit department</source>
        <translation>Rediger enhet</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Ny enhet</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>&amp;Farge</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>&amp;Kontaktperson</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otater</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
</context>
<context>
    <name>EmailHook</name>
    <message>
        <source>Save the e-mail</source>
        <translation>Lagre e-posten</translation>
    </message>
    <message>
        <source>E-mail drafts (*.eml)</source>
        <translation>E-postutkast (*.eml)</translation>
    </message>
    <message>
        <source>Writing the e-mail…</source>
        <translation>Skriver e-posten …</translation>
    </message>
    <message>
        <source>The e-mail to %1 is saved as %2: open it to send it.</source>
        <translation>E-posten til %1 er lagret som %2. Åpne den for å sende den.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the takeover calendar</source>
        <translation>Eksporter overtakelseskalenderen</translation>
    </message>
    <message>
        <source>Calendar for Outlook and others (ICS)</source>
        <translation>Kalender for Outlook og andre (ICS)</translation>
    </message>
    <message>
        <source>Spreadsheet for Excel (XLSX)</source>
        <translation>Regneark for Excel (XLSX)</translation>
    </message>
    <message>
        <source>Plain table (CSV)</source>
        <translation>Enkel tabell (CSV)</translation>
    </message>
    <message>
        <source>Printable overview (PDF)</source>
        <translation>Utskriftsvennlig oversikt (PDF)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Lagre i:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>Choose where to save the export</source>
        <translation>Velg hvor eksporten skal lagres</translation>
    </message>
    <message>
        <source>One calendar per department, in a folder</source>
        <translation>Én kalender per enhet, i en mappe</translation>
    </message>
    <message>
        <source>For Excel (semicolons, Norwegian letters intact)</source>
        <translation>For Excel (semikolon, norske bokstaver i behold)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>Bare fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Første dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Siste dag</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Language in the file:</source>
        <translation>&amp;Språk i filen:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksporter</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle enheter</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle kontoer</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Avbryt eksporten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Lagre eksporten</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Velg hvor eksporten skal lagres.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer …</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n slot(s) to %1 and one calendar per department.</source>
        <translation>
            <numerusform>Eksporterte %n periode til %1 og én kalender per enhet.</numerusform>
            <numerusform>Eksporterte %n perioder til %1 og én kalender per enhet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n slot(s) to %1.</source>
        <translation>
            <numerusform>Eksporterte %n periode til %1.</numerusform>
            <numerusform>Eksporterte %n perioder til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was stopped; nothing was written.</source>
        <translation>Eksporten ble stoppet; ingenting ble skrevet.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper …</translation>
    </message>
</context>
<context>
    <name>FrameEditor</name>
    <message>
        <source>Check</source>
        <translation>Sjekk</translation>
    </message>
    <message>
        <source>&amp;Fix it</source>
        <translation>&amp;Rett opp</translation>
    </message>
    <message>
        <source>When and what</source>
        <translation>Når og hva</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Dag</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Klokkeslett</translation>
    </message>
    <message>
        <source>On-screen &amp;text</source>
        <translation>&amp;Tekst på skjermen</translation>
    </message>
    <message>
        <source>&amp;Notes to the comms team</source>
        <translation>&amp;Notater til kommunikasjonsenheten</translation>
    </message>
    <message>
        <source>Photo/video &amp;credit</source>
        <translation>&amp;Foto/video</translation>
    </message>
    <message>
        <source>&amp;Sticker</source>
        <translation>K&amp;listremerke</translation>
    </message>
    <message>
        <source>Link, poll question or @account</source>
        <translation>Lenke, spørsmål eller @konto</translation>
    </message>
    <message>
        <source>People in the picture</source>
        <translation>Personer i bildet</translation>
    </message>
    <message>
        <source>Can anyone be &amp;recognised in this picture or video?</source>
        <translation>Kan noen &amp;kjennes igjen i bildet eller videoen?</translation>
    </message>
    <message>
        <source>&amp;Who is in it?</source>
        <translation>&amp;Hvem er med?</translation>
    </message>
    <message>
        <source>A name, or a group such as “pupils in class 7B”</source>
        <translation>Et navn, eller en gruppe som «elevene i 7B»</translation>
    </message>
    <message>
        <source>Consent &amp;form reference</source>
        <translation>&amp;Referanse til samtykkeerklæring</translation>
    </message>
    <message>
        <source>A parent or &amp;guardian gave consent (under 15)</source>
        <translation>En forelder eller &amp;foresatt ga samtykke (under 15 år)</translation>
    </message>
    <message>
        <source>Consent is valid &amp;until</source>
        <translation>Samtykket gjelder &amp;til</translation>
    </message>
    <message>
        <source>&amp;Remove this frame</source>
        <translation>&amp;Fjern dette storybildet</translation>
    </message>
    <message>
        <source>Fit by padding (nothing cut off)</source>
        <translation>Tilpass med kanter (ingenting skjæres bort)</translation>
    </message>
    <message>
        <source>Fit by cropping (fills the screen)</source>
        <translation>Tilpass ved beskjæring (fyller skjermen)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lenke</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Avstemning</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Omtale</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Sjekker …</translation>
    </message>
    <message>
        <source>Must be fixed</source>
        <translation>Må rettes</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Add pictures or videos: drop them on the strip above.</source>
        <translation>Legg til bilder eller videoer: slipp dem på stripen over.</translation>
    </message>
    <message>
        <source>Fixed: a compliant copy will be sent; your original file is untouched.</source>
        <translation>Rettet opp: en rettet kopi sendes; originalfilen din er uendret.</translation>
    </message>
    <message>
        <source>This file is ready for Instagram.</source>
        <translation>Denne filen er klar for Instagram.</translation>
    </message>
</context>
<context>
    <name>FrameListModel</name>
    <message>
        <source>no file</source>
        <translation>ingen fil</translation>
    </message>
</context>
<context>
    <name>FramePreview</name>
    <message>
        <source>Checking…</source>
        <translation>Sjekker …</translation>
    </message>
</context>
<context>
    <name>FrameState</name>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Sendt inn</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Bedt om endringer</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Tidfestet</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publisert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket tilbake</translation>
    </message>
</context>
<context>
    <name>FrameTableModel</name>
    <message>
        <source>Published</source>
        <translation>Publisert</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Innsikt</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Sist lest</translation>
    </message>
    <message>
        <source>after %1 h</source>
        <translation>etter %1 t</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New follower goal</source>
        <translation>Nytt følgermål</translation>
    </message>
    <message>
        <source>Follower goal for %1</source>
        <translation>Følgermål for %1</translation>
    </message>
    <message>
        <source>Followers now: %1</source>
        <translation>Følgere nå: %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Innen</translation>
    </message>
    <message>
        <source>Why this goal (optional)</source>
        <translation>Hvorfor dette målet (valgfritt)</translation>
    </message>
    <message>
        <source>&amp;Target (followers)</source>
        <translation>&amp;Mål (følgere)</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>&amp;Innen</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notat</translation>
    </message>
    <message>
        <source>Set goal</source>
        <translation>Sett mål</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>GridPainting</name>
    <message>
        <source>Wk</source>
        <comment>short column title over ISO week numbers</comment>
        <translation>Uke</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n til</numerusform>
            <numerusform>+%n til</numerusform>
        </translation>
    </message>
    <message>
        <source>Blackout: %1</source>
        <translation>Sperreperiode: %1</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Where should the pack go?</source>
        <translation>Hvor skal pakken ligge?</translation>
    </message>
    <message>
        <source>Choose the folder the pack goes into.</source>
        <translation>Velg mappen pakken skal ligge i.</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) in the pack in %1. Print the checklist, post the frames in its order, then mark each one: Publish ▸ Mark posted by hand.</source>
        <translation>
            <numerusform>%n storybilde i pakken i %1. Skriv ut sjekklisten, legg ut storybildene i den rekkefølgen, og marker hvert av dem: Publiser ▸ Marker som lagt ut manuelt.</numerusform>
            <numerusform>%n storybilder i pakken i %1. Skriv ut sjekklisten, legg ut storybildene i den rekkefølgen, og marker hvert av dem: Publiser ▸ Marker som lagt ut manuelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand-off pack written to %1.</source>
        <translation>Den manuelle publiseringspakken er lagret i %1.</translation>
    </message>
    <message>
        <source>Hand-off pack for slot #%1</source>
        <translation>Manuell publiseringspakke for periode #%1</translation>
    </message>
    <message>
        <source>A hand-off pack holds the frames to post by hand (those with a sticker, or every frame of an account set to post by hand), numbered in posting order, and a checklist to print. The publishing queue leaves these frames alone until they are marked as posted.</source>
        <translation>En manuell publiseringspakke inneholder storybildene som skal legges ut for hånd (de med klistremerke, eller alle storybilder for en konto som publiserer manuelt), nummerert i rekkefølgen de skal ut, og en sjekkliste du kan skrive ut. Publiseringskøen lar disse storybildene være til de er markert som lagt ut.</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Mappe</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Velg …</translation>
    </message>
    <message>
        <source>Put &amp;every approved frame of the slot in the pack</source>
        <translation>Legg &amp;alle godkjente storybilder i perioden i pakken</translation>
    </message>
    <message>
        <source>&amp;Make the pack</source>
        <translation>&amp;Lag pakken</translation>
    </message>
    <message>
        <source>&amp;Open the checklist</source>
        <translation>&amp;Åpne sjekklisten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>InsightsHook</name>
    <message>
        <source>&amp;Insights and goals…</source>
        <translation>&amp;Innsikt og mål …</translation>
    </message>
</context>
<context>
    <name>InsightsTexts</name>
    <message>
        <source>Reach</source>
        <translation>Rekkevidde</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Visninger</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Delinger</translation>
    </message>
    <message>
        <source>Follows</source>
        <translation>Nye følgere</translation>
    </message>
    <message>
        <source>Profile visits</source>
        <translation>Profilbesøk</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interaksjoner</translation>
    </message>
    <message>
        <source>Taps forward</source>
        <translation>Trykk fram</translation>
    </message>
    <message>
        <source>Taps back</source>
        <translation>Trykk tilbake</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Avslutninger</translation>
    </message>
    <message>
        <source>Swipes forward</source>
        <translation>Sveip videre</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Ikke publisert</translation>
    </message>
    <message>
        <source>Posted by hand: no insights</source>
        <translation>Publisert manuelt: ingen innsikt</translation>
    </message>
    <message>
        <source>Waiting for the first read</source>
        <translation>Venter på første avlesning</translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation>Samles inn</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endelig</translation>
    </message>
    <message>
        <source>Last read before the end</source>
        <translation>Sist lest før slutten</translation>
    </message>
    <message>
        <source>Fewer than 5 viewers</source>
        <translation>Færre enn 5 seere</translation>
    </message>
    <message>
        <source>Not collected</source>
        <translation>Ikke samlet inn</translation>
    </message>
    <message>
        <source>Story deleted</source>
        <translation>Storyen er slettet</translation>
    </message>
    <message>
        <source>Goal reached on %1! Time to set a new one.</source>
        <translation>Målet ble nådd %1! Tid for å sette et nytt.</translation>
    </message>
    <message>
        <source>On track: at the current pace (%1 a day) the goal is reached around %2.</source>
        <translation>I rute: med dagens tempo (%1 per dag) nås målet rundt %2.</translation>
    </message>
    <message>
        <source>Behind: at the current pace (%1 a day) the goal is reached around %2, after its date. It needs %3 a day.</source>
        <translation>Bak skjema: med dagens tempo (%1 per dag) nås målet rundt %2, etter fristen. Det trengs %3 per dag.</translation>
    </message>
    <message>
        <source>Followers are not growing (%1 a day): at this pace the goal is never reached.</source>
        <translation>Antall følgere vokser ikke (%1 per dag): med dette tempoet nås aldri målet.</translation>
    </message>
    <message>
        <source>The goal&apos;s date has passed without reaching it. Set a new goal.</source>
        <translation>Fristen for målet er passert uten at det ble nådd. Sett et nytt mål.</translation>
    </message>
    <message>
        <source>Not enough follower readings for a trend yet: the app reads the count every few hours.</source>
        <translation>For få avlesninger av følgere til en trend ennå: appen leser antallet med noen timers mellomrom.</translation>
    </message>
    <message>
        <source>No follower count has been read yet.</source>
        <translation>Antall følgere er ikke lest ennå.</translation>
    </message>
</context>
<context>
    <name>InsightsWindow</name>
    <message>
        <source>Saved %1</source>
        <translation>Lagret %1</translation>
    </message>
    <message>
        <source>No Instagram account yet.</source>
        <translation>Ingen Instagram-konto ennå.</translation>
    </message>
    <message>
        <source>%1: no follower goal yet</source>
        <translation>%1: ikke noe følgermål ennå</translation>
    </message>
    <message>
        <source>Followers now: %1 (%2).</source>
        <translation>Følgere nå: %1 (%2).</translation>
    </message>
    <message>
        <source>No follower count has been read yet.</source>
        <translation>Antall følgere er ikke lest ennå.</translation>
    </message>
    <message>
        <source>Goal: %1 followers by %2</source>
        <translation>Mål: %1 følgere innen %2</translation>
    </message>
    <message>
        <source>Set a goal for the followers you want to reach, and by when: the chart then shows whether the current pace gets you there.</source>
        <translation>Sett et mål for hvor mange følgere dere vil nå, og innen når: da viser grafen om dagens tempo holder.</translation>
    </message>
    <message>
        <source>This goal is behind you. Set a new goal to keep track.</source>
        <translation>Dette målet er lagt bak dere. Sett et nytt mål for å følge med.</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Følgere</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Trend (last 4 weeks)</source>
        <translation>Trend (siste 4 uker)</translation>
    </message>
    <message>
        <source>%1 by %2: reached %3</source>
        <translation>%1 innen %2: nådd %3</translation>
    </message>
    <message>
        <source>%1 by %2: replaced</source>
        <translation>%1 innen %2: erstattet</translation>
    </message>
    <message>
        <source>Earlier goals: %1</source>
        <translation>Tidligere mål: %1</translation>
    </message>
    <message>
        <source>Followers now</source>
        <translation>Følgere nå</translation>
    </message>
    <message>
        <source>No count read yet</source>
        <translation>Ikke lest ennå</translation>
    </message>
    <message>
        <source>Growth a day</source>
        <translation>Vekst per dag</translation>
    </message>
    <message>
        <source>Trend over the last 4 weeks</source>
        <translation>Trend de siste 4 ukene</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>innen %1</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Nådd</translation>
    </message>
    <message>
        <source>Time for a new goal</source>
        <translation>Tid for et nytt mål</translation>
    </message>
    <message>
        <source>%1 a day needed</source>
        <translation>%1 per dag trengs</translation>
    </message>
    <message>
        <source>At the current pace</source>
        <translation>Med dagens tempo</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Nås ikke</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanje</translation>
    </message>
    <message>
        <source>The new goal is set.</source>
        <translation>Det nye målet er satt.</translation>
    </message>
    <message>
        <source>Collecting insights…</source>
        <translation>Samler inn innsikt …</translation>
    </message>
    <message>
        <source>Insights collected at %1: %2 stories read.</source>
        <translation>Innsikt samlet inn %1: %2 storyer lest.</translation>
    </message>
    <message>
        <source>%1 stories passed their 24 hours without a read: not collected.</source>
        <translation>%1 storyer passerte sine 24 timer uten avlesning: ikke samlet inn.</translation>
    </message>
    <message>
        <source>Insights and goals</source>
        <translation>Innsikt og mål</translation>
    </message>
    <message>
        <source>&amp;Followers and goals</source>
        <translation>&amp;Følgere og mål</translation>
    </message>
    <message>
        <source>&amp;Takeover reports</source>
        <translation>&amp;Rapporter for overtakelser</translation>
    </message>
    <message>
        <source>&amp;Comparison</source>
        <translation>&amp;Sammenligning</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Set a &amp;goal…</source>
        <translation>Sett et &amp;mål …</translation>
    </message>
    <message>
        <source>C&amp;ollect now</source>
        <translation>Samle &amp;inn nå</translation>
    </message>
    <message>
        <source>Sample data (demo): these followers are not real. Real counts replace them as soon as the app reads this account&apos;s followers.</source>
        <translation>Eksempeldata (demo): disse følgerne er ikke virkelige. Virkelige tall erstatter dem så snart appen leser kontoens følgere.</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Per enhet</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>Per kampanje</translation>
    </message>
    <message>
        <source>Averages over the frames whose insights were collected; frames that were not collected are left out, never counted as zero.</source>
        <translation>Snitt over storybildene der innsikt ble samlet inn; storybilder som ikke ble samlet inn, er utelatt og aldri regnet som null.</translation>
    </message>
</context>
<context>
    <name>IntakeHook</name>
    <message>
        <source>The intake folder %1 cannot be found; it is watched again once it is back.</source>
        <translation>Finner ikke mottaksmappen %1. Den overvåkes igjen når den er tilbake.</translation>
    </message>
    <message>
        <source>The intake folder %1 cannot be read: %2</source>
        <translation>Kan ikke lese mottaksmappen %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported the submission for %1 (%n frame(s))</source>
        <translation>
            <numerusform>Importerte innsendingen for %1 (%n storybilde)</numerusform>
            <numerusform>Importerte innsendingen for %1 (%n storybilder)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was imported before; it is moved to %2</source>
        <translation>%1 er importert før og er flyttet til %2</translation>
    </message>
    <message>
        <source>Refused %1: %2</source>
        <translation>Avviste %1: %2</translation>
    </message>
    <message>
        <source>%1 was not imported now (%2); the next scan tries again</source>
        <translation>%1 ble ikke importert nå (%2); neste skanning prøver igjen</translation>
    </message>
</context>
<context>
    <name>KeyboardMap</name>
    <message>
        <source>Calendar (month and week)</source>
        <translation>Kalender (måned og uke)</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Piltastene</translation>
    </message>
    <message>
        <source>Move the day cursor a day or a week</source>
        <translation>Flytt dagmarkøren en dag eller en uke</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>First / last day of the week row</source>
        <translation>Første / siste dag i ukeraden</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>Previous / next month (in the week view: week)</source>
        <translation>Forrige / neste måned (i ukevisningen: uke)</translation>
    </message>
    <message>
        <source>Shift + arrow keys, Home, End, Page Up, Page Down</source>
        <translation>Shift + piltastene, Home, End, Page Up, Page Down</translation>
    </message>
    <message>
        <source>Mark a range of days</source>
        <translation>Merk flere dager</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Book the marked days or the cursor&apos;s day; on a selected slot: open it</source>
        <translation>Book de merkede dagene eller dagen markøren står på; på en valgt periode: åpne den</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous slot in date order, then on to the next control</source>
        <translation>Neste / forrige periode i datorekkefølge, deretter videre til neste kontroll</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mellomrom</translation>
    </message>
    <message>
        <source>Select the slots of the cursor&apos;s day, one after the other</source>
        <translation>Velg periodene på dagen markøren står på, én etter én</translation>
    </message>
    <message>
        <source>Shift+F10 / Menu key</source>
        <translation>Shift+F10 / Menytasten</translation>
    </message>
    <message>
        <source>The selected slot&apos;s menu: edit, review, brief, e-mail, status</source>
        <translation>Menyen for den valgte perioden: rediger, gjennomgang, oppdragsbrev, e-post, status</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Cancel the selected slot (asks for the reason)</source>
        <translation>Avlys den valgte perioden (spør om årsaken)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Drop the marked days</source>
        <translation>Fjern merkingen av dagene</translation>
    </message>
    <message>
        <source>Windows and dialogs</source>
        <translation>Vinduer og dialoger</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>Neste / forrige kontroll</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + understreket bokstav</translation>
    </message>
    <message>
        <source>The menu or field with that letter</source>
        <translation>Menyen eller feltet med den bokstaven</translation>
    </message>
    <message>
        <source>In the view switch: month, week or agenda</source>
        <translation>I visningsvalget: måned, uke eller agenda</translation>
    </message>
    <message>
        <source>Close a dialog without saving</source>
        <translation>Lukk en dialog uten å lagre</translation>
    </message>
    <message>
        <source>Ctrl+W / Esc</source>
        <translation>Ctrl+W / Esc</translation>
    </message>
    <message>
        <source>Close the insights or review window</source>
        <translation>Lukk innsiktsvinduet eller gjennomgangsvinduet</translation>
    </message>
    <message>
        <source>Menu: %1</source>
        <translation>Meny: %1</translation>
    </message>
</context>
<context>
    <name>KeyboardMapDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastatursnarveier</translation>
    </message>
    <message>
        <source>Everything in the planner can be done from the keyboard. These keys work:</source>
        <translation>Alt i planleggeren kan gjøres med tastaturet. Disse tastene virker:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Hva de gjør</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Instagram login</source>
        <translation>Instagram-innlogging</translation>
    </message>
    <message>
        <source>Facebook login (Business)</source>
        <translation>Facebook-innlogging (Business)</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>booket</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>flyttet</translation>
    </message>
    <message>
        <source>changed status</source>
        <translation>endret status</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>redigert</translation>
    </message>
    <message>
        <source>moved to another account</source>
        <translation>flyttet til en annen konto</translation>
    </message>
    <message>
        <source>brief written</source>
        <translation>oppdragsbrev skrevet</translation>
    </message>
    <message>
        <source>contributor page written</source>
        <translation>side for bidragsytere skrevet</translation>
    </message>
    <message>
        <source>e-mail drafted</source>
        <translation>e-post skrevet</translation>
    </message>
    <message>
        <source>frames put in a new order</source>
        <translation>storybildene fikk ny rekkefølge</translation>
    </message>
    <message>
        <source>hand-off pack made</source>
        <translation>manuell publiseringspakke laget</translation>
    </message>
    <message>
        <source>created</source>
        <translation>opprettet</translation>
    </message>
    <message>
        <source>added</source>
        <translation>lagt til</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importert</translation>
    </message>
    <message>
        <source>fixed copy made</source>
        <translation>rettet kopi laget</translation>
    </message>
    <message>
        <source>file replaced</source>
        <translation>fil byttet ut</translation>
    </message>
    <message>
        <source>consent linked</source>
        <translation>samtykke knyttet til</translation>
    </message>
    <message>
        <source>consent unlinked</source>
        <translation>samtykke fjernet</translation>
    </message>
    <message>
        <source>back to draft</source>
        <translation>tilbake til utkast</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>sendt inn</translation>
    </message>
    <message>
        <source>changes requested</source>
        <translation>bedt om endringer</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>godkjent</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>tidfestet</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publisert</translation>
    </message>
    <message>
        <source>publishing failed</source>
        <translation>publisering mislyktes</translation>
    </message>
    <message>
        <source>published on the Facebook Page</source>
        <translation>publisert på Facebook-siden</translation>
    </message>
    <message>
        <source>Facebook Page posting failed</source>
        <translation>publisering på Facebook-siden mislyktes</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket tilbake</translation>
    </message>
    <message>
        <source>withdrawn with its slot</source>
        <translation>trukket tilbake sammen med perioden</translation>
    </message>
    <message>
        <source>time moved with its slot</source>
        <translation>tidspunkt flyttet sammen med perioden</translation>
    </message>
    <message>
        <source>late: posted now</source>
        <translation>forsinket: lagt ut nå</translation>
    </message>
    <message>
        <source>late: given a new time</source>
        <translation>forsinket: fikk nytt tidspunkt</translation>
    </message>
    <message>
        <source>late: dropped</source>
        <translation>forsinket: droppet</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>slettet</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>arkivert</translation>
    </message>
    <message>
        <source>Instagram account connected</source>
        <translation>Instagram-konto koblet til</translation>
    </message>
    <message>
        <source>Instagram account disconnected</source>
        <translation>Instagram-konto koblet fra</translation>
    </message>
    <message>
        <source>Instagram account identified</source>
        <translation>Instagram-konto gjenkjent</translation>
    </message>
    <message>
        <source>publishing method changed</source>
        <translation>publiseringsmåte endret</translation>
    </message>
    <message>
        <source>publishing resumed</source>
        <translation>publisering gjenopptatt</translation>
    </message>
    <message>
        <source>Facebook Page linked</source>
        <translation>Facebook-side koblet til</translation>
    </message>
    <message>
        <source>Facebook Page unlinked</source>
        <translation>Facebook-side koblet fra</translation>
    </message>
    <message>
        <source>goal reached</source>
        <translation>mål nådd</translation>
    </message>
    <message>
        <source>goal set</source>
        <translation>mål satt</translation>
    </message>
    <message>
        <source>demo loaded</source>
        <translation>demodata lastet inn</translation>
    </message>
    <message>
        <source>published although not released</source>
        <translation>publisert uten å være frigitt</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Uke %1</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle kontoer</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle enheter</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle kampanjer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>LateFrameDialog</name>
    <message>
        <source>Frame #%1 goes out on the publisher&apos;s next run.</source>
        <translation>Storybilde #%1 legges ut neste gang publiseringen kjører.</translation>
    </message>
    <message>
        <source>Frame #%1 now goes out at %2.</source>
        <translation>Storybilde #%1 legges nå ut %2.</translation>
    </message>
    <message>
        <source>Frame #%1 will not be posted; it is withdrawn.</source>
        <translation>Storybilde #%1 blir ikke lagt ut; det er trukket tilbake.</translation>
    </message>
    <message>
        <source>A late frame</source>
        <translation>Et forsinket storybilde</translation>
    </message>
    <message>
        <source>It was not posted at its time because it is late. Post it now all the same, give it a new time in its slot (Oslo time), or do not post it at all.</source>
        <translation>Det ble ikke lagt ut til sin tid fordi det er forsinket. Legg det ut nå likevel, gi det et nytt tidspunkt innenfor perioden (norsk tid), eller ikke legg det ut i det hele tatt.</translation>
    </message>
    <message>
        <source>&amp;New time</source>
        <translation>&amp;Nytt tidspunkt</translation>
    </message>
    <message>
        <source>&amp;Post it now</source>
        <translation>&amp;Legg ut nå</translation>
    </message>
    <message>
        <source>Post it at the &amp;new time</source>
        <translation>Legg ut på det &amp;nye tidspunktet</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t post it</source>
        <translation>&amp;Ikke legg ut</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Bestem senere</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Competing request</source>
        <translation>Konkurrerende forespørsel</translation>
    </message>
    <message>
        <source>Blackout period</source>
        <translation>Sperreperiode</translation>
    </message>
    <message>
        <source>Calendar key</source>
        <translation>Tegnforklaring for kalenderen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Give a login</source>
        <translation>Gi en pålogging</translation>
    </message>
    <message>
        <source>The database login %1 signs in with. The server then enforces their role.</source>
        <translation>Databasepåloggingen %1 logger på med. Serveren håndhever da rollen.</translation>
    </message>
    <message>
        <source>Database &amp;login</source>
        <translation>&amp;Databasepålogging</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;ord</translation>
    </message>
    <message>
        <source>for a new login; empty if IT already made it</source>
        <translation>for en ny pålogging; la stå tomt hvis IT allerede har laget den</translation>
    </message>
    <message>
        <source>Give the login</source>
        <translation>Gi påloggingen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Åpner databasen …</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Klar.</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>Databasen kunne ikke åpnes</translation>
    </message>
    <message>
        <source>Welcome to Takeover Planner</source>
        <translation>Velkommen til Takeover Planner</translation>
    </message>
    <message>
        <source>The database is empty. Load the demo municipality (Fjordvik) to try things out?</source>
        <translation>Databasen er tom. Vil du laste inn demokommunen (Fjordvik) for å prøve deg fram?</translation>
    </message>
    <message>
        <source>It adds two accounts, a dozen departments, two theme weeks, blackout periods and some takeovers around today. You can archive or cancel them later.</source>
        <translation>Den legger til to kontoer, et dusin enheter, to temauker, sperreperioder og noen overtakelser rundt dagens dato. Du kan arkivere eller avlyse dem senere.</translation>
    </message>
    <message>
        <source>Load demo</source>
        <translation>Last inn demo</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Start tomt</translation>
    </message>
    <message>
        <source>The demo municipality is loaded.</source>
        <translation>Demokommunen er lastet inn.</translation>
    </message>
    <message>
        <source>The demo municipality was already there.</source>
        <translation>Demokommunen var der allerede.</translation>
    </message>
    <message>
        <source>Loading the demo municipality…</source>
        <translation>Laster inn demokommunen …</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Angre %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gjør om %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Could not undo or redo: %1 The undo history was cleared.</source>
        <translation>Kunne ikke angre eller gjøre om: %1 Angreloggen er tømt.</translation>
    </message>
    <message>
        <source>Reloaded from the database.</source>
        <translation>Lastet inn på nytt fra databasen.</translation>
    </message>
    <message>
        <source>Open a brief</source>
        <translation>Åpne et oppdragsbrev</translation>
    </message>
    <message>
        <source>Briefs (*.zip *.takeover-brief);;All files (*)</source>
        <translation>Oppdragsbrev (*.zip *.takeover-brief);;Alle filer (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s) loaded</source>
        <translation>
            <numerusform>%n periode lastet inn</numerusform>
            <numerusform>%n perioder lastet inn</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>Kunne ikke lagre innstillingene: %1</translation>
    </message>
    <message>
        <source>The log file is %1</source>
        <translation>Loggfilen er %1</translation>
    </message>
    <message>
        <source>About Takeover Planner</source>
        <translation>Om Takeover Planner</translation>
    </message>
    <message>
        <source>Plan Instagram story takeovers for the municipality&apos;s departments: book slots, collect and check their stories, approve and publish them.</source>
        <translation>Planlegg Instagram-overtakelser for kommunens enheter: book perioder, samle inn og kontroller storyene, godkjenn og publiser dem.</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Loggfil: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Takeover Planner</source>
        <translation>Takeover Planner</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>&amp;Administrer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;New booking…</source>
        <translation>&amp;Ny booking …</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Last inn på nytt</translation>
    </message>
    <message>
        <source>Load the &amp;demo municipality</source>
        <translation>Last inn &amp;demokommunen</translation>
    </message>
    <message>
        <source>&amp;Export the calendar…</source>
        <translation>&amp;Eksporter kalenderen …</translation>
    </message>
    <message>
        <source>&amp;Open brief…</source>
        <translation>Å&amp;pne oppdragsbrev …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Søk …</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Måned</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Uke</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Forrige</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Neste</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemets språk</translation>
    </message>
    <message>
        <source>&amp;Departments…</source>
        <translation>&amp;Enheter …</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Kontoer …</translation>
    </message>
    <message>
        <source>&amp;Campaigns and theme weeks…</source>
        <translation>Kampanjer og &amp;temauker …</translation>
    </message>
    <message>
        <source>&amp;Blackout periods…</source>
        <translation>&amp;Sperreperioder …</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastatursnarveier</translation>
    </message>
    <message>
        <source>Show the &amp;log file</source>
        <translation>Vis &amp;loggfilen</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Åpne mappen</translation>
    </message>
    <message>
        <source>&amp;About Takeover Planner</source>
        <translation>&amp;Om Takeover Planner</translation>
    </message>
</context>
<context>
    <name>ManageWindow</name>
    <message>
        <source>Slots already inside this blackout period</source>
        <translation>Perioder som allerede ligger i sperreperioden</translation>
    </message>
    <message>
        <source>These slots fall in the blackout period and were kept as they are: %1. Move or cancel them if they should not go ahead.</source>
        <translation>Disse periodene ligger i sperreperioden og er beholdt som de er: %1. Flytt eller avlys dem hvis de ikke skal gjennomføres.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Remove campaign</source>
        <translation>Fjern kampanje</translation>
    </message>
    <message>
        <source>Remove the campaign &apos;%1&apos;?</source>
        <translation>Fjerne kampanjen «%1»?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Its slots stay booked; they just no longer belong to it.</source>
        <translation>Periodene forblir booket; de hører bare ikke lenger til kampanjen.</translation>
    </message>
    <message>
        <source>Remove blackout period</source>
        <translation>Fjern sperreperiode</translation>
    </message>
    <message>
        <source>Remove the blackout period &apos;%1&apos;?</source>
        <translation>Fjerne sperreperioden «%1»?</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Ikke endret</translation>
    </message>
    <message>
        <source>Remove department</source>
        <translation>Fjern enhet</translation>
    </message>
    <message>
        <source>Delete the department &apos;%1&apos;? It has no slots.</source>
        <translation>Slette enheten «%1»? Den har ingen perioder.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message numerus="yes">
        <source>&apos;%1&apos; has %n slot(s). What should happen to it?</source>
        <translation>
            <numerusform>«%1» har %n periode. Hva skal skje med enheten?</numerusform>
            <numerusform>«%1» har %n perioder. Hva skal skje med enheten?</numerusform>
        </translation>
    </message>
    <message>
        <source>A department with slots is never deleted: its takeovers and their audit trail stay. Archiving hides it from new bookings and the filters.</source>
        <translation>En enhet med perioder slettes aldri: overtakelsene og endringsloggen blir værende. Arkivering skjuler den fra nye bookinger og filtrene.</translation>
    </message>
    <message>
        <source>Archive, keep its slots</source>
        <translation>Arkiver, behold periodene</translation>
    </message>
    <message>
        <source>Archive and cancel future slots</source>
        <translation>Arkiver og avlys framtidige perioder</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behold den</translation>
    </message>
    <message>
        <source>Departments, accounts, campaigns and blackout periods</source>
        <translation>Enheter, kontoer, kampanjer og sperreperioder</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampanjer</translation>
    </message>
    <message>
        <source>Blackout periods</source>
        <translation>Sperreperioder</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>The team database cannot be reached. Your changes are kept and will be saved when it is back.</source>
        <translation>Får ikke kontakt med teamets database. Endringene dine er tatt vare på og lagres når den er tilbake.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting.</source>
        <translation>
            <numerusform>%n endring venter.</numerusform>
            <numerusform>%n endringer venter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Prøv igjen nå</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktiver</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktiver</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Each person&apos;s role decides what they may do: comms officers plan, review and publish; contributors request slots and prepare their own department&apos;s stories; readers only look.</source>
        <translation>Rollen bestemmer hva hver person kan gjøre: kommunikasjonsrådgivere planlegger, går gjennom og publiserer; bidragsytere ber om perioder og lager storyer for sin egen enhet; lesere kan bare se.</translation>
    </message>
    <message>
        <source>On this team database everyone signs in with their own database login, and the database server enforces their role; deactivating a person takes their login away.</source>
        <translation>I denne teamdatabasen logger alle på med sin egen databasepålogging, og databaseserveren håndhever rollen deres; deaktiverer du en person, mister personen påloggingen sin.</translation>
    </message>
    <message>
        <source>The audit trail records the person by this name (set yours in File ▸ Settings).</source>
        <translation>Endringsloggen registrerer personen med dette navnet (ditt eget setter du i Fil ▸ Innstillinger).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Database login</source>
        <translation>Databasepålogging</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Legg til en person</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>E-&amp;post</translation>
    </message>
    <message>
        <source>Database &amp;login</source>
        <translation>&amp;Databasepålogging</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;ord</translation>
    </message>
    <message>
        <source>for a new login; empty if IT already made it</source>
        <translation>for en ny pålogging; la stå tomt hvis IT allerede har laget den</translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation>&amp;Legg til person</translation>
    </message>
    <message>
        <source>Give a lo&amp;gin…</source>
        <translation>Gi en på&amp;logging …</translation>
    </message>
    <message>
        <source>For a person who has no database login yet, e.g. one who was in the plan before it became a team database</source>
        <translation>For en person som ennå ikke har databasepålogging, f.eks. en som var med i planen før den ble en teamdatabase</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>PhonePreview</name>
    <message>
        <source>Keep text out of here</source>
        <translation>Hold tekst unna her</translation>
    </message>
    <message>
        <source>Story preview</source>
        <translation>Forhåndsvisning av story</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Ikke noe bilde</translation>
    </message>
</context>
<context>
    <name>PlannerToolbar</name>
    <message>
        <source>Status: all but cancelled</source>
        <translation>Status: alle unntatt avlyste</translation>
    </message>
    <message>
        <source>Status: all</source>
        <translation>Status: alle</translation>
    </message>
    <message>
        <source>Status: none</source>
        <translation>Status: ingen</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Forrige uke</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Neste uke</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Forrige måned</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Neste måned</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Go to today (Ctrl+T)</source>
        <translation>Gå til i dag (Ctrl+T)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uke</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Search slots, departments, contacts…</source>
        <translation>Søk i perioder, enheter, kontaktpersoner …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Tøm søket</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Ny booking</translation>
    </message>
    <message>
        <source>Book a department into a slot (Ctrl+N)</source>
        <translation>Book en enhet inn i en periode (Ctrl+N)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Filter by account</source>
        <translation>Filtrer på konto</translation>
    </message>
    <message>
        <source>Filter by department</source>
        <translation>Filtrer på enhet</translation>
    </message>
    <message>
        <source>Filter by campaign</source>
        <translation>Filtrer på kampanje</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer på status</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Nullstill filtrene</translation>
    </message>
</context>
<context>
    <name>PostedByHandDialog</name>
    <message>
        <source>no time planned</source>
        <translation>ikke tidfestet</translation>
    </message>
    <message>
        <source>Frame %1 · %2</source>
        <translation>Storybilde %1 · %2</translation>
    </message>
    <message>
        <source>sticker: %1</source>
        <translation>klistremerke: %1</translation>
    </message>
    <message>
        <source>No approved frame of this slot is waiting to be posted.</source>
        <translation>Ingen godkjente storybilder i denne perioden venter på å bli lagt ut.</translation>
    </message>
    <message>
        <source>Frame #%1 is marked as posted by hand.</source>
        <translation>Storybilde #%1 er markert som lagt ut manuelt.</translation>
    </message>
    <message>
        <source>Mark posted by hand</source>
        <translation>Marker som lagt ut manuelt</translation>
    </message>
    <message>
        <source>Record who posted a frame from the phone, and when. The frame then counts as published, and the audit trail keeps the record.</source>
        <translation>Registrer hvem som la ut et storybilde fra telefonen, og når. Storybildet regnes da som publisert, og endringsloggen tar vare på registreringen.</translation>
    </message>
    <message>
        <source>&amp;Frame</source>
        <translation>&amp;Storybilde</translation>
    </message>
    <message>
        <source>Posted &amp;by</source>
        <translation>Lagt ut &amp;av</translation>
    </message>
    <message>
        <source>Posted &amp;at</source>
        <translation>Lagt ut &amp;kl.</translation>
    </message>
    <message>
        <source>&amp;Mark as posted</source>
        <translation>&amp;Marker som lagt ut</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Takeover Planner</source>
        <translation>Takeover Planner</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>Hvem er du?</translation>
    </message>
    <message>
        <source>Departments get your name and how to reach you on every brief and hand-off checklist. You can change this later with: takeover-planner profile set</source>
        <translation>Enhetene får navnet ditt og hvordan de når deg, på hvert oppdragsbrev og hver sjekkliste for manuell publisering. Du kan endre dette senere med: takeover-planner profile set</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Telefon (valgfritt)</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>Tittel (valgfritt)</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Organisasjon (valgfritt)</translation>
    </message>
    <message>
        <source>e.g. communications adviser</source>
        <translation>f.eks. kommunikasjonsrådgiver</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Senere</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>comms officer</source>
        <translation>kommunikasjonsrådgiver</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>bidragsyter</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>leser</translation>
    </message>
    <message>
        <source>You: %1 (personal database)</source>
        <translation>Du: %1 (personlig database)</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <source>You: %1 (%2)</source>
        <translation>Du: %1 (%2)</translation>
    </message>
    <message>
        <source>Nobody has a profile in this database yet, so you may do everything. A team adds people under Manage ▸ People.</source>
        <translation>Ingen har en profil i denne databasen ennå, så du kan gjøre alt. Et team legger til personer under Administrer ▸ Personer.</translation>
    </message>
    <message>
        <source>You may book, change and publish everything.</source>
        <translation>Du kan booke, endre og publisere alt.</translation>
    </message>
    <message>
        <source>You may request slots and edit the details and frames of your own department.</source>
        <translation>Du kan be om perioder og endre detaljene og storybildene til din egen enhet.</translation>
    </message>
    <message>
        <source>You may look at everything but change nothing. A comms officer can give you another role (Manage ▸ People); your name is set in File ▸ Settings.</source>
        <translation>Du kan se alt, men ikke endre noe. En kommunikasjonsrådgiver kan gi deg en annen rolle (Administrer ▸ Personer); navnet ditt setter du i Fil ▸ Innstillinger.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>PublishingHook</name>
    <message>
        <source>Publishing the frames that are due…</source>
        <translation>Publiserer storybildene som skal ut nå …</translation>
    </message>
    <message>
        <source>Publishing: frame %1 of %2…</source>
        <translation>Publiserer: storybilde %1 av %2 …</translation>
    </message>
    <message>
        <source>Frame #%1 is published.</source>
        <translation>Storybilde #%1 er publisert.</translation>
    </message>
    <message>
        <source>Frame #%1 was not published: %2</source>
        <translation>Storybilde #%1 ble ikke publisert: %2</translation>
    </message>
    <message>
        <source>Publishing could not run: %1</source>
        <translation>Publiseringen kunne ikke kjøre: %1</translation>
    </message>
    <message numerus="yes">
        <source>Publishing: %n problem(s)</source>
        <translation>
            <numerusform>Publisering: %n problem</numerusform>
            <numerusform>Publisering: %n problemer</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the publishing status</source>
        <translation>Åpne publiseringsstatus</translation>
    </message>
    <message>
        <source>Select a slot in the calendar first.</source>
        <translation>Velg en periode i kalenderen først.</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publiser</translation>
    </message>
    <message>
        <source>Publish &amp;due frames now</source>
        <translation>&amp;Publiser storybilder som skal ut nå</translation>
    </message>
    <message>
        <source>&amp;Hand-off pack for this slot…</source>
        <translation>&amp;Manuell publiseringspakke for denne perioden …</translation>
    </message>
    <message>
        <source>&amp;Mark posted by hand…</source>
        <translation>Marker som lagt ut ma&amp;nuelt …</translation>
    </message>
    <message>
        <source>Set account &amp;token…</source>
        <translation>Koble til &amp;Instagram-konto …</translation>
    </message>
    <message>
        <source>Publishing &amp;status…</source>
        <translation>Publiserings&amp;status …</translation>
    </message>
</context>
<context>
    <name>PublishingWindow</name>
    <message>
        <source>not queued</source>
        <translation>ikke i køen</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>i kø</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>publiseres</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publisert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>feilet</translation>
    </message>
    <message>
        <source>by hand (in a hand-off pack)</source>
        <translation>manuelt (i en manuell publiseringspakke)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbrutt</translation>
    </message>
    <message>
        <source>held: waits for you</source>
        <translation>holdt tilbake: venter på deg</translation>
    </message>
    <message>
        <source>posts by hand: no token needed</source>
        <translation>publiserer manuelt: trenger ingen token</translation>
    </message>
    <message>
        <source>no token: Publish ▸ Set account token…</source>
        <translation>ingen token: Publiser ▸ Koble til Instagram-konto …</translation>
    </message>
    <message>
        <source>expiry not known</source>
        <translation>utløpsdato ukjent</translation>
    </message>
    <message>
        <source>expired on %1: set a new token</source>
        <translation>utløp %1: sett en ny token</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n day(s), on %1</source>
        <translation>
            <numerusform>utløper om %n dag, %1</numerusform>
            <numerusform>utløper om %n dager, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>gyldig til %1</translation>
    </message>
    <message>
        <source>stopped: %1 %2</source>
        <translation>stoppet: %1 %2</translation>
    </message>
    <message>
        <source>paused until %1 (%2)</source>
        <translation>satt på pause til %1 (%2)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>i gang</translation>
    </message>
    <message>
        <source>The team database cannot be reached; the lists show what was read last.</source>
        <translation>Får ikke kontakt med teamets database; listene viser det som ble lest sist.</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>manuelt</translation>
    </message>
    <message>
        <source>Instagram API</source>
        <translation>Instagram-API</translation>
    </message>
    <message>
        <source>Facebook Page API</source>
        <translation>Facebook-side-API</translation>
    </message>
    <message>
        <source>posted by %1</source>
        <translation>lagt ut av %1</translation>
    </message>
    <message>
        <source>Next try %1.</source>
        <translation>Neste forsøk %1.</translation>
    </message>
    <message>
        <source>%1 (Facebook Page)</source>
        <translation>%1 (Facebook-side)</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need attention.</source>
        <translation>
            <numerusform>%n konto trenger oppfølging.</numerusform>
            <numerusform>%n kontoer trenger oppfølging.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every account can publish.</source>
        <translation>Alle kontoene kan publisere.</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) failed.</source>
        <translation>
            <numerusform>%n storybilde feilet.</numerusform>
            <numerusform>%n storybilder feilet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publisering</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;Publish due frames now</source>
        <translation>&amp;Publiser storybilder som skal ut nå</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kontoer</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Storybilder</translation>
    </message>
    <message>
        <source>Reported since the app started</source>
        <translation>Meldt siden appen startet</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Publishes</source>
        <translation>Publiserer</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kø</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Storybilde</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason and what to do</source>
        <translation>Årsak og hva du kan gjøre</translation>
    </message>
    <message>
        <source>Media id</source>
        <translation>Medie-ID</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Merk alt</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Trinn &amp;opp</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Trinn &amp;ned</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Se i:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Fil&amp;navn:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fil&amp;type:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Mappe:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Åpne</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Velg</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lagre som</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Finn mappe</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Fram</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Gå tilbake</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Gå fram</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Overordnet mappe</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Gå til overordnet mappe</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Lag ny mappe</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Lag en ny mappe</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Ny mappe</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Ny mappe</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Listevisning</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Detaljvisning</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Bytt til listevisning</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Bytt til detaljvisning</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Vis &amp;skjulte filer</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Gi nytt navn</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slett</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Sidestolpe</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Steder og bokmerker</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nylig brukte steder</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Mapper</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukjent</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Stasjon</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Snarvei</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 finnes allerede.
Vil du erstatte den?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Fant ikke filen.
Sjekk at du har skrevet riktig filnavn.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Fant ikke mappen.
Sjekk at du har skrevet riktig mappenavn.</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Er du sikker på at du vil slette «%1»?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>«%1» er skrivebeskyttet.
Vil du slette den likevel?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Kunne ikke slette mappen.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Sist endret</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Datamaskin</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Vis detaljer …</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Skjul detaljer …</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Left</source>
        <translation>Venstre</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Høyre</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Opp</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mellomrom</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Tilbaketast</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print Screen</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopier &amp;lenkeadresse</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Filter departments</source>
        <translation>Filtrer enheter</translation>
    </message>
    <message>
        <source>Filter accounts</source>
        <translation>Filtrer kontoer</translation>
    </message>
    <message>
        <source>Filter campaigns</source>
        <translation>Filtrer kampanjer</translation>
    </message>
    <message>
        <source>Filter blackout periods</source>
        <translation>Filtrer sperreperioder</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Vis arkiverte</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Legg til …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger …</translation>
    </message>
    <message>
        <source>Archive or remove…</source>
        <translation>Arkiver eller fjern …</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Fjern …</translation>
    </message>
    <message>
        <source>Accounts keep their takeover history and cannot be removed.</source>
        <translation>Kontoer beholder overtakelseshistorikken og kan ikke fjernes.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>&amp;Approver:</source>
        <translation>&amp;Godkjent av:</translation>
    </message>
    <message>
        <source>&amp;Import submission…</source>
        <translation>&amp;Importer innsending …</translation>
    </message>
    <message>
        <source>Show &amp;safe zones</source>
        <translation>Vis &amp;trygge soner</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>On-screen text</source>
        <translation>Tekst på skjermen</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Klistremerke</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kreditering</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Funn</translation>
    </message>
    <message>
        <source>&amp;Fix it (make a compliant copy)</source>
        <translation>&amp;Rett opp (lag en rettet kopi)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Comment to the department</source>
        <translation>Kommentar til enheten</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>G&amp;odkjenn</translation>
    </message>
    <message>
        <source>&amp;Request changes</source>
        <translation>&amp;Be om endringer</translation>
    </message>
    <message>
        <source>Approve &amp;all submitted</source>
        <translation>Godkjenn &amp;alle innsendte</translation>
    </message>
    <message>
        <source>Request changes on a&amp;ll submitted</source>
        <translation>Be om endringer på a&amp;lle innsendte</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Endringslogg</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Ikke kontrollert ennå.</translation>
    </message>
    <message>
        <source>Consent is complete.</source>
        <translation>Samtykket er komplett.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laster …</translation>
    </message>
    <message>
        <source>The video was split into %1 parts, each a frame of its own; the original is kept.</source>
        <translation>Videoen ble delt i %1 storyklipp, hvert sitt storybilde; originalen er beholdt.</translation>
    </message>
    <message>
        <source>Making a compliant copy…</source>
        <translation>Lager en rettet kopi …</translation>
    </message>
    <message>
        <source>Fixed copy made; the original is kept.</source>
        <translation>Rettet kopi laget; originalen er beholdt.</translation>
    </message>
    <message>
        <source>Import submission package</source>
        <translation>Importer innsending</translation>
    </message>
    <message>
        <source>Submission packages (*.zip)</source>
        <translation>Innsendinger (*.zip)</translation>
    </message>
    <message>
        <source>No frames yet. Import a submission package to start.</source>
        <translation>Ingen storybilder ennå. Importer en innsending for å begynne.</translation>
    </message>
    <message>
        <source>No time planned</source>
        <translation>Ikke tidfestet</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>No credit given</source>
        <translation>Ingen kreditering oppgitt</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>Ingen fil</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Råd</translation>
    </message>
    <message>
        <source>No findings: the file meets every rule.</source>
        <translation>Ingen funn: filen følger alle reglene.</translation>
    </message>
    <message>
        <source>Shows no identifiable people.</source>
        <translation>Viser ingen personer som kan kjennes igjen.</translation>
    </message>
    <message>
        <source>guardian</source>
        <translation>foresatt</translation>
    </message>
    <message>
        <source>the person</source>
        <translation>personen selv</translation>
    </message>
    <message>
        <source>This file cannot be shown.</source>
        <translation>Denne filen kan ikke vises.</translation>
    </message>
    <message>
        <source>%1 frame(s) done.</source>
        <translation>%1 storybilde(r) ferdig.</translation>
    </message>
    <message>
        <source>Review story – slot #%1</source>
        <translation>Gjennomgang av story – periode #%1</translation>
    </message>
    <message>
        <source> (fixed copy of %1)</source>
        <translation> (rettet kopi av %1)</translation>
    </message>
    <message>
        <source>Frame %1 approved.</source>
        <translation>Storybilde %1 er godkjent.</translation>
    </message>
    <message>
        <source>Changes requested on frame %1.</source>
        <translation>Bedt om endringer på storybilde %1.</translation>
    </message>
    <message>
        <source>, valid until %1</source>
        <translation>, gyldig til %1</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>TRUKKET TILBAKE</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Ikke gjort: %1</translation>
    </message>
    <message>
        <source>Imported %1 frame(s) from %2.</source>
        <translation>Importerte %1 storybilde(r) fra %2.</translation>
    </message>
    <message>
        <source>%1 sticker: %2. This frame must be posted by hand.</source>
        <translation>Klistremerke (%1): %2. Dette storybildet må publiseres for hånd.</translation>
    </message>
    <message>
        <source>Frame %1 of %2: %3</source>
        <translation>Storybilde %1 av %2: %3</translation>
    </message>
    <message>
        <source>%1 – form %2, given by %3%4</source>
        <translation>%1 – erklæring %2, gitt av %3%4</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Testing the connection…</source>
        <translation>Tester tilkoblingen …</translation>
    </message>
    <message>
        <source>Connected to %1. The database is empty: &quot;Copy my current plan into it&quot; fills it; &quot;Use it&quot; starts a new, empty plan there.</source>
        <translation>Koblet til %1. Databasen er tom: «Kopier planen min dit» fyller den; «Bruk den» starter en ny, tom plan der.</translation>
    </message>
    <message>
        <source>Connected to %1. It holds a Takeover Planner plan.</source>
        <translation>Koblet til %1. Den inneholder en plan fra Takeover Planner.</translation>
    </message>
    <message>
        <source>Connected to %1. It holds a plan from an older version of Takeover Planner; &quot;Use it&quot; brings it up to date.</source>
        <translation>Koblet til %1. Den inneholder en plan fra en eldre versjon av Takeover Planner; «Bruk den» oppdaterer den.</translation>
    </message>
    <message>
        <source>Connected to %1, but its plan was written by a newer version of Takeover Planner. Update this app first.</source>
        <translation>Koblet til %1, men planen der er skrevet av en nyere versjon av Takeover Planner. Oppdater denne appen først.</translation>
    </message>
    <message>
        <source>Connected to %1, but it holds tables that are not Takeover Planner&apos;s. Choose another, empty database.</source>
        <translation>Koblet til %1, men den inneholder tabeller som ikke hører til Takeover Planner. Velg en annen, tom database.</translation>
    </message>
    <message>
        <source>Copying your plan… The window stays usable; edits wait until the copy is done.</source>
        <translation>Kopierer planen din … Vinduet kan brukes som vanlig; endringer venter til kopien er ferdig.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>lik</translation>
    </message>
    <message>
        <source>DIFFERENT</source>
        <translation>ULIK</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s). Every table has the same rows and the same checksum in both databases. &quot;Use it&quot; switches to the copy.</source>
        <translation>
            <numerusform>Kopierte %n rad. Alle tabellene har de samme radene og den samme kontrollsummen i begge databasene. «Bruk den» bytter til kopien.</numerusform>
            <numerusform>Kopierte %n rader. Alle tabellene har de samme radene og den samme kontrollsummen i begge databasene. «Bruk den» bytter til kopien.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy does not match the original in: %1. Do not use it; the original is unchanged.</source>
        <translation>Kopien stemmer ikke med originalen i: %1. Ikke bruk den; originalen er uendret.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made while the database was away are still waiting to be saved to it. Switch when they are saved.</source>
        <translation>
            <numerusform>%n endring gjort mens databasen var borte, venter fortsatt på å bli lagret. Bytt når den er lagret.</numerusform>
            <numerusform>%n endringer gjort mens databasen var borte, venter fortsatt på å bli lagret. Bytt når de er lagret.</numerusform>
        </translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Bruker nå %1.</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring.</source>
        <translation>Passordet er lagret i nøkkelringen på denne datamaskinen.</translation>
    </message>
    <message>
        <source>Note: TAKEOVER_PLANNER_DB_URL is set on this computer and is used instead at the next start.</source>
        <translation>Merk: TAKEOVER_PLANNER_DB_URL er satt på denne datamaskinen og brukes i stedet ved neste oppstart.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Kobler til …</translation>
    </message>
    <message>
        <source>Choose the media folder</source>
        <translation>Velg mediemappen</translation>
    </message>
    <message>
        <source>Choose the intake folder</source>
        <translation>Velg mottaksmappen</translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>Kunne ikke lagre innstillingene: %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Deg</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemspråk</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ditt &amp;navn</translation>
    </message>
    <message>
        <source>The name the audit trail records for your changes, and the name of your profile in a team database.</source>
        <translation>Navnet endringsloggen registrerer for endringene dine, og navnet på profilen din i en teamdatabase.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Now using: %1</source>
        <translation>Bruker nå: %1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Ingen database er åpen.</translation>
    </message>
    <message>
        <source>This computer (SQLite)</source>
        <translation>Denne datamaskinen (SQLite)</translation>
    </message>
    <message>
        <source>Team database (PostgreSQL)</source>
        <translation>Teamdatabase (PostgreSQL)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>Se&amp;rver</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>Data&amp;base</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Br&amp;ukernavn</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;ord</translation>
    </message>
    <message>
        <source>kept in the keyring, never in the settings file</source>
        <translation>lagres i nøkkelringen, aldri i innstillingsfilen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test tilkoblingen</translation>
    </message>
    <message>
        <source>&amp;Copy my current plan into it</source>
        <translation>&amp;Kopier planen min dit</translation>
    </message>
    <message>
        <source>Use &amp;it</source>
        <translation>Bruk &amp;den</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <source>Rows here</source>
        <translation>Rader her</translation>
    </message>
    <message>
        <source>Rows there</source>
        <translation>Rader der</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Kontrollsum</translation>
    </message>
    <message>
        <source>Media folder</source>
        <translation>Mediemappe</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Velg …</translation>
    </message>
    <message>
        <source>inside the data folder</source>
        <translation>i datamappen</translation>
    </message>
    <message>
        <source>Where the story files are kept. A team uses one shared folder, for example on a network share; empty keeps them on this computer.</source>
        <translation>Hvor filene til storyene lagres. Et team bruker én felles mappe, for eksempel på en nettverksressurs; tomt lagrer dem på denne datamaskinen.</translation>
    </message>
    <message>
        <source>Intake folder</source>
        <translation>Mottaksmappe</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>V&amp;elg …</translation>
    </message>
    <message>
        <source>none: packages are imported by hand</source>
        <translation>ingen: pakker importeres for hånd</translation>
    </message>
    <message>
        <source>A folder shared with the departments: the window imports every submission package dropped there, every minute.</source>
        <translation>En mappe du deler med enhetene: vinduet importerer hvert minutt alle innsendingspakker som legges der.</translation>
    </message>
    <message>
        <source>On-screen text</source>
        <translation>Tekst på skjermen</translation>
    </message>
    <message>
        <source>Post frames with on-screen te&amp;xt by hand</source>
        <translation>Publiser storybilder med te&amp;kst for hånd</translation>
    </message>
    <message>
        <source>Normally the text is burned into the picture or video before it is published. When this is ticked, such frames go into the hand-off pack instead, and its checklist shows the text to add on the phone.</source>
        <translation>Vanligvis brennes teksten inn i bildet eller videoen før det publiseres. Når dette er krysset av, havner slike storybilder i den manuelle publiseringspakken i stedet, og sjekklisten viser teksten som skal legges på i telefonen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SlotDetailsPanel</name>
    <message>
        <source>week %1</source>
        <translation>uke %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dager</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>News article</source>
        <translation>Nyhetssak</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Avlyst: %1</translation>
    </message>
    <message>
        <source>Other details</source>
        <translation>Andre detaljer</translation>
    </message>
    <message>
        <source>Competes for the same days</source>
        <translation>Konkurrerer om de samme dagene</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>passert</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dager</numerusform>
        </translation>
    </message>
    <message>
        <source>No contact person yet</source>
        <translation>Ingen kontaktperson ennå</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Sendt inn</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publisert</translation>
    </message>
    <message>
        <source>Reading story progress…</source>
        <translation>Leser framdriften for storyen …</translation>
    </message>
    <message>
        <source>No story frames yet.</source>
        <translation>Ingen storybilder ennå.</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) in the story.</source>
        <translation>
            <numerusform>%n storybilde i storyen.</numerusform>
            <numerusform>%n storybilder i storyen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Ingen endringer registrert.</translation>
    </message>
    <message>
        <source>No slot selected</source>
        <translation>Ingen periode valgt</translation>
    </message>
    <message>
        <source>Click a slot to see its details here.

Drag across days to book them, drag a slot to move it and drag its ends to change its length. Right-click a slot to change its status.</source>
        <translation>Klikk på en periode for å se detaljene her.

Dra over dager for å booke dem, dra en periode for å flytte den, og dra i endene for å endre lengden. Høyreklikk på en periode for å endre statusen.</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Material deadline</source>
        <translation>Frist for materiell</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanje</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Note to the department</source>
        <translation>Melding til enheten</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Intern merknad</translation>
    </message>
    <message>
        <source>Story progress</source>
        <translation>Framdrift for storyen</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>Siste endringer</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tegnforklaring</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger …</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Review story…</source>
        <translation>Gjennomgå storyen …</translation>
    </message>
    <message>
        <source>Write brief…</source>
        <translation>Skriv oppdragsbrev …</translation>
    </message>
    <message>
        <source>The brief package and its printed letter (PDF) for the department</source>
        <translation>Oppdragsbrevet som pakke og som utskrivbart brev (PDF) til enheten</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Endre status</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Week</source>
        <translation>Uke</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanje</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Material deadline</source>
        <translation>Frist for materiell</translation>
    </message>
    <message>
        <source>Competes for the same days with %1</source>
        <translation>Konkurrerer om de samme dagene med %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Requested</source>
        <translation>Forespurt</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booket</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bekreftet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Gjennomført</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avlyst</translation>
    </message>
    <message>
        <source>Mark as requested</source>
        <translation>Marker som forespurt</translation>
    </message>
    <message>
        <source>Mark as booked</source>
        <translation>Marker som booket</translation>
    </message>
    <message>
        <source>Mark as confirmed</source>
        <translation>Marker som bekreftet</translation>
    </message>
    <message>
        <source>Mark as completed</source>
        <translation>Marker som gjennomført</translation>
    </message>
    <message>
        <source>Cancel slot…</source>
        <translation>Avlys periode …</translation>
    </message>
</context>
<context>
    <name>TakeoverListModel</name>
    <message>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Storybilder</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>sample data</source>
        <translation>eksempeldata</translation>
    </message>
</context>
<context>
    <name>TakeoverReportView</name>
    <message>
        <source>Takeover report</source>
        <translation>Rapport for overtakelsen</translation>
    </message>
    <message>
        <source>Choose a takeover to see its report.</source>
        <translation>Velg en overtakelse for å se rapporten.</translation>
    </message>
    <message>
        <source>Takeover report: %1</source>
        <translation>Rapport for overtakelsen: %1</translation>
    </message>
    <message>
        <source>Reach and views per frame</source>
        <translation>Rekkevidde og visninger per storybilde</translation>
    </message>
    <message>
        <source>Exits and replies per frame</source>
        <translation>Avslutninger og svar per storybilde</translation>
    </message>
    <message>
        <source>– after a frame&apos;s number: Instagram gave no figures for it (see the table); it is not counted as zero.</source>
        <translation>– etter et storybildes nummer: Instagram ga ingen tall for det (se tabellen); det regnes ikke som null.</translation>
    </message>
    <message>
        <source>Before: %1 a day</source>
        <translation>Før: %1 per dag</translation>
    </message>
    <message>
        <source>Not enough history before</source>
        <translation>For lite historikk fra før</translation>
    </message>
    <message>
        <source>%1 of %2 frames collected</source>
        <translation>%1 av %2 storybilder samlet inn</translation>
    </message>
    <message>
        <source>Viewers of the first frame</source>
        <translation>Seere av første storybilde</translation>
    </message>
    <message>
        <source>Stayed to the last frame</source>
        <translation>Så helt til siste storybilde</translation>
    </message>
    <message>
        <source>Follows from the story</source>
        <translation>Nye følgere fra storyen</translation>
    </message>
    <message>
        <source>Followers during the takeover</source>
        <translation>Følgere under overtakelsen</translation>
    </message>
    <message>
        <source>Followers during the takeover: not known (no follower count was read before and during it).</source>
        <translation>Følgere under overtakelsen: ukjent (antall følgere ble ikke lest før og under den).</translation>
    </message>
    <message>
        <source>Followers during the takeover: %1 over %2 days (%3 a day).</source>
        <translation>Følgere under overtakelsen: %1 på %2 dager (%3 per dag).</translation>
    </message>
    <message>
        <source>In the %1 days before: %2 a day.</source>
        <translation>De %1 dagene før: %2 per dag.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4)</source>
        <translation>%1: %2 av %3 (%4)</translation>
    </message>
    <message>
        <source>Viewers who stayed to the last frame — %1</source>
        <translation>Seere som så helt til siste storybilde – %1</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lagre rapporten</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lagre som PDF …</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Lagre som CSV …</translation>
    </message>
    <message>
        <source>Sample data (demo): these are not real figures.</source>
        <translation>Eksempeldata (demo): dette er ikke virkelige tall.</translation>
    </message>
</context>
<context>
    <name>TeamHook</name>
    <message>
        <source>The team database is back.</source>
        <translation>Teamets database er tilbake.</translation>
    </message>
    <message>
        <source>The team database cannot be reached.</source>
        <translation>Får ikke kontakt med teamets database.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made while the database was away are saved.</source>
        <translation>
            <numerusform>%n endring gjort mens databasen var borte, er lagret.</numerusform>
            <numerusform>%n endringer gjort mens databasen var borte, er lagret.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Endringer som ikke ble lagret</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made while the database was away could not be saved:</source>
        <translation>
            <numerusform>%n endring gjort mens databasen var borte, kunne ikke lagres:</numerusform>
            <numerusform>%n endringer gjort mens databasen var borte, kunne ikke lagres:</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else changed the same slot meanwhile, or a booking rule now says no. The calendar shows what the database holds; make the change again if it is still wanted.</source>
        <translation>Noen andre har endret den samme perioden i mellomtiden, eller en bookingregel sier nå nei. Kalenderen viser det som ligger i databasen; gjør endringen på nytt hvis du fortsatt vil ha den.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger …</translation>
    </message>
    <message>
        <source>&amp;People…</source>
        <translation>&amp;Personer …</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>Add an account first (Manage ▸ Accounts).</source>
        <translation>Legg til en konto først (Administrer ▸ Kontoer).</translation>
    </message>
    <message>
        <source>The token for %1 is kept in this computer&apos;s keyring.</source>
        <translation>Tokenen for %1 er lagret i nøkkelringen på denne datamaskinen.</translation>
    </message>
    <message>
        <source>It expires on %1.</source>
        <translation>Den utløper %1.</translation>
    </message>
    <message>
        <source>Warning: the keyring chosen on this computer is a plain file.</source>
        <translation>Advarsel: nøkkelringen som er valgt på denne datamaskinen, er en vanlig fil.</translation>
    </message>
    <message>
        <source>Set account token</source>
        <translation>Koble til Instagram-konto</translation>
    </message>
    <message>
        <source>Paste the account&apos;s long-lived access token from Meta. It is kept in this computer&apos;s keyring, never in a file, and sent to Instagram only in the Authorization header.</source>
        <translation>Lim inn kontoens langvarige tilgangstoken fra Meta. Den lagres i nøkkelringen på denne datamaskinen, aldri i en fil, og sendes til Instagram bare i Authorization-headeren.</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Utløper</translation>
    </message>
    <message>
        <source>on</source>
        <translation>den</translation>
    </message>
    <message>
        <source>Leave it off to assume the usual 60 days.</source>
        <translation>La den være av for å regne med de vanlige 60 dagene.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>VideoControl</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>Spill av video</translation>
    </message>
    <message>
        <source>Video playback needs Qt Multimedia, which this installation lacks.</source>
        <translation>Avspilling av video krever Qt Multimedia, som mangler i denne installasjonen.</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Close this window (%1)</source>
        <translation>Lukk dette vinduet (%1)</translation>
    </message>
    <message>
        <source>Comment not sent</source>
        <translation>Kommentaren er ikke sendt</translation>
    </message>
    <message>
        <source>Close the window and discard the comment you typed?</source>
        <translation>Lukke vinduet og forkaste kommentaren du har skrevet?</translation>
    </message>
    <message>
        <source>&amp;Discard the comment</source>
        <translation>&amp;Forkast kommentaren</translation>
    </message>
    <message>
        <source>&amp;Keep writing</source>
        <translation>Fortsett å &amp;skrive</translation>
    </message>
</context>
<context>
    <name>WriteBriefDialog</name>
    <message>
        <source>Save the brief package</source>
        <translation>Lagre oppdragsbrevet</translation>
    </message>
    <message>
        <source>Brief packages (*.zip)</source>
        <translation>Oppdragsbrev (*.zip)</translation>
    </message>
    <message>
        <source>Choose where to save the brief package.</source>
        <translation>Velg hvor oppdragsbrevet skal lagres.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Mappen %1 finnes ikke.</translation>
    </message>
    <message>
        <source>%1 already exists. Click Write brief again to replace it.</source>
        <translation>%1 finnes allerede. Klikk Skriv oppdragsbrev en gang til for å erstatte den.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Skriver …</translation>
    </message>
    <message>
        <source>&amp;Write brief</source>
        <translation>&amp;Skriv oppdragsbrev</translation>
    </message>
    <message>
        <source>Write brief – slot #%1</source>
        <translation>Skriv oppdragsbrev – periode #%1</translation>
    </message>
    <message>
        <source>The brief package is what %1 opens in Takeover Planner to send its material before the deadline. The printed letter (PDF) is always inside it; save it beside the package too to print it or attach it to an e-mail.</source>
        <translation>Oppdragsbrevet er det %1 åpner i Takeover Planner for å sende inn materiellet sitt før fristen. Det utskrivbare brevet (PDF) ligger alltid i det; lagre det også ved siden av for å skrive det ut eller legge det ved en e-post.</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Lagre som</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Velg …</translation>
    </message>
    <message>
        <source>&amp;Language of the letter</source>
        <translation>Språk i &amp;brevet</translation>
    </message>
    <message>
        <source>Also save the &amp;PDF beside it</source>
        <translation>Lagre også P&amp;DF-en ved siden av</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
</TS>
