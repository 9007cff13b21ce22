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
        <source>Week {week}: {first} – {last}</source>
        <translation>Week {week}: {first} – {last}</translation>
    </message>
    <message>
        <source>Weekly investigation, week {week}: {family}</source>
        <translation>Weekly investigation, week {week}: {family}</translation>
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
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
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
    <name>AttendeesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
</context>
<context>
    <name>ChecklistAnswersModel</name>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Not filled</source>
        <translation>Not filled</translation>
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
    <name>CompletionModel</name>
    <message>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Days due</source>
        <translation>Days due</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation>Server&apos;s</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>(whole record refused)</source>
        <translation>(whole record refused)</translation>
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
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>Immediate measures</translation>
    </message>
    <message>
        <source>Stop use</source>
        <translation>Stop use</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Operating status</source>
        <translation>Operating status</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>Checklist answers</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Matters for the principal</source>
        <translation>Matters for the principal</translation>
    </message>
    <message>
        <source>Next week&apos;s focus</source>
        <translation>Next week&apos;s focus</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Director&apos;s report</source>
        <translation>Director&apos;s report</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts and records needing attention</source>
        <translation>Conflicts and records needing attention</translation>
    </message>
    <message>
        <source>Or type the value to keep</source>
        <translation>Or type the value to keep</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Keep the server&apos;s</translation>
    </message>
    <message>
        <source>Keep the typed value</source>
        <translation>Keep the typed value</translation>
    </message>
    <message>
        <source>Dealt with</source>
        <translation>Dealt with</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>The server&apos;s</source>
        <translation>The server&apos;s</translation>
    </message>
    <message>
        <source>Pick a row to see what happened: another device changed the same field (a conflict), or the server refused the record.</source>
        <translation>Pick a row to see what happened: another device changed the same field (a conflict), or the server refused the record.</translation>
    </message>
    <message>
        <source>The server refused this record: {reason}. Correct the record (it is sent again at the next sync), then press Dealt with.</source>
        <translation>The server refused this record: {reason}. Correct the record (it is sent again at the next sync), then press Dealt with.</translation>
    </message>
    <message>
        <source>Another device changed the same field before this one synced. Compare the values and keep one, or type the value to keep. Nothing is sent until the next sync.</source>
        <translation>Another device changed the same field before this one synced. Compare the values and keep one, or type the value to keep. Nothing is sent until the next sync.</translation>
    </message>
    <message>
        <source>The whole record</source>
        <translation>The whole record</translation>
    </message>
    <message>
        <source>{record} — {field}</source>
        <translation>{record} — {field}</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Why: {reason}</translation>
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
        <source>Draft not saved: {reason}</source>
        <translation>Draft not saved: {reason}</translation>
    </message>
    <message>
        <source>All marked points are fixed.</source>
        <translation>All marked points are fixed.</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to fix before submitting:</source>
        <translation>
            <numerusform>%n point to fix before submitting:</numerusform>
            <numerusform>%n points to fix before submitting:</numerusform>
        </translation>
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
    <name>EquipmentHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signed by / owner</source>
        <translation>Signed by / owner</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Daily check</source>
        <translation>Daily check</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>Weekly report {year}-W{week}</source>
        <translation>Weekly report {year}-W{week}</translation>
    </message>
    <message>
        <source>{kind} (amendment)</source>
        <translation>{kind} (amendment)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>{count} abnormal</source>
        <translation>{count} abnormal</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <source>Registered special equipment, its inspection date and its records</source>
        <translation>Registered special equipment, its inspection date and its records</translation>
    </message>
    <message>
        <source>Equipment details</source>
        <translation>Equipment details</translation>
    </message>
    <message>
        <source>Equipment name</source>
        <translation>Equipment name</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>Equipment code</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <source>Equipment kind</source>
        <translation>Equipment kind</translation>
    </message>
    <message>
        <source>Place of use</source>
        <translation>Place of use</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Use status</source>
        <translation>Use status</translation>
    </message>
    <message>
        <source>Today&apos;s daily check</source>
        <translation>Today&apos;s daily check</translation>
    </message>
    <message>
        <source>Its hazards</source>
        <translation>Its hazards</translation>
    </message>
    <message>
        <source>Records (newest first; click to open)</source>
        <translation>Records (newest first; click to open)</translation>
    </message>
    <message>
        <source>Next inspection {date} · {state}</source>
        <translation>Next inspection {date} · {state}</translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <source>Equipment name</source>
        <translation>Equipment name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>Next inspection</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>Equipment code</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>{date} expired</source>
        <translation>{date} expired</translation>
    </message>
    <message>
        <source>{date} due soon</source>
        <translation>{date} due soon</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Last month&apos;s decision</source>
        <translation>Last month&apos;s decision</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>HazardHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Hazard recorded ({status})</source>
        <translation>Hazard recorded ({status})</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>{change}: {note}</source>
        <translation>{change}: {note}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Edited {fields}</source>
        <translation>Edited {fields}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Sync conflict on {field}: mine {mine}, the server&apos;s {server}</source>
        <translation>Sync conflict on {field}: mine {mine}, the server&apos;s {server}</translation>
    </message>
    <message>
        <source>The server refused this record: {reason}</source>
        <translation>The server refused this record: {reason}</translation>
    </message>
    <message>
        <source>Sync conflict on {field} decided: {value}</source>
        <translation>Sync conflict on {field} decided: {value}</translation>
    </message>
    <message>
        <source>Refusal dealt with</source>
        <translation>Refusal dealt with</translation>
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
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>Immediate measures</translation>
    </message>
    <message>
        <source>Stop use</source>
        <translation>Stop use</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
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
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Overdue %n day(s) · {date}</source>
        <translation>Overdue %n day(s) · {date}</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <source>Found → rectifying → awaiting verification → closed; every step is kept</source>
        <translation>Found → rectifying → awaiting verification → closed; every step is kept</translation>
    </message>
    <message>
        <source>New hazard</source>
        <translation>New hazard</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>All equipment</source>
        <translation>All equipment</translation>
    </message>
    <message>
        <source>Start rectification</source>
        <translation>Start rectification</translation>
    </message>
    <message>
        <source>Ask for verification</source>
        <translation>Ask for verification</translation>
    </message>
    <message>
        <source>Verified: close</source>
        <translation>Verified: close</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Verification failed</translation>
    </message>
    <message>
        <source>Record hazard</source>
        <translation>Record hazard</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hazard details</source>
        <translation>Hazard details</translation>
    </message>
    <message>
        <source>Rectification and verification</source>
        <translation>Rectification and verification</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Where, what is wrong, what it could lead to</source>
        <translation>Where, what is wrong, what it could lead to</translation>
    </message>
    <message>
        <source>Controls put in place when it was found</source>
        <translation>Controls put in place when it was found</translation>
    </message>
    <message>
        <source>Equipment taken out of use</source>
        <translation>Equipment taken out of use</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>Remove selected photo</source>
        <translation>Remove selected photo</translation>
    </message>
    <message>
        <source>Open the record that found it</source>
        <translation>Open the record that found it</translation>
    </message>
    <message>
        <source>No photos yet</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Hazard description</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>Immediate measures</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>What was done, by whom and when</source>
        <translation>What was done, by whom and when</translation>
    </message>
    <message>
        <source>Who verified, when, and the conclusion</source>
        <translation>Who verified, when, and the conclusion</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Closure</translation>
    </message>
    <message>
        <source>{count} hazards, {overdue} overdue</source>
        <translation>{count} hazards, {overdue} overdue</translation>
    </message>
    <message>
        <source>Only: {name}</source>
        <translation>Only: {name}</translation>
    </message>
    <message>
        <source>(whole unit, no single equipment)</source>
        <translation>(whole unit, no single equipment)</translation>
    </message>
    <message>
        <source>New hazard: fill in the description and deadline, then record it</source>
        <translation>New hazard: fill in the description and deadline, then record it</translation>
    </message>
    <message>
        <source>Choose a hazard on the left, or record a new one</source>
        <translation>Choose a hazard on the left, or record a new one</translation>
    </message>
    <message>
        <source>{status} · deadline {deadline}, overdue</source>
        <translation>{status} · deadline {deadline}, overdue</translation>
    </message>
    <message>
        <source>{status} · deadline {deadline}</source>
        <translation>{status} · deadline {deadline}</translation>
    </message>
    <message>
        <source> (not yet synced)</source>
        <translation> (not yet synced)</translation>
    </message>
    <message>
        <source> ({state}: see “needs attention” in the status bar)</source>
        <translation> ({state}: see “needs attention” in the status bar)</translation>
    </message>
    <message>
        <source>Closed at {moment}</source>
        <translation>Closed at {moment}</translation>
    </message>
    <message>
        <source>Closed once verified</source>
        <translation>Closed once verified</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.gif)</source>
        <translation>Pictures (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <source>The record that found this hazard is not here.</source>
        <translation>The record that found this hazard is not here.</translation>
    </message>
    <message>
        <source>Now “{status}”</source>
        <translation>Now “{status}”</translation>
    </message>
    <message>
        <source>Why did verification fail?</source>
        <translation>Why did verification fail?</translation>
    </message>
    <message>
        <source>Please say why verification failed.</source>
        <translation>Please say why verification failed.</translation>
    </message>
    <message>
        <source>Hazard recorded</source>
        <translation>Hazard recorded</translation>
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
        <source>Sync with the provincial platform</source>
        <translation>Sync with the provincial platform</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the provincial platform</source>
        <translation>Sign in to the provincial platform</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>This computer has no secure password store: the sign-in is kept only until SafeDesk closes.</source>
        <translation>This computer has no secure password store: the sign-in is kept only until SafeDesk closes.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Fill in the server address, user and password.</source>
        <translation>Fill in the server address, user and password.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign-in failed; the log has the details.</source>
        <translation>Sign-in failed; the log has the details.</translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>SafeDesk ran into an unexpected error. What was saved is safe. The details are in the log file:
{file}</source>
        <translation>SafeDesk ran into an unexpected error. What was saved is safe. The details are in the log file:
{file}</translation>
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
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>&amp;Cancel the sync</source>
        <translation>&amp;Cancel the sync</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>Sign &amp;in…</translation>
    </message>
    <message>
        <source>Sign o&amp;ut</source>
        <translation>Sign o&amp;ut</translation>
    </message>
    <message>
        <source>Forget the sign-in on this computer; records stay and wait to be sent.</source>
        <translation>Forget the sign-in on this computer; records stay and wait to be sent.</translation>
    </message>
    <message>
        <source>C&amp;onflicts and needs attention…</source>
        <translation>C&amp;onflicts and needs attention…</translation>
    </message>
    <message>
        <source>Sync &amp;settings…</source>
        <translation>Sync &amp;settings…</translation>
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
    <name>MonthlyMinutesPage</name>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>The principal&apos;s monthly safety scheduling meeting and its minutes</source>
        <translation>The principal&apos;s monthly safety scheduling meeting and its minutes</translation>
    </message>
    <message>
        <source>Month in figures</source>
        <translation>Month in figures</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Report and decisions</source>
        <translation>Report and decisions</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>Sign and submit</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Daily checks (operating days)</source>
        <translation>Daily checks (operating days)</translation>
    </message>
    <message>
        <source>Weekly reports</source>
        <translation>Weekly reports</translation>
    </message>
    <message>
        <source>This month&apos;s hazards</source>
        <translation>This month&apos;s hazards</translation>
    </message>
    <message>
        <source>Inspections due</source>
        <translation>Inspections due</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>e.g. meeting room, 3rd floor</source>
        <translation>e.g. meeting room, 3rd floor</translation>
    </message>
    <message>
        <source>Add a guest…</source>
        <translation>Add a guest…</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>Director&apos;s report: this month&apos;s daily checks, weekly reports, hazard work, decisions needed</source>
        <translation>Director&apos;s report: this month&apos;s daily checks, weekly reports, hazard work, decisions needed</translation>
    </message>
    <message>
        <source>Add decision</source>
        <translation>Add decision</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>No signed decisions from last month.</source>
        <translation>No signed decisions from last month.</translation>
    </message>
    <message>
        <source>Director&apos;s report</source>
        <translation>Director&apos;s report</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Last month&apos;s decisions</source>
        <translation>Last month&apos;s decisions</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>As of {as_of}: daily checks {rate} ({done}/{due}); hazards {opened} new, {closed} closed, {overdue} overdue; {stop_use} stop-use; {missing} weeks missing a weekly report</source>
        <translation>As of {as_of}: daily checks {rate} ({done}/{due}); hazards {opened} new, {closed} closed, {overdue} overdue; {stop_use} stop-use; {missing} weeks missing a weekly report</translation>
    </message>
    <message>
        <source> (as at signing)</source>
        <translation> (as at signing)</translation>
    </message>
    <message>
        <source>{name}: {date} ({state})</source>
        <translation>{name}: {date} ({state})</translation>
    </message>
    <message>
        <source>No inspection due or expired.</source>
        <translation>No inspection due or expired.</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>Amendment {number}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>{version} (draft)</source>
        <translation>{version} (draft)</translation>
    </message>
    <message>
        <source>Submitted: signed by {name} at {moment}; read-only</source>
        <translation>Submitted: signed by {name} at {moment}; read-only</translation>
    </message>
    <message>
        <source>New minutes: saved as a draft as you type</source>
        <translation>New minutes: saved as a draft as you type</translation>
    </message>
    <message>
        <source>Draft: saved as you type</source>
        <translation>Draft: saved as you type</translation>
    </message>
    <message>
        <source>; amendment reason: {reason}</source>
        <translation>; amendment reason: {reason}</translation>
    </message>
    <message>
        <source>Draft: saved {time}</source>
        <translation>Draft: saved {time}</translation>
    </message>
    <message>
        <source>Guest attendee</source>
        <translation>Guest attendee</translation>
    </message>
    <message>
        <source>Name and organisation (e.g. maintainer, Eng. Wang):</source>
        <translation>Name and organisation (e.g. maintainer, Eng. Wang):</translation>
    </message>
    <message>
        <source>Minutes signed and submitted</source>
        <translation>Minutes signed and submitted</translation>
    </message>
    <message>
        <source>Amend the minutes</source>
        <translation>Amend the minutes</translation>
    </message>
    <message>
        <source>Reason for the amendment (kept with the original):</source>
        <translation>Reason for the amendment (kept with the original):</translation>
    </message>
    <message>
        <source>Amendment draft opened; the original stays as it was</source>
        <translation>Amendment draft opened; the original stays as it was</translation>
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
        <source>&amp;Sign in to the provincial platform and download my unit</source>
        <translation>&amp;Sign in to the provincial platform and download my unit</translation>
    </message>
    <message>
        <source>&amp;Choose the unit on this laptop</source>
        <translation>&amp;Choose the unit on this laptop</translation>
    </message>
    <message>
        <source>Create a &amp;new unit on this laptop only</source>
        <translation>Create a &amp;new unit on this laptop only</translation>
    </message>
    <message>
        <source>Use the account the provincial supervision platform gave you. SafeDesk downloads your unit&apos;s equipment and records, and signs them with your name.</source>
        <translation>Use the account the provincial supervision platform gave you. SafeDesk downloads your unit&apos;s equipment and records, and signs them with your name.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
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
        <source>&amp;Continue the download</source>
        <translation>&amp;Continue the download</translation>
    </message>
    <message>
        <source>Sign in and &amp;download</source>
        <translation>Sign in and &amp;download</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Someone else…</source>
        <translation>Someone else…</translation>
    </message>
    <message>
        <source>Please enter the user&apos;s name.</source>
        <translation>Please enter the user&apos;s name.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Fill in the server address, user name and password.</source>
        <translation>Fill in the server address, user name and password.</translation>
    </message>
    <message>
        <source>A sync is still running; try again in a moment.</source>
        <translation>A sync is still running; try again in a moment.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Signed in; preparing the download…</source>
        <translation>Signed in; preparing the download…</translation>
    </message>
    <message numerus="yes">
        <source>Downloading your unit: %n record(s) received</source>
        <translation>
            <numerusform>Downloading your unit: %n record received</numerusform>
            <numerusform>Downloading your unit: %n records received</numerusform>
        </translation>
    </message>
    <message>
        <source>Download stopped. What arrived is kept on this laptop. Continue the download, or choose above to set up the unit on this laptop only.</source>
        <translation>Download stopped. What arrived is kept on this laptop. Continue the download, or choose above to set up the unit on this laptop only.</translation>
    </message>
    <message>
        <source>The server {server} cannot be reached. Check the server address and this laptop&apos;s network connection, then try again.</source>
        <translation>The server {server} cannot be reached. Check the server address and this laptop&apos;s network connection, then try again.</translation>
    </message>
    <message>
        <source>The download failed; the log file has the details.</source>
        <translation>The download failed; the log file has the details.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
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
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>Sync settings</translation>
    </message>
    <message>
        <source>Sync on its own when the server is reachable</source>
        <translation>Sync on its own when the server is reachable</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>System certificates</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>CA bundle (provincial PKI)</source>
        <translation>CA bundle (provincial PKI)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA bundle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Kept on this computer only; drafts are never sent</source>
        <translation>Kept on this computer only; drafts are never sent</translation>
    </message>
    <message>
        <source>Waiting to be sent at the next sync</source>
        <translation>Waiting to be sent at the next sync</translation>
    </message>
    <message>
        <source>The server holds this version</source>
        <translation>The server holds this version</translation>
    </message>
    <message>
        <source>Changed here and on the server: click “needs attention” in the status bar to choose which value stays</source>
        <translation>Changed here and on the server: click “needs attention” in the status bar to choose which value stays</translation>
    </message>
    <message>
        <source>The server refused this record: click “needs attention” in the status bar to see why and correct it</source>
        <translation>The server refused this record: click “needs attention” in the status bar to see why and correct it</translation>
    </message>
    <message>
        <source>{state}: {meaning}</source>
        <translation>{state}: {meaning}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline: no network</source>
        <translation>Offline: no network</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server unreachable</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Sign-in needed</translation>
    </message>
    <message>
        <source>Network needs sign-in</source>
        <translation>Network needs sign-in</translation>
    </message>
    <message>
        <source>Update needed</source>
        <translation>Update needed</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Sync cancelled</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>Automatic sync off</source>
        <translation>Automatic sync off</translation>
    </message>
    <message>
        <source>Records are sent only when you press Sync (F5). Turn automatic sync on in Sync → Sync settings.</source>
        <translation>Records are sent only when you press Sync (F5). Turn automatic sync on in Sync → Sync settings.</translation>
    </message>
    <message>
        <source>Sign-in kept until SafeDesk closes</source>
        <translation>Sign-in kept until SafeDesk closes</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the sign-in is not saved.</source>
        <translation>This computer has no secure password store, so the sign-in is not saved.</translation>
    </message>
    <message>
        <source>Open the conflicts and refused records</source>
        <translation>Open the conflicts and refused records</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>The server asks you to sign in again; your records stay on this computer.</source>
        <translation>The server asks you to sign in again; your records stay on this computer.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Retrying at {time}</source>
        <translation>Retrying at {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n record waiting</numerusform>
            <numerusform>%n records waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Clock differs from the server by {minutes} min</source>
        <translation>Clock differs from the server by {minutes} min</translation>
    </message>
    <message>
        <source>Sending records {done}/{total}</source>
        <translation>Sending records {done}/{total}</translation>
    </message>
    <message>
        <source>Photos {done} of {total} MB</source>
        <translation>Photos {done} of {total} MB</translation>
    </message>
    <message>
        <source>Receiving changes: {done}</source>
        <translation>Receiving changes: {done}</translation>
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
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Expired %n day(s) ago</source>
        <translation>Expired %n day(s) ago</translation>
    </message>
    <message>
        <source>{date} · %n day(s) left</source>
        <translation>{date} · %n day(s) left</translation>
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
        <source>Weekly reports {filed}/{families}</source>
        <translation>Weekly reports {filed}/{families}</translation>
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
<context>
    <name>WeekFilingModel</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>{year}-W{week}</source>
        <translation>{year}-W{week}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{family}: {sync}</source>
        <translation>{family}: {sync}</translation>
    </message>
</context>
<context>
    <name>WeekHazardModel</name>
    <message>
        <source>Category</source>
        <translation>Category</translation>
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
        <source>Hazard description</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Status now</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Closure</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>(whole unit)</source>
        <translation>(whole unit)</translation>
    </message>
</context>
<context>
    <name>WeekRollupModel</name>
    <message>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Done/due</source>
        <translation>Done/due</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>{weekday} {month}/{day}</source>
        <translation>{weekday} {month}/{day}</translation>
    </message>
    <message>
        <source>{state} · daily check {sync}
{meaning}</source>
        <translation>{state} · daily check {sync}
{meaning}</translation>
    </message>
</context>
<context>
    <name>WeeklyReportPage</name>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>The week</source>
        <translation>The week</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Analysis and measures</source>
        <translation>Analysis and measures</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>Pick a day to show its week</source>
        <translation>Pick a day to show its week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>The safety director&apos;s weekly report, one per equipment family</source>
        <translation>The safety director&apos;s weekly report, one per equipment family</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Original and amendments</source>
        <translation>Original and amendments</translation>
    </message>
    <message>
        <source>Unanswered items normal</source>
        <translation>Unanswered items normal</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>Sign and submit</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Double-click a day to open that day&apos;s check</source>
        <translation>Double-click a day to open that day&apos;s check</translation>
    </message>
    <message>
        <source>Daily checks</source>
        <translation>Daily checks</translation>
    </message>
    <message>
        <source>This week&apos;s hazards</source>
        <translation>This week&apos;s hazards</translation>
    </message>
    <message>
        <source>Double-click or press F2 to fill in result and remark; an abnormal item needs a remark.</source>
        <translation>Double-click or press F2 to fill in result and remark; an abnormal item needs a remark.</translation>
    </message>
    <message>
        <source>e.g. director, officers, maintainer</source>
        <translation>e.g. director, officers, maintainer</translation>
    </message>
    <message>
        <source>This week&apos;s judgement: what daily checks found, hazard progress, changing risks</source>
        <translation>This week&apos;s judgement: what daily checks found, hazard progress, changing risks</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>Add measure</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>People, money or equipment the principal must decide on (goes to the monthly meeting)</source>
        <translation>People, money or equipment the principal must decide on (goes to the monthly meeting)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>For the principal</source>
        <translation>For the principal</translation>
    </message>
    <message>
        <source>Next week&apos;s focus</source>
        <translation>Next week&apos;s focus</translation>
    </message>
    <message>
        <source>{year}-W{week} ({start} – {end})</source>
        <translation>{year}-W{week} ({start} – {end})</translation>
    </message>
    <message>
        <source>The unit has no registered equipment.</source>
        <translation>The unit has no registered equipment.</translation>
    </message>
    <message>
        <source>{due} equipment-days due: {done} done, {draft} draft, {missing} missing, {idle} not running</source>
        <translation>{due} equipment-days due: {done} done, {draft} draft, {missing} missing, {idle} not running</translation>
    </message>
    <message>
        <source>{opened} new, {closed} closed, {overdue} overdue</source>
        <translation>{opened} new, {closed} closed, {overdue} overdue</translation>
    </message>
    <message>
        <source> (as at signing)</source>
        <translation> (as at signing)</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>Amendment {number}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>{version} (draft)</source>
        <translation>{version} (draft)</translation>
    </message>
    <message>
        <source>This week&apos;s report cannot be shown.</source>
        <translation>This week&apos;s report cannot be shown.</translation>
    </message>
    <message>
        <source>Submitted: signed by {name} at {moment}; read-only</source>
        <translation>Submitted: signed by {name} at {moment}; read-only</translation>
    </message>
    <message>
        <source>New report: saved as a draft as you type</source>
        <translation>New report: saved as a draft as you type</translation>
    </message>
    <message>
        <source>Draft: saved as you type</source>
        <translation>Draft: saved as you type</translation>
    </message>
    <message>
        <source>; amendment reason: {reason}</source>
        <translation>; amendment reason: {reason}</translation>
    </message>
    <message>
        <source>Draft: saved {time}</source>
        <translation>Draft: saved {time}</translation>
    </message>
    <message>
        <source>{count} items marked normal</source>
        <translation>{count} items marked normal</translation>
    </message>
    <message>
        <source>Weekly report signed and submitted</source>
        <translation>Weekly report signed and submitted</translation>
    </message>
    <message>
        <source>Amend the weekly report</source>
        <translation>Amend the weekly report</translation>
    </message>
    <message>
        <source>Reason for the amendment (kept with the original):</source>
        <translation>Reason for the amendment (kept with the original):</translation>
    </message>
    <message>
        <source>Amendment draft opened; the original stays as it was</source>
        <translation>Amendment draft opened; the original stays as it was</translation>
    </message>
</context>
</TS>
