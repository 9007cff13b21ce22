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
        <source>Weekly investigation, week {week} ({first} – {last})</source>
        <translation>第{week}周 周排查报告（{first} – {last}）</translation>
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
        <source>Draft not saved</source>
        <translation>草稿未保存</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to fix before submitting:</source>
        <translation>
            <numerusform>提交前还有 %n 处需要处理：</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {count} more (marked in the list)</source>
        <translation>……另有 {count} 处（已在列表中标出）</translation>
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
    <message numerus="yes">
        <source>Overdue %n day(s) · {date}</source>
        <translation>
            <numerusform>逾期 %n 天 · {date}</numerusform>
        </translation>
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
        <source>Sync with the provincial platform comes in #4.</source>
        <translation>与省级平台同步的功能将在 #4 中提供。</translation>
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
        <source>Someone else…</source>
        <translation>其他人员…</translation>
    </message>
    <message>
        <source>Please enter the user&apos;s name.</source>
        <translation>请填写使用人姓名。</translation>
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
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>已过期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{date} · %n day(s) left</source>
        <translation>
            <numerusform>{date} · 剩 %n 天</numerusform>
        </translation>
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
        <source>Weekly: {status}</source>
        <translation>周排查：{status}</translation>
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
</TS>
