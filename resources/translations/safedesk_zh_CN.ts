<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Week {week}: {first} – {last}</source>
        <translation>第{week}周：{first} 至 {last}</translation>
    </message>
    <message>
        <source>Weekly investigation, week {week}: {family}</source>
        <translation>第{week}周 周排查：{family}</translation>
    </message>
    <message>
        <source>Monthly scheduling meeting, {year}-{month:02d}</source>
        <translation>{year}年{month}月 月调度会议纪要</translation>
    </message>
    <message>
        <source>Periodic inspection: {name}</source>
        <translation>定期检验：{name}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Correct a submitted record</source>
        <translation>更正已提交的记录</translation>
    </message>
    <message>
        <source>The submitted record stays as it is. A correction is a new record linked to it, starting from its answers. Why is it being corrected?
{record}</source>
        <translation>已提交的记录保持不变。更正是一条与原记录关联的新记录，以原记录的填写内容为起点。请说明更正原因：
{record}</translation>
    </message>
    <message>
        <source>e.g. wind speed reading entered wrongly</source>
        <translation>例如：风速读数填错</translation>
    </message>
    <message>
        <source>Start correction</source>
        <translation>开始更正</translation>
    </message>
</context>
<context>
    <name>AttendeesModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>列席</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
</context>
<context>
    <name>ChecklistAnswersModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>排查项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Not filled</source>
        <translation>未填</translation>
    </message>
</context>
<context>
    <name>ChecklistItemRow</name>
    <message>
        <source>A failure here can be a major hazard: decide whether to stop use.</source>
        <translation>此项不合格可能构成重大事故隐患，请决定是否停止使用。</translation>
    </message>
    <message>
        <source>Remark (required when abnormal)</source>
        <translation>备注（异常时必填）</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Attach photos from files (Ctrl+P)</source>
        <translation>从文件添加照片（Ctrl+P）</translation>
    </message>
    <message>
        <source>[Major hazard item]</source>
        <translation>【重大隐患判定项】</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>Allowed: {range} {unit}</source>
        <translation>允许范围：{range} {unit}</translation>
    </message>
    <message>
        <source>Photos {count}</source>
        <translation>照片 {count}</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>View hazard</source>
        <translation>查看隐患</translation>
    </message>
    <message>
        <source>A hazard was opened from this item</source>
        <translation>已由此项登记隐患</translation>
    </message>
    <message>
        <source>Open hazard…</source>
        <translation>登记隐患…</translation>
    </message>
    <message>
        <source>Record a hazard from this item (Ctrl+H)</source>
        <translation>由此项登记隐患（Ctrl+H）</translation>
    </message>
</context>
<context>
    <name>CompletionModel</name>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Days due</source>
        <translation>应检天数</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>完成率</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation>服务器的</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>(whole record refused)</source>
        <translation>（整条记录被退回）</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>立即措施</translation>
    </message>
    <message>
        <source>Stop use</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Operating status</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>检查项结果</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>研判意见</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Matters for the principal</source>
        <translation>需主要负责人协调事项</translation>
    </message>
    <message>
        <source>Next week&apos;s focus</source>
        <translation>下周重点</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>会议地点</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Director&apos;s report</source>
        <translation>总监汇报</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>会议决定</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts and records needing attention</source>
        <translation>冲突与需处理的记录</translation>
    </message>
    <message>
        <source>Or type the value to keep</source>
        <translation>或输入要保留的值</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>保留服务器的</translation>
    </message>
    <message>
        <source>Keep the typed value</source>
        <translation>保留输入的值</translation>
    </message>
    <message>
        <source>Dealt with</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>没有需要处理的记录。</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>The server&apos;s</source>
        <translation>服务器的</translation>
    </message>
    <message>
        <source>Pick a row to see what happened: another device changed the same field (a conflict), or the server refused the record.</source>
        <translation>请选中一行查看情况：另一台设备修改了同一字段（冲突），或服务器退回了这条记录。</translation>
    </message>
    <message>
        <source>The server refused this record: {reason}. Correct the record (it is sent again at the next sync), then press Dealt with.</source>
        <translation>服务器退回了这条记录：{reason}。请修改这条记录（下次同步时会重新发送），然后点“已处理”。</translation>
    </message>
    <message>
        <source>Another device changed the same field before this one synced. Compare the values and keep one, or type the value to keep. Nothing is sent until the next sync.</source>
        <translation>另一台设备在本机同步之前修改了同一字段。请对比各方的值后保留其一，或输入要保留的值。下次同步时才会发送。</translation>
    </message>
    <message>
        <source>The whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>{record} — {field}</source>
        <translation>{record} — {field}</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
</context>
<context>
    <name>DailyCheckPage</name>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back to the previous page (Alt+Left)</source>
        <translation>返回上一页（Alt+←）</translation>
    </message>
    <message>
        <source>Records of this day: the original and corrections</source>
        <translation>本日记录：原记录及更正记录</translation>
    </message>
    <message>
        <source>Operating &amp;status:</source>
        <translation>当日运行状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Remark for the day (e.g. why the equipment did not run)</source>
        <translation>当日备注（例如停运原因）</translation>
    </message>
    <message>
        <source>Mark all unanswered normal</source>
        <translation>全部未填项标为正常</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>File a correction of this submitted record</source>
        <translation>对这条已提交的记录提交更正</translation>
    </message>
    <message>
        <source>Keys: 1 normal · 2 abnormal · 3 n/a · ↑↓ items · Tab reading/remark · Ctrl+P photo · Ctrl+H hazard · Ctrl+Enter submit</source>
        <translation>键盘：1 正常 · 2 异常 · 3 不适用 · ↑↓ 上下项 · Tab 测量值/备注 · Ctrl+P 照片 · Ctrl+H 隐患 · Ctrl+Enter 提交</translation>
    </message>
    <message>
        <source>{equipment} · daily check</source>
        <translation>{equipment} · 日管控</translation>
    </message>
    <message>
        <source>{day} · {template} (version {version}) · code {code}</source>
        <translation>{day} · {template}（第{version}版）· 设备代码 {code}</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Correction draft</source>
        <translation>更正草稿</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted and signed by {name} at {time} (device time, Beijing). It can no longer change; use Correct… to file a correction.</source>
        <translation>已由 {name} 于 {time}（本机时间，北京时间）签名提交，不能再修改；如需更正，请点击“更正…”。</translation>
    </message>
    <message>
        <source>A correction of this record exists (see the day&apos;s records).</source>
        <translation>这条记录已有更正记录（见本日记录）。</translation>
    </message>
    <message>
        <source>This record corrects an earlier one. Reason: {reason}</source>
        <translation>本记录是对先前记录的更正。原因：{reason}</translation>
    </message>
    <message>
        <source>The equipment did not run this day: no item needs an answer; findings can still be recorded.</source>
        <translation>设备当日未运行：各项无需逐一填写；如有发现仍可记录。</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原记录</translation>
    </message>
    <message>
        <source>Correction {number}</source>
        <translation>更正 {number}</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Answered {answered}/{total} · abnormal {abnormal}</source>
        <translation>已填 {answered}/{total} · 异常 {abnormal}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已自动保存 {time}</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>未保存！</translation>
    </message>
    <message>
        <source>Draft not saved: {reason}</source>
        <translation>草稿未保存：{reason}</translation>
    </message>
    <message>
        <source>All marked points are fixed.</source>
        <translation>标出的问题都已处理。</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to fix before submitting:</source>
        <translation>
            <numerusform>提交前还有 %n 处需要处理：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) marked normal. Items with a reading stay open until the reading is entered.</source>
        <translation>
            <numerusform>已将 %n 项标为正常。需要测量值的项目在填写读数后再标记。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>Some photos were not attached</source>
        <translation>部分照片未能添加</translation>
    </message>
    <message>
        <source>Photo not on this laptop</source>
        <translation>本机没有这张照片</translation>
    </message>
    <message>
        <source>The photo file is not in this laptop&apos;s data folder.</source>
        <translation>照片文件不在本机的数据文件夹中。</translation>
    </message>
    <message>
        <source>Hazard recorded</source>
        <translation>隐患已登记</translation>
    </message>
    <message>
        <source>Submit the daily check</source>
        <translation>提交日管控记录</translation>
    </message>
    <message>
        <source>Submit the daily check of {equipment} for {day} ({status})?

Signed by: {name} ({role})
Device time: {time} (Beijing)

After submitting, the record cannot change; corrections are filed separately.</source>
        <translation>提交 {equipment} {day} 的日管控记录（{status}）？

签名人：{name}（{role}）
本机时间：{time}（北京时间）

提交后记录不能修改；如需更正，须另行提交更正记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n abnormal item(s) have no hazard recorded yet.</source>
        <translation>
            <numerusform>有 %n 项异常尚未登记隐患。</numerusform>
        </translation>
    </message>
    <message>
        <source>Record hazard first</source>
        <translation>先登记隐患</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>{equipment}, {day}, submitted by {name} at {time}</source>
        <translation>{equipment}，{day}，{name} 于 {time} 提交</translation>
    </message>
</context>
<context>
    <name>EquipmentHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed by / owner</source>
        <translation>签字/责任人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Daily check</source>
        <translation>日管控检查</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Weekly report {year}-W{week}</source>
        <translation>周排查 {year}年第{week}周</translation>
    </message>
    <message>
        <source>{kind} (amendment)</source>
        <translation>{kind}（更正）</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>{count} abnormal</source>
        <translation>异常 {count} 项</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <source>Registered special equipment, its inspection date and its records</source>
        <translation>已登记的特种设备、检验日期及其各项记录</translation>
    </message>
    <message>
        <source>Equipment details</source>
        <translation>设备信息</translation>
    </message>
    <message>
        <source>Equipment name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>使用登记证编号</translation>
    </message>
    <message>
        <source>Equipment kind</source>
        <translation>设备种类</translation>
    </message>
    <message>
        <source>Place of use</source>
        <translation>使用地点</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>责任安全员</translation>
    </message>
    <message>
        <source>Use status</source>
        <translation>使用状态</translation>
    </message>
    <message>
        <source>Today&apos;s daily check</source>
        <translation>今日日管控</translation>
    </message>
    <message>
        <source>Its hazards</source>
        <translation>该设备的隐患</translation>
    </message>
    <message>
        <source>Records (newest first; click to open)</source>
        <translation>记录（最新在前，单击打开）</translation>
    </message>
    <message>
        <source>Next inspection {date} · {state}</source>
        <translation>下次检验 {date}（{state}）</translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <source>Equipment name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>下次检验</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Equipment code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>{date} expired</source>
        <translation>{date} 已过期</translation>
    </message>
    <message>
        <source>{date} due soon</source>
        <translation>{date} 将到期</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Last month&apos;s decision</source>
        <translation>上月决定事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>落实情况</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>HazardHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Hazard recorded ({status})</source>
        <translation>登记隐患（{status}）</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>{change}: {note}</source>
        <translation>{change}：{note}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Edited {fields}</source>
        <translation>修改 {fields}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Sync conflict on {field}: mine {mine}, the server&apos;s {server}</source>
        <translation>同步冲突（{field}）：我的为“{mine}”，服务器的为“{server}”</translation>
    </message>
    <message>
        <source>The server refused this record: {reason}</source>
        <translation>服务器退回了这条记录：{reason}</translation>
    </message>
    <message>
        <source>Sync conflict on {field} decided: {value}</source>
        <translation>同步冲突（{field}）已处理：保留“{value}”</translation>
    </message>
    <message>
        <source>Refusal dealt with</source>
        <translation>退回已处理</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>立即措施</translation>
    </message>
    <message>
        <source>Stop use</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>HazardTableModel</name>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Overdue %n day(s) · {date}</source>
        <translation>逾期 %n 天 · {date}</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <source>Found → rectifying → awaiting verification → closed; every step is kept</source>
        <translation>发现 → 整改中 → 待复查 → 已销号，每一步都留有记录</translation>
    </message>
    <message>
        <source>New hazard</source>
        <translation>新建隐患</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All equipment</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <source>Start rectification</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>Ask for verification</source>
        <translation>提交复查</translation>
    </message>
    <message>
        <source>Verified: close</source>
        <translation>复查通过，销号</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>复查不通过</translation>
    </message>
    <message>
        <source>Record hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Hazard details</source>
        <translation>隐患信息</translation>
    </message>
    <message>
        <source>Rectification and verification</source>
        <translation>整改与复查</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Where, what is wrong, what it could lead to</source>
        <translation>在哪里、是什么问题、可能造成什么后果</translation>
    </message>
    <message>
        <source>Controls put in place when it was found</source>
        <translation>发现后立即采取的控制措施</translation>
    </message>
    <message>
        <source>Equipment taken out of use</source>
        <translation>设备已停止使用</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Remove selected photo</source>
        <translation>移除所选照片</translation>
    </message>
    <message>
        <source>Open the record that found it</source>
        <translation>查看来源记录</translation>
    </message>
    <message>
        <source>No photos yet</source>
        <translation>暂无照片</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Hazard description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>立即措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>What was done, by whom and when</source>
        <translation>采取了哪些整改措施，谁在何时完成</translation>
    </message>
    <message>
        <source>Who verified, when, and the conclusion</source>
        <translation>复查人、复查时间、复查结论</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>{count} hazards, {overdue} overdue</source>
        <translation>共 {count} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <source>Only: {name}</source>
        <translation>仅显示：{name}</translation>
    </message>
    <message>
        <source>(whole unit, no single equipment)</source>
        <translation>（全单位，不涉及具体设备）</translation>
    </message>
    <message>
        <source>New hazard: fill in the description and deadline, then record it</source>
        <translation>新隐患：填写描述和整改期限后登记</translation>
    </message>
    <message>
        <source>Choose a hazard on the left, or record a new one</source>
        <translation>在左侧选择一条隐患，或新建隐患</translation>
    </message>
    <message>
        <source>{status} · deadline {deadline}, overdue</source>
        <translation>{status} · 期限 {deadline}，已逾期</translation>
    </message>
    <message>
        <source>{status} · deadline {deadline}</source>
        <translation>{status} · 期限 {deadline}</translation>
    </message>
    <message>
        <source> (not yet synced)</source>
        <translation>（待同步）</translation>
    </message>
    <message>
        <source> ({state}: see “needs attention” in the status bar)</source>
        <translation>（{state}：请点状态栏的“需处理”）</translation>
    </message>
    <message>
        <source>Closed at {moment}</source>
        <translation>已于 {moment} 销号</translation>
    </message>
    <message>
        <source>Closed once verified</source>
        <translation>复查通过后销号</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <source>The record that found this hazard is not here.</source>
        <translation>找不到发现该隐患的记录。</translation>
    </message>
    <message>
        <source>Now “{status}”</source>
        <translation>已变更为“{status}”</translation>
    </message>
    <message>
        <source>Why did verification fail?</source>
        <translation>请说明不通过的原因：</translation>
    </message>
    <message>
        <source>Please say why verification failed.</source>
        <translation>请说明复查不通过的原因。</translation>
    </message>
    <message>
        <source>Hazard recorded</source>
        <translation>隐患已登记</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>SafeDesk</source>
        <translation>特种设备安全工作台</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Today in China (Asia/Shanghai)</source>
        <translation>今天（北京时间）</translation>
    </message>
    <message>
        <source>Sync (F5)</source>
        <translation>同步 (F5)</translation>
    </message>
    <message>
        <source>Sync with the provincial platform</source>
        <translation>与省级平台同步</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the provincial platform</source>
        <translation>登录省级平台</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This computer has no secure password store: the sign-in is kept only until SafeDesk closes.</source>
        <translation>本机没有安全的密码存储：登录状态只保留到 SafeDesk 关闭为止。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Fill in the server address, user and password.</source>
        <translation>请填写服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign-in failed; the log has the details.</source>
        <translation>登录失败，详情见日志。</translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>SafeDesk ran into an unexpected error. What was saved is safe. The details are in the log file:
{file}</source>
        <translation>SafeDesk 遇到意外错误。已保存的内容不受影响。详细信息见日志文件：
{file}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SafeDesk · Special Equipment Safety Desk</source>
        <translation>SafeDesk 特种设备安全工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Cancel the sync</source>
        <translation>取消同步(&amp;C)</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign o&amp;ut</source>
        <translation>退出登录(&amp;U)</translation>
    </message>
    <message>
        <source>Forget the sign-in on this computer; records stay and wait to be sent.</source>
        <translation>在本机忘记登录；记录全部保留，待同步的记录在下次登录后发送。</translation>
    </message>
    <message>
        <source>C&amp;onflicts and needs attention…</source>
        <translation>冲突与需处理(&amp;O)…</translation>
    </message>
    <message>
        <source>Sync &amp;settings…</source>
        <translation>同步设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SafeDesk</source>
        <translation>关于 SafeDesk(&amp;A)</translation>
    </message>
    <message>
        <source>About SafeDesk</source>
        <translation>关于 SafeDesk</translation>
    </message>
    <message>
        <source>SafeDesk keeps the daily checks, weekly investigations, monthly meetings and hazards of special equipment, fully offline.

Data folder: {folder}</source>
        <translation>SafeDesk 记录特种设备的日管控、周排查、月调度和隐患治理，完全可以离线使用。

数据文件夹：{folder}</translation>
    </message>
</context>
<context>
    <name>MonthlyMinutesPage</name>
    <message>
        <source>Decision</source>
        <translation>决定事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>The principal&apos;s monthly safety scheduling meeting and its minutes</source>
        <translation>主要负责人主持的月度安全调度会议及纪要</translation>
    </message>
    <message>
        <source>Month in figures</source>
        <translation>本月统计</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议与签到</translation>
    </message>
    <message>
        <source>Report and decisions</source>
        <translation>汇报与决定</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>签字提交</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Daily checks (operating days)</source>
        <translation>日管控完成率（按运行日）</translation>
    </message>
    <message>
        <source>Weekly reports</source>
        <translation>周排查报告</translation>
    </message>
    <message>
        <source>This month&apos;s hazards</source>
        <translation>本月隐患</translation>
    </message>
    <message>
        <source>Inspections due</source>
        <translation>检验到期</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>e.g. meeting room, 3rd floor</source>
        <translation>如：公司三楼会议室</translation>
    </message>
    <message>
        <source>Add a guest…</source>
        <translation>添加列席人员…</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>会议地点</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Director&apos;s report: this month&apos;s daily checks, weekly reports, hazard work, decisions needed</source>
        <translation>安全总监汇报：本月日管控、周排查、隐患整改情况，需要决策的事项</translation>
    </message>
    <message>
        <source>Add decision</source>
        <translation>添加决定</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>No signed decisions from last month.</source>
        <translation>上月没有已提交的会议决定。</translation>
    </message>
    <message>
        <source>Director&apos;s report</source>
        <translation>总监汇报</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>会议决定</translation>
    </message>
    <message>
        <source>Last month&apos;s decisions</source>
        <translation>上月决定落实</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>As of {as_of}: daily checks {rate} ({done}/{due}); hazards {opened} new, {closed} closed, {overdue} overdue; {stop_use} stop-use; {missing} weeks missing a weekly report</source>
        <translation>截至 {as_of}：日管控完成率 {rate}（{done}/{due}）；新增隐患 {opened} 条，销号 {closed} 条，逾期 {overdue} 条；停用 {stop_use} 次；周排查缺报 {missing} 周</translation>
    </message>
    <message>
        <source> (as at signing)</source>
        <translation>（提交时的统计）</translation>
    </message>
    <message>
        <source>{name}: {date} ({state})</source>
        <translation>{name}：{date}（{state}）</translation>
    </message>
    <message>
        <source>No inspection due or expired.</source>
        <translation>无到期或过期的检验。</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>更正 {number}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原记录</translation>
    </message>
    <message>
        <source>{version} (draft)</source>
        <translation>{version}（草稿）</translation>
    </message>
    <message>
        <source>Submitted: signed by {name} at {moment}; read-only</source>
        <translation>已提交：{name} 于 {moment} 签字，只读</translation>
    </message>
    <message>
        <source>New minutes: saved as a draft as you type</source>
        <translation>新纪要：开始填写后自动保存草稿</translation>
    </message>
    <message>
        <source>Draft: saved as you type</source>
        <translation>草稿：自动保存</translation>
    </message>
    <message>
        <source>; amendment reason: {reason}</source>
        <translation>；更正原因：{reason}</translation>
    </message>
    <message>
        <source>Draft: saved {time}</source>
        <translation>草稿：已自动保存 {time}</translation>
    </message>
    <message>
        <source>Guest attendee</source>
        <translation>列席人员</translation>
    </message>
    <message>
        <source>Name and organisation (e.g. maintainer, Eng. Wang):</source>
        <translation>姓名和单位（如：维保单位 王工）：</translation>
    </message>
    <message>
        <source>Minutes signed and submitted</source>
        <translation>月调度会议纪要已签字提交</translation>
    </message>
    <message>
        <source>Amend the minutes</source>
        <translation>更正会议纪要</translation>
    </message>
    <message>
        <source>Reason for the amendment (kept with the original):</source>
        <translation>更正原因（将与原记录一同保留）：</translation>
    </message>
    <message>
        <source>Amendment draft opened; the original stays as it was</source>
        <translation>已建立更正稿，原记录保留不变</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Monthly meeting</source>
        <translation>月调度</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Weekly investigation</source>
        <translation>周排查</translation>
    </message>
    <message>
        <source>Daily check</source>
        <translation>日管控</translation>
    </message>
</context>
<context>
    <name>OpenHazardDialog</name>
    <message>
        <source>Open a hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <source>e.g. slowed down, area fenced off</source>
        <translation>例如：降速运行、设置警戒区</translation>
    </message>
    <message>
        <source>Stop using the equipment until it is fixed</source>
        <translation>停止使用设备，直至隐患消除</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>请选择日期</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Found at:</source>
        <translation>发现于：</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>隐患等级(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>隐患描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Immediate measures:</source>
        <translation>已采取措施(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>整改责任人(&amp;O)：</translation>
    </message>
    <message>
        <source>Rectification &amp;deadline:</source>
        <translation>整改期限(&amp;L)：</translation>
    </message>
    <message>
        <source>This is a major-hazard item: decide whether the equipment must stop until the hazard is removed.</source>
        <translation>这是重大隐患判定项：请决定设备是否须停止使用，直至隐患消除。</translation>
    </message>
    <message>
        <source>Open hazard</source>
        <translation>登记隐患</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page is not built yet (#2).</source>
        <translation>此页面尚在建设中（#2）。</translation>
    </message>
    <message>
        <source>This page is not built yet (#2). Asked to show: {target}</source>
        <translation>此页面尚在建设中（#2）。请求显示：{target}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Welcome to SafeDesk</source>
        <translation>欢迎使用 SafeDesk</translation>
    </message>
    <message>
        <source>This laptop keeps the safety records of one unit. Tell SafeDesk which unit it belongs to and who uses it; records are signed with this name.</source>
        <translation>这台电脑保存一个使用单位的安全记录。请选择所属的使用单位和使用人；记录将以此姓名签名。</translation>
    </message>
    <message>
        <source>&amp;Sign in to the provincial platform and download my unit</source>
        <translation>登录省级监管平台并下载本单位数据(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose the unit on this laptop</source>
        <translation>选择本机已有的单位(&amp;C)</translation>
    </message>
    <message>
        <source>Create a &amp;new unit on this laptop only</source>
        <translation>仅在本机新建单位(&amp;N)</translation>
    </message>
    <message>
        <source>Use the account the provincial supervision platform gave you. SafeDesk downloads your unit&apos;s equipment and records, and signs them with your name.</source>
        <translation>使用省级监管平台分配给您的账号。SafeDesk 会下载本单位的设备和记录，并以您的姓名签署记录。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>使用单位</translation>
    </message>
    <message>
        <source>e.g. Emei Yunhai Ropeway Co., Ltd.</source>
        <translation>例如：峨眉山云海索道旅游有限公司</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>使用单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;County code:</source>
        <translation>县级行政区划代码(&amp;C)：</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用人</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>岗位(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Continue the download</source>
        <translation>继续下载(&amp;C)</translation>
    </message>
    <message>
        <source>Sign in and &amp;download</source>
        <translation>登录并下载(&amp;D)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Someone else…</source>
        <translation>其他人员…</translation>
    </message>
    <message>
        <source>Please enter the user&apos;s name.</source>
        <translation>请填写使用人姓名。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Fill in the server address, user name and password.</source>
        <translation>请填写服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <source>A sync is still running; try again in a moment.</source>
        <translation>同步仍在进行，请稍后再试。</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signed in; preparing the download…</source>
        <translation>已登录，正在准备下载…</translation>
    </message>
    <message numerus="yes">
        <source>Downloading your unit: %n record(s) received</source>
        <translation>
            <numerusform>正在下载本单位数据：已收到 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Download stopped. What arrived is kept on this laptop. Continue the download, or choose above to set up the unit on this laptop only.</source>
        <translation>下载已停止，已收到的数据保留在本机。可以继续下载，或在上方选择只在本机建立单位。</translation>
    </message>
    <message>
        <source>The server {server} cannot be reached. Check the server address and this laptop&apos;s network connection, then try again.</source>
        <translation>无法连接服务器 {server}。请检查服务器地址和本机网络连接，然后重试。</translation>
    </message>
    <message>
        <source>The download failed; the log file has the details.</source>
        <translation>下载失败，详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SafeDeskApp</name>
    <message>
        <source>SafeDesk cannot start</source>
        <translation>SafeDesk 无法启动</translation>
    </message>
    <message>
        <source>Checklist templates refused</source>
        <translation>检查表模板有误</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist template file(s) could not be used and were skipped. The other templates work as usual.</source>
        <translation>
            <numerusform>有 %n 个检查表模板文件有误，已跳过；其余模板照常使用。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>同步设置</translation>
    </message>
    <message>
        <source>Sync on its own when the server is reachable</source>
        <translation>服务器可访问时自动同步</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>CA bundle (provincial PKI)</source>
        <translation>CA 证书（省级 PKI）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书文件 (*.pem *.crt *.cer)</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Kept on this computer only; drafts are never sent</source>
        <translation>只保存在本机；草稿不会发送</translation>
    </message>
    <message>
        <source>Waiting to be sent at the next sync</source>
        <translation>等待下次同步时发送</translation>
    </message>
    <message>
        <source>The server holds this version</source>
        <translation>服务器已有此版本</translation>
    </message>
    <message>
        <source>Changed here and on the server: click “needs attention” in the status bar to choose which value stays</source>
        <translation>本机和服务器都改过：请点状态栏的“需处理”，选择保留哪个值</translation>
    </message>
    <message>
        <source>The server refused this record: click “needs attention” in the status bar to see why and correct it</source>
        <translation>服务器退回了这条记录：请点状态栏的“需处理”查看原因并修改</translation>
    </message>
    <message>
        <source>{state}: {meaning}</source>
        <translation>{state}：{meaning}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline: no network</source>
        <translation>离线：没有网络</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>Network needs sign-in</source>
        <translation>网络需要认证登录</translation>
    </message>
    <message>
        <source>Update needed</source>
        <translation>需要更新版本</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>同步已取消</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>Automatic sync off</source>
        <translation>自动同步已关闭</translation>
    </message>
    <message>
        <source>Records are sent only when you press Sync (F5). Turn automatic sync on in Sync → Sync settings.</source>
        <translation>只有按“同步 (F5)”时才发送记录。可在“同步 → 同步设置”中打开自动同步。</translation>
    </message>
    <message>
        <source>Sign-in kept until SafeDesk closes</source>
        <translation>登录状态仅保留到关闭程序</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the sign-in is not saved.</source>
        <translation>本机没有安全的密码存储，登录状态不会保存。</translation>
    </message>
    <message>
        <source>Open the conflicts and refused records</source>
        <translation>打开冲突和被退回的记录</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>The server asks you to sign in again; your records stay on this computer.</source>
        <translation>服务器要求重新登录；您的记录仍保存在本机。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retrying at {time}</source>
        <translation>将于 {time} 重试</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n 条记录待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n 项需处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Clock differs from the server by {minutes} min</source>
        <translation>本机时钟与服务器相差 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Sending records {done}/{total}</source>
        <translation>正在发送记录 {done}/{total}</translation>
    </message>
    <message>
        <source>Photos {done} of {total} MB</source>
        <translation>照片 {done} / {total} MB</translation>
    </message>
    <message>
        <source>Receiving changes: {done}</source>
        <translation>正在接收更改：{done}</translation>
    </message>
</context>
<context>
    <name>TodayEquipmentTableModel</name>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>设备品种</translation>
    </message>
    <message>
        <source>Today&apos;s check</source>
        <translation>今日日管控</translation>
    </message>
    <message>
        <source>Open hazards</source>
        <translation>在办隐患</translation>
    </message>
    <message>
        <source>Next inspection</source>
        <translation>下次检验</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Expired %n day(s) ago</source>
        <translation>已过期 %n 天</translation>
    </message>
    <message>
        <source>{date} · %n day(s) left</source>
        <translation>{date} · 剩 %n 天</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n open, {overdue} overdue</source>
        <translation>
            <numerusform>%n 项，逾期 {overdue}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Correction in progress</source>
        <translation>更正中</translation>
    </message>
    <message>
        <source>Done · {status}</source>
        <translation>已完成 · {status}</translation>
    </message>
    <message numerus="yes">
        <source>Done · %n abnormal</source>
        <translation>
            <numerusform>已完成 · 异常 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Done · {name}</source>
        <translation>已完成 · {name}</translation>
    </message>
    <message>
        <source>Open this equipment&apos;s hazards</source>
        <translation>打开该设备的隐患</translation>
    </message>
    <message>
        <source>Open the equipment&apos;s details</source>
        <translation>打开设备详情</translation>
    </message>
    <message>
        <source>Open today&apos;s daily check of {name}</source>
        <translation>打开 {name} 今日的日管控</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the records again (Ctrl+R)</source>
        <translation>重新读取记录（Ctrl+R）</translation>
    </message>
    <message>
        <source>Daily checks of equipment in use</source>
        <translation>在用设备日管控</translation>
    </message>
    <message>
        <source>No equipment in use is registered for this unit yet. Equipment comes from the provincial registry when the laptop syncs (#4).</source>
        <translation>本单位尚无在用设备。设备信息将在与省级平台同步时获取（#4）。</translation>
    </message>
    <message>
        <source>All hazards…</source>
        <translation>全部隐患…</translation>
    </message>
    <message>
        <source>Open hazards</source>
        <translation>在办隐患</translation>
    </message>
    <message>
        <source>This week, this month, inspections</source>
        <translation>本周 · 本月 · 检验提醒</translation>
    </message>
    <message>
        <source>The overview could not be read; details are in the log file.</source>
        <translation>无法读取今日概况，详情见日志文件。</translation>
    </message>
    <message>
        <source>{date} {weekday} · week {week} · {unit}</source>
        <translation>{date} {weekday} · 第{week}周 · {unit}</translation>
    </message>
    <message>
        <source>Daily checks {done}/{due}</source>
        <translation>日管控 {done}/{due}</translation>
    </message>
    <message numerus="yes">
        <source>%n open hazard(s), {overdue} overdue</source>
        <translation>
            <numerusform>在办隐患 %n 项，逾期 {overdue} 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open hazard(s)</source>
        <translation>
            <numerusform>在办隐患 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly reports {filed}/{families}</source>
        <translation>周排查 {filed}/{families}</translation>
    </message>
    <message>
        <source>Monthly: {status}</source>
        <translation>月调度：{status}</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) expired</source>
        <translation>
            <numerusform>%n 台设备检验已过期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) due soon</source>
        <translation>
            <numerusform>%n 台设备检验即将到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspections in date</source>
        <translation>检验均在有效期内</translation>
    </message>
</context>
<context>
    <name>WeekFilingModel</name>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>{year}-W{week}</source>
        <translation>{year}年第{week}周</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{family}: {sync}</source>
        <translation>{family}：{sync}</translation>
    </message>
</context>
<context>
    <name>WeekHazardModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Hazard description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>(whole unit)</source>
        <translation>（全单位）</translation>
    </message>
</context>
<context>
    <name>WeekRollupModel</name>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Done/due</source>
        <translation>完成/应检</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>{weekday} {month}/{day}</source>
        <translation>{weekday} {month}/{day}</translation>
    </message>
    <message>
        <source>{state} · daily check {sync}
{meaning}</source>
        <translation>{state} · 日检{sync}
{meaning}</translation>
    </message>
</context>
<context>
    <name>WeeklyReportPage</name>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>The week</source>
        <translation>本周情况</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>排查项目</translation>
    </message>
    <message>
        <source>Analysis and measures</source>
        <translation>研判与措施</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>Pick a day to show its week</source>
        <translation>选择一天，显示它所在的周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>The safety director&apos;s weekly report, one per equipment family</source>
        <translation>安全总监每周排查治理报告，每类设备一份</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>Original and amendments</source>
        <translation>原记录与更正记录</translation>
    </message>
    <message>
        <source>Unanswered items normal</source>
        <translation>未填项全部正常</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>签字提交</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Double-click a day to open that day&apos;s check</source>
        <translation>双击某天打开当天的日管控记录</translation>
    </message>
    <message>
        <source>Daily checks</source>
        <translation>日管控完成情况</translation>
    </message>
    <message>
        <source>This week&apos;s hazards</source>
        <translation>本周隐患</translation>
    </message>
    <message>
        <source>Double-click or press F2 to fill in result and remark; an abnormal item needs a remark.</source>
        <translation>双击或按 F2 填写结果和说明；异常项须写明情况。</translation>
    </message>
    <message>
        <source>e.g. director, officers, maintainer</source>
        <translation>如：安全总监、安全员、维保单位人员</translation>
    </message>
    <message>
        <source>This week&apos;s judgement: what daily checks found, hazard progress, changing risks</source>
        <translation>本周设备安全状况研判：日管控发现的问题、隐患整改进展、风险变化</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>People, money or equipment the principal must decide on (goes to the monthly meeting)</source>
        <translation>需要主要负责人协调解决的人员、资金、设备问题（提交月调度）</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>研判意见</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>For the principal</source>
        <translation>提请主要负责人</translation>
    </message>
    <message>
        <source>Next week&apos;s focus</source>
        <translation>下周重点</translation>
    </message>
    <message>
        <source>{year}-W{week} ({start} – {end})</source>
        <translation>{year}年第{week}周（{start}—{end}）</translation>
    </message>
    <message>
        <source>The unit has no registered equipment.</source>
        <translation>本单位没有登记设备。</translation>
    </message>
    <message>
        <source>{due} equipment-days due: {done} done, {draft} draft, {missing} missing, {idle} not running</source>
        <translation>应检 {due} 台·天，已完成 {done}，草稿 {draft}，缺失 {missing}，未运行 {idle}</translation>
    </message>
    <message>
        <source>{opened} new, {closed} closed, {overdue} overdue</source>
        <translation>新增 {opened} 条，销号 {closed} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <source> (as at signing)</source>
        <translation>（提交时的统计）</translation>
    </message>
    <message>
        <source>Amendment {number}</source>
        <translation>更正 {number}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原记录</translation>
    </message>
    <message>
        <source>{version} (draft)</source>
        <translation>{version}（草稿）</translation>
    </message>
    <message>
        <source>This week&apos;s report cannot be shown.</source>
        <translation>无法显示本周报告。</translation>
    </message>
    <message>
        <source>Submitted: signed by {name} at {moment}; read-only</source>
        <translation>已提交：{name} 于 {moment} 签字，只读</translation>
    </message>
    <message>
        <source>New report: saved as a draft as you type</source>
        <translation>新报告：开始填写后自动保存草稿</translation>
    </message>
    <message>
        <source>Draft: saved as you type</source>
        <translation>草稿：自动保存</translation>
    </message>
    <message>
        <source>; amendment reason: {reason}</source>
        <translation>；更正原因：{reason}</translation>
    </message>
    <message>
        <source>Draft: saved {time}</source>
        <translation>草稿：已自动保存 {time}</translation>
    </message>
    <message>
        <source>{count} items marked normal</source>
        <translation>{count} 项已填为正常</translation>
    </message>
    <message>
        <source>Weekly report signed and submitted</source>
        <translation>周排查报告已签字提交</translation>
    </message>
    <message>
        <source>Amend the weekly report</source>
        <translation>更正周排查报告</translation>
    </message>
    <message>
        <source>Reason for the amendment (kept with the original):</source>
        <translation>更正原因（将与原记录一同保留）：</translation>
    </message>
    <message>
        <source>Amendment draft opened; the original stays as it was</source>
        <translation>已建立更正稿，原记录保留不变</translation>
    </message>
</context>
</TS>
