<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>Not written yet</translation>
    </message>
    <message>
        <source>Weekly investigation, week {week} ({first} – {last})</source>
        <translation>Weekly investigation, week {week} ({first} – {last})</translation>
    </message>
    <message>
        <source>Monthly scheduling meeting, {year}-{month:02d}</source>
        <translation>Monthly scheduling meeting, {year}-{month:02d}</translation>
    </message>
    <message>
        <source>Periodic inspection: {name}</source>
        <translation>Periodic inspection: {name}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Correct a submitted record</source>
        <translation>Correct a submitted record</translation>
    </message>
    <message>
        <source>The submitted record stays as it is. A correction is a new record linked to it, starting from its answers. Why is it being corrected?
{record}</source>
        <translation>The submitted record stays as it is. A correction is a new record linked to it, starting from its answers. Why is it being corrected?
{record}</translation>
    </message>
    <message>
        <source>e.g. wind speed reading entered wrongly</source>
        <translation>e.g. wind speed reading entered wrongly</translation>
    </message>
    <message>
        <source>Start correction</source>
        <translation>Start correction</translation>
    </message>
</context>
<context>
    <name>ChecklistItemRow</name>
    <message>
        <source>A failure here can be a major hazard: decide whether to stop use.</source>
        <translation>A failure here can be a major hazard: decide whether to stop use.</translation>
    </message>
    <message>
        <source>Remark (required when abnormal)</source>
        <translation>Remark (required when abnormal)</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Attach photos from files (Ctrl+P)</source>
        <translation>Attach photos from files (Ctrl+P)</translation>
    </message>
    <message>
        <source>[Major hazard item]</source>
        <translation>[Major hazard item]</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>Outside</translation>
    </message>
    <message>
        <source>Allowed: {range} {unit}</source>
        <translation>Allowed: {range} {unit}</translation>
    </message>
    <message>
        <source>Photos {count}</source>
        <translation>Photos {count}</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>Open {name}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>View hazard</source>
        <translation>View hazard</translation>
    </message>
    <message>
        <source>A hazard was opened from this item</source>
        <translation>A hazard was opened from this item</translation>
    </message>
    <message>
        <source>Open hazard…</source>
        <translation>Open hazard…</translation>
    </message>
    <message>
        <source>Record a hazard from this item (Ctrl+H)</source>
        <translation>Record a hazard from this item (Ctrl+H)</translation>
    </message>
</context>
<context>
    <name>DailyCheckPage</name>
    <message>
        <source>← Back</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Back to the previous page (Alt+Left)</source>
        <translation>Back to the previous page (Alt+Left)</translation>
    </message>
    <message>
        <source>Records of this day: the original and corrections</source>
        <translation>Records of this day: the original and corrections</translation>
    </message>
    <message>
        <source>Operating &amp;status:</source>
        <translation>Operating &amp;status:</translation>
    </message>
    <message>
        <source>Remark for the day (e.g. why the equipment did not run)</source>
        <translation>Remark for the day (e.g. why the equipment did not run)</translation>
    </message>
    <message>
        <source>Mark all unanswered normal</source>
        <translation>Mark all unanswered normal</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>Submit…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>File a correction of this submitted record</source>
        <translation>File a correction of this submitted record</translation>
    </message>
    <message>
        <source>Keys: 1 normal · 2 abnormal · 3 n/a · ↑↓ items · Tab reading/remark · Ctrl+P photo · Ctrl+H hazard · Ctrl+Enter submit</source>
        <translation>Keys: 1 normal · 2 abnormal · 3 n/a · ↑↓ items · Tab reading/remark · Ctrl+P photo · Ctrl+H hazard · Ctrl+Enter submit</translation>
    </message>
    <message>
        <source>{equipment} · daily check</source>
        <translation>{equipment} · daily check</translation>
    </message>
    <message>
        <source>{day} · {template} (version {version}) · code {code}</source>
        <translation>{day} · {template} (version {version}) · code {code}</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Correction draft</source>
        <translation>Correction draft</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Submitted and signed by {name} at {time} (device time, Beijing). It can no longer change; use Correct… to file a correction.</source>
        <translation>Submitted and signed by {name} at {time} (device time, Beijing). It can no longer change; use Correct… to file a correction.</translation>
    </message>
    <message>
        <source>A correction of this record exists (see the day&apos;s records).</source>
        <translation>A correction of this record exists (see the day&apos;s records).</translation>
    </message>
    <message>
        <source>This record corrects an earlier one. Reason: {reason}</source>
        <translation>This record corrects an earlier one. Reason: {reason}</translation>
    </message>
    <message>
        <source>The equipment did not run this day: no item needs an answer; findings can still be recorded.</source>
        <translation>The equipment did not run this day: no item needs an answer; findings can still be recorded.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Correction {number}</source>
        <translation>Correction {number}</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>Answered {answered}/{total} · abnormal {abnormal}</source>
        <translation>Answered {answered}/{total} · abnormal {abnormal}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>Not saved!</translation>
    </message>
    <message>
        <source>Draft not saved</source>
        <translation>Draft not saved</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to fix before submitting:</source>
        <translation>
            <numerusform>%n point to fix before submitting:</numerusform>
            <numerusform>%n points to fix before submitting:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {count} more (marked in the list)</source>
        <translation>… and {count} more (marked in the list)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) marked normal. Items with a reading stay open until the reading is entered.</source>
        <translation>
            <numerusform>%n item marked normal. Items with a reading stay open until the reading is entered.</numerusform>
            <numerusform>%n items marked normal. Items with a reading stay open until the reading is entered.</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>Attach photos</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Pictures ({patterns})</translation>
    </message>
    <message>
        <source>Some photos were not attached</source>
        <translation>Some photos were not attached</translation>
    </message>
    <message>
        <source>Photo not on this laptop</source>
        <translation>Photo not on this laptop</translation>
    </message>
    <message>
        <source>The photo file is not in this laptop&apos;s data folder.</source>
        <translation>The photo file is not in this laptop&apos;s data folder.</translation>
    </message>
    <message>
        <source>Hazard recorded</source>
        <translation>Hazard recorded</translation>
    </message>
    <message>
        <source>Submit the daily check</source>
        <translation>Submit the daily check</translation>
    </message>
    <message>
        <source>Submit the daily check of {equipment} for {day} ({status})?

Signed by: {name} ({role})
Device time: {time} (Beijing)

After submitting, the record cannot change; corrections are filed separately.</source>
        <translation>Submit the daily check of {equipment} for {day} ({status})?

Signed by: {name} ({role})
Device time: {time} (Beijing)

After submitting, the record cannot change; corrections are filed separately.</translation>
    </message>
    <message numerus="yes">
        <source>%n abnormal item(s) have no hazard recorded yet.</source>
        <translation>
            <numerusform>%n abnormal item has no hazard recorded yet.</numerusform>
            <numerusform>%n abnormal items have no hazard recorded yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Record hazard first</source>
        <translation>Record hazard first</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>{equipment}, {day}, submitted by {name} at {time}</source>
        <translation>{equipment}, {day}, submitted by {name} at {time}</translation>
    </message>
</context>
<context>
    <name>HazardTableModel</name>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message numerus="yes">
        <source>Overdue %n day(s) · {date}</source>
        <translation>
            <numerusform>Overdue %n day · {date}</numerusform>
            <numerusform>Overdue %n days · {date}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>SafeDesk</source>
        <translation>SafeDesk</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Today in China (Asia/Shanghai)</source>
        <translation>Today in China (Asia/Shanghai)</translation>
    </message>
    <message>
        <source>Sync (F5)</source>
        <translation>Sync (F5)</translation>
    </message>
    <message>
        <source>Sync with the provincial platform comes in #4.</source>
        <translation>Sync with the provincial platform comes in #4.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SafeDesk · Special Equipment Safety Desk</source>
        <translation>SafeDesk · Special Equipment Safety Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Open the &amp;data folder</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SafeDesk</source>
        <translation>&amp;About SafeDesk</translation>
    </message>
    <message>
        <source>About SafeDesk</source>
        <translation>About SafeDesk</translation>
    </message>
    <message>
        <source>SafeDesk keeps the daily checks, weekly investigations, monthly meetings and hazards of special equipment, fully offline.

Data folder: {folder}</source>
        <translation>SafeDesk keeps the daily checks, weekly investigations, monthly meetings and hazards of special equipment, fully offline.

Data folder: {folder}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>Monthly meeting</source>
        <translation>Monthly meeting</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Weekly investigation</source>
        <translation>Weekly investigation</translation>
    </message>
    <message>
        <source>Daily check</source>
        <translation>Daily check</translation>
    </message>
</context>
<context>
    <name>OpenHazardDialog</name>
    <message>
        <source>Open a hazard</source>
        <translation>Open a hazard</translation>
    </message>
    <message>
        <source>e.g. slowed down, area fenced off</source>
        <translation>e.g. slowed down, area fenced off</translation>
    </message>
    <message>
        <source>Stop using the equipment until it is fixed</source>
        <translation>Stop using the equipment until it is fixed</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>Equipment:</translation>
    </message>
    <message>
        <source>Found at:</source>
        <translation>Found at:</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>&amp;Grade:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Immediate measures:</source>
        <translation>&amp;Immediate measures:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <source>Rectification &amp;deadline:</source>
        <translation>Rectification &amp;deadline:</translation>
    </message>
    <message>
        <source>This is a major-hazard item: decide whether the equipment must stop until the hazard is removed.</source>
        <translation>This is a major-hazard item: decide whether the equipment must stop until the hazard is removed.</translation>
    </message>
    <message>
        <source>Open hazard</source>
        <translation>Open hazard</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page is not built yet (#2).</source>
        <translation>This page is not built yet (#2).</translation>
    </message>
    <message>
        <source>This page is not built yet (#2). Asked to show: {target}</source>
        <translation>This page is not built yet (#2). Asked to show: {target}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Welcome to SafeDesk</source>
        <translation>Welcome to SafeDesk</translation>
    </message>
    <message>
        <source>This laptop keeps the safety records of one unit. Tell SafeDesk which unit it belongs to and who uses it; records are signed with this name.</source>
        <translation>This laptop keeps the safety records of one unit. Tell SafeDesk which unit it belongs to and who uses it; records are signed with this name.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>e.g. Emei Yunhai Ropeway Co., Ltd.</source>
        <translation>e.g. Emei Yunhai Ropeway Co., Ltd.</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <source>&amp;County code:</source>
        <translation>&amp;County code:</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Someone else…</source>
        <translation>Someone else…</translation>
    </message>
    <message>
        <source>Please enter the user&apos;s name.</source>
        <translation>Please enter the user&apos;s name.</translation>
    </message>
</context>
<context>
    <name>SafeDeskApp</name>
    <message>
        <source>SafeDesk cannot start</source>
        <translation>SafeDesk cannot start</translation>
    </message>
    <message>
        <source>Checklist templates refused</source>
        <translation>Checklist templates refused</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist template file(s) could not be used and were skipped. The other templates work as usual.</source>
        <translation>
            <numerusform>%n checklist template file could not be used and were skipped. The other templates work as usual.</numerusform>
            <numerusform>%n checklist template files could not be used and were skipped. The other templates work as usual.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayEquipmentTableModel</name>
    <message>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Today&apos;s check</source>
        <translation>Today&apos;s check</translation>
    </message>
    <message>
        <source>Open hazards</source>
        <translation>Open hazards</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>Next inspection</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{date} · %n day(s) left</source>
        <translation>
            <numerusform>{date} · %n day left</numerusform>
            <numerusform>{date} · %n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message numerus="yes">
        <source>%n open, {overdue} overdue</source>
        <translation>
            <numerusform>%n open, {overdue} overdue</numerusform>
            <numerusform>%n open, {overdue} overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Correction in progress</source>
        <translation>Correction in progress</translation>
    </message>
    <message>
        <source>Done · {status}</source>
        <translation>Done · {status}</translation>
    </message>
    <message numerus="yes">
        <source>Done · %n abnormal</source>
        <translation>
            <numerusform>Done · %n abnormal</numerusform>
            <numerusform>Done · %n abnormal</numerusform>
        </translation>
    </message>
    <message>
        <source>Done · {name}</source>
        <translation>Done · {name}</translation>
    </message>
    <message>
        <source>Open this equipment&apos;s hazards</source>
        <translation>Open this equipment&apos;s hazards</translation>
    </message>
    <message>
        <source>Open the equipment&apos;s details</source>
        <translation>Open the equipment&apos;s details</translation>
    </message>
    <message>
        <source>Open today&apos;s daily check of {name}</source>
        <translation>Open today&apos;s daily check of {name}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the records again (Ctrl+R)</source>
        <translation>Read the records again (Ctrl+R)</translation>
    </message>
    <message>
        <source>Daily checks of equipment in use</source>
        <translation>Daily checks of equipment in use</translation>
    </message>
    <message>
        <source>No equipment in use is registered for this unit yet. Equipment comes from the provincial registry when the laptop syncs (#4).</source>
        <translation>No equipment in use is registered for this unit yet. Equipment comes from the provincial registry when the laptop syncs (#4).</translation>
    </message>
    <message>
        <source>All hazards…</source>
        <translation>All hazards…</translation>
    </message>
    <message>
        <source>Open hazards</source>
        <translation>Open hazards</translation>
    </message>
    <message>
        <source>This week, this month, inspections</source>
        <translation>This week, this month, inspections</translation>
    </message>
    <message>
        <source>The overview could not be read; details are in the log file.</source>
        <translation>The overview could not be read; details are in the log file.</translation>
    </message>
    <message>
        <source>{date} {weekday} · week {week} · {unit}</source>
        <translation>{date} {weekday} · week {week} · {unit}</translation>
    </message>
    <message>
        <source>Daily checks {done}/{due}</source>
        <translation>Daily checks {done}/{due}</translation>
    </message>
    <message numerus="yes">
        <source>%n open hazard(s), {overdue} overdue</source>
        <translation>
            <numerusform>%n open hazard, {overdue} overdue</numerusform>
            <numerusform>%n open hazards, {overdue} overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open hazard(s)</source>
        <translation>
            <numerusform>%n open hazard</numerusform>
            <numerusform>%n open hazards</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly: {status}</source>
        <translation>Weekly: {status}</translation>
    </message>
    <message>
        <source>Monthly: {status}</source>
        <translation>Monthly: {status}</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) expired</source>
        <translation>
            <numerusform>%n inspection expired</numerusform>
            <numerusform>%n inspections expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) due soon</source>
        <translation>
            <numerusform>%n inspection due soon</numerusform>
            <numerusform>%n inspections due soon</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspections in date</source>
        <translation>Inspections in date</translation>
    </message>
</context>
</TS>
