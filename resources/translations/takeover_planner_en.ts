<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
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
</TS>
