<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>BookingActions</name>
    <message numerus="yes">
        <source>%n story frame(s) moved with it.</source>
        <translation>
            <numerusform>%n story frame moved with it.</numerusform>
            <numerusform>%n story frames moved with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n story frame(s) fell outside the new days and went back to review.</source>
        <translation>
            <numerusform>%n story frame fell outside the new days and went back to review.</numerusform>
            <numerusform>%n story frames fell outside the new days and went back to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n story frame(s) taken off the publishing queue.</source>
        <translation>
            <numerusform>%n story frame taken off the publishing queue.</numerusform>
            <numerusform>%n story frames taken off the publishing queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n slot</numerusform>
            <numerusform>%n slots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %n slot(s) to %1 and one calendar per department.</source>
        <translation>
            <numerusform>Exported %n slot to %1 and one calendar per department.</numerusform>
            <numerusform>Exported %n slots to %1 and one calendar per department.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n slot(s) to %1.</source>
        <translation>
            <numerusform>Exported %n slot to %1.</numerusform>
            <numerusform>Exported %n slots to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridPainting</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message numerus="yes">
        <source>%n frame(s) in the pack in %1. Print the checklist, post the frames in its order, then mark each one: Publish ▸ Mark posted by hand.</source>
        <translation>
            <numerusform>%n frame in the pack in %1. Print the checklist, post the frames in its order, then mark each one: Publish ▸ Mark posted by hand.</numerusform>
            <numerusform>%n frames in the pack in %1. Print the checklist, post the frames in its order, then mark each one: Publish ▸ Mark posted by hand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeHook</name>
    <message numerus="yes">
        <source>Imported the submission for %1 (%n frame(s))</source>
        <translation>
            <numerusform>Imported the submission for %1 (%n frame)</numerusform>
            <numerusform>Imported the submission for %1 (%n frames)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n slot(s) loaded</source>
        <translation>
            <numerusform>%n slot loaded</numerusform>
            <numerusform>%n slots loaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManageWindow</name>
    <message numerus="yes">
        <source>&apos;%1&apos; has %n slot(s). What should happen to it?</source>
        <translation>
            <numerusform>&apos;%1&apos; has %n slot. What should happen to it?</numerusform>
            <numerusform>&apos;%1&apos; has %n slots. What should happen to it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message numerus="yes">
        <source>%n change(s) waiting.</source>
        <translation>
            <numerusform>%n change waiting.</numerusform>
            <numerusform>%n changes waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishingHook</name>
    <message numerus="yes">
        <source>Publishing: %n problem(s)</source>
        <translation>
            <numerusform>Publishing: %n problem</numerusform>
            <numerusform>Publishing: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishingWindow</name>
    <message numerus="yes">
        <source>expires in %n day(s), on %1</source>
        <translation>
            <numerusform>expires in %n day, on %1</numerusform>
            <numerusform>expires in %n days, on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need attention.</source>
        <translation>
            <numerusform>%n account needs attention.</numerusform>
            <numerusform>%n accounts need attention.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) failed.</source>
        <translation>
            <numerusform>%n frame failed.</numerusform>
            <numerusform>%n frames failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Copied %n row(s). Every table has the same rows and the same checksum in both databases. &quot;Use it&quot; switches to the copy.</source>
        <translation>
            <numerusform>Copied %n row. Every table has the same rows and the same checksum in both databases. &quot;Use it&quot; switches to the copy.</numerusform>
            <numerusform>Copied %n rows. Every table has the same rows and the same checksum in both databases. &quot;Use it&quot; switches to the copy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made while the database was away are still waiting to be saved to it. Switch when they are saved.</source>
        <translation>
            <numerusform>%n change made while the database was away is still waiting to be saved to it. Switch when it is saved.</numerusform>
            <numerusform>%n changes made while the database was away are still waiting to be saved to it. Switch when they are saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlotDetailsPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) in the story.</source>
        <translation>
            <numerusform>%n frame in the story.</numerusform>
            <numerusform>%n frames in the story.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamHook</name>
    <message numerus="yes">
        <source>%n change(s) made while the database was away are saved.</source>
        <translation>
            <numerusform>%n change made while the database was away is saved.</numerusform>
            <numerusform>%n changes made while the database was away are saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made while the database was away could not be saved:</source>
        <translation>
            <numerusform>%n change made while the database was away could not be saved:</numerusform>
            <numerusform>%n changes made while the database was away could not be saved:</numerusform>
        </translation>
    </message>
</context>
</TS>
