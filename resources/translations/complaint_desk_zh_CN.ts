<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActingHeadDialog</name>
    <message>
        <location filename="../../desktop/management/acting_head_dialog.py" line="+89"/>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+30"/>
        <source>Acting head</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Name an acting head</source>
        <translation>指定现场负责人</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Staff member:</source>
        <translation>员工(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <location line="+70"/>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>&amp;From:</source>
        <translation>起始时间(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <location line="+69"/>
        <source>Until</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>&amp;Until:</source>
        <translation>结束时间(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>e.g. training at the district branch</source>
        <translation>例如：到区分公司参加培训</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name &amp;acting head</source>
        <translation>指定现场负责人(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name acting head</source>
        <translation>指定现场负责人</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>Acting heads named</source>
        <translation>已指定的现场负责人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named by</source>
        <translation>指定人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;End now</source>
        <translation>立即结束(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the selected span now</source>
        <translation>立即结束所选时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head is back: end the selected span now</source>
        <translation>网点负责人已返回：立即结束所选时段</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When you leave the outlet, name an acting head: from the start to the end of the span, head-only actions are theirs and are recorded as such (Art. 8).</source>
        <translation>离开网点时，请指定现场负责人：在该时段内，须由网点负责人办理的事项由其办理，并如实记录为现场负责人所为（第八条）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the outlet head may name an acting head or end a span.</source>
        <translation>只有网点负责人可以指定现场负责人或结束时段。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>There is no other active staff member to name.</source>
        <translation>没有其他在岗员工可供指定。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>ActingHeadLabel</name>
    <message>
        <location filename="../../desktop/management/acting_head_label.py" line="+35"/>
        <source>Acting head in charge</source>
        <translation>当前现场负责人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>While the head is away, head-only actions are taken and recorded as the acting head&apos;s (Art. 8)</source>
        <translation>网点负责人不在期间，须由负责人办理的事项由现场负责人办理，并记录为现场负责人所为（第八条）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{day} {month} {time}</source>
        <translation>{month}{day}日 {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Acting head: {name} (until {until})</source>
        <translation>现场负责人：{name}（至 {until}）</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desktop/handling/action_form.py" line="+119"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save (Ctrl+Return)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close without saving (Esc)</source>
        <translation>不保存并关闭（Esc）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Complaint {case_no} · {customer}</source>
        <translation>投诉 {case_no} · {customer}</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Nothing was saved: {error}</source>
        <translation>未保存任何内容：{error}</translation>
    </message>
</context>
<context>
    <name>AfterStartCheck</name>
    <message>
        <location filename="../../desktop/session/startup_check.py" line="+233"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Database check passed.</source>
        <translation>数据库检查通过。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database failed its check:
{problem}

Complaint Desk will now close the database, without backing it up over your good backups, and offer the newest good backup.</source>
        <translation>数据库未通过检查：
{problem}

网点投诉处理台将关闭数据库（不会用它备份、覆盖完好的备份），并提供最新的完好备份供恢复。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The database check could not run: {error}</source>
        <translation>数据库检查无法运行：{error}</translation>
    </message>
</context>
<context>
    <name>AnalysisLabels</name>
    <message>
        <location filename="../../desktop/analysis/analysis_labels.py" line="+18"/>
        <source>Complaints</source>
        <translation>投诉件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liable complaints</source>
        <translation>有责投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent complaints</source>
        <translation>紧急投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalations beyond the outlet</source>
        <translation>升级至网点以外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superior work orders</source>
        <translation>上级工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue replies</source>
        <translation>超时答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback satisfaction rate (%)</source>
        <translation>回访满意率（%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On track</source>
        <translation>达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Defused on site</source>
        <translation>现场化解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to the head</source>
        <translation>已报告负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still being followed up</source>
        <translation>仍在跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Became a complaint</source>
        <translation>已转为投诉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proposed</source>
        <translation>已提出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under review</source>
        <translation>研究中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implemented</source>
        <translation>已落实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>≤1 d</source>
        <translation>≤1天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1-3 d</source>
        <translation>1–3天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3-7 d</source>
        <translation>3–7天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7-15 d</source>
        <translation>7–15天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt;15 d</source>
        <translation>&gt;15天</translation>
    </message>
</context>
<context>
    <name>AnalysisMenus</name>
    <message>
        <location filename="../../desktop/analysis/analysis_menu.py" line="+31"/>
        <source>&amp;Dashboard…</source>
        <translation>分析看板(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Targets…</source>
        <translation>投诉控制指标(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disputes…</source>
        <translation>纠纷登记(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;uggestions…</source>
        <translation>合理化建议(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="+129"/>
        <source>Complaint Desk</source>
        <translation>网点投诉处理台</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+68"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Complaint Desk could not open its database:
{path}

{error}

Check that the folder exists and is writable, and that no other copy of the program is upgrading it. Your data has not been changed.</source>
        <translation>网点投诉处理台无法打开数据库：
{path}

{error}

请检查该文件夹是否存在且可写入，并确认没有其他正在运行的本程序在升级该数据库。您的数据未被改动。</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>It has login accounts, and demo data is written without a login.</source>
        <translation>该数据库已设有登录账户，而演示数据不经登录写入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It holds {count} complaints that are not demo data.</source>
        <translation>该数据库已有 {count} 件非演示数据的投诉。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its outlet {outlet} was set up by hand, not by the demo.</source>
        <translation>其网点 {outlet} 为手工设置，并非演示数据所建。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No demo data added</source>
        <translation>未添加演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo cannot use the database
{path}

{reason}

Demo data goes only into an empty folder or the separate demo database: start with --demo alone, or give --data-dir an empty folder. Nothing was written.</source>
        <translation>演示数据不能写入数据库
{path}

{reason}

演示数据只写入空文件夹或单独的演示数据库：请只用 --demo 启动，或为 --data-dir 指定一个空文件夹。未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>AssessmentPeriodDialog</name>
    <message>
        <location filename="../../desktop/printing/assessment_period.py" line="+52"/>
        <source>Assessment report</source>
        <translation>考核报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period kind</source>
        <translation>期间类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+12"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+18"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Q{n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole outlet</source>
        <translation>全网点</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Period:</source>
        <translation>考核期间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member:</source>
        <translation>员工：</translation>
    </message>
</context>
<context>
    <name>AssignOutletDialog</name>
    <message>
        <location filename="../../desktop/district/assign_outlet_dialog.py" line="+25"/>
        <location line="+1"/>
        <source>Assign to an outlet</source>
        <translation>分派给网点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why it was refused</source>
        <translation>被拒绝的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work order {source} {number}</source>
        <translation>工单 {source} {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outlet:</source>
        <translation>网点(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assign the work order</source>
        <translation>分派该工单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel without assigning</source>
        <translation>取消，不分派</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No outlet is enrolled: enrol one first.</source>
        <translation>尚无已登记的网点：请先登记网点。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop/settings/backup_rights.py" line="+25"/>
        <source>Only the outlet head, or the acting head, may back up or restore.</source>
        <translation>只有网点负责人或现场负责人可以备份或恢复数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_dialog.py" line="+78"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+82"/>
        <location line="+1"/>
        <location line="+322"/>
        <location line="+8"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="-321"/>
        <location line="+150"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up to another folder, e.g. on a USB drive</source>
        <translation>备份到其他文件夹，例如U盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up to the folder beside the database</source>
        <translation>备份到数据库所在位置旁的文件夹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups kept of each kind</source>
        <translation>每类保留的备份份数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up &amp;automatically once a day</source>
        <translation>每天自动备份一次(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup &amp;folder:</source>
        <translation>备份文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keep of each kind:</source>
        <translation>每类保留份数(&amp;K)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups in the folder</source>
        <translation>文件夹中的备份</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backup progress</source>
        <translation>备份进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the current data with the selected backup, after backing it up</source>
        <translation>先备份当前数据，再用所选备份替换当前数据</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_menu.py" line="+19"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up now, restore a backup, choose the backup folder</source>
        <translation>立即备份、恢复备份、选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_dialog.py" line="+71"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Complaint Desk cannot write to {folder}. Choose another folder.</source>
        <translation>网点投诉处理台无法写入 {folder}。请选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This backup holds the data of another outlet: {other}. This database is outlet {current}. Restoring it replaces the data of {current} with the data of {other}.</source>
        <translation>此备份保存的是另一网点的数据：{other}。本数据库属于网点 {current}。恢复后，{current} 的数据将被 {other} 的数据替换。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore another outlet&apos;s backup</source>
        <translation>恢复其他网点的备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Restore the backup made at {time} ({reason})?

The current data is first backed up to {folder} (as “before a restore”), then replaced by this backup. Complaint Desk closes afterwards; open it again to work with the restored data.</source>
        <translation>要恢复 {time} 的备份（{reason}）吗？

当前数据会先备份到 {folder}（标记为“恢复前”），然后被此备份替换。恢复后网点投诉处理台将关闭，请重新打开以使用恢复后的数据。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Backup made and checked: {name}</source>
        <translation>备份已完成并通过检查：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup {name} has been restored. The data it replaced is in the backup {safety}.

Complaint Desk will now close; open it again to continue.</source>
        <translation>备份 {name} 已恢复。被替换的数据保存在备份 {safety} 中。

网点投诉处理台现在将关闭，请重新打开后继续工作。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup was not restored; nothing was changed.

{reason}</source>
        <translation>备份未恢复，数据没有任何改动。

{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It did not work:

{reason}</source>
        <translation>操作未成功：

{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something unexpected went wrong:

{reason}</source>
        <translation>发生意外错误：

{reason}</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location line="-379"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No record of a check</source>
        <translation>无检查记录</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <location filename="../../desktop/settings/backup_scheduler.py" line="+123"/>
        <source>Making today&apos;s backup…</source>
        <translation>正在进行今日备份…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>Backing up before closing</source>
        <translation>关闭前备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up before closing…</source>
        <translation>正在关闭前备份…</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+45"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>The backup on closing failed:
{error}

Your data is safe in the database itself. Check the backup folder under File → Backups… the next time.</source>
        <translation>关闭时的备份失败：
{error}

您的数据仍安全保存在数据库中。下次请在“文件 → 备份…”中检查备份文件夹。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Today&apos;s backup is made: {name}</source>
        <translation>今日备份已完成：{name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Today&apos;s automatic backup failed: {error}</source>
        <translation>今日自动备份失败：{error}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Today&apos;s automatic backup failed:
{error}

Check that the backup folder (File → Backups…) is reachable, e.g. that the USB drive is plugged in.</source>
        <translation>今日自动备份失败：
{error}

请检查备份文件夹（文件 → 备份…）是否可以访问，例如U盘是否已插好。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location line="-177"/>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the copy…</source>
        <translation>正在检查备份副本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copying attachments…</source>
        <translation>正在复制附件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <location filename="../../desktop/district/bundle_import.py" line="+41"/>
        <source>{file}: refused, nothing written. {reason}</source>
        <translation>{file}：被拒收，未写入任何内容。{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: already imported; nothing changed</source>
        <translation>{file}：已导入过，未作任何改动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: outlet {outlet}, bundle number {seq}: {n} cases stored</source>
        <translation>{file}：网点 {outlet}，第 {seq} 号交换包：存入 {n} 件投诉</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Importing {n} bundle(s)…</source>
        <translation>正在导入 {n} 个交换包…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing bundles</source>
        <translation>正在导入交换包</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The import stopped: {reason}</source>
        <translation>导入已中止：{reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import outlets&apos; bundles</source>
        <translation>导入网点交换包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundles (*.zip)</source>
        <translation>交换包 (*.zip)</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Import bundles</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <location filename="../../desktop/exchange/bundle_import.py" line="+47"/>
        <source>Import bundle from the district</source>
        <translation>导入区县分公司下发的交换包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundles (*.zip);;All files (*)</source>
        <translation>交换包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing the bundle {file}…</source>
        <translation>正在导入交换包 {file}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing the bundle</source>
        <translation>正在导入交换包</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{file}: bundle number {seq} is already imported; nothing changed.</source>
        <translation>{file}：第 {seq} 号交换包已导入过，未作任何更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}: bundle number {seq} imported: {results} escalation results; {created} new work orders ({skipped} already present); {replies} replies recorded.</source>
        <translation>{file}：第 {seq} 号交换包已导入：升级处理结果 {results} 项；新工单 {created} 张（{skipped} 张已存在）；记录回复 {replies} 条。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bundles {first} to {last} from the district have not arrived: ask the district to write them again. They are still accepted when they come.</source>
        <translation>区县分公司的第 {first} 至 {last} 号交换包尚未收到：请区县分公司重新写出。这些交换包补到时仍会接收。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This bundle had gone missing and has now arrived.</source>
        <translation>这个交换包此前缺失，现已补到。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each escalation result is shown in its complaint: tell the customer the result and keep tracking the case.</source>
        <translation>每项升级处理结果都显示在相应投诉中：请把结果告知客户，并继续跟踪该投诉。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file}: refused, nothing was written.

{reason}</source>
        <translation>{file}：已拒收，未写入任何数据。

{reason}</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../desktop/settings/calendar_dialog.py" line="+65"/>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomb-sweeping Day</source>
        <translation>清明节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mid-autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anti-Fascist 70th Day</source>
        <translation>抗战胜利70周年纪念日</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>paused</source>
        <translation>暂停中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Work order {source} {number}</source>
        <translation>工单 {source} {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{subject} · {clock}: {before} → {after}</source>
        <translation>{subject} · {clock}：{before} → {after}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+1"/>
        <location line="+466"/>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location line="-462"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Holidays and make-up working days</source>
        <translation>节假日与调休上班日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the schedule of this year</source>
        <translation>录入本年度安排</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind of day</source>
        <translation>日期类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+223"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location line="-222"/>
        <location line="+222"/>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Name of the day</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Spring Festival</source>
        <translation>例如：春节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the day</source>
        <translation>添加该日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove selected</source>
        <translation>删除所选(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected days</source>
        <translation>删除所选日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the year&apos;s schedule</source>
        <translation>保存本年度安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import from file…</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import from file</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A UTF-8 CSV file with the columns date, kind (holiday or workday) and name</source>
        <translation>UTF-8 编码的 CSV 文件，列为 date（日期）、kind（holiday 节假日或 workday 调休上班日）和 name（名称）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The schedule is complete</source>
        <translation>安排已完整</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Only the outlet head or the acting head may change the calendar.</source>
        <translation>只有网点负责人或现场负责人可以修改工作日历。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload from &amp;package</source>
        <translation>从软件包重新载入(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload from package</source>
        <translation>从软件包重新载入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the years a newer holiday package knows; edited years stay</source>
        <translation>添加新版节假日软件包已收录的年份；手工录入的年份保持不变</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deadlines that moved</source>
        <translation>已变动的时限</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>{years} from the holiday package</source>
        <translation>{years}（来自节假日软件包）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{year}: entered by hand, complete.</source>
        <translation>{year} 年：手工录入，已完整。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year} is not covered yet: its schedule is entered in part. Only Saturdays and Sundays count as rest days on the other days until it is saved as complete.</source>
        <translation>{year} 年尚未收录：其安排只录入了一部分。在保存为完整安排之前，其余日期只按周六、周日休息计算。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{year} is not covered: only Saturdays and Sundays count as rest days until its schedule is entered and saved as complete.</source>
        <translation>{year} 年尚未收录：在录入其安排并保存为完整安排之前，只按周六、周日休息计算。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The schedule of {year} is &amp;complete: every holiday and make-up working day as published</source>
        <translation>{year} 年安排已完整(&amp;C)：已按公布的安排录入全部节假日和调休上班日</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Import the schedule of {year}</source>
        <translation>导入 {year} 年安排</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar files (*.csv);;All files (*)</source>
        <translation>日历文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file was not imported. {reason}</source>
        <translation>文件未导入。{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} days read from the file. Check them, tick whether the schedule is complete, and save.</source>
        <translation>已从文件读取 {count} 天。请核对，勾选安排是否完整，然后保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving {year} and recomputing the deadlines of open complaints and work orders…</source>
        <translation>正在保存 {year} 年并重新计算未办结投诉和工单的时限…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The schedule of {year} is saved as complete: {count} days.</source>
        <translation>{year} 年安排已保存为完整安排：共 {count} 天。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The schedule of {year} is saved, not yet complete: {count} days.</source>
        <translation>{year} 年安排已保存，尚未完整：共 {count} 天。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deadlines that moved: complaints {cases}, work orders {orders}.</source>
        <translation>时限有变动：投诉 {cases} 项，工单 {orders} 项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No deadline moved.</source>
        <translation>没有时限变动。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the holiday package…</source>
        <translation>正在读取节假日软件包…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The holiday package is not installed.</source>
        <translation>未安装节假日软件包。</translation>
    </message>
    <message>
        <location line="-327"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Working-day limits follow China&apos;s official calendar: holidays, and weekend days worked instead (调休). The State Council publishes each year&apos;s schedule; enter a year the installed package does not cover yet.</source>
        <translation>以工作日计算的时限按国家法定日历执行：节假日，以及调休上班的周末。国务院每年公布下一年度的安排；已安装的软件包尚未收录的年份，请在此录入。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>{years} entered by hand</source>
        <translation>{years}（手工录入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Years with the official schedule: {years}.</source>
        <translation>已有法定安排的年份：{years}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year}: as published, from the package.</source>
        <translation>{year} 年：按公布的安排，来自软件包。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Save the schedule of {year}</source>
        <translation>保存 {year} 年安排(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Package</source>
        <translation>软件包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A make-up working day is a Saturday or Sunday worked instead of a holiday; {day} is a weekday.</source>
        <translation>调休上班日是因节假日调换而上班的周六或周日；{day} 是工作日。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{day} is not in {year}.</source>
        <translation>{day} 不在 {year} 年内。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Added from the package: {years}.</source>
        <translation>已从软件包添加：{years}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The package knows no year that is not here yet (it covers up to {year}).</source>
        <translation>软件包中没有尚未载入的年份（收录至 {year} 年）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The calendar could not be changed: {error}</source>
        <translation>工作日历未能修改：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed. {reason}</source>
        <translation>未作任何修改。{reason}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The changes to {year} are not saved. Discard them?</source>
        <translation>对 {year} 年的修改尚未保存。要放弃吗？</translation>
    </message>
</context>
<context>
    <name>CalendarNotice</name>
    <message>
        <location filename="../../desktop/settings/calendar_gap.py" line="+54"/>
        <source>The official working-day schedule of {years} is not entered: deadlines there count only Saturdays and Sundays as rest days and may move once it is.</source>
        <translation>尚未录入 {years} 年的法定节假日安排：落在该年的时限只按周六、周日休息计算，录入后可能变动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadlines counted this way now: complaints {cases}, work orders {orders}.</source>
        <translation>目前按此计算的时限：投诉 {cases} 项，工单 {orders} 项。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Working-day calendar missing</source>
        <translation>工作日历缺失</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the working-day calendar</source>
        <translation>打开工作日历</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter the schedule of {year}…</source>
        <translation>录入 {year} 年安排…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>View the calendar…</source>
        <translation>查看工作日历…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/calendar_words.py" line="+20"/>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ask the outlet head to enter it.</source>
        <translation>请网点负责人录入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the outlet head, {name}, to enter it.</source>
        <translation>请网点负责人{name}录入。</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../desktop/handling/callback_dialog.py" line="+55"/>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call the customer back and record how satisfied they are. An unsatisfied customer means the case must be reported to the head again (Art. 10).</source>
        <translation>回访客户并记录其满意程度。客户不满意的，须再次报告网点负责人（第十条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A linked work order needs the callback by the head in person, or by the acting head while the head is away (Art. 5, 8).</source>
        <translation>关联的工单要求由网点负责人亲自回访，网点负责人不在时由现场负责人回访（第五条、第八条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Plan a callback</source>
        <translation>安排回访(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a callback</source>
        <translation>安排回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a callback &amp;made</source>
        <translation>记录已完成的回访(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a callback made</source>
        <translation>记录已完成的回访</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No callback is planned yet: plan one first.</source>
        <translation>尚未安排回访，请先安排。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who calls</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Planned callback</source>
        <translation>已安排的回访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due {time}, {who}</source>
        <translation>{time} 到期，{who}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer &amp;reached</source>
        <translation>已联系上客户(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Due:</source>
        <translation>回访时间(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who calls:</source>
        <translation>回访人(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call&amp;back:</source>
        <translation>回访(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called &amp;by:</source>
        <translation>回访人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached:</source>
        <translation>联系情况：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;sult:</source>
        <translation>结果(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>情况记录(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>CaseActionBar</name>
    <message>
        <location filename="../../desktop/cases/case_actions.py" line="+80"/>
        <source>Report owed</source>
        <translation>须报告</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Who is accountable</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+243"/>
        <source>{action}…</source>
        <translation>{action}…</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tracking note…</source>
        <translation>跟踪记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact with the customer…</source>
        <translation>首次联系客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution proposed…</source>
        <translation>提出解决方案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark major…</source>
        <translation>标记为重大投诉…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another outlet involved…</source>
        <translation>涉及其他网点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+207"/>
        <source>Handling decision and notices…</source>
        <translation>处理决定及告知…</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Decision clock: pause or extend…</source>
        <translation>处理时限：暂停或延长…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked for a review…</source>
        <translation>客户申请复核…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide the review…</source>
        <translation>作出复核决定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat of an earlier case…</source>
        <translation>重复投诉（关联先前投诉）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review the liability determination…</source>
        <translation>复核责任认定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalties…</source>
        <translation>处罚…</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Report owed: {reason}. Report it to the head or acting head before anything else happens (Art. 10).</source>
        <translation>须报告：{reason}。请先报告网点负责人或现场负责人，之后才能进行其他处理（第十条）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accountable: {who} (handler, transfer formal)</source>
        <translation>责任人：{who}（处理人，已正式转办）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accountable: {who} (first-ask owner)</source>
        <translation>责任人：{who}（首问责任人）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending transfer to {handler} since {time}: formal once the customer and the handler are in contact; until then {who} stays accountable.</source>
        <translation>自 {time} 起待转办给 {handler}：客户与处理人建立联系后方为正式转办，在此之前仍由 {who} 负责。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Another outlet involved: {outlet}</source>
        <translation>涉及其他网点：{outlet}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Take charge…</source>
        <translation>亲自接手…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take charge</source>
        <translation>亲自接手</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notify the customer of the decision…</source>
        <translation>告知客户处理决定…</translation>
    </message>
</context>
<context>
    <name>CaseClocksTable</name>
    <message>
        <location filename="../../desktop/cases/case_clocks.py" line="+43"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock</source>
        <translation>时限项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Running, near breach</source>
        <translation>计时中，即将超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Started {time}</source>
        <translation>开始：{time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped {time}</source>
        <translation>结束：{time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused for {hours:.1f} hours</source>
        <translation>暂停 {hours:.1f} 小时</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Limit: {n} hours</source>
        <translation>时限：{n} 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit: {n} days</source>
        <translation>时限：{n} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit: {n} working days</source>
        <translation>时限：{n} 个工作日</translation>
    </message>
</context>
<context>
    <name>CaseCountsLabel</name>
    <message>
        <location filename="../../desktop/cases/status_counts.py" line="+26"/>
        <source>Complaint counts</source>
        <translation>投诉统计</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open: {open}  Overdue: {overdue}  Due today: {due_today}</source>
        <translation>未办结：{open}  已超期：{overdue}  今日到期：{due_today}</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../desktop/cases/case_detail.py" line="+140"/>
        <source>Select a complaint in the list to see its details.</source>
        <translation>在列表中选择一条投诉，即可查看详情。</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+10"/>
        <location line="+9"/>
        <location line="+177"/>
        <source>Show full customer data</source>
        <translation>显示完整客户信息</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Show this customer&apos;s full phone and ID numbers?

This is recorded in the audit trail, with your name and the time.</source>
        <translation>要显示该客户完整的电话号码和身份证号码吗？

此操作将连同您的姓名和时间记入审计记录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt route</source>
        <translation>投诉来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>业务办理渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business type</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-ask owner</source>
        <translation>首问责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed reply time</source>
        <translation>约定回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedy requested</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement</source>
        <translation>现场处理情况</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview, print or save this complaint&apos;s incident report</source>
        <translation>预览、打印或保存本投诉的事件报告</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+2"/>
        <location line="+88"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Case timeline</source>
        <translation>投诉处理记录</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Case details</source>
        <translation>投诉详情</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Case pages</source>
        <translation>投诉页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+208"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every recorded change to this case, from the audit trail</source>
        <translation>审计记录中本投诉的每一项变更</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Liability</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalties</source>
        <translation>处罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalations</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Show full customer data…</source>
        <translation>显示完整客户信息…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{severity}: {triggers}</source>
        <translation>{severity}：{triggers}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <location line="+22"/>
        <location line="+151"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>{time} (overdue)</source>
        <translation>{time}（已超期）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Not determined yet</source>
        <translation>尚未认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>determined by {name} on {time}</source>
        <translation>{name} 于 {time} 认定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{text}, as acting head</source>
        <translation>{text}，以现场负责人身份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{text}, after a review</source>
        <translation>{text}，经复核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not liable ({by})</source>
        <translation>无责（{by}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} {share} %</source>
        <translation>{name} {share}%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Liable: {people} ({by})</source>
        <translation>有责：{people}（{by}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duty or rule breached: {basis}</source>
        <translation>违反的职责或规定：{basis}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None applied yet</source>
        <translation>尚未作出处罚</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: {points} points, {amount} yuan</source>
        <translation>{name}：{points} 分，{amount} 元</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{text}; {measures}</source>
        <translation>{text}；{measures}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{text} (differs from the scale: {reason})</source>
        <translation>{text}（与标准不同：{reason}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not escalated</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{time} {level}: {department}</source>
        <translation>{time} {level}：{department}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{text}, with PSBC ({department})</source>
        <translation>{text}，协同邮储银行（{department}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Result: not fed back to the customer yet</source>
        <translation>结果：尚未向客户反馈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result ({time}, customer not satisfied): {result}</source>
        <translation>结果（{time}，客户不满意）：{result}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result ({time}): {result}</source>
        <translation>结果（{time}）：{result}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{department}, with PSBC ({counterpart})</source>
        <translation>{department}，协同邮储银行（{counterpart}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>District: led by {led}; no result yet (as of {time})</source>
        <translation>区县分公司：由{led}牵头处理，尚无结果（截至 {time}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>District&apos;s result ({time}, led by {led}): {result}</source>
        <translation>区县分公司处理结果（{time}，由{led}牵头）：{result}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deadlines ({count})</source>
        <translation>时限（{count}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A deadline was missed</source>
        <translation>有时限已超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A deadline is near</source>
        <translation>有时限即将到期</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shown in full until another case is selected.</source>
        <translation>在选择其他投诉之前完整显示。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show the full phone and ID numbers of this customer; each showing is recorded in the audit trail</source>
        <translation>显示该客户完整的电话号码和身份证号码；每次显示均记入审计记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reply by {time}</source>
        <translation>须于 {time} 前回复</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CaseEvents</name>
    <message>
        <location filename="../../desktop/cases/case_actions.py" line="+19"/>
        <source>Handler: {name}</source>
        <translation>处理人：{name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer satisfied</source>
        <translation>客户满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer not satisfied</source>
        <translation>客户不满意</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the head took charge in person</source>
        <translation>网点负责人亲自接手</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{level}: {department}</source>
        <translation>{level}：{department}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>With PSBC: {department}</source>
        <translation>协同邮储银行：{department}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacted: {person}</source>
        <translation>联系人：{person}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outlet owes: {plan}</source>
        <translation>网点后续：{plan}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Liable</source>
        <translation>有责</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not liable</source>
        <translation>无责</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>as acting head</source>
        <translation>以现场负责人身份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entered on {time}</source>
        <translation>录入于 {time}</translation>
    </message>
</context>
<context>
    <name>CaseHistoryView</name>
    <message>
        <location filename="../../desktop/cases/case_history.py" line="+41"/>
        <location line="+30"/>
        <source>Case</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Event</source>
        <translation>处理事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock pause</source>
        <translation>计时暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock extension</source>
        <translation>期限延长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer notice</source>
        <translation>客户告知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review request</source>
        <translation>复核申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case link</source>
        <translation>投诉关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liability finding</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liability review</source>
        <translation>责任复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty</source>
        <translation>处罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty after a liability review</source>
        <translation>复核后的处罚处理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full customer data shown</source>
        <translation>显示了完整客户信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{thing} added</source>
        <translation>新增{thing}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{thing} changed</source>
        <translation>修改{thing}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{thing} removed</source>
        <translation>删除{thing}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning at</source>
        <translation>预警时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status before</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status after</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major complaint reason</source>
        <translation>重大投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report to the head owed</source>
        <translation>须报告负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report reason</source>
        <translation>报告原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact at</source>
        <translation>首次联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact method</source>
        <translation>首次联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal at</source>
        <translation>提出方案时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pending until contact</source>
        <translation>待建立联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>formal</source>
        <translation>正式转办</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Case registered</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what}: {event}</source>
        <translation>{what}：{event}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Case history</source>
        <translation>投诉历史记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/cases/case_model.py" line="+287"/>
        <source>Case no.</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>首问人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First-ask owner: whoever the customer first asked owns the complaint (Art. 4, 10)</source>
        <translation>首问责任人：客户首先询问的员工负责到底（第四条、第十条）</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Near its deadline: due {time}</source>
        <translation>临近期限：{time} 到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due {time}</source>
        <translation>{time} 到期</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Masked: only the first three and last four digits are shown</source>
        <translation>已脱敏：只显示前三位和后四位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The earliest deadline still running, such as the agreed reply time</source>
        <translation>尚未到期的最早期限，例如约定回复时间</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Received {time}</source>
        <translation>受理于 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue since {time}</source>
        <translation>已于 {time} 超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today at {time}</source>
        <translation>今天 {time} 到期</translation>
    </message>
</context>
<context>
    <name>CaseTableView</name>
    <message>
        <location filename="../../desktop/cases/case_table.py" line="+75"/>
        <source>Complaint list</source>
        <translation>投诉列表</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../../desktop/district/cases_panel.py" line="+48"/>
        <source>Cases of all outlets</source>
        <translation>各网点投诉</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Number of cases shown</source>
        <translation>显示的投诉件数</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>More than {n:,} cases</source>
        <translation>超过 {n:,} 件投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n:,} cases</source>
        <translation>{n:,} 件投诉</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/session/change_password_dialog.py" line="+144"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password for {name}.</source>
        <translation>为 {name} 设置新密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}, your password was set by the head. Choose your own before you go on.</source>
        <translation>{name}，您的密码由网点负责人设置。请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change</source>
        <translation>修改(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../desktop/handling/contact_dialog.py" line="+30"/>
        <source>Confirm contact</source>
        <translation>确认已建立联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm when and how the customer and the handler got in contact. From then on the transfer is formal and the handler is accountable (Art. 10).</source>
        <translation>确认客户与处理人建立联系的时间和方式。自此正式转办，由处理人负责（第十条）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{handler}, transfer requested {time}</source>
        <translation>{handler}，{time} 提出转办</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No transfer is pending.</source>
        <translation>没有待确认的转办。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer to:</source>
        <translation>转办给：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In contact since</source>
        <translation>建立联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In contact &amp;since:</source>
        <translation>建立联系时间(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="+330"/>
        <source>Who was contacted?</source>
        <translation>联系了谁？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write down whom the outlet reached at that level, when, and what it reported.</source>
        <translation>记录网点联系了该级别的哪位人员、联系时间以及报告的内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person contacted</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and post</source>
        <translation>姓名及职务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was reported</source>
        <translation>报告内容</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Person contacted:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacted &amp;at:</source>
        <translation>联系时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What was reported:</source>
        <translation>报告内容(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>ConvertDisputeDialog</name>
    <message>
        <location filename="../../desktop/management/disputes_dialog.py" line="+264"/>
        <source>Convert to complaint</source>
        <translation>转为投诉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dispute of {when} with {customer}: {cause}</source>
        <translation>{when} 与 {customer} 的纠纷：{cause}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Received:</source>
        <translation>受理时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Business type:</source>
        <translation>业务类型(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer &amp;phone:</source>
        <translation>客户电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Outcome:</source>
        <translation>处理结果(&amp;O)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply time agreed with the customer</source>
        <translation>已与客户约定答复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Reply by:</source>
        <translation>约定答复时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed reply time</source>
        <translation>约定答复时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settlement:</source>
        <translation>处理情况(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement</source>
        <translation>处理情况</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop/analysis/dashboard.py" line="+191"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the dashboard</source>
        <translation>刷新分析看板</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Complaints per month against target</source>
        <translation>每月投诉量与指标对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Causes (Pareto)</source>
        <translation>投诉原因（帕累托图）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By staff member (first asked)</source>
        <translation>按员工（首问责任人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled on the spot and escalated</source>
        <translation>当场办结率与升级率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to reply against the agreed time</source>
        <translation>答复用时与约定时限</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>{n} mo.</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>The dashboard could not be computed: {error}</source>
        <translation>无法计算分析看板：{error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{period}: {total} complaints</source>
        <translation>{period}：共 {total} 件投诉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No data for this period</source>
        <translation>本期间暂无数据</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+49"/>
        <location line="+58"/>
        <source>Complaints</source>
        <translation>投诉件数</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Months over target: {n}</source>
        <translation>超出指标的月份：{n} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No complaints target set for this period.</source>
        <translation>本期间未设投诉量指标。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other causes</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cumulative %</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Most frequent: {cause} ({share:.0%})</source>
        <translation>最多：{cause}（{share:.0%}）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Other channels</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Largest: {channel} ({share:.0%})</source>
        <translation>最多：{channel}（{share:.0%}）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{name} (left)</source>
        <translation>{name}（已离岗）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {n} with the most complaints of {total} staff.</source>
        <translation>{total} 名员工中投诉最多的 {n} 名。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Settled on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Share of complaints</source>
        <translation>占投诉比例</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Settled on the spot: {a} of {n}; escalated: {b} of {n}.</source>
        <translation>当场办结 {a}/{n} 件；升级 {b}/{n} 件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overdue, no reply</source>
        <translation>超时未答复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Met the agreed time: {share} ({met} met, {late} late, {overdue} overdue, {running} still running).</source>
        <translation>按约定时限答复：{share}（按时 {met} 件，逾时答复 {late} 件，超时未答复 {overdue} 件，未到期 {running} 件）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Median reply {took} h against {allowed} h allowed.</source>
        <translation>答复用时中位数 {took} 小时，约定时限中位数 {allowed} 小时。</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../desktop/analysis/dashboard_window.py" line="+28"/>
        <location line="+1"/>
        <source>Complaint analysis dashboard</source>
        <translation>投诉分析看板</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../desktop/handling/decision_dialog.py" line="+48"/>
        <source>Handling decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The decision states the findings, the basis and reasons, and every remedy open to the customer (CBIRC Art. 19). Keep proof of each notice to the customer (Art. 21).</source>
        <translation>处理决定应写明调查认定的事实、处理依据和理由，以及客户可以采取的全部救济途径（银保监会消费投诉处理办法第十九条）。每次告知客户都要留存凭证（第二十一条）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notify the customer</source>
        <translation>告知客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep proof of each notice to the customer: method, time, proof (Art. 21).</source>
        <translation>每次告知客户都要留存凭证：方式、时间、凭证（第二十一条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision of {time}: {findings}</source>
        <translation>{time} 的处理决定：{findings}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Findings</source>
        <translation>认定事实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Findings:</source>
        <translation>认定事实(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis and reasons</source>
        <translation>处理依据和理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Basis and reasons:</source>
        <translation>依据和理由(&amp;B)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remedies open:</source>
        <translation>救济途径：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell the customer of every remedy; all four are required (Art. 19).</source>
        <translation>须告知客户全部救济途径，四项缺一不可（第十九条）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note on remedies</source>
        <translation>救济途径说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note on &amp;remedies:</source>
        <translation>救济途径说明(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Notice to the customer</source>
        <translation>告知客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Notify the customer now</source>
        <translation>现在告知客户(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notice kind</source>
        <translation>告知事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice method</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice time</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proof of notice</source>
        <translation>告知凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery receipt, posting slip number, SMS or e-mail record, call log</source>
        <translation>签收回执、邮寄单号、短信或邮件记录、通话记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind:</source>
        <translation>事项(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Proof:</source>
        <translation>凭证(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../desktop/district/department_dialog.py" line="+22"/>
        <location line="+1"/>
        <source>Assign a department</source>
        <translation>指定牵头部门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department leading it</source>
        <translation>牵头处理部门</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PSBC counterpart</source>
        <translation>邮储银行同级部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where needed (Art. 11)</source>
        <translation>需要时填写（第十一条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it was refused</source>
        <translation>拒绝的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case {case_no} of outlet {outlet}</source>
        <translation>网点 {outlet} 的投诉 {case_no}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Department:</source>
        <translation>牵头部门(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PSBC counterpart:</source>
        <translation>邮储银行同级部门(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the department</source>
        <translation>保存牵头部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel without saving</source>
        <translation>不保存，取消</translation>
    </message>
</context>
<context>
    <name>DisputesDialog</name>
    <message>
        <location filename="../../desktop/management/disputes_dialog.py" line="+139"/>
        <location line="+1"/>
        <location line="+46"/>
        <source>Disputes and suggestions</source>
        <translation>纠纷与合理化建议</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Disputes</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record…</source>
        <translation>登记(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Convert to complaint…</source>
        <translation>转为投诉(&amp;C)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;ecord…</source>
        <translation>登记(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;status…</source>
        <translation>设置状态(&amp;S)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Disputes</source>
        <translation>纠纷登记(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;uggestions</source>
        <translation>合理化建议(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logs</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DistrictApp</name>
    <message>
        <location filename="../../desktop/district/app.py" line="+36"/>
        <source>The district database was upgraded by a newer version of this program; use that version.</source>
        <translation>县区分公司数据库已由本程序的较新版本升级，请使用该版本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The district database is at an older schema: upgrade it with &apos;complaint-desk district init&apos; first.</source>
        <translation>县区分公司数据库的结构版本较旧：请先用 “complaint-desk district init” 升级。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot connect to the district database.</source>
        <translation>无法连接县区分公司数据库。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The district is not set up in this database: run &apos;complaint-desk district init&apos; first.</source>
        <translation>该数据库尚未设立县区分公司：请先运行 “complaint-desk district init”。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Complaint Desk · District console</source>
        <translation>网点投诉处理台 · 县区分公司控制台</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>District database</source>
        <translation>县区分公司数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The district database (postgresql://USER@HOST:PORT/DBNAME):</source>
        <translation>县区分公司数据库（postgresql://用户@主机:端口/数据库名）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the district database</source>
        <translation>无法打开县区分公司数据库</translation>
    </message>
</context>
<context>
    <name>DistrictCaseDetailView</name>
    <message>
        <location filename="../../desktop/district/case_detail.py" line="+27"/>
        <source>Case detail</source>
        <translation>投诉详情</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a case to see it in full.</source>
        <translation>选择一件投诉以查看详情。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedy requested</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-ask owner</source>
        <translation>首问责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement</source>
        <translation>现场处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the outlet&apos;s bundle number</source>
        <translation>来自网点交换包编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Escalations</source>
        <translation>升级记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Timeline</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{time}, by {name}, to {level}</source>
        <translation>{time}，{name} 升级至{level}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not accepted by the district yet</source>
        <translation>县区分公司尚未受理</translation>
    </message>
</context>
<context>
    <name>DistrictCaseModel</name>
    <message>
        <location filename="../../desktop/district/case_model.py" line="+148"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case no.</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Overdue since {time}</source>
        <translation>已于 {time} 超期</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>DistrictFilterBar</name>
    <message>
        <location filename="../../desktop/district/filter_bar.py" line="+28"/>
        <source>Outlet filter</source>
        <translation>按网点筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Overdue</source>
        <translation>已超期(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only overdue cases</source>
        <translation>只看已超期的投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Urgent</source>
        <translation>紧急(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only urgent cases</source>
        <translation>只看紧急投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Escalated</source>
        <translation>已升级(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only escalated cases</source>
        <translation>只看已升级的投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search case no., customer, description (Ctrl+F)</source>
        <translation>搜索投诉编号、客户、投诉内容（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>All outlets</source>
        <translation>全部网点</translation>
    </message>
</context>
<context>
    <name>DistrictHandling</name>
    <message>
        <location filename="../../desktop/district/handling_text.py" line="+34"/>
        <source>Accepted {time} by {name}</source>
        <translation>{name} 于 {time} 受理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Department: {name}</source>
        <translation>牵头部门：{name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PSBC counterpart: {name}</source>
        <translation>邮储银行同级部门：{name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handling: {text}</source>
        <translation>处理情况：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result: {text}</source>
        <translation>处理结果：{text}</translation>
    </message>
</context>
<context>
    <name>DistrictReports</name>
    <message>
        <location filename="../../desktop/district/outlets_reports.py" line="+45"/>
        <source>District assessment report</source>
        <translation>区县分公司考核报告</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export the ledger across outlets</source>
        <translation>导出各网点投诉台账</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Wrote {n:,} cases of {year} to {file}; customer data is masked.</source>
        <translation>已将 {year} 年的 {n:,} 件投诉写入 {file}；客户信息已脱敏。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The ledger was not written:
{error}</source>
        <translation>台账未写入：
{error}</translation>
    </message>
</context>
<context>
    <name>DistrictTargetsDialog</name>
    <message>
        <location filename="../../desktop/district/targets_dialog.py" line="+66"/>
        <location line="+1"/>
        <location line="+80"/>
        <source>Outlets&apos; targets</source>
        <translation>各网点投诉控制指标</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>The most each count may reach in the period (a whole number) and the lowest callback satisfaction rate in percent, as the outlets set their own (Art. 5). A value for all outlets applies to every outlet without its own in that column. Leave a cell empty for no target.</source>
        <translation>与网点自设指标相同（第五条）：各项件数指标填写期间内允许的最大件数（整数），回访满意率填写最低百分比。“全部网点”一行的指标适用于该列未单独设定指标的每个网点。单元格留空表示不设指标。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All outlets</source>
        <translation>全部网点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Targets by outlet</source>
        <translation>各网点指标</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save targets</source>
        <translation>保存指标(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save targets</source>
        <translation>保存指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The targets typed for {period} are not saved. Discard them?</source>
        <translation>为 {period} 填写的目标尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Saved {n} targets of {period}.</source>
        <translation>已保存 {period} 的 {n} 项指标。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{outlet}, {metric}: </source>
        <translation>{outlet}，{metric}：</translation>
    </message>
</context>
<context>
    <name>DistrictWindow</name>
    <message>
        <location filename="../../desktop/district/main_window.py" line="+40"/>
        <source>District console</source>
        <translation>县区分公司控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District console — {name}</source>
        <translation>县区分公司控制台 — {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Console sections</source>
        <translation>控制台分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases of all outlets</source>
        <translation>各网点投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalations led (Art. 11)</source>
        <translation>牵头处理的升级投诉（第十一条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlets side by side</source>
        <translation>各网点对比</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database: {url} · Officer: {name}</source>
        <translation>数据库：{url} · 经办人：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database and officer</source>
        <translation>数据库和经办人</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import bundles…</source>
        <translation>导入交换包(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send bundle to outlet…</source>
        <translation>向网点发送交换包(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Watch an inbox folder…</source>
        <translation>监视收件文件夹(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cases of all outlets</source>
        <translation>各网点投诉(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Escalations led</source>
        <translation>牵头处理的升级投诉(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Work orders</source>
        <translation>工单(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outlets side by side</source>
        <translation>各网点对比(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language changes the next time the console starts.</source>
        <translation>下次启动控制台时切换语言。</translation>
    </message>
</context>
<context>
    <name>DistrictWorkOrderModel</name>
    <message>
        <location filename="../../desktop/district/workorder_model.py" line="+144"/>
        <source>Where it stands</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply by</source>
        <translation>回复时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>(not assigned)</source>
        <translation>（未分派）</translation>
    </message>
</context>
<context>
    <name>DistrictWorkOrders</name>
    <message>
        <location line="-129"/>
        <source>Not assigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To send down</source>
        <translation>待下发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent, awaiting reply</source>
        <translation>已下发，待回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue, no reply</source>
        <translation>已超时，未回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied on time</source>
        <translation>按时回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied late</source>
        <translation>超时回复</translation>
    </message>
</context>
<context>
    <name>Duty</name>
    <message>
        <location filename="../../desktop/management/duties.py" line="+18"/>
        <source>Manage the outlet&apos;s complaint targets for the year, quarter and month as the district branch requires; train and educate staff; analyse complaint quality; assess the outlet&apos;s complaints.</source>
        <translation>按区县分公司要求管理网点年度、季度、月度投诉指标；组织员工培训教育；开展投诉质量分析；对网点投诉进行考核。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Know the laws, regulations and supervisory rules, and the rules, processes, products and services, well enough to act on them.</source>
        <translation>熟练掌握法律法规、监管规定以及规章制度、业务流程、产品和服务，并能据以处理问题。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settle customer disputes on site quickly, before they become complaints.</source>
        <translation>及时在现场化解客户纠纷，防止演变为投诉。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handle complaints on site quickly, before they escalate.</source>
        <translation>及时在现场处理投诉，防止投诉升级。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer work orders from superior bodies within the time they allow.</source>
        <translation>在时限内办理上级机构转办的工单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Help superior bodies with work orders that may concern the outlet.</source>
        <translation>协助上级机构处理可能涉及本网点的工单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan callbacks to complaining customers, and call work-order customers back in person as a rule.</source>
        <translation>统筹安排投诉客户回访，工单客户原则上亲自回访。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm who is responsible for each liable complaint and deal with it under the superior rules.</source>
        <translation>对每件有责投诉认定责任人，并按上级规定处理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep order on the floor, direct customers and calm them, so complaints do not arise.</source>
        <translation>维护营业厅秩序，引导和安抚客户，避免产生投诉。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notice what upsets customers (long waits, transaction errors, attitude, poor communication) and help the head or the teller defuse it at once.</source>
        <translation>留意引起客户不满的情况（等候过久、业务差错、服务态度、沟通不畅），及时协助负责人或柜员化解。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Know the laws, regulations, rules, processes, products and services the job needs.</source>
        <translation>掌握岗位所需的法律法规、规章制度、业务流程、产品和服务。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step in to help with a dispute that has started, before it escalates.</source>
        <translation>纠纷发生后主动介入协助处理，防止事态升级。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report a complaint on the floor to the head straight away and help the head handle it.</source>
        <translation>营业厅内发生投诉时立即报告负责人，并协助负责人处理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handle superior work orders and make callbacks when the head assigns them.</source>
        <translation>按负责人安排办理上级工单并进行回访。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Help the head improve how the floor is run, and put forward suggestions.</source>
        <translation>协助负责人改进营业厅管理，提出改进建议。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Study the business and build skills, to cut disputes caused by errors or slowness.</source>
        <translation>加强业务学习、提高技能，减少因差错或办理缓慢引起的纠纷。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serve with the right attitude and skills, to avoid disputes caused by attitude, poor communication or mishandling.</source>
        <translation>以良好的服务态度和技能服务客户，避免因态度、沟通不畅或处置不当引发纠纷。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>See disputes and complaints coming; talk to the customer first, or tell the head.</source>
        <translation>预判纠纷和投诉苗头，先与客户沟通，或报告负责人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deal promptly with disputes arising from one&apos;s own transactions and enquiries.</source>
        <translation>及时处理本人办理业务和咨询中引起的纠纷。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>While keeping one&apos;s own counter running, help colleagues with disputes and complaints on the floor.</source>
        <translation>在保证本岗位正常营业的前提下，协助同事处理营业厅内的纠纷和投诉。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Help with callbacks to work-order customers when the head asks.</source>
        <translation>按负责人要求协助回访工单客户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>While the head is away, the acting head the head named holds the head&apos;s duties (Art. 5) until the head returns.</source>
        <translation>负责人不在岗期间，由负责人指定的现场负责人履行负责人职责（第五条），直至负责人返岗。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{article}: {duty}</source>
        <translation>{article}：{duty}</translation>
    </message>
</context>
<context>
    <name>EncryptionSetup</name>
    <message>
        <location filename="../../desktop/session/encryption_setup.py" line="+45"/>
        <source>Data not encrypted</source>
        <translation>数据未加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The outlet&apos;s data could not be encrypted and stays unencrypted:
{error}

The head can encrypt it later from the command line: complaint-desk encrypt --user and the head&apos;s employee number</source>
        <translation>网点数据未能加密，仍以未加密方式保存：
{error}

负责人可稍后在命令行加密：complaint-desk encrypt --user 负责人工号</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../desktop/exchange/enrolment_dialog.py" line="+43"/>
        <source>Enrolment file for the district</source>
        <translation>向区县分公司登记的文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+37"/>
        <source>Enrolment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the enrolment file</source>
        <translation>选择登记文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The head&apos;s password</source>
        <translation>负责人的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head&apos;s &amp;password:</source>
        <translation>负责人密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The district enrols the outlet from this file. The first time, the outlet&apos;s signing key is made and kept beside the database, wrapped by the head&apos;s password; the private key never leaves this PC. Read the fingerprint shown afterwards to the district by phone.</source>
        <translation>区县分公司根据这个文件登记本网点。第一次写出时会生成网点的签名密钥，保存在数据库旁，并由负责人的密码保护；私钥不会离开这台电脑。写出后请把显示的指纹通过电话读给区县分公司核对。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write file</source>
        <translation>写出文件(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the enrolment file</source>
        <translation>写出登记文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enrolment (*.json)</source>
        <translation>登记文件 (*.json)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the file to write.</source>
        <translation>请选择要写出的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the head&apos;s password.</source>
        <translation>请输入负责人的密码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not written. {reason}</source>
        <translation>未写出。{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote {file} for outlet {code} ({name}).

Fingerprint of the outlet&apos;s key:
{fingerprint}

Give the file to the district and read this fingerprint to them by phone when they enrol the outlet.</source>
        <translation>已为网点 {code}（{name}）写出 {file}。

网点密钥的指纹：
{fingerprint}

请把文件交给区县分公司，并在对方登记本网点时通过电话读出这个指纹供其核对。</translation>
    </message>
</context>
<context>
    <name>EscalationQueue</name>
    <message>
        <location filename="../../desktop/district/escalation_queue.py" line="+130"/>
        <source>Waiting to be accepted</source>
        <translation>待受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In hand</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result to send down</source>
        <translation>处理结果待下发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result sent down</source>
        <translation>处理结果已下发</translation>
    </message>
</context>
<context>
    <name>EscalationQueuePanel</name>
    <message>
        <location line="+15"/>
        <source>Which escalations</source>
        <translation>显示哪些升级投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet sent down</source>
        <translation>尚未下发结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalation queue</source>
        <translation>升级投诉队列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The selected escalation</source>
        <translation>所选的升级投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept the escalation</source>
        <translation>受理该升级投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign &amp;department…</source>
        <translation>指定牵头部门(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the department leading it</source>
        <translation>指定牵头处理部门</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record &amp;handling…</source>
        <translation>记录处理情况(&amp;H)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+136"/>
        <source>Record the handling</source>
        <translation>记录处理情况</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Record &amp;result…</source>
        <translation>记录处理结果(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the result to send down</source>
        <translation>记录待下发的处理结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No escalation waits here.</source>
        <translation>此处没有待处理的升级投诉。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case {case_no} of outlet {outlet} ({name}), escalated {time} by {by}</source>
        <translation>网点 {outlet}（{name}）的投诉 {case_no}，{by} 于 {time} 升级</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case status at the outlet: {status}</source>
        <translation>网点处的投诉状态：{status}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason given: {text}</source>
        <translation>升级理由：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result goes down in the next bundle to outlet {outlet} (with {n} item(s) in all waiting for it).</source>
        <translation>处理结果将随下一个发往网点 {outlet} 的交换包下发（共有 {n} 项待下发）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent down {time}</source>
        <translation>已于 {time} 下发</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refused</source>
        <translation>未能办理</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>How the department is handling it (replaces the earlier notes):</source>
        <translation>牵头部门的处理情况（替换之前的记录）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record the result</source>
        <translation>记录处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result of the escalation; it goes down to the outlet in the next bundle, and the outlet feeds it back to the customer (Art. 11):</source>
        <translation>升级投诉的处理结果；将随下一个交换包下发网点，由网点向客户反馈（第十一条）：</translation>
    </message>
</context>
<context>
    <name>EscalationTextDialog</name>
    <message>
        <location filename="../../desktop/district/escalation_text_dialog.py" line="+37"/>
        <source>Why it was refused</source>
        <translation>拒绝的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the text</source>
        <translation>保存内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel without saving</source>
        <translation>不保存，取消</translation>
    </message>
</context>
<context>
    <name>EscalationWizard</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="+94"/>
        <source>Escalate {case_no}</source>
        <translation>上报 {case_no}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation wizard</source>
        <translation>投诉上报向导</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to &amp;transfer</source>
        <translation>去转办(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Escalate</source>
        <translation>上报(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Complaint {case_no} · {customer}</source>
        <translation>投诉 {case_no} · {customer}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{head} takes charge of it as head: the reporting duty is met (Art. 10).</source>
        <translation>{head}以网点负责人身份亲自接手，报告义务已履行（第十条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reported to the head by {reporter}; received by {head}.</source>
        <translation>由 {reporter} 报告网点负责人，{head} 接收报告。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not escalated: the head takes it over within the outlet. Reply, transfer or agree a new reply time from the case view.</source>
        <translation>不向上级上报：由网点负责人在本网点内接手处理。请在投诉详情中回复、转办或重新约定回复时间。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Level: {level}, {department}</source>
        <translation>上报级别：{level}，{department}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With PSBC at the same level: {department}</source>
        <translation>协同同级邮储银行：{department}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacted {person} at {time}: {summary}</source>
        <translation>{time} 联系 {person}：{summary}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The outlet still owes: {plan}</source>
        <translation>网点仍需：{plan}</translation>
    </message>
</context>
<context>
    <name>ExchangeMenus</name>
    <message>
        <location filename="../../desktop/exchange/exchange_menu.py" line="+22"/>
        <source>&amp;Send bundle to the district…</source>
        <translation>向区县分公司报送交换包(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the signed bundle of the outlet&apos;s cases for the district branch</source>
        <translation>为区县分公司写出本网点投诉的签名交换包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import bundle from the &amp;district…</source>
        <translation>导入区县分公司下发的交换包(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the work orders, replies and escalation results the district sent</source>
        <translation>导入区县分公司下发的工单、回复和升级处理结果</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;District exchange</source>
        <translation>区县分公司数据交换(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write &amp;enrolment file…</source>
        <translation>写出登记文件(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file from which the district enrols this outlet and learns its key</source>
        <translation>区县分公司据以登记本网点并获知其密钥的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Trust the district&apos;s key…</source>
        <translation>信任区县分公司的密钥(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept bundles signed with the key in the district&apos;s public-key file</source>
        <translation>接收用区县分公司公钥文件中的密钥签名的交换包</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../desktop/kit/labels.py" line="+333"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt route</source>
        <translation>投诉来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>业务办理渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business type</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent triggers</source>
        <translation>紧急情形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedy requested</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-ask owner</source>
        <translation>首问责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement</source>
        <translation>现场处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed reply time</source>
        <translation>约定回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District branch</source>
        <translation>县区分公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head&apos;s name</source>
        <translation>网点负责人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head&apos;s employee number</source>
        <translation>网点负责人工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply time</source>
        <translation>回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact time</source>
        <translation>建立联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler&apos;s name</source>
        <translation>处理人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler&apos;s outlet</source>
        <translation>处理人所在网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other outlet</source>
        <translation>其他网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competent department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PSBC department</source>
        <translation>邮储银行部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person contacted</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was reported</source>
        <translation>报告内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback and tracking by the outlet</source>
        <translation>网点的反馈和跟踪安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>认定事实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis and reasons</source>
        <translation>处理依据和理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note on remedies</source>
        <translation>救济途径说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice time</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proof of notice</source>
        <translation>告知凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>批准单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved at</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval reference</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply by</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice method</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice kind</source>
        <translation>告知事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback method</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedy</source>
        <translation>救济途径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause kind</source>
        <translation>暂停事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation level</source>
        <translation>上报级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major reason</source>
        <translation>重大投诉情形</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer satisfied</source>
        <translation>客户是否满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liable or not</source>
        <translation>是否有责</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/cases/filter_bar.py" line="+65"/>
        <source>Status filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Severity filter</source>
        <translation>按紧急程度筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All severities</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cause filter</source>
        <translation>按投诉原因筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All causes</source>
        <translation>全部投诉原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First-ask owner filter</source>
        <translation>按首问责任人筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only overdue cases</source>
        <translation>只看已超期的投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases whose deadline has passed</source>
        <translation>已过期限仍未办结的投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases due today</source>
        <translation>只看今日到期的投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases whose deadline falls later today</source>
        <translation>期限在今天稍后到达的未办结投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Near deadline</source>
        <translation>临近时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases near their deadline</source>
        <translation>只看临近时限的投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases past the warning point of their deadline, not yet overdue</source>
        <translation>已过时限预警点、尚未超期的未办结投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mine</source>
        <translation>我负责的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only complaints I answer for</source>
        <translation>只看由我负责的投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complaints you answer for: as first-ask owner until a transfer is formal, then as handler (Art. 10); and those being transferred to you</source>
        <translation>由您负责的投诉：正式转办前为首问责任人，正式转办后为处理人（第十条）；以及正在转办给您的投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received from</source>
        <translation>受理日期从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by date received</source>
        <translation>按受理日期筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received from date</source>
        <translation>受理起始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received to date</source>
        <translation>受理截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search case no., customer, description</source>
        <translation>搜索投诉编号、客户、投诉内容</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset all filters</source>
        <translation>重置全部筛选条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every case again</source>
        <translation>重新显示全部投诉</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>All first-ask owners</source>
        <translation>全部首问责任人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <location filename="../../desktop/management/liability_dialog.py" line="+66"/>
        <source>&amp;Liable</source>
        <translation>有责(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liable</source>
        <translation>有责</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Not liable</source>
        <translation>无责(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not liable</source>
        <translation>无责</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Outcome:</source>
        <translation>认定结果：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Responsible staff and shares</source>
        <translation>责任人及责任比例</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share (%)</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add person</source>
        <translation>添加责任人(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add person</source>
        <translation>添加责任人</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Remove person</source>
        <translation>移除责任人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split &amp;equally</source>
        <translation>平均分配(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split equally</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sum of shares</source>
        <translation>比例合计</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Responsible:</source>
        <translation>责任人(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Basis</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duty or rule breached, e.g. Art. 7(2)</source>
        <translation>违反的职责或规定，如第七条第二项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Basis:</source>
        <translation>认定依据(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Cause:</source>
        <translation>投诉原因(&amp;C)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reasons</source>
        <translation>认定理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was found; for no liability, why not</source>
        <translation>查明的情况；无责时说明理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>R&amp;easons:</source>
        <translation>认定理由(&amp;E)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+157"/>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove evidence file</source>
        <translation>移除证据文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>E&amp;vidence:</source>
        <translation>证据(&amp;V)：</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Responsible staff member</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Share in percent</source>
        <translation>责任比例（百分比）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Total: {total} %</source>
        <translation>合计：{total} %</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/session/first_run.py" line="+55"/>
        <location line="+1"/>
        <source>First-run setup</source>
        <translation>首次使用设置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Welcome to Complaint Desk. Tell it which outlet it serves and who heads it. As the head you are the first person responsible for complaints at the outlet (Art. 5); you can add your staff afterwards.</source>
        <translation>欢迎使用网点投诉处理台。请填写本网点信息及网点负责人。网点负责人是本网点投诉管控和处理的第一责任人（第五条）；员工名单可在之后添加。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outlet &amp;name:</source>
        <translation>网点名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outlet name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outlet &amp;code:</source>
        <translation>网点代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. BJ0101</source>
        <translation>例如 BJ0101</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Letters, digits, - and _. It starts every case number.</source>
        <translation>限字母、数字、- 和 _，用作每个投诉编号的前缀。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;District branch:</source>
        <translation>所属县区分公司(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District branch</source>
        <translation>县区分公司</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outlet head</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head&apos;s na&amp;me:</source>
        <translation>负责人姓名(&amp;M)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Head&apos;s name</source>
        <translation>网点负责人姓名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Employee number:</source>
        <translation>员工编号(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head&apos;s employee number</source>
        <translation>网点负责人工号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Head&apos;s password</source>
        <translation>网点负责人的密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Repeat the password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the head&apos;s password</source>
        <translation>再次输入网点负责人的密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You log in with your employee number and this password. At least {n} characters, not only digits, not the employee number.</source>
        <translation>以后用您的工号和此密码登录。至少 {n} 个字符，不能全是数字，不能与工号相同。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>开始使用(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the outlet (Ctrl+Return)</source>
        <translation>创建网点（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The outlet could not be saved: {0}</source>
        <translation>网点信息未能保存：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="-167"/>
        <source>What the outlet still owes the customer</source>
        <translation>网点对客户的后续责任</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The district branch leads, but the outlet feeds the result back to the customer and keeps tracking the case (Art. 11).</source>
        <translation>由县区分公司牵头处理，但网点负责向客户反馈处理结果并持续跟踪（第十一条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Feedback and tracking plan</source>
        <translation>反馈和跟踪安排</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who keeps in touch with the customer, how often, and who feeds back the result</source>
        <translation>由谁与客户保持联系、多久联系一次、由谁反馈处理结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Feedback and tracking plan:</source>
        <translation>反馈和跟踪安排(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desktop/management/disputes_dialog.py" line="-404"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../desktop/help/user_guide.py" line="+325"/>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to do each task in Complaint Desk</source>
        <translation>网点投诉处理台各项操作的说明</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location line="-152"/>
        <source>Complaint Desk help</source>
        <translation>网点投诉处理台帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Help contents</source>
        <translation>帮助目录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Help page</source>
        <translation>帮助页面</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../desktop/session/idle_lock.py" line="+157"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>InboxDock</name>
    <message>
        <location filename="../../desktop/district/inbox_dock.py" line="+57"/>
        <location line="+1"/>
        <source>Inbox folder</source>
        <translation>收件文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The watched folder</source>
        <translation>监视中的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Choose folder…</source>
        <translation>选择文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the inbox folder</source>
        <translation>选择收件文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top watching</source>
        <translation>停止监视(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop watching the folder</source>
        <translation>停止监视该文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What became of each bundle</source>
        <translation>各交换包的处理结果</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Inbox folder</source>
        <translation>收件文件夹(&amp;I)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inbox folder for bundles</source>
        <translation>交换包收件文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No inbox folder is watched.</source>
        <translation>未监视任何收件文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{folder} cannot be read now; it is looked at again every few seconds.</source>
        <translation>暂时无法读取 {folder}；每隔几秒会再次查看。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Watching {folder}: bundles dropped there are imported, then moved into imported/ or refused/.</source>
        <translation>正在监视 {folder}：放入其中的交换包会被导入，然后移入 imported/ 或 refused/ 子文件夹。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The inbox could not be read: {error}</source>
        <translation>无法读取收件文件夹：{error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{file}: imported (outlet {outlet}, bundle number {seq}, {n} cases stored), moved into imported/</source>
        <translation>{file}：已导入（网点 {outlet}，第 {seq} 号交换包，保存投诉 {n} 件），已移入 imported/</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: already imported, nothing changed; moved into imported/</source>
        <translation>{file}：此前已导入，没有变化；已移入 imported/</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}: cut off, the copy stopped; left where it is until it changes. {reason}</source>
        <translation>{file}：文件不完整，复制已中断；在其发生变化之前留在原处。{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}: refused, nothing written; moved into refused/. {reason}</source>
        <translation>{file}：被拒收，未写入任何内容；已移入 refused/。{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It could not be moved aside ({detail}) and is not read again.</source>
        <translation>该文件无法移走（{detail}），不会再次读取。</translation>
    </message>
</context>
<context>
    <name>InlineErrors</name>
    <message>
        <location filename="../../desktop/kit/form_kit.py" line="+422"/>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
</context>
<context>
    <name>LevelPage</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="-118"/>
        <source>Which level?</source>
        <translation>上报到哪一级？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The district branch&apos;s competent department leads what the outlet cannot settle; where needed, together with PSBC at the same level (Art. 11).</source>
        <translation>网点不能自行处理的投诉由县区分公司主管部门牵头解决，必要时协同同级邮储银行（第十一条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Escalation level</source>
        <translation>上报级别</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Competent department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. the district branch&apos;s service office</source>
        <translation>例如：县区分公司服务管理部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Together with &amp;PSBC at the same level</source>
        <translation>协同同级邮储银行(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Together with PSBC at the same level</source>
        <translation>协同同级邮储银行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PSBC department</source>
        <translation>邮储银行部门</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Competent &amp;department:</source>
        <translation>主管部门(&amp;D)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PSBC d&amp;epartment:</source>
        <translation>邮储银行部门(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>LiabilityDialog</name>
    <message>
        <location filename="../../desktop/management/liability_dialog.py" line="+57"/>
        <source>Determine liability</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The head, or the acting head while named, confirms whether the outlet was at fault and, if so, who is responsible and for what share (Art. 5(8)).</source>
        <translation>由负责人（或在指定期间内的现场负责人）认定网点是否有责；有责时确定责任人及责任比例（第五条第八项）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Determined by</source>
        <translation>认定人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Determined by:</source>
        <translation>认定人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of determination</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>LiabilityReviewDialog</name>
    <message>
        <location filename="../../desktop/management/liability_review_dialog.py" line="+47"/>
        <source>Review liability determination</source>
        <translation>复核责任认定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original determination is kept unchanged; the review is recorded with its outcome and reason.</source>
        <translation>原认定保持不变；复核结果及理由另行记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Original finding</source>
        <translation>原认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original:</source>
        <translation>原认定：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outcome:</source>
        <translation>复核结果(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the review</source>
        <translation>复核理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>复核理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New finding (for a changed or overturned determination), starting from the current one:</source>
        <translation>新认定（变更或推翻原认定时填写），以现行认定为起点：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the review changes</source>
        <translation>复核变更的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes:</source>
        <translation>变更内容：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Penalties:</source>
        <translation>处罚(&amp;P)：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No penalty was applied under the current determination.</source>
        <translation>现行认定下没有处罚。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalties</source>
        <translation>处罚</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: {points} points, ¥{amount}; {measures}</source>
        <translation>{name}：扣 {points} 分，¥{amount}；{measures}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Penalty</source>
        <translation>处罚</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What becomes of the penalty of {name}</source>
        <translation>{name}的处罚如何处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry over to the new finding</source>
        <translation>延续至新认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing changed yet: edit the finding below.</source>
        <translation>尚未变更：请在下方修改认定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Liable or not</source>
        <translation>认定结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible staff and shares</source>
        <translation>责任人及比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>认定理由</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Liable</source>
        <translation>有责</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Date of review</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No determination yet.</source>
        <translation>尚未认定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+113"/>
        <source>Not liable</source>
        <translation>无责</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Liable: {people}</source>
        <translation>有责：{people}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{head}. Cause: {cause}. Basis: {basis}. Reasons: {reasons}</source>
        <translation>{head}。原因：{cause}。依据：{basis}。理由：{reasons}</translation>
    </message>
</context>
<context>
    <name>LinkCaseDialog</name>
    <message>
        <location filename="../../desktop/workorders/link_case_dialog.py" line="+70"/>
        <source>Link work order {number} to a complaint</source>
        <translation>将工单 {number} 关联到投诉</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search complaints</source>
        <translation>搜索投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case no., customer, description</source>
        <translation>投诉编号、客户、描述</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open complaints</source>
        <translation>未办结的投诉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Link</source>
        <translation>关联(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{source} · {number} · {customer}</source>
        <translation>{source} · {number} · {customer}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A work order from the regulator makes the complaint urgent (Q/PSBC 0004-2014): it must be reported to the head at once.</source>
        <translation>监管部门转来的工单会使该投诉成为紧急投诉（Q/PSBC 0004—2014），须立即报告网点负责人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search open complaints:</source>
        <translation>搜索未办结的投诉(&amp;S)：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>selected in the list</source>
        <translation>列表中已选中</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{case_no} · {customer} · {received} · {status}</source>
        <translation>{case_no} · {customer} · {received} · {status}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The work order could not be linked: {error}</source>
        <translation>工单未能关联：{error}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/session/login_dialog.py" line="+66"/>
        <source>Session locked</source>
        <translation>会话已锁定</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+37"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The session was locked after a time without use. Enter your password to go on; someone else must close the program and log in themselves.</source>
        <translation>长时间未操作，会话已锁定。请输入您的密码继续；其他人须关闭程序后用自己的账号登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log in with your employee number and password.</source>
        <translation>请用工号和密码登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Employee number:</source>
        <translation>工号(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the program</source>
        <translation>关闭程序</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Forgot the password? Use the recovery key…</source>
        <translation>忘记密码？使用恢复密钥(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the recovery key</source>
        <translation>使用恢复密钥</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose your own password to go on.</source>
        <translation>请设置您自己的密码后继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="+289"/>
        <source>Complaint {case_no} registered</source>
        <translation>投诉 {case_no} 已登记</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register a complaint a customer has just made</source>
        <translation>登记客户刚刚提出的投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Due today / overdue</source>
        <translation>今日到期 / 已超期(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only open complaints that are overdue or due today</source>
        <translation>只显示已超期或今日到期的未办结投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;All complaints</source>
        <translation>全部投诉(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Complaint Desk</source>
        <translation>关于网点投诉处理台(&amp;A)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outlet</source>
        <translation>网点(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Complaints listed</source>
        <translation>列表中的投诉数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlet: {name} ({code}) — head: {head}</source>
        <translation>网点：{name}（{code}）— 负责人：{head}</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Loading the details…</source>
        <translation>正在载入详情…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint details</source>
        <translation>投诉详情</translation>
    </message>
    <message>
        <location line="+274"/>
        <source>Complaint Desk — {outlet}</source>
        <translation>网点投诉处理台 — {outlet}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} [demo data]</source>
        <translation>{title} [演示数据]</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Listed: {count}</source>
        <translation>列表：{count} 条</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies after Complaint Desk is restarted.</source>
        <translation>新的语言将在重新启动网点投诉处理台后生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Complaint Desk</source>
        <translation>关于网点投诉处理台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Complaint Desk {version}&lt;/h3&gt;&lt;p&gt;Records and tracks on-site customer complaints at a postal financial outlet, from receipt to closing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;网点投诉处理台 {version}&lt;/h3&gt;&lt;p&gt;登记并跟踪邮政金融网点的现场客户投诉，从受理直至办结。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManagementMenus</name>
    <message>
        <location filename="../../desktop/management/management_menu.py" line="+28"/>
        <source>&amp;Staff…</source>
        <translation>员工(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roster, duties and records of the staff</source>
        <translation>员工名册、岗位职责和履职记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Training…</source>
        <translation>培训(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training sessions, histories and who is behind</source>
        <translation>培训记录、个人培训履历及培训欠缺人员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Penalty scale…</source>
        <translation>处罚标准(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points, amounts and measures per cause and severity</source>
        <translation>按投诉原因和严重程度设定的扣分、金额和措施</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../desktop/cases/new_case.py" line="+86"/>
        <location line="+1"/>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the complaint (Ctrl+Return)</source>
        <translation>保存投诉（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving (Esc)</source>
        <translation>不保存并关闭（Esc）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Receipt and classification</source>
        <translation>受理与分类</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Received at:</source>
        <translation>受理时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt route</source>
        <translation>投诉来源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receipt rout&amp;e:</source>
        <translation>受理渠道(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>业务办理渠道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hannel:</source>
        <translation>投诉渠道(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business type</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Business type:</source>
        <translation>业务类型(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;use:</source>
        <translation>投诉原因(&amp;U)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ur&amp;gent triggers</source>
        <translation>紧急情形(&amp;G)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any one of these makes it urgent (Q/PSBC 0004-2014).</source>
        <translation>符合任一情形即为紧急投诉（Q/PSBC 0004—2014）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Responsibility</source>
        <translation>责任</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First-ask owner</source>
        <translation>首问责任人</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>First-as&amp;k owner:</source>
        <translation>首问责任人(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First-ask owner: the staff member the customer asked first (Art. 10)</source>
        <translation>首问责任人：客户最先询问的员工（第十条）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer and complaint</source>
        <translation>客户与投诉内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer &amp;name:</source>
        <translation>客户姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ph&amp;one:</source>
        <translation>联系电话(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remedy requested</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the customer asks for</source>
        <translation>客户提出的诉求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;medy requested:</source>
        <translation>客户诉求(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happened, in the customer&apos;s words and yours</source>
        <translation>事情经过：客户所述及我方了解的情况</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Description:</source>
        <translation>投诉内容(&amp;D)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settle on the spot if you can; otherwise agree a reply time with the customer and reply by then (Art. 10).</source>
        <translation>能当场处理的当即处理；不能的，与客户约定回复时间并按时回复（第十条）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sett&amp;led on the spot</source>
        <translation>当场处理完毕(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled on the spot</source>
        <translation>现场处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agreed reply time</source>
        <translation>约定回复时间(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Agreed reply time</source>
        <translation>约定回复时间</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Settlement</source>
        <translation>现场处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How it was settled</source>
        <translation>处理经过及结果</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Ticked because the complaint was forwarded by a regulator: that receipt route is itself an urgent trigger (Q/PSBC 0004-2014).</source>
        <translation>已自动勾选：该投诉由监管部门转办，此受理渠道本身即属紧急投诉情形（Q/PSBC 0004—2014）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Severity: {0}</source>
        <translation>严重程度：{0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} 字</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The complaint could not be saved: {0}</source>
        <translation>投诉未能保存：{0}</translation>
    </message>
</context>
<context>
    <name>OutletFiguresModel</name>
    <message>
        <location filename="../../desktop/district/outlets_model.py" line="+180"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liable</source>
        <translation>有责</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied on time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied late</source>
        <translation>超时答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreplied, overdue</source>
        <translation>逾期未答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback satisfaction</source>
        <translation>回访满意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets missed</source>
        <translation>未达标目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle</source>
        <translation>最近报送</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaints received in the period</source>
        <translation>本期间受理的投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of those, still open</source>
        <translation>其中尚未办结的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of those, open past the deadline the outlet stated</source>
        <translation>其中已过网点所定期限仍未办结的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of those, sent up at least once (Art. 10, 11)</source>
        <translation>其中至少上报过一次的（第十条、第十一条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of those, found liable by the current determination (Art. 5)</source>
        <translation>其中现行责任认定为有责的（第五条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders the district sent down, received in the period</source>
        <translation>区县分公司下发、本期间收到的工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callbacks made in the period that reached the customer: satisfied or basically satisfied</source>
        <translation>本期间联系上客户的回访中，满意或基本满意的比例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The district&apos;s targets for the period that were missed</source>
        <translation>区县分公司为本期间所设目标中未达标的项数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the outlet&apos;s last bundle was imported</source>
        <translation>网点最近一个交换包的导入时间</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{missed} of {n}</source>
        <translation>{n} 项中 {missed} 项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never</source>
        <translation>从未报送</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This outlet has never sent a bundle.</source>
        <translation>该网点从未报送交换包。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No bundle for more than {n} days.</source>
        <translation>已超过 {n} 天未报送交换包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{satisfied} of {answered} callbacks with a result</source>
        <translation>有结果的回访 {answered} 次，满意 {satisfied} 次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{metric}: target {target:g}, actual {actual}, {mark}</source>
        <translation>{metric}：目标 {target:g}，实际 {actual}，{mark}</translation>
    </message>
</context>
<context>
    <name>OutletMenus</name>
    <message>
        <location filename="../../desktop/workorders/workorders_ui.py" line="+220"/>
        <source>&amp;Import work orders…</source>
        <translation>导入工单(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import superior work orders from a CSV or XLSX file</source>
        <translation>从 CSV 或 XLSX 文件导入上级工单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rule settings…</source>
        <translation>规则设置(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limits and thresholds of the handling rules, with their sources</source>
        <translation>处理规则的时限和阈值，并注明依据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Working-day calendar…</source>
        <translation>工作日历(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holidays and make-up working days, per year</source>
        <translation>各年度的节假日与调休上班日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Acting head…</source>
        <translation>现场负责人(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name who holds the head&apos;s duties while the head is away (Art. 8)</source>
        <translation>指定网点负责人离开期间代行其职责的人员（第八条）</translation>
    </message>
</context>
<context>
    <name>OutletsPanel</name>
    <message>
        <location filename="../../desktop/district/outlets_panel.py" line="+88"/>
        <source>Outlets side by side</source>
        <translation>各网点对比</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figure compared</source>
        <translation>对比指标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Compare by:</source>
        <translation>对比指标(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlets compared</source>
        <translation>各网点对比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days without a bundle</source>
        <translation>未报送天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No bundle for &amp;more than:</source>
        <translation>超过以下天数未报送(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silent outlets</source>
        <translation>未报送网点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of silent outlets</source>
        <translation>未报送网点数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assessment report…</source>
        <translation>考核报告(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print or save the assessment report</source>
        <translation>打印或保存考核报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;ledger…</source>
        <translation>导出台账(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the ledger across outlets</source>
        <translation>导出各网点投诉台账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Targets…</source>
        <translation>投诉控制指标(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the outlets&apos; targets</source>
        <translation>设定各网点指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The district&apos;s targets for each outlet or for all outlets (Art. 5)</source>
        <translation>区县分公司为各网点或全部网点设定的投诉控制指标（第五条）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The period&apos;s figures of every outlet as a PDF, with signature lines</source>
        <translation>各网点本期间数据的 PDF 报告，附签字栏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every case of the year, one row each, as an Excel workbook (masked)</source>
        <translation>本年度全部投诉，每件一行，导出为 Excel 工作簿（已脱敏）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outlets that have sent nothing</source>
        <translation>未报送数据的网点</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The district holds no targets for this period: no target column.</source>
        <translation>区县分公司未设本期间目标，不显示目标列。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Complaints</source>
        <translation>投诉件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liable</source>
        <translation>有责</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied on time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied late</source>
        <translation>超时答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreplied, overdue</source>
        <translation>逾期未答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback satisfaction (%)</source>
        <translation>回访满意率（%）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No data for this period</source>
        <translation>本期间暂无数据</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The {n} highest outlets.</source>
        <translation>数值最高的 {n} 个网点。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{code} {name}: never sent a bundle</source>
        <translation>{code} {name}：从未报送交换包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{code} {name}: {days} days since its last bundle ({time})</source>
        <translation>{code} {name}：距最近一次报送已 {days} 天（{time}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} outlets silent</source>
        <translation>{n} 个网点未报送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every outlet sent a bundle in the last {n} days.</source>
        <translation>各网点最近 {n} 天内均已报送交换包。</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../desktop/session/change_password_dialog.py" line="-86"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Repeat it:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At least {n} characters, not only digits, not the employee number.</source>
        <translation>至少 {n} 个字符，不能全是数字，不能与工号相同。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../desktop/handling/pause_dialog.py" line="+46"/>
        <source>Decision clock</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The handling decision is due 15 days after receipt (CBIRC Art. 18). Outside appraisal and mediation do not count (Art. 18, 23); a complex case may be extended, the customer told each time (Art. 21).</source>
        <translation>处理决定应在受理后 15 日内作出（银保监会消费投诉处理办法第十八条）。外部鉴定和调解的时间不计入（第十八条、第二十三条）；复杂情况可以延长，每次都要告知客户（第二十一条）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Pause: outside appraisal or mediation begins</source>
        <translation>暂停(&amp;P)：开始外部鉴定或调解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume: the appraisal or mediation is over</source>
        <translation>恢复(&amp;R)：鉴定或调解已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Extend to 30 days (complex case)</source>
        <translation>延长至 30 日（情况复杂）(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extend by 30 &amp;more days (approved by a higher office)</source>
        <translation>再延长 30 日（经上级机构批准）(&amp;M)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pause kind</source>
        <translation>暂停事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved by</source>
        <translation>批准单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The higher office that approved</source>
        <translation>批准的上级机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved at</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approval reference</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Customer told by</source>
        <translation>告知客户方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer told at</source>
        <translation>告知客户时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proof of notice</source>
        <translation>告知凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What proves the customer was told</source>
        <translation>证明已告知客户的凭证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kind:</source>
        <translation>事由(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Started at:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended &amp;at:</source>
        <translation>结束时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rea&amp;son:</source>
        <translation>原因(&amp;S)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved &amp;by:</source>
        <translation>批准单位(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appro&amp;ved at:</source>
        <translation>批准时间(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval re&amp;f.:</source>
        <translation>批准文号(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer &amp;told by:</source>
        <translation>告知方式(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer told o&amp;n:</source>
        <translation>告知时间(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Proof:</source>
        <translation>凭证(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>PenaltyDialog</name>
    <message>
        <location filename="../../desktop/management/penalty_dialog.py" line="+131"/>
        <source>Penalties</source>
        <translation>处罚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale: {label}</source>
        <translation>处罚标准：{label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Example scale — replace with your district&apos;s</source>
        <translation>示例标准——请替换为本区县分公司的标准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scale proposes a penalty for each responsible person by their share; a different penalty needs a reason.</source>
        <translation>系统按处罚标准和责任比例为每位责任人提出处罚建议；与建议不同时须说明理由。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Every responsible person already has a penalty.</source>
        <translation>所有责任人均已处罚。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no liable determination, so there is nothing to penalise.</source>
        <translation>没有有责认定，无需处罚。</translation>
    </message>
</context>
<context>
    <name>PenaltyScaleDialog</name>
    <message>
        <location filename="../../desktop/management/penalty_scale_dialog.py" line="+56"/>
        <location line="+1"/>
        <location line="+12"/>
        <source>Penalty scale</source>
        <translation>处罚标准</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Scale status</source>
        <translation>标准状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the scale</source>
        <translation>标准名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source of the scale</source>
        <translation>标准来源</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+89"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+94"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+98"/>
        <source>Points</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+101"/>
        <source>Yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>&amp;Add row</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move row</source>
        <translation>删除行(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset to the &amp;example</source>
        <translation>恢复示例标准(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset to the example</source>
        <translation>恢复示例标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entries:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+9"/>
        <location line="+50"/>
        <source>Example scale — replace with your district&apos;s</source>
        <translation>示例标准——请替换为本区县分公司的标准</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>The outlet&apos;s own scale.</source>
        <translation>本网点使用的处罚标准。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This program&apos;s example: the rules&apos; penalty chapter is not available</source>
        <translation>本程序提供的示例：细则的惩处章节暂缺</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Any cause</source>
        <translation>任意原因</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../desktop/analysis/period_picker.py" line="+36"/>
        <source>Period kind</source>
        <translation>期间类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quarter or month</source>
        <translation>季度或月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Q{n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} mo.</source>
        <translation>{n}月</translation>
    </message>
</context>
<context>
    <name>PersonPenalty</name>
    <message>
        <location filename="../../desktop/management/penalty_dialog.py" line="-113"/>
        <source>{name} — share {share} %</source>
        <translation>{name}——责任比例 {share} %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scale proposes: {points} points, ¥{amount}; {measures}</source>
        <translation>标准建议：扣 {points} 分，¥{amount}；{measures}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proposal</source>
        <translation>处罚建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Points:</source>
        <translation>扣分：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measures:</source>
        <translation>措施：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reason for the change</source>
        <translation>调整理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required when the penalty differs</source>
        <translation>与建议不同时必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The penalty differs from the scale: give a reason.</source>
        <translation>处罚与标准建议不同，请说明理由。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/kit/i18n.py" line="+32"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueryOp</name>
    <message>
        <location filename="../../desktop/kit/worker.py" line="+154"/>
        <source>Complaint Desk</source>
        <translation>网点投诉处理台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operation failed:
{error}</source>
        <translation>操作失败：
{error}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../desktop/district/escalation_queue.py" line="-226"/>
        <source>Where it stands</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case no.</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated by</source>
        <translation>升级人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>牵头部门</translation>
    </message>
</context>
<context>
    <name>RecordDisputeDialog</name>
    <message>
        <location filename="../../desktop/management/disputes_dialog.py" line="+73"/>
        <source>Record a dispute</source>
        <translation>登记纠纷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;When:</source>
        <translation>发生时间(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Handled by:</source>
        <translation>处理人(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;What happened:</source>
        <translation>经过(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;ause:</source>
        <translation>原因(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note on the outcome</source>
        <translation>结果备注</translation>
    </message>
</context>
<context>
    <name>RecordSuggestionDialog</name>
    <message>
        <location line="+122"/>
        <source>Record a suggestion</source>
        <translation>登记合理化建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Proposed by:</source>
        <translation>提出人(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Proposed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;On:</source>
        <translation>日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Suggestion:</source>
        <translation>建议内容(&amp;S)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Suggestion</source>
        <translation>建议内容</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../desktop/session/recover_dialog.py" line="+45"/>
        <source>Recover the head&apos;s password</source>
        <translation>恢复负责人的密码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the recovery key the head was shown and kept when the outlet&apos;s data was encrypted, and the head&apos;s new password. Wrong recovery keys are counted and lock like wrong passwords.</source>
        <translation>请输入网点数据加密时向负责人显示并由其保管的恢复密钥，以及负责人的新密码。输错的恢复密钥会被计数，并像输错密码一样导致锁定。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recovery key:</source>
        <translation>恢复密钥(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Set the new password</source>
        <translation>设置新密码(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the recovery key.</source>
        <translation>请输入恢复密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} ({number}) logs in with the new password now.</source>
        <translation>{name}（{number}）现在可以用新密码登录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The outlet&apos;s signing key for the district&apos;s bundles stays sealed by the old password: write a new enrolment file (Settings → District exchange) and send it to the district branch, which enrols the new key.</source>
        <translation>用于区县分公司交换包的网点签名密钥仍由旧密码保护：请重新写出登记文件（设置 → 区县分公司数据交换），交给区县分公司登记新密钥。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../desktop/session/recovery_key_dialog.py" line="+37"/>
        <location line="+16"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The outlet&apos;s data is now encrypted on this computer. Your password opens it, and so does this recovery key, which is shown only now. If every password is forgotten, nothing else can open the data: write the key down or print it, and keep it locked away from the computer.</source>
        <translation>本机上的网点数据现已加密。您的密码可以打开它，这个恢复密钥也可以，而恢复密钥只在此刻显示一次。如果所有密码都忘记了，别无他法打开数据：请抄下或打印这个密钥，并锁好保管，不要和电脑放在一起。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>I have written down or printed the recovery key and will keep it safe.</source>
        <translation>我已抄下或打印恢复密钥，并会妥善保管。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the recovery key</source>
        <translation>打印恢复密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Complaint Desk: recovery key</source>
        <translation>网点投诉处理台：恢复密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It opens the encrypted data when every password is forgotten. Keep it locked away from the computer.</source>
        <translation>所有密码都忘记时，可用它打开加密的数据。请锁好保管，不要和电脑放在一起。</translation>
    </message>
</context>
<context>
    <name>RepeatDialog</name>
    <message>
        <location filename="../../desktop/handling/repeat_dialog.py" line="+35"/>
        <source>Repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same matter from the same customer again. Link it to the earlier case, or merge it into that case (head or acting head). A repeat complaint is urgent (Q/PSBC 0004-2014).</source>
        <translation>同一客户就同一事项再次投诉。可关联到先前的投诉，或合并到先前的投诉（由网点负责人或现场负责人操作）。重复投诉属紧急投诉（Q/PSBC 0004—2014）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Earlier case number</source>
        <translation>先前投诉编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case number of the earlier case</source>
        <translation>先前投诉的编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Earlier case:</source>
        <translation>先前投诉(&amp;E)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Link: both stay open</source>
        <translation>关联(&amp;L)：两件投诉都继续处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge into the earlier case: this one closes</source>
        <translation>合并到先前投诉(&amp;M)：本投诉办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+26"/>
        <source>No complaint has this number.</source>
        <translation>没有这个编号的投诉。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{customer}, received {time}, {status}</source>
        <translation>{customer}，{time} 受理，{status}</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../desktop/handling/reply_dialog.py" line="+36"/>
        <source>Feed back the result</source>
        <translation>反馈处理结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The district branch leads an escalated complaint, but the outlet gives the customer the result and keeps tracking it (Art. 11).</source>
        <translation>上报的投诉由县区分公司牵头处理，但由网点向客户反馈处理结果并持续跟踪（第十一条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reply to the customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply by the agreed time. Write down what the customer was told.</source>
        <translation>请在约定时间内回复，并记录回复客户的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Given by</source>
        <translation>回复人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given by:</source>
        <translation>回复人(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the customer was told</source>
        <translation>回复客户的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Content:</source>
        <translation>内容(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Satisfied</source>
        <translation>满意(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer satisfied</source>
        <translation>客户满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not satisfied</source>
        <translation>不满意(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer not satisfied</source>
        <translation>客户不满意</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If the customer is not satisfied, the case must be reported to the head or acting head before anything else happens (Art. 10).</source>
        <translation>客户不满意的，须先报告网点负责人或现场负责人，之后才能进行其他处理（第十条）。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/handling/report_dialog.py" line="+36"/>
        <source>Nobody: I take charge of it myself</source>
        <translation>无人报告：由我亲自接手</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Take charge</source>
        <translation>亲自接手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As head or acting head you take charge of the complaint yourself: that meets the reporting duty (Art. 5, 10), and nobody reports to you. If a member of staff reported it to you, choose them instead. A pending transfer is cancelled: you decide anew.</source>
        <translation>您以网点负责人或现场负责人身份亲自接手这件投诉，即已履行报告义务（第五条、第十条），无须有人向您报告。如是某位员工向您报告的，请改选该员工。待确认的转办将被取消，由您重新决定。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report to the head</source>
        <translation>报告网点负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report the complaint to the head, or to the acting head while the head is away (Art. 8, 10). A pending transfer is cancelled: the head decides anew.</source>
        <translation>向网点负责人报告投诉，网点负责人不在时向现场负责人报告（第八条、第十条）。待确认的转办将被取消，由网点负责人重新决定。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{intro}

Why it must be reported now: {reason}.</source>
        <translation>{intro}

须立即报告的原因：{reason}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported &amp;by:</source>
        <translation>报告人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Received by:</source>
        <translation>接收人(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was reported (optional)</source>
        <translation>报告内容（选填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../desktop/printing/report_preview.py" line="+92"/>
        <source>Report preview</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generating the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generating the report</source>
        <translation>正在生成报告</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the outlet head, the lobby manager and the operations supervisor may save reports to a file. Printing is open to everyone.</source>
        <translation>只有网点负责人、大堂经理和营业主管可以将报告保存为文件。所有人都可以打印。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit width</source>
        <translation>适合宽度(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page count</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The generated PDF could not be opened.</source>
        <translation>生成的 PDF 无法打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pages: {count}</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+5"/>
        <location line="+15"/>
        <source>Save report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The report could not be saved:
{error}</source>
        <translation>报告无法保存：
{error}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The report could not be generated:
{error}</source>
        <translation>报告无法生成：
{error}</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <location filename="../../desktop/printing/reports_menu.py" line="+109"/>
        <source>&amp;Incident report of the selected complaint…</source>
        <translation>所选投诉的事件报告(&amp;I)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview, print or save the incident report of the selected complaint</source>
        <translation>预览、打印或保存所选投诉的事件报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Escalation report of the selected complaint…</source>
        <translation>所选投诉的升级报告(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview, print or save what was sent up to the district branch</source>
        <translation>预览、打印或保存上报县区分公司的升级报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Assessment report…</source>
        <translation>考核报告(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Targets, liable complaints, callbacks and training of a year, quarter or month</source>
        <translation>某年、季度或月份的目标完成、有责投诉、回访与培训情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complaint &amp;ledger (XLSX)…</source>
        <translation>投诉台账（XLSX）(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the register of a year&apos;s complaints as an Excel workbook</source>
        <translation>将一年的投诉登记保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Verify a report…</source>
        <translation>核验报告(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that a saved or printed report still matches the database</source>
        <translation>核对已保存或已打印的报告是否仍与数据库一致</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Only the outlet head, the lobby manager and the operations supervisor may save the ledger or reports to a file.</source>
        <translation>只有网点负责人、大堂经理和营业主管可以将台账或报告保存为文件。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Escalation report {case_no}</source>
        <translation>投诉升级报告 {case_no}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Assessment report {period}</source>
        <translation>考核报告 {period}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Incident report {case_no}</source>
        <translation>投诉事件报告 {case_no}</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+69"/>
        <source>Complaint ledger</source>
        <translation>投诉台账</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Year of the complaints received:</source>
        <translation>受理投诉的年份：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save complaint ledger as</source>
        <translation>投诉台账另存为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the ledger of {year}…</source>
        <translation>正在生成 {year} 年投诉台账…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writing the ledger</source>
        <translation>正在生成投诉台账</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ledger of {count} complaints saved to {path} ({seconds} s)</source>
        <translation>已将 {count} 件投诉的台账保存到 {path}（用时 {seconds} 秒）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The ledger could not be written:
{error}</source>
        <translation>投诉台账无法生成：
{error}</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../desktop/settings/rules_dialog.py" line="+56"/>
        <source>Handling decision, simple case</source>
        <translation>处理决定（一般投诉）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extended, complex case</source>
        <translation>延长（复杂投诉）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further extension, especially complex</source>
        <translation>再延长（特别复杂投诉）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer may ask for a review</source>
        <translation>客户申请复核期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review decided</source>
        <translation>复核决定期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact with the customer</source>
        <translation>首次联系客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution proposed</source>
        <translation>提出解决方案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Near-deadline highlight</source>
        <translation>临近时限提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major group complaint</source>
        <translation>重大群体性投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period ending on a rest day</source>
        <translation>期限末日为休息日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handling decision due this many days after receipt.</source>
        <translation>自受理之日起在该天数内作出处理决定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A complex case may be extended to this many days, with a reason and the customer told.</source>
        <translation>情况复杂的，可延长至该天数，须记录理由并告知客户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An especially complex case may be extended by this many more days, approved by a higher office, with the customer told.</source>
        <translation>情况特别复杂的，经上级机构批准可再延长该天数，并告知客户。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The customer may ask for a review within this many days of the decision.</source>
        <translation>客户可在处理决定作出后该天数内申请复核。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A review is decided within this many days of the request.</source>
        <translation>自收到复核申请之日起在该天数内作出复核决定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First contact with the customer after a complaint that did not arrive in person or by phone.</source>
        <translation>非现场、非电话受理的投诉，须在该时限内首次联系客户。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A solution is proposed to the customer within this many hours (1 day).</source>
        <translation>在该小时数（1 天）内向客户提出解决方案。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A case is highlighted once this share of a clock&apos;s time is used.</source>
        <translation>时限已用去该比例时，投诉即被突出显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A group complaint of this many people or more is major.</source>
        <translation>达到该人数及以上的群体性投诉为重大投诉。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A period counted in days ends on the next working day when its last day is a rest day or holiday.</source>
        <translation>按日计算的期间，末日为休息日或法定节假日的，以其后的第一个工作日为期间末日。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CBIRC Order 2020 No. 3 (银行业保险业消费投诉处理管理办法)</source>
        <translation>《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provincial practice reported in 中国邮政报, 2022-03-15</source>
        <translation>《中国邮政报》2022-03-15 报道的省内做法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This program&apos;s default</source>
        <translation>本程序默认值</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{document}, {articles}</source>
        <translation>{document}{articles}</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Civil Code of the PRC</source>
        <translation>《中华人民共和国民法典》</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Work order without a reply-by: internal limit</source>
        <translation>未注明回复时限的工单：内部时限</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The outlet&apos;s or district&apos;s internal limit for replying to a work order that states no reply-by; never later than the complaint&apos;s handling-decision deadline. (The 7 working days of CBIRC Art. 33 are the regulator&apos;s time to forward a complaint, not this limit.)</source>
        <translation>网点或县区分公司对未注明回复时限的工单规定的内部回复时限，最迟不超过该投诉的处理决定期限。（银保监会消费投诉处理办法第三十三条规定的 7 个工作日是监管部门向银行转送投诉的时限，不是本时限。）</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Source: {source}</source>
        <translation>依据：{source}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Default: {value}</source>
        <translation>默认：{value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allowed: {bounds}</source>
        <translation>允许范围：{bounds}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset {rule} to its default</source>
        <translation>将“{rule}”恢复为默认值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to the default from the source</source>
        <translation>恢复为依据规定的默认值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+1"/>
        <source>Rule settings</source>
        <translation>规则设置</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and recompute the deadlines of open complaints (Ctrl+Return)</source>
        <translation>保存并重新计算未办结投诉的时限（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only chapters 1-3 of the city&apos;s rules are available, so every limit is a setting. Each starts from the default of the source shown. Saving recomputes the deadlines of every open complaint.</source>
        <translation>本市实施细则目前仅有第一至三章，因此各项时限均可设置，初始值取自所示依据。保存后将重新计算所有未办结投诉的时限。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the outlet head or the acting head may change these settings.</source>
        <translation>只有网点负责人或现场负责人可以修改这些设置。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Saving and recomputing the deadlines of open complaints…</source>
        <translation>正在保存并重新计算未办结投诉的时限…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The settings could not be saved: {error}</source>
        <translation>设置未能保存：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed. {reason}</source>
        <translation>未作任何修改。{reason}</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="-116"/>
        <source>Within the outlet, or beyond it?</source>
        <translation>在网点内处理，还是上报网点以外？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level by level (Art. 10): first the head or acting head; beyond the outlet, the district branch&apos;s competent department leads (Art. 11).</source>
        <translation>逐级上报（第十条）：先报网点负责人或现场负责人；超出网点范围的，由县区分公司主管部门牵头（第十一条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Within the outlet: the head takes it over</source>
        <translation>在网点内处理(&amp;W)：由网点负责人接手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Within the outlet</source>
        <translation>在网点内处理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Beyond the outlet: escalate to the district branch</source>
        <translation>上报网点以外(&amp;B)：上报县区分公司</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beyond the outlet</source>
        <translation>上报网点以外</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reported to the head by</source>
        <translation>报告网点负责人的员工</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reported to the head &amp;by:</source>
        <translation>报告人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The complaint has not been reported to the head yet; the report is recorded with the rest at Finish (Art. 10).</source>
        <translation>该投诉尚未报告网点负责人；点击完成时将一并记录报告（第十条）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The complaint was with the head on {time} and has moved on since (now: {status}); escalating puts it back with the head, recorded with the rest at Finish (Art. 10).</source>
        <translation>该投诉曾于{time}报告网点负责人，此后已转入其他环节（当前：{status}）；上报时将重新交由网点负责人处理，点击完成时一并记录（第十条）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose one answer.</source>
        <translation>请选择一项。</translation>
    </message>
</context>
<context>
    <name>SendBundleDialog</name>
    <message>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+56"/>
        <source>Send bundle to the district</source>
        <translation>向区县分公司报送交换包</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cases received or updated since</source>
        <translation>自该日起受理或更新的投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+45"/>
        <source>Bundle file</source>
        <translation>交换包文件</translation>
    </message>
    <message>
        <location filename="../../desktop/district/send_bundle_dialog.py" line="+51"/>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="-44"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+1"/>
        <source>Choose the bundle file</source>
        <translation>选择交换包文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password of the outlet&apos;s key</source>
        <translation>网点密钥的密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases &amp;since:</source>
        <translation>投诉起始日期(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/district/send_bundle_dialog.py" line="+11"/>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+1"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+1"/>
        <source>Key &amp;password:</source>
        <translation>密钥密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle holds the cases received or updated since that day, their work orders and evidence files, with customers&apos; phone and ID numbers masked. It is signed with the outlet&apos;s key, which the head&apos;s password opens, and addressed to the district whose key the outlet trusts.</source>
        <translation>交换包包含自该日起受理或更新的投诉及其工单和证据文件，客户电话和证件号码已遮蔽。交换包用网点密钥签名（由负责人的密码打开），收件方为本网点所信任密钥的区县分公司。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write bundle</source>
        <translation>写出交换包(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/district/send_bundle_dialog.py" line="-23"/>
        <location line="+1"/>
        <source>Send a bundle to an outlet</source>
        <translation>向网点发送交换包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} {name} ({n} waiting)</source>
        <translation>{code} {name}（{n} 项待发）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle file to write</source>
        <translation>要写入的交换包文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file the outlet will import</source>
        <translation>网点将导入的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose where to write the bundle</source>
        <translation>选择交换包的保存位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>District key</source>
        <translation>区分公司密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key password</source>
        <translation>密钥密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it was refused</source>
        <translation>被拒绝的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Outlet:</source>
        <translation>网点(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>District &amp;key:</source>
        <translation>区分公司密钥(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password of the key:</source>
        <translation>密钥密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+1"/>
        <source>Write the signed bundle</source>
        <translation>写入已签名的交换包</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel without writing</source>
        <translation>取消，不写入</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+16"/>
        <source>Bundles (*.zip)</source>
        <translation>交换包 (*.zip)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the bundle to</source>
        <translation>交换包保存到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No outlet is enrolled: enrol one first.</source>
        <translation>尚无已登记的网点：请先登记网点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+13"/>
        <source>Choose the file to write the bundle to.</source>
        <translation>请选择交换包要写入的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no district key at {path}.</source>
        <translation>{path} 处没有区分公司密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/exchange/send_bundle_dialog.py" line="+5"/>
        <source>Type the password of the outlet&apos;s key (the head&apos;s).</source>
        <translation>请输入网点密钥的密码（即负责人的密码）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writing the bundle…</source>
        <translation>正在写出交换包…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the bundle</source>
        <translation>正在写出交换包</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not written. {reason}</source>
        <translation>未写出。{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not written: {reason}</source>
        <translation>未写出：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundle number {seq} written to {file}: {cases} cases, {events} events, {orders} work orders, {files} evidence files. Send this file to the district (shared folder, USB stick or e-mail).</source>
        <translation>第 {seq} 号交换包已写入 {file}：投诉 {cases} 件，处理记录 {events} 条，工单 {orders} 张，证据文件 {files} 个。请把这个文件交给区县分公司（共享文件夹、U 盘或电子邮件）。</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../desktop/management/training_dialog.py" line="+76"/>
        <location line="+1"/>
        <source>Record a training session</source>
        <translation>登记培训</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topic</source>
        <translation>培训类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>培训题目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainer</source>
        <translation>培训人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attendees</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remedial for case number</source>
        <translation>补课对应的投诉编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: the liable case&apos;s number</source>
        <translation>可选：有责投诉的编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;opic:</source>
        <translation>培训类别(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>培训题目(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;rainer:</source>
        <translation>培训人(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours:</source>
        <translation>学时(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attendees:</source>
        <translation>参训人员(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedial for &amp;case:</source>
        <translation>补课对应投诉(&amp;C)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No complaint has this number.</source>
        <translation>没有这个编号的投诉。</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../desktop/session/change_password_dialog.py" line="+69"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new password for {name}. The lock after wrong passwords is lifted.</source>
        <translation>为 {name} 设置新密码，密码错误导致的锁定随之解除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} gets an account to log in with.</source>
        <translation>为 {name} 开设登录账号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They must choose their own password at their next login.</source>
        <translation>其下次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the first account: from the next start, the program asks everyone with an account to log in.</source>
        <translation>这是第一个账号：从下次启动起，程序将要求所有有账号的人员登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SettlePage</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="-128"/>
        <source>Can the outlet settle it?</source>
        <translation>网点能否自行处理？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Art. 10: what the outlet can settle itself is transferred at once to the person who will handle it. Only what it cannot settle, or a major complaint, goes up, level by level.</source>
        <translation>第十条：网点能自行解决的，立即转办给具体处理人员；只有网点不能解决的或重大投诉，才逐级上报。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Yes, the outlet can settle it itself</source>
        <translation>能，网点可以自行解决(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes, the outlet can settle it</source>
        <translation>能，网点可以自行解决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;No, or it is a major complaint</source>
        <translation>不能，或属于重大投诉(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No, or it is major</source>
        <translation>不能，或属于重大投诉</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Then it is not escalated. Transfer it to the staff member who will handle it; the transfer is formal once the customer and the handler are in contact, and until then the first-ask owner keeps in touch with the customer (Art. 10). Finish opens the transfer; nothing is escalated.</source>
        <translation>那么不需上报。请转办给具体处理的员工；客户与处理人建立联系后方为正式转办，在此之前由首问责任人与客户保持联系（第十条）。点击完成将打开转办窗口，不作上报。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose one answer.</source>
        <translation>请选择一项。</translation>
    </message>
</context>
<context>
    <name>SimpleActionDialog</name>
    <message>
        <location filename="../../desktop/handling/simple_action_dialog.py" line="+90"/>
        <location line="+3"/>
        <location line="+6"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Settle on the spot</source>
        <translation>现场处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write down what was done so the customer was satisfied (Art. 10).</source>
        <translation>记录为使客户满意所做的处理（第十条）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement</source>
        <translation>现场处理情况</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agree reply time</source>
        <translation>约定回复时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The time agreed with the customer becomes the case&apos;s deadline (Art. 10). Changing an agreed time needs a note: why, and that the customer agreed.</source>
        <translation>与客户约定的时间即为本投诉的期限（第十条）。更改已约定的时间须备注原因，并注明客户已同意。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+19"/>
        <location line="+16"/>
        <location line="+9"/>
        <location line="+10"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Reply by</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel transfer</source>
        <translation>取消转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The handler cannot take it: the case goes back to where it was.</source>
        <translation>处理人无法接手：投诉退回转办前的状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Close the complaint</source>
        <translation>办结投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head closes a complaint once liability is determined and nothing is left running: no planned callback, review, open pause or unanswered work order.</source>
        <translation>责任认定后，且没有未完成的事项（待回访、待复核、未结束的暂停、未回复的工单）时，由网点负责人办结投诉。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <location line="+10"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Reopen the complaint</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head reopens with a reason; the case starts again as received.</source>
        <translation>由网点负责人说明原因后重新打开，投诉回到“已受理”状态。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tracking note</source>
        <translation>跟踪记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep track of progress, especially of an escalated case: the outlet still owes the customer the result (Art. 11).</source>
        <translation>记录处理进展，特别是已上报的投诉：网点仍需向客户反馈结果（第十一条）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark major</source>
        <translation>标记为重大投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A major complaint (20 or more people, a disaster or public event) is reported to the head at once (Art. 10).</source>
        <translation>重大投诉（20 人以上，或涉及灾害、公共事件）须立即报告网点负责人（第十条）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why major</source>
        <translation>重大情形</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First contact with the customer</source>
        <translation>首次联系客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the outlet first reached the customer (internal limit: 2 hours).</source>
        <translation>网点首次联系上客户的时间（内部时限：2 小时）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Solution proposed</source>
        <translation>提出解决方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The solution put to the customer (internal limit: 1 day).</source>
        <translation>向客户提出的解决方案（内部时限：1 天）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed at</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another outlet involved</source>
        <translation>涉及其他网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same rules apply when another outlet is involved (Art. 10).</source>
        <translation>涉及其他网点的，按同样的规范处理（第十条）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other outlet</source>
        <translation>其他网点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer asked for a review</source>
        <translation>客户申请复核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer may ask for a review within 30 days of the decision; the head must be told before anything else (CBIRC Art. 20).</source>
        <translation>客户可在处理决定作出后 30 日内申请复核；须先报告网点负责人，之后才能进行其他处理（银保监会消费投诉处理办法第二十条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request</source>
        <translation>复核请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decide the review</source>
        <translation>作出复核决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head decides the review within 30 days (CBIRC Art. 20).</source>
        <translation>网点负责人在 30 日内作出复核决定（银保监会消费投诉处理办法第二十条）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The &amp;decision stands (upheld)</source>
        <translation>维持原处理决定(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../desktop/session/single_instance.py" line="+259"/>
        <source>Complaint Desk is already open on this database. Close it first.</source>
        <translation>网点投诉处理台已经打开了这个数据库。请先关闭它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The command &quot;complaint-desk {command}&quot; is running on this database (process {pid} on host {host}). Try again when it has finished.</source>
        <translation>命令“complaint-desk {command}”正在使用这个数据库（主机 {host} 上的进程 {pid}）。请等它完成后再试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaint Desk is already open on this database (process {pid} on host {host}). Close it first.</source>
        <translation>网点投诉处理台已经打开了这个数据库（主机 {host} 上的进程 {pid}）。请先关闭它。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Already open</source>
        <translation>程序已打开</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/management/staff_dialog.py" line="+176"/>
        <location line="+1"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff roster</source>
        <translation>员工名册</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit staff member</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the selected person an account, or reset their password.</source>
        <translation>为所选员工开设账号，或重置其密码。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only the head or acting head changes the roster.</source>
        <translation>只有负责人或现场负责人可以修改员工名册。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About the selected person</source>
        <translation>所选员工信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duties of the role</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duties</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Period of the record</source>
        <translation>记录统计期间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Period:</source>
        <translation>统计期间(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases first-asked:</source>
        <translation>首问投诉数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases handled:</source>
        <translation>经办投诉数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases transferred to them:</source>
        <translation>转交本人投诉数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases found liable:</source>
        <translation>认定有责投诉数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks made (reached):</source>
        <translation>回访次数（联系上）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalties (points, amount):</source>
        <translation>处罚（扣分、金额）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training (sessions, hours):</source>
        <translation>培训（次数、学时）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record</source>
        <translation>履职记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acting-head history</source>
        <translation>现场负责人指定记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acting head</source>
        <translation>现场负责人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Until</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Named by</source>
        <translation>指定人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Acting head (Art. 8)</source>
        <translation>现场负责人（第八条）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No (deactivated)</source>
        <translation>否（已停用）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year ({year})</source>
        <translation>本年（{year}年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year ({year})</source>
        <translation>上年（{year}年）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This quarter ({year} Q{quarter})</source>
        <translation>本季度（{year}年第{quarter}季度）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This month ({year}-{month:02d})</source>
        <translation>本月（{year}-{month:02d}）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{n} ({points} points, ¥{amount})</source>
        <translation>{n} 次（扣 {points} 分，¥{amount}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} ({hours} h)</source>
        <translation>{n} 次（{hours} 学时）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{name}&apos;s password is set.</source>
        <translation>已设置 {name} 的密码。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} is deactivated.</source>
        <translation>{name} 已停用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reassign their open cases ({cases}) and {callbacks} pending callbacks.</source>
        <translation>请改派其未结投诉（{cases}）和 {callbacks} 个待回访任务。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <location line="-397"/>
        <source>Edit staff member</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Joined on:</source>
        <translation>入职日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joining date known</source>
        <translation>已知入职日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joined on</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Employee no.:</source>
        <translation>工号(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>岗位(&amp;R)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../desktop/session/startup_check.py" line="-167"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database cannot be opened by this version of Complaint Desk:
{problem}

Use the version of Complaint Desk that last opened it. The file is unchanged:
{path}</source>
        <translation>此版本的网点投诉处理台无法打开这个数据库：
{problem}

请使用上次打开它的网点投诉处理台版本。文件未被改动：
{path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+27"/>
        <location line="+32"/>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>The database failed its check:
{problem}

There is no good backup in {folder}. Complaint Desk will not open the database, so as not to make the damage worse; the file is unchanged:
{path}

If you have a backup elsewhere, restore it with: complaint-desk restore FILE</source>
        <translation>数据库未通过检查：
{problem}

{folder} 中没有完好的备份。为避免损坏扩大，网点投诉处理台不会打开该数据库；文件未被改动：
{path}

如果您在别处有备份，可用以下命令恢复：complaint-desk restore 备份文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The database failed its check:
{problem}</source>
        <translation>数据库未通过检查：
{problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore the newest good backup, made at {time}?

The current database is kept in {folder}. Work entered after that backup is not in it.</source>
        <translation>要恢复最新的完好备份（{time}）吗？

当前数据库会保留在 {folder} 中。该备份之后录入的内容不包含在备份里。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Restore the backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Complaint Desk has not opened the database and has changed nothing:
{path}

You can restore a backup later from the command line: complaint-desk restore FILE</source>
        <translation>网点投诉处理台没有打开数据库，也没有做任何改动：
{path}

您之后可以在命令行恢复备份：complaint-desk restore 备份文件</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The backup could not be restored:
{error}</source>
        <translation>无法恢复备份：
{error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup made at {time} has been restored. The previous database is kept as:
{kept}</source>
        <translation>{time} 的备份已恢复。原数据库保留为：
{kept}</translation>
    </message>
</context>
<context>
    <name>SuggestionStatusDialog</name>
    <message>
        <location filename="../../desktop/management/disputes_dialog.py" line="+16"/>
        <source>Decide on a suggestion</source>
        <translation>处理合理化建议</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Response:</source>
        <translation>答复(&amp;R)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response</source>
        <translation>答复</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../desktop/handling/escalation_wizard.py" line="+227"/>
        <source>Check and finish</source>
        <translation>核对并完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish records all of it at once; Cancel writes nothing.</source>
        <translation>点击完成将一次性记录全部内容；点击取消则不记录任何内容。</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../desktop/analysis/targets_dialog.py" line="+103"/>
        <location line="+1"/>
        <location line="+123"/>
        <source>Complaint targets</source>
        <translation>投诉控制指标</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the most each count may reach (a whole number) and the lowest callback satisfaction rate in percent. Leave a cell empty for no target. Only the head or an acting head may save.</source>
        <translation>各项件数指标填写允许的最大件数（整数），回访满意率填写最低百分比。单元格留空表示不设指标。只有网点负责人或现场负责人可以保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Targets by period</source>
        <translation>各期间指标</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Period shown</source>
        <translation>显示的期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status of:</source>
        <translation>完成情况(&amp;S)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Targets against actuals</source>
        <translation>指标与实际对比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metric</source>
        <translation>指标项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>指标值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save targets</source>
        <translation>保存指标(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save targets</source>
        <translation>保存指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Year {year}</source>
        <translation>{year}年全年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Q{n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} mo.</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The targets typed for {year} are not saved. Discard them?</source>
        <translation>为 {year} 年填写的目标尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>{metric}, {period}: </source>
        <translation>{metric}，{period}：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No target</source>
        <translation>未设指标</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../desktop/cases/today_panel.py" line="+94"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Today&lt;/b&gt;</source>
        <translation>&lt;b&gt;今日&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is overdue or due today.</source>
        <translation>没有已超时或今日到期的事项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complaints overdue or due today</source>
        <translation>已超时或今日到期的投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complaints near their deadline</source>
        <translation>临近时限的投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work orders due</source>
        <translation>到期工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks due</source>
        <translation>到期回访</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Show only these complaints in the list</source>
        <translation>列表中只显示这些投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Near their deadline: {count}</source>
        <translation>临近时限：{count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Most of their time is used up; due after today. Choose one to show it.</source>
        <translation>时限大部分已用去，今日之后到期。选择一项即可查看。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Work orders due: {count} (overdue: {overdue})</source>
        <translation>到期工单：{count}（已超时：{overdue}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work orders due: {count}</source>
        <translation>到期工单：{count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Superior work orders to reply to by today, or nearly out of time</source>
        <translation>今日须回复或即将超时的上级工单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Callbacks due: {count}</source>
        <translation>到期回访：{count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callbacks planned for today or earlier</source>
        <translation>计划在今日或更早进行的回访</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>What you owe today</source>
        <translation>您今日的待办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is waiting for you.</source>
        <translation>没有等您处理的事项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your complaints</source>
        <translation>您的投诉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complaints you answer for (as first-ask owner until a transfer is formal, then as handler, Art. 10) or that are being transferred to you. Click to show only these in the list.</source>
        <translation>由您负责的投诉（正式转办前为首问责任人，正式转办后为处理人，第十条），以及正在转办给您的投诉。点击后列表中只显示这些投诉。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your work orders</source>
        <translation>您的工单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work orders you owe a reply to: those linked to your complaints, and as head those linked to none (Art. 5)</source>
        <translation>须由您回复的工单：与您负责的投诉关联的工单；网点负责人另含未关联投诉的工单（第五条）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your callbacks</source>
        <translation>您的回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks assigned to you, due by today</source>
        <translation>分配给您、今日或更早到期的回访</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;Yours&lt;/b&gt; ({name}):</source>
        <translation>&lt;b&gt;您的待办&lt;/b&gt;（{name}）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work orders to reply to: {count}</source>
        <translation>待回复工单：{count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Callbacks to make: {count}</source>
        <translation>待回访：{count}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>overdue {count}</source>
        <translation>已超时 {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today {count}</source>
        <translation>今日到期 {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>near their deadline {count}</source>
        <translation>临近时限 {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your complaints: {parts}</source>
        <translation>您的投诉：{parts}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Complaints overdue: {overdue}, due today: {due}</source>
        <translation>投诉已超时：{overdue}，今日到期：{due}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complaints overdue: {overdue}</source>
        <translation>投诉已超时：{overdue}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints due today: {due}</source>
        <translation>投诉今日到期：{due}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{case_no} · {customer} · due {due}</source>
        <translation>{case_no} · {customer} · {due} 到期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{source} {number} · {customer} · reply by {due}</source>
        <translation>{source} {number} · {customer} · {due} 前回复</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{subject} · {who} · due {due}</source>
        <translation>{subject} · {who} · {due} 到期</translation>
    </message>
</context>
<context>
    <name>TrailFlag</name>
    <message>
        <location filename="../../desktop/district/trail_flag.py" line="+22"/>
        <source>Outlet {outlet}: bundle {later} carries an audit trail of {later_n} entries, bundle {earlier} one of {earlier_n}: entries were removed.</source>
        <translation>网点 {outlet}：第 {later} 号交换包所带的审计记录为 {later_n} 条，第 {earlier} 号为 {earlier_n} 条：有记录被删除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outlet {outlet}: bundles {earlier} and {later} both carry an audit trail of {n} entries, ending in different entries: entries were rewritten.</source>
        <translation>网点 {outlet}：第 {earlier} 号和第 {later} 号交换包所带的审计记录均为 {n} 条，但最后一条不同：有记录被改写。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The outlet&apos;s audit trail was cut or rewritten since an earlier bundle (a restore from an older backup reads the same): ask the outlet.</source>
        <translation>自较早的交换包以来，该网点的审计记录被截断或改写（从较早的备份恢复数据也会如此）：请向网点核实。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Outlets whose audit trail went backwards</source>
        <translation>审计记录倒退的网点</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{flag} Audit trail went backwards: {outlets}</source>
        <translation>{flag} 审计记录倒退：{outlets}</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../desktop/management/training_dialog.py" line="+34"/>
        <location line="+1"/>
        <location line="+15"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Topic</source>
        <translation>培训类别</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Title</source>
        <translation>培训题目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainer</source>
        <translation>培训人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedial for</source>
        <translation>补课对应投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training sessions</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record a session…</source>
        <translation>登记培训(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a session</source>
        <translation>登记培训</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sessions</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training history</source>
        <translation>培训履历</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff member:</source>
        <translation>员工：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History</source>
        <translation>个人履历</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Threshold in months</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;threshold</source>
        <translation>保存期限(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save threshold</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff behind on training</source>
        <translation>培训欠缺人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last trained on</source>
        <translation>最近培训日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Topic:</source>
        <translation>培训类别：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No training within:</source>
        <translation>未参加培训超过：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Behind on training</source>
        <translation>培训欠缺</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>never</source>
        <translation>从未参加</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} behind: no session of this topic in the last {months} months.</source>
        <translation>{n} 人欠缺：近 {months} 个月未参加该类培训。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/handling/transfer_dialog.py" line="+30"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand the complaint to the person who will handle it. The transfer becomes formal only once the customer and the handler are in contact; until then {name} stays accountable and keeps in touch with the customer (Art. 10).</source>
        <translation>将投诉转给具体处理人员。客户与处理人建立联系后方为正式转办；在此之前仍由 {name} 负责并与客户保持联系（第十条）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff of &amp;this outlet</source>
        <translation>本网点员工(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff of this outlet</source>
        <translation>本网点员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler at &amp;another outlet</source>
        <translation>其他网点的处理人(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler at another outlet</source>
        <translation>其他网点的处理人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler&apos;s name</source>
        <translation>处理人姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler&apos;s outlet</source>
        <translation>处理人所在网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the other outlet</source>
        <translation>其他网点名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the handler needs to know (optional)</source>
        <translation>需要处理人了解的情况（选填）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Handler:</source>
        <translation>处理人(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler&apos;s &amp;name:</source>
        <translation>处理人姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler&apos;s &amp;outlet:</source>
        <translation>处理人所在网点(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>TrustDistrict</name>
    <message>
        <location filename="../../desktop/exchange/trust_district.py" line="+25"/>
        <source>District {code} ({name})

Fingerprint:
{fingerprint}

Compare the fingerprint with the district by phone. Trust this key?</source>
        <translation>区县分公司 {code}（{name}）

指纹：
{fingerprint}

请与区县分公司电话核对指纹。信任这个密钥吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It replaces the key of district {code} trusted since {since} (fingerprint {old}).</source>
        <translation>它将替换自 {since} 起信任的区县分公司 {code} 的密钥（指纹 {old}）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Trust the district&apos;s key</source>
        <translation>信任区县分公司的密钥</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not trusted. {reason}</source>
        <translation>未信任。{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This key is already trusted.</source>
        <translation>这个密钥已经受信任。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The key of district {code} is trusted: bundles signed with it are accepted.</source>
        <translation>已信任区县分公司 {code} 的密钥：用它签名的交换包将被接收。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The district&apos;s public-key file</source>
        <translation>区县分公司的公钥文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public-key files (*.json);;All files (*)</source>
        <translation>公钥文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../desktop/kit/labels.py" line="-106"/>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {min} characters.</source>
        <translation>至少 {min} 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contains invisible control characters.</source>
        <translation>含有不可见的控制字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid phone number: an 11-digit mobile or a landline with area code.</source>
        <translation>电话号码无效：请填写 11 位手机号码或带区号的固定电话。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a valid 18-character ID number.</source>
        <translation>不是有效的 18 位身份证号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be in the future.</source>
        <translation>不能晚于当前时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too far in the past; check the year.</source>
        <translation>时间过早，请检查年份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too far ahead (at most {years} years); check the year.</source>
        <translation>时间过晚（至多为 {years} 年以后），请检查年份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a known value.</source>
        <translation>不是可选的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agreed reply time must be after the time received.</source>
        <translation>约定回复时间必须晚于受理时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This staff member is not active at this outlet.</source>
        <translation>该员工不在本网点在岗。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose: settled on the spot, or an agreed reply time.</source>
        <translation>请选择：现场处理完毕，或约定回复时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only letters, digits, - and _.</source>
        <translation>只能包含字母、数字、- 和 _。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in use.</source>
        <translation>已被使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A password cannot be digits only.</source>
        <translation>密码不能全部是数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A password cannot be the employee number.</source>
        <translation>密码不能与工号相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop/printing/verify_dialog.py" line="+43"/>
        <location line="+1"/>
        <source>Verify a report</source>
        <translation>核验报告</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A report&apos;s verification code is a fingerprint of what it states. Choose a saved report, or paste the text of the QR code on a printout, to check that the report still matches the database.</source>
        <translation>报告的校验码是报告内容的数字指纹。选择已保存的报告，或粘贴纸质报告上二维码的内容，即可核对报告是否仍与数据库一致。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Report file</source>
        <translation>报告文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF made by Complaint Desk</source>
        <translation>由网点投诉处理台生成的 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a report file</source>
        <translation>选择报告文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification code</source>
        <translation>校验码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report &amp;file:</source>
        <translation>报告文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>or &amp;code:</source>
        <translation>或校验码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;heck</source>
        <translation>核验(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>核验</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verification result</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verification details</source>
        <translation>核验详情</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a report</source>
        <translation>选择报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a report file or paste a code first.</source>
        <translation>请先选择报告文件或粘贴校验码。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Matches: the report agrees with the database.</source>
        <translation>一致：报告与数据库记录相符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not match: the complaint was changed after the report was made, or the report was altered. Make a new report.</source>
        <translation>不一致：报告生成后投诉记录有改动，或报告本身被修改。请重新生成报告。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not match: the verification code is genuine, but the report does not say what the database prints for it. The file was altered; make a new report.</source>
        <translation>不一致：核验码是真实的，但报告内容与数据库应打印的内容不同。文件已被改动，请重新生成报告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does not match: this database has no such case.</source>
        <translation>不一致：本数据库中没有该投诉。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No verification code found: this is not a Complaint Desk report.</source>
        <translation>未找到校验码：这不是网点投诉处理台生成的报告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made by another version of Complaint Desk; this version cannot check it.</source>
        <translation>该报告由其他版本的网点投诉处理台生成，本版本无法核验。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case: {case_no}</source>
        <translation>投诉编号：{case_no}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code in the report: {code}</source>
        <translation>报告中的校验码：{code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code from the database: {code}</source>
        <translation>按数据库计算的校验码：{code}</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../desktop/kit/labels.py" line="-299"/>
        <source>Outlet head</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lobby manager</source>
        <translation>大堂经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations supervisor</source>
        <translation>营业主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other staff</source>
        <translation>其他生产人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+237"/>
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="-236"/>
        <location line="+237"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Customer funds at risk</source>
        <translation>客户资金存在风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three or more people complaining together</source>
        <translation>三人及以上共同投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media exposure, actual or likely</source>
        <translation>已经或可能引起媒体曝光</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarded by a regulator</source>
        <translation>监管部门转办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At the outlet: in person</source>
        <translation>网点受理：现场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the outlet: opinion book</source>
        <translation>网点受理：意见簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the outlet: phone</source>
        <translation>网点受理：电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the outlet: letter</source>
        <translation>网点受理：信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From above: 95580 customer centre</source>
        <translation>上级转办：95580 客服中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From above: regulator (12378)</source>
        <translation>上级转办：监管部门（12378）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From above: public supervision</source>
        <translation>上级转办：社会监督</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From above: petition</source>
        <translation>上级转办：信访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On site (outlet counter)</source>
        <translation>营业现场（网点柜面）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-service machine</source>
        <translation>自助机具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic: online banking</source>
        <translation>电子渠道：网上银行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic: phone banking</source>
        <translation>电子渠道：电话银行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic: mobile app</source>
        <translation>电子渠道：手机银行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic: public platform</source>
        <translation>电子渠道：公众平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic: SMS</source>
        <translation>电子渠道：短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic: other</source>
        <translation>电子渠道：其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <location line="+22"/>
        <location line="+70"/>
        <location line="+16"/>
        <location line="+8"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>RMB savings</source>
        <translation>人民币储蓄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank cards</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment and settlement</source>
        <translation>支付结算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RMB management</source>
        <translation>人民币管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal financial information</source>
        <translation>个人金融信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wealth management and agency</source>
        <translation>理财及代理业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign exchange</source>
        <translation>外汇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precious metals</source>
        <translation>贵金属</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service attitude and quality</source>
        <translation>服务态度及服务质量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities, equipment and systems</source>
        <translation>服务设施、设备及业务系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+203"/>
        <source>Rules and processes</source>
        <translation>规章制度和业务流程</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Marketing</source>
        <translation>营销方式和手段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information disclosure</source>
        <translation>信息披露</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product returns</source>
        <translation>产品收益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freedom of choice</source>
        <translation>自主选择权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract terms</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fund security</source>
        <translation>资金安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information security</source>
        <translation>信息安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Debt collection</source>
        <translation>债务催收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On site: long waiting time (Art. 6)</source>
        <translation>营业现场：等候时间过长（第六条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On site: transaction error (Art. 6)</source>
        <translation>营业现场：业务差错（第六条）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On site: service attitude (Art. 6)</source>
        <translation>营业现场：服务态度（第六条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On site: poor communication (Art. 6)</source>
        <translation>营业现场：沟通不畅（第六条）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Settled on the spot</source>
        <translation>现场处理完毕</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Awaiting reply</source>
        <translation>待回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to head</source>
        <translation>已报告网点负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer pending</source>
        <translation>待转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated to district branch</source>
        <translation>已上报县区分公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result fed back</source>
        <translation>已反馈结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Callback done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+24"/>
        <source>Liability determined</source>
        <translation>已认定责任</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Complaint registered</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked urgent</source>
        <translation>标记为紧急</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply time agreed with the customer</source>
        <translation>已与客户约定回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to the head</source>
        <translation>已报告网点负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer requested (pending until contact)</source>
        <translation>提出转办（待建立联系）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer and handler in contact: transfer formal</source>
        <translation>客户与处理人已建立联系：正式转办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer cancelled</source>
        <translation>转办已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply given to the customer</source>
        <translation>已回复客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result fed back to the customer</source>
        <translation>已向客户反馈结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callback attempted, customer not reached</source>
        <translation>回访未联系上客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback planned</source>
        <translation>已安排回访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into an earlier case</source>
        <translation>已合并到先前投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaint merged in</source>
        <translation>重复投诉已并入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat complaint linked</source>
        <translation>已关联重复投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked as a repeat of an earlier case</source>
        <translation>已关联为先前投诉的重复投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another outlet involved</source>
        <translation>涉及其他网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked major</source>
        <translation>标记为重大投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact with the customer</source>
        <translation>首次联系客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>Solution proposed</source>
        <translation>提出解决方案</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Decision clock paused</source>
        <translation>处理时限暂停计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision clock resumed</source>
        <translation>处理时限恢复计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision clock extended</source>
        <translation>处理时限已延长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling decision made</source>
        <translation>已作出处理决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer notified</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Customer asked for a review</source>
        <translation>客户申请复核</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Review decided</source>
        <translation>已作出复核决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order linked</source>
        <translation>已关联工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order replied to</source>
        <translation>工单已回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking note</source>
        <translation>跟踪记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liability determination reviewed</source>
        <translation>责任认定已复查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence attached</source>
        <translation>已附证据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty applied</source>
        <translation>已作出处罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered from a dispute</source>
        <translation>由纠纷转为投诉登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+26"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+26"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Letter handed over</source>
        <translation>信函当面送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter posted</source>
        <translation>信函已邮寄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS sent</source>
        <translation>短信已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail sent</source>
        <translation>电子邮件已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call made</source>
        <translation>已电话告知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told in person</source>
        <translation>已当面告知</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+75"/>
        <source>Handling decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Decision period extended</source>
        <translation>处理期限延长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision period extended again</source>
        <translation>处理期限再次延长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review result</source>
        <translation>复核结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Visit</source>
        <translation>上门走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the outlet</source>
        <translation>在网点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the bank for a review</source>
        <translation>向银行申请复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Arbitration</source>
        <translation>仲裁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lawsuit</source>
        <translation>诉讼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside appraisal or testing</source>
        <translation>外部鉴定或检测</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>District branch competent department</source>
        <translation>县区分公司主管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City branch</source>
        <translation>市分公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provincial branch</source>
        <translation>省分公司</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>20 or more people together</source>
        <translation>20 人以上集体投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disaster or public event</source>
        <translation>灾害或公共事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other major matter</source>
        <translation>其他重大事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer unsatisfied with the reply</source>
        <translation>客户对回复不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer unsatisfied with the result</source>
        <translation>客户对处理结果不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer unsatisfied at the callback</source>
        <translation>客户在回访时表示不满意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent complaint</source>
        <translation>紧急投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major complaint</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case reopened</source>
        <translation>投诉重新打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>95580 customer centre</source>
        <translation>95580 客户服务中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator (12378)</source>
        <translation>监管部门（12378）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superior office</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petition</source>
        <translation>信访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settle on the spot</source>
        <translation>现场处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agree reply time</source>
        <translation>约定回复时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report to head</source>
        <translation>报告负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm contact</source>
        <translation>确认已联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel transfer</source>
        <translation>取消转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed back result</source>
        <translation>反馈结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Determine liability</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review requested</source>
        <translation>申请复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into earlier case</source>
        <translation>合并到先前投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agreed reply time</source>
        <translation>约定回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work-order reply</source>
        <translation>工单回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review decision</source>
        <translation>复核决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upheld</source>
        <translation>维持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed (still liable, other people, shares or basis)</source>
        <translation>变更（仍有责，责任人、比例或依据调整）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overturned (liable becomes not liable, or the reverse)</source>
        <translation>撤销（有责改为无责，或相反）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remedial training</source>
        <translation>补课培训</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk with the head</source>
        <translation>负责人谈话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written self-review</source>
        <translation>书面检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written warning</source>
        <translation>书面警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice of criticism</source>
        <translation>通报批评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change of post</source>
        <translation>调整岗位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laws and regulations</source>
        <translation>法律法规</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Products</source>
        <translation>产品知识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service etiquette</source>
        <translation>服务礼仪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint handling</source>
        <translation>投诉处理</translation>
    </message>
</context>
<context>
    <name>WorkOrderDialog</name>
    <message>
        <location filename="../../desktop/workorders/workorder_dialog.py" line="+81"/>
        <location line="+1"/>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+125"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work order number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As printed on the work order</source>
        <translation>按工单上所印填写</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Number:</source>
        <translation>工单号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+113"/>
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>&amp;Received at:</source>
        <translation>接收时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+110"/>
        <source>Reply by</source>
        <translation>回复时限</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>None stated: use the internal limit</source>
        <translation>未注明时限：使用内部时限</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reply &amp;by:</source>
        <translation>回复时限(&amp;B)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+87"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Customer &amp;name:</source>
        <translation>客户姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+83"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ph&amp;one:</source>
        <translation>联系电话(&amp;O)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+75"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>What the customer complains about</source>
        <translation>客户投诉的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Content:</source>
        <translation>内容(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May concern the outlet: we help with it</source>
        <translation>可能涉及本网点：协助处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May concern the outlet</source>
        <translation>可能涉及本网点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The head helps with work orders that may concern the outlet (Art. 5)</source>
        <translation>网点负责人协助处理可能涉及本网点的工单（第五条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head calls the customer back in person</source>
        <translation>网点负责人亲自回访客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head calls back in person</source>
        <translation>负责人亲自回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work-order customers are called back by the head in person (Art. 5)</source>
        <translation>工单客户由网点负责人亲自回访（第五条）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flags:</source>
        <translation>标记：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the work order (Ctrl+Return)</source>
        <translation>保存工单（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A complaint sent down by 95580, the regulator (12378), a superior office or a petition. Reply by its time limit (Art. 5).</source>
        <translation>由 95580、监管部门（12378）、上级单位或信访转来的投诉。请在时限内回复（第五条）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None stated: the internal limit, {days} working days after receipt, at the latest the complaint&apos;s decision deadline</source>
        <translation>未注明时限：按内部时限，接收后 {days} 个工作日，最迟为该投诉的处理决定期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The outlet&apos;s or district&apos;s limit for a work order without a reply-by (a rule setting; this program&apos;s default). The regulator&apos;s 7 working days (CBIRC Art. 33) are its own time to forward the complaint.</source>
        <translation>网点或县区分公司对未注明回复时限的工单规定的时限（规则设置项，本程序默认值）。监管部门的 7 个工作日（银保监会消费投诉处理办法第三十三条）是其自身转送投诉的时限。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The work order could not be saved: {error}</source>
        <translation>工单未能保存：{error}</translation>
    </message>
</context>
<context>
    <name>WorkOrderEntryDialog</name>
    <message>
        <location filename="../../desktop/district/workorder_entry_dialog.py" line="+53"/>
        <location line="+1"/>
        <source>New work order from above</source>
        <translation>新建上级工单</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+74"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number:</source>
        <translation>工单号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>&amp;Received at:</source>
        <translation>接收时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Reply by</source>
        <translation>回复时限</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Reply &amp;by:</source>
        <translation>回复时限(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Customer &amp;name:</source>
        <translation>客户姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ph&amp;one:</source>
        <translation>联系电话(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>&amp;Content:</source>
        <translation>内容(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>May concern the outlet</source>
        <translation>可能涉及该网点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The head calls the customer back in person (Art. 5)</source>
        <translation>由网点负责人亲自回访客户（第五条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head calls back in person</source>
        <translation>负责人亲自回访</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outlet it goes to</source>
        <translation>下发网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet: assign it later</source>
        <translation>暂不分派，稍后再定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Outlet:</source>
        <translation>网点(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A complaint the district received from 95580, the regulator (12378), a superior office or a petition; it goes down to the outlet concerned with the next bundle, and the outlet replies by the reply-by (Art. 5).</source>
        <translation>区分公司从 95580、监管部门（12378）、上级机构或信访收到的投诉；随下一个交换包下发给相关网点，网点须在回复时限内回复（第五条）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
</context>
<context>
    <name>WorkOrderImport</name>
    <message>
        <location filename="../../desktop/workorders/workorders_ui.py" line="-139"/>
        <source>Import work orders</source>
        <translation>导入工单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work-order files (*.csv *.xlsx);;All files (*)</source>
        <translation>工单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing work orders from {file}…</source>
        <translation>正在从 {file} 导入工单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing work orders</source>
        <translation>正在导入工单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file}: {created} created, {skipped} already present.</source>
        <translation>{file}：新建 {created} 条，已存在 {skipped} 条。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Already present: {numbers}</source>
        <translation>已存在：{numbers}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} was not imported; nothing was written.</source>
        <translation>{file} 未导入，未写入任何数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
</context>
<context>
    <name>WorkOrderPanel</name>
    <message>
        <location filename="../../desktop/workorders/workorder_panel.py" line="+79"/>
        <source>Which work orders</source>
        <translation>显示哪些工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet replied</source>
        <translation>尚未回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All work orders</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work-order source filter</source>
        <translation>工单来源筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a work order by hand</source>
        <translation>手工录入工单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reply…</source>
        <translation>回复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply to work order</source>
        <translation>回复工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record who replied, when, and what</source>
        <translation>记录回复人、回复时间和回复内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Link to case…</source>
        <translation>关联投诉(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link work order to a complaint</source>
        <translation>将工单关联到投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the work order to the outlet&apos;s complaint</source>
        <translation>将工单关联到本网点的投诉</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import work orders</source>
        <translation>导入工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import work orders from a CSV or XLSX file</source>
        <translation>从 CSV 或 XLSX 文件导入工单</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Listed: {count}</source>
        <translation>列出：{count}</translation>
    </message>
</context>
<context>
    <name>WorkOrderReplyDialog</name>
    <message>
        <location filename="../../desktop/workorders/workorder_reply_dialog.py" line="+58"/>
        <source>Reply to work order {number}</source>
        <translation>回复工单 {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply by:</source>
        <translation>回复时限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replied by</source>
        <translation>回复人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replied b&amp;y:</source>
        <translation>回复人(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>Replied at</source>
        <translation>回复时间</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Replied &amp;at:</source>
        <translation>回复时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+29"/>
        <source>Reply</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>What was replied to the superior body</source>
        <translation>向上级回复的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reply:</source>
        <translation>回复内容(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the reply (Ctrl+Return)</source>
        <translation>记录回复（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The reply could not be saved: {error}</source>
        <translation>回复未能保存：{error}</translation>
    </message>
</context>
<context>
    <name>WorkOrderTableModel</name>
    <message>
        <location filename="../../desktop/workorders/workorder_model.py" line="+153"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply by</source>
        <translation>回复时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concerns outlet</source>
        <translation>涉及本网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head calls back</source>
        <translation>负责人回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>回复情况</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The outlet helps with a work order that may concern it (Art. 5)</source>
        <translation>本网点协助处理可能涉及本网点的工单（第五条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head calls the customer back in person (Art. 5)</source>
        <translation>网点负责人亲自回访客户（第五条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The outlet&apos;s complaint about the same matter</source>
        <translation>本网点关于同一事项的投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red: overdue. Amber: most of the time used up.</source>
        <translation>红色：已超时。黄色：时限大部分已用去。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not yet</source>
        <translation>尚未回复</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Overdue since {time}</source>
        <translation>自 {time} 起超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near its time limit: reply by {time}</source>
        <translation>临近时限：请于 {time} 前回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reply by {time}</source>
        <translation>请于 {time} 前回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replied {time} by {name}</source>
        <translation>{name} 于 {time} 回复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click to show the complaint</source>
        <translation>双击查看该投诉</translation>
    </message>
</context>
<context>
    <name>WorkOrdersDock</name>
    <message>
        <location filename="../../desktop/workorders/workorders_ui.py" line="+17"/>
        <location line="+43"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>&amp;Work orders</source>
        <translation>工单(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the superior work orders</source>
        <translation>显示或隐藏上级工单</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Work orders ({count} not replied)</source>
        <translation>工单（{count} 条未回复）</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPanel</name>
    <message>
        <location filename="../../desktop/district/workorders_panel.py" line="+70"/>
        <source>Outlet filter</source>
        <translation>网点筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source filter</source>
        <translation>来源筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which work orders</source>
        <translation>显示哪些工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All work orders</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not replied yet</source>
        <translation>尚未回复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The selected work order</source>
        <translation>所选工单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of work orders</source>
        <translation>工单数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the last action did</source>
        <translation>上一操作的结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a work order</source>
        <translation>录入工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import file…</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import work orders from a CSV or XLSX file</source>
        <translation>从 CSV 或 XLSX 文件导入工单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Assign to outlet…</source>
        <translation>分派给网点(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the work order to an outlet</source>
        <translation>将工单分派给网点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send &amp;bundle to outlet…</source>
        <translation>向网点发送交换包(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the bundle down for an outlet</source>
        <translation>为网点写出下发交换包</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>All outlets</source>
        <translation>全部网点</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n:,} work orders</source>
        <translation>{n:,} 件工单</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Select a work order to see it and its reply.</source>
        <translation>选择一件工单，查看其内容和回复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work order {number} from {source}</source>
        <translation>工单 {number}，来源：{source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where it stands: {state}</source>
        <translation>办理状态：{state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received {received}, reply by {reply_by}</source>
        <translation>接收于 {received}，回复时限 {reply_by}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer: {name} {phone}</source>
        <translation>客户：{name} {phone}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not assigned to an outlet yet.</source>
        <translation>尚未分派给网点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlet: {code} {name}</source>
        <translation>网点：{code} {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goes down with the next bundle to the outlet.</source>
        <translation>将随下一个交换包下发给该网点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent down {time}</source>
        <translation>已于 {time} 下发</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The outlet replied {time} ({by}): {timing}</source>
        <translation>网点于 {time} 回复（{by}）：{timing}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The district replied {time} ({by}): {timing}</source>
        <translation>区分公司于 {time} 回复（{by}）：{timing}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No reply yet.</source>
        <translation>尚无回复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LATE, {hours:.0f} h after the reply-by</source>
        <translation>超时，晚于回复时限 {hours:.0f} 小时</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Wrote {file} for outlet {outlet} (bundle number {seq}): {orders} work orders, {results} escalation results, {replies} replies.</source>
        <translation>已为网点 {outlet} 写出 {file}（第 {seq} 号交换包）：工单 {orders} 件，升级处理结果 {results} 项，回复 {replies} 条。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+15"/>
        <source>Import work orders</source>
        <translation>导入工单</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Work-order files (*.csv *.xlsx);;All files (*)</source>
        <translation>工单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing work orders from {file}…</source>
        <translation>正在从 {file} 导入工单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing work orders</source>
        <translation>正在导入工单</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{file}: {created} work orders entered ({assigned} assigned to their outlet), {skipped} already entered.</source>
        <translation>{file}：录入工单 {created} 件（其中 {assigned} 件已分派网点），{skipped} 件此前已录入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} was refused; nothing was written.</source>
        <translation>{file} 被拒绝，未写入任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
</context>
<context>
    <name>WorkflowError</name>
    <message>
        <location filename="../../desktop/kit/errors.py" line="+24"/>
        <source>&apos;{action}&apos; is not allowed while the case is &apos;{status}&apos;.</source>
        <translation>投诉处于“{status}”状态时，不能进行“{action}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case must first be reported to the head or acting head ({reason}); nothing else may happen before that (Art. 10).</source>
        <translation>须先报告网点负责人或现场负责人（{reason}），在此之前不能进行其他处理（第十条）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case is closed; reopen it first.</source>
        <translation>该投诉已办结，请先重新打开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; is required.</source>
        <translation>“{field}”为必填项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; contains invisible control characters.</source>
        <translation>“{field}”含有不可见的控制字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{field}&apos; is longer than {max} characters.</source>
        <translation>“{field}”超过 {max} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is not a known {field}.</source>
        <translation>“{value}”不是有效的{field}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; cannot be in the future.</source>
        <translation>“{field}”不能晚于当前时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; must lie between {earliest} and {latest}; check the year.</source>
        <translation>“{field}”须在 {earliest} 至 {latest} 之间，请检查年份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{field}&apos; cannot be before the complaint was received.</source>
        <translation>“{field}”不能早于投诉受理时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{field}&apos; must be after &apos;{other}&apos;.</source>
        <translation>“{field}”必须晚于“{other}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not active staff of this outlet.</source>
        <translation>{name} 不是本网点在岗员工。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case and the staff member belong to different outlets.</source>
        <translation>该投诉与该员工不属于同一网点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is already with {name}; choose another handler.</source>
        <translation>该投诉已由 {name} 负责，请选择其他处理人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a handler, or name the handler and the other outlet.</source>
        <translation>请选择处理人，或填写处理人姓名及其所在网点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no pending transfer to confirm or cancel.</source>
        <translation>没有可确认或取消的待转办。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact cannot be confirmed for a time before the transfer.</source>
        <translation>建立联系的时间不能早于转办时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate level by level: &apos;{level}&apos; is not above &apos;{previous}&apos;.</source>
        <translation>请逐级上报：“{level}”并不高于“{previous}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the outlet head or the acting head may {action} (Art. 5, 8).</source>
        <translation>只有网点负责人或现场负责人可以{action}（第五条、第八条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the outlet head may name an acting head (Art. 8).</source>
        <translation>只有网点负责人可以指定现场负责人（第八条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The head cannot be named acting head.</source>
        <translation>网点负责人不能被指定为现场负责人。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another acting head is already named for part of this time.</source>
        <translation>这段时间内已部分指定了其他现场负责人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The span must end after it starts.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This acting-head span has already ended.</source>
        <translation>该现场负责人任期已经结束。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A liable complaint needs at least one responsible person.</source>
        <translation>有责投诉须至少确认一名责任人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A complaint without liability has no responsible person.</source>
        <translation>无责投诉不应有责任人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A planned callback is not done yet.</source>
        <translation>还有已安排的回访尚未完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A review request is not decided yet.</source>
        <translation>还有复核申请尚未作出决定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The complaint is already marked major.</source>
        <translation>该投诉已标记为重大投诉。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current determination finds no liability: there is nobody to penalise.</source>
        <translation>现行认定为无责任，没有可处罚的人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision clock is paused; resume it first.</source>
        <translation>处理时限正在暂停计时，请先恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work order {number} has not been replied to.</source>
        <translation>工单 {number} 尚未回复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A case cannot be a repeat of itself.</source>
        <translation>投诉不能是其自身的重复投诉。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The earlier case must have been received first.</source>
        <translation>先前的投诉必须受理在前。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two cases are not from the same customer.</source>
        <translation>两件投诉不是同一客户提出的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These cases are already linked.</source>
        <translation>这两件投诉已经关联。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The earlier case is closed; reopen it before merging into it.</source>
        <translation>先前的投诉已办结，请先重新打开再合并。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clock is already paused.</source>
        <translation>已在暂停计时。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This pause has already ended.</source>
        <translation>该暂停已经结束。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decision period can be extended only once to {days} days, then once more.</source>
        <translation>处理期限只能先延长一次至 {days} 日，之后再延长一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision period ended on {deadline}; it can no longer be extended.</source>
        <translation>处理期限已于 {deadline} 届满，不能再延长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A handling decision is already recorded.</source>
        <translation>已记录处理决定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The decision must name every remedy: {missing} (Art. 19).</source>
        <translation>处理决定须写明全部救济途径，缺少：{missing}（第十九条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no handling decision to review.</source>
        <translation>没有可复核的处理决定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A review must be asked for within {days} days of the decision (Art. 20).</source>
        <translation>复核须在处理决定作出后 {days} 日内申请（第二十条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A review request is already waiting for its decision.</source>
        <translation>已有复核申请等待决定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This review is already decided.</source>
        <translation>该复核已作出决定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A callback is for a case or a work order.</source>
        <translation>回访须针对投诉或工单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This callback is already recorded.</source>
        <translation>该回访已经记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the customer&apos;s satisfaction when the customer was reached.</source>
        <translation>联系上客户的，须记录客户的满意程度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No result can be recorded when the customer was not reached.</source>
        <translation>未联系上客户的，不能记录回访结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This work order needs a callback by the head or the acting head in person (Art. 5).</source>
        <translation>该工单须由网点负责人或现场负责人亲自回访（第五条）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work order {source} {number} already exists.</source>
        <translation>工单 {source} {number} 已存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This work order has already been replied to.</source>
        <translation>该工单已经回复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is not a valid phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not a date and time.</source>
        <translation>“{value}”不是有效的日期时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not yes or no.</source>
        <translation>“{value}”不是“是”或“否”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reply-by time is required for this source.</source>
        <translation>该来源的工单须填写回复期限。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has no column for: {columns}.</source>
        <translation>文件缺少以下列：{columns}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order {number} appears twice in the file (rows {first} and {second}).</source>
        <translation>工单 {number} 在文件中出现两次（第 {first} 行和第 {second} 行）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file cannot be read: {detail}.</source>
        <translation>无法读取文件：{detail}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only .csv and .xlsx files can be imported.</source>
        <translation>只能导入 .csv 和 .xlsx 文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has no work orders.</source>
        <translation>文件中没有工单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is {size_mb} MB; a work-order file may be at most {max_mb} MB.</source>
        <translation>文件大小为 {size_mb} MB，工单文件最大不能超过 {max_mb} MB。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has more than {max} rows.</source>
        <translation>文件超过 {max} 行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has more than {max} columns.</source>
        <translation>文件超过 {max} 列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This row is in another text encoding ({found}) than the rest of the file ({main}); save the whole file again in one encoding.</source>
        <translation>本行的文字编码（{found}）与文件其余部分（{main}）不同；请将整个文件按同一种编码重新保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The row has fewer cells than the header: the file may be cut off or damaged.</source>
        <translation>该行的单元格少于表头：文件可能不完整或已损坏。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file ends in the middle of a line: it was cut off in transfer.</source>
        <translation>文件在一行中间结束：传输时被截断。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{key}&apos; is not a rule setting.</source>
        <translation>“{key}”不是规则设置项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be {kind}.</source>
        <translation>“{key}”必须是{kind}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be between {min} and {max}.</source>
        <translation>“{key}”必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; cannot be less than &apos;{other}&apos; ({value}).</source>
        <translation>“{key}”不能小于“{other}”（{value}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year} is outside the years the calendar can hold.</source>
        <translation>{year} 年超出日历可记录的年份范围。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day} is not in {year}.</source>
        <translation>{day} 不在 {year} 年内。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not a date written as YYYY-MM-DD.</source>
        <translation>“{value}”不是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is neither holiday nor workday.</source>
        <translation>“{value}”既不是 holiday（节假日）也不是 workday（调休上班日）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day} appears twice in the file (rows {first} and {second}).</source>
        <translation>{day} 在文件中出现了两次（第 {first} 行和第 {second} 行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day} is a weekday: a make-up working day is a Saturday or Sunday worked instead.</source>
        <translation>{day} 是工作日：调休上班日应是调换为上班的周六或周日。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name of {day} is longer than {max} characters.</source>
        <translation>{day} 的名称超过 {max} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file holds no days.</source>
        <translation>文件中没有任何日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not UTF-8 text.</source>
        <translation>文件不是 UTF-8 编码的文本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; must be a number.</source>
        <translation>“{field}”必须是数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; must be between {min} and {max}.</source>
        <translation>“{field}”必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{field}&apos; allows at most {places} decimal places.</source>
        <translation>“{field}”最多保留 {places} 位小数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A share must be more than 0 and at most 100 %, with two decimals at most ({value}).</source>
        <translation>责任比例必须大于 0 且不超过 100%，最多两位小数（{value}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shares of the responsible staff add up to {total} %, not 100 %.</source>
        <translation>各责任人的责任比例合计为 {total}%，而不是 100%。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is named twice among the responsible staff.</source>
        <translation>{name} 在责任人中重复出现。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Liability has not been determined for this case (Art. 5).</source>
        <translation>该投诉尚未认定责任（第五条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The complaint is &apos;{status}&apos;: it is closed only after the head has determined liability (Art. 5). Determine liability first.</source>
        <translation>投诉当前为“{status}”：须经网点负责人认定责任后方可结案（第五条），请先认定责任。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The outlet is not set up yet: finish the first-run setup first.</source>
        <translation>网点尚未设置：请先完成首次使用设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A later determination has replaced this one; review the current one.</source>
        <translation>该认定已被之后的认定取代，请复查当前的认定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A review whose outcome is &apos;{outcome}&apos; must give the new finding.</source>
        <translation>复查结果为“{outcome}”的，须给出新的认定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An upheld determination stays as it is; give no new finding.</source>
        <translation>维持原认定的，不需给出新的认定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{outcome}&apos; does not fit the new finding: overturned reverses liable / not liable, changed keeps it.</source>
        <translation>“{outcome}”与新的认定不符：撤销是指有责与无责互换，变更则保持有责或无责不变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An upheld determination keeps its penalties; there is nothing to carry over or withdraw.</source>
        <translation>维持原认定时原有处罚保持不变，无需延续或撤销。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say for the penalty of {name} whether it is carried over to the new finding or withdrawn.</source>
        <translation>请说明{name}的处罚是延续至新认定还是撤销。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That penalty was not applied under the reviewed determination.</source>
        <translation>该处罚不是在被复核的认定下作出的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The penalty of {name} cannot be carried over: {name} is not responsible under the new finding. Withdraw it.</source>
        <translation>{name}的处罚不能延续：新认定中{name}不是责任人，请撤销该处罚。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence files need a database file; this database has none.</source>
        <translation>证据文件需要数据库文件，而当前数据库没有文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file {name} cannot be read.</source>
        <translation>无法读取文件 {name}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is larger than {max} MB.</source>
        <translation>{name} 超过 {max} MB。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not responsible under the current determination.</source>
        <translation>按当前认定，{name} 不是责任人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A penalty is already recorded for {name} under this determination.</source>
        <translation>该认定下已记录对 {name} 的处罚。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The penalty differs from the scale&apos;s proposal; give the reason.</source>
        <translation>处罚与考核标准的建议不同，请说明原因。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The penalty scale cannot be read: {detail}.</source>
        <translation>无法读取考核标准：{detail}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scale has two entries for cause &apos;{cause}&apos; at severity &apos;{severity}&apos;.</source>
        <translation>考核标准中原因“{cause}”、严重程度“{severity}”有两条记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scale needs an entry for any cause at every severity: {missing}.</source>
        <translation>考核标准须为每个严重程度设置适用于任何原因的条目：{missing}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} cannot be deleted: staff are deactivated, so old cases keep their people.</source>
        <translation>{name} 不能删除：员工只能停用，以便历史投诉保留相关人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The outlet already has an active head ({name}).</source>
        <translation>本网点已有在岗的网点负责人（{name}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The outlet&apos;s only head cannot be deactivated or given another role.</source>
        <translation>网点唯一的负责人不能停用或改任其他岗位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is named acting head for a time not yet over; end it first.</source>
        <translation>{name} 被指定为现场负责人的时段尚未结束，请先结束该时段。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is already inactive.</source>
        <translation>{name} 已停用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already active.</source>
        <translation>{name} 已在岗。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A training session needs at least one attendee.</source>
        <translation>培训至少需要一名参加人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case {case_no} is not found liable; remedial training links to a liable case.</source>
        <translation>投诉 {case_no} 未被认定有责；补救培训须关联有责投诉。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A dispute that became a complaint is converted into a case.</source>
        <translation>已成为投诉的纠纷应转为投诉登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This dispute is already complaint {case_no}.</source>
        <translation>该纠纷已转为投诉 {case_no}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The complaint cannot be received before the dispute happened.</source>
        <translation>投诉受理时间不能早于纠纷发生时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is not a period: write 2026, 2026-Q3 or 2026-07.</source>
        <translation>“{value}”不是有效的期间，请写作 2026、2026-Q3 或 2026-07。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{staff} holds the head&apos;s duties only from {starts} to {ends}: an action dated {at} is outside that span. A late record of what was decided then is entered by the head.</source>
        <translation>{staff} 仅在 {starts} 至 {ends} 期间代行网点负责人职责：时间为 {at} 的操作不在该时段内。对当时所作决定的补录，由网点负责人办理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{staff} held the head&apos;s duties from {starts} to {ends}; that span is over (it is now {now}), and typing an earlier time does not revive it. A late record of what was decided then is entered by the head.</source>
        <translation>{staff} 代行网点负责人职责的时段为 {starts} 至 {ends}，该时段已结束（现在是 {now}），填写更早的时间也不能使其恢复。对当时所作决定的补录，由网点负责人办理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{staff} may not {action}: the role does not allow it (Art. 4-8).</source>
        <translation>{staff} 的岗位无权{action}（第四条至第八条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{staff} may not set the head&apos;s password: the head&apos;s own account is the head&apos;s in person, whoever holds the head&apos;s duties (this program&apos;s default).</source>
        <translation>{staff} 不能设置网点负责人的密码：负责人本人的账号只能由负责人亲自管理，无论谁代行负责人职责（本程序的默认规则）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} already has an account; reset the password instead.</source>
        <translation>{name} 已有账号；如需更改，请重置密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} has no account yet.</source>
        <translation>{name} 尚未开设账号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current password is not correct.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The login accounts of this database cannot be read ({detail}): nothing is done until the database is checked (complaint-desk check) or a backup restored.</source>
        <translation>无法读取本数据库的登录账号（{detail}）：在检查数据库（complaint-desk check）或恢复备份之前，不执行任何操作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The employee number or the password is not correct, or the account is locked for {minutes} minutes after too many wrong passwords. The head can reset the password.</source>
        <translation>工号或密码不正确，或因密码错误次数过多，账号已锁定 {minutes} 分钟。网点负责人可重置密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is no longer active staff of this outlet and cannot log in.</source>
        <translation>{name} 已不是本网点在岗员工，不能登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is encrypted: it opens only after a login (employee number and password) or with the recovery key.</source>
        <translation>{path} 已加密：须登录（工号和密码）或使用恢复密钥才能打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key does not open the database {path}.</source>
        <translation>该密钥打不开数据库 {path}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database key file {path} is missing: the encrypted database cannot be opened without it. Put it back from where it was kept.</source>
        <translation>数据库密钥文件 {path} 不见了：没有它，加密的数据库无法打开。请从保存的地方把它放回原处。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recovery key is not correct, or it is locked for {minutes} minutes after too many wrong tries.</source>
        <translation>恢复密钥不正确，或因错误次数过多已被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not encrypted, so it has no recovery key.</source>
        <translation>{path} 没有加密，因此没有恢复密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The outlet has no head with a login account to recover.</source>
        <translation>本网点没有设有登录账户的负责人，无法恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database {path} is already encrypted.</source>
        <translation>数据库 {path} 已经加密。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The encrypted copy of the database did not match it ({detail}); the database was left as it was.</source>
        <translation>数据库的加密副本与原库不一致（{detail}），数据库保持原样未变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle is refused ({member}): {detail}.</source>
        <translation>交换包被拒收（{member}）：{detail}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle file is cut off: it was not copied whole. Nothing was imported; copy it again.</source>
        <translation>交换包文件不完整：复制时被截断。未导入任何内容，请重新复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{member} is larger than {max_mb} MB; the bundle is refused.</source>
        <translation>{member} 超过 {max_mb} MB，交换包被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{member} nests its data deeper than {max} levels; the bundle is refused.</source>
        <translation>{member} 的数据嵌套超过 {max} 层，交换包被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle is of format version {version}, which is not signed; only signed bundles of version {current} are accepted. Ask the sender to write it again.</source>
        <translation>该交换包为第 {version} 版格式，未经签名；只接受第 {current} 版签名交换包。请发送方重新生成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle carries no signature; it is refused.</source>
        <translation>交换包没有签名，被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle is signed by a key that is not enrolled for outlet {sender} (fingerprint {fingerprint}); it is refused.</source>
        <translation>交换包的签名密钥不是网点 {sender} 已登记的密钥（指纹 {fingerprint}），被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle is signed by a key this outlet does not trust (fingerprint {fingerprint}); it is refused.</source>
        <translation>交换包的签名密钥不是本网点信任的密钥（指纹 {fingerprint}），被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle was changed after it was signed (the signature does not match); it is refused.</source>
        <translation>交换包在签名后被改动（签名不符），被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{member} was changed after the bundle was signed (its SHA-256 is not the signed manifest&apos;s); the bundle is refused.</source>
        <translation>{member} 在交换包签名后被改动（SHA-256 与签名清单不符），交换包被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle is addressed to {addressee}, not to {here}; it is refused.</source>
        <translation>交换包的收件方是 {addressee}，不是 {here}，被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundle number {seq} from {sender} is not newer than number {last} already received; it is refused as a replay.</source>
        <translation>来自 {sender} 的第 {seq} 号交换包不晚于已收到的第 {last} 号，作为重放被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle of outlet {sender} carries case {case_no} of another outlet; it is refused.</source>
        <translation>网点 {sender} 的交换包含有其他网点的投诉 {case_no}，被拒收。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundles {first} to {last} from {sender} have not arrived; this one was imported, the missing ones may follow.</source>
        <translation>来自 {sender} 的第 {first} 至 {last} 号交换包尚未收到；本包已导入，缺少的交换包可随后导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The outlet trusts no district key yet: run trust-district first (a bundle is addressed to that district).</source>
        <translation>本网点尚未信任任何区分公司密钥：请先运行 trust-district（交换包须寄给该区分公司）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The outlet has no signing key yet: write its enrolment file first.</source>
        <translation>本网点尚无签名密钥：请先生成登记文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to the district database was lost during the import: nothing of this bundle was written. Import it again when the database answers.</source>
        <translation>导入过程中与区分公司数据库的连接中断：本交换包未写入任何内容。数据库恢复后请重新导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outlet {outlet} is not enrolled in this district; enrol it before sending it work orders.</source>
        <translation>网点 {outlet} 未在本区分公司登记；请先登记，再向其下发工单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work order {source} {number} is already entered (assigned to outlet {outlet}).</source>
        <translation>工单 {source} {number} 已录入（已分派给网点 {outlet}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work order {source} {number} is already entered (not yet assigned to an outlet).</source>
        <translation>工单 {source} {number} 已录入（尚未分派给网点）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no work order {source} {number} at the district.</source>
        <translation>区分公司没有工单 {source} {number}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Work order {source} {number} was sent down to outlet {outlet} on {sent}; it can no longer go to another outlet.</source>
        <translation>工单 {source} {number} 已于 {sent} 下发给网点 {outlet}，不能再改派其他网点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outlet {outlet} has sent no escalation {seq} of case {case_no}.</source>
        <translation>网点 {outlet} 未上报案件 {case_no} 的第 {seq} 次升级。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Escalation {seq} of case {case_no} is not accepted by the district yet; accept it first (Art. 11).</source>
        <translation>案件 {case_no} 的第 {seq} 次升级尚未由区分公司受理；请先受理（第十一条）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assign the department leading escalation {seq} of case {case_no} before recording its result (Art. 11).</source>
        <translation>记录案件 {case_no} 第 {seq} 次升级的处理结果前，请先指定牵头部门（第十一条）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No bundle number {seq} to outlet {outlet} is kept: only bundles sent since this version of the program can be written again; send what is new instead.</source>
        <translation>没有保存发往网点 {outlet} 的第 {seq} 号交换包：只有本版本程序发出的交换包才能重新写出；请改为发送新增内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing new for outlet {outlet} since bundle number {seq}: no work order, reply or escalation result waits; no bundle written.</source>
        <translation>自第 {seq} 号交换包以来，没有需要发给网点 {outlet} 的新工单、答复或升级处理结果；未写出交换包。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outlet {outlet} is not enrolled in this district.</source>
        <translation>网点 {outlet} 未在本区县分公司登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target {metric} of {period} for {outlet} is given twice (first in cell {first}).</source>
        <translation>{outlet} 在 {period} 的指标 {metric} 填写了两次（第一次在第 {first} 个单元格）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{value}&apos; is not a number of days: give a whole number from 1 to {max}.</source>
        <translation>“{value}”不是有效天数：请填写 1 至 {max} 之间的整数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No outlet is enrolled in this district yet: there is nothing to assess.</source>
        <translation>本区县分公司尚未登记任何网点，无可考核的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail is shorter than its signed checkpoint of {at}: {entries} entries then, {now} now; entries were removed.</source>
        <translation>审计记录比 {at} 的签名检查点短：当时 {entries} 条，现在 {now} 条；有记录被删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail differs from its signed checkpoint of {at}: its first {entries} entries are not the ones the checkpoint signed (entries rewritten or removed).</source>
        <translation>审计记录与 {at} 的签名检查点不符：前 {entries} 条记录已不是检查点签名时的记录（记录被改写或删除）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No signed checkpoint of the audit trail found yet.</source>
        <translation>尚未找到审计记录的签名检查点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matches its signed checkpoint of {at} ({entries} entries).</source>
        <translation>与 {at} 的签名检查点一致（{entries} 条记录）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trigger {name} is missing (writes are not guarded).</source>
        <translation>触发器 {name} 缺失（写入不受保护）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trigger {name} is not the one this program creates.</source>
        <translation>触发器 {name} 不是本程序创建的版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trigger {name} is not one this program creates.</source>
        <translation>触发器 {name} 不是本程序创建的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SQL function {name} does not compute what this program&apos;s does.</source>
        <translation>数据库函数 {name} 的计算结果与本程序的不同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search index {name} does not match its table ({error}).</source>
        <translation>搜索索引 {name} 与其数据表不符（{error}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calendar day {day} differs from the published schedule it is marked as coming from.</source>
        <translation>日历中 {day} 标注为来自公布的放假安排，但与该安排不同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calendar day {day} of the published schedule is missing.</source>
        <translation>公布的放假安排中的 {day} 在日历中缺失。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calendar day {day} is marked as set by the head, but the trail names no head or acting head who set it.</source>
        <translation>日历中 {day} 标注为网点负责人设置，但审计记录中没有负责人或代理负责人设置它的记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{field}&apos; carries a time zone; give it as the outlet&apos;s local time, without a zone.</source>
        <translation>“{field}”带有时区；请按网点当地时间填写，不带时区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk is full: this was not saved, and everything saved before is kept. Free some space on the disk of the data folder ({folder}), then do it again.</source>
        <translation>磁盘已满：本次操作未保存，此前保存的内容全部保留。请清理数据文件夹（{folder}）所在磁盘的空间，然后再做一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no room on the disk for {path}: nothing was written there. Free some space or choose another disk, then do it again.</source>
        <translation>磁盘空间不足，无法写入 {path}：该处未写入任何内容。请清理空间或换一个磁盘，然后再做一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data folder {folder} cannot be written (a read-only disk or folder): nothing was changed. Copy the folder to a writable disk, or make it writable, and run it again there.</source>
        <translation>数据文件夹 {folder} 无法写入（磁盘或文件夹为只读）：未做任何更改。请把该文件夹复制到可写的磁盘上，或将其设为可写，然后在那里再运行一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} cannot be written (a read-only disk or folder): nothing was written there. Choose another place.</source>
        <translation>{path} 无法写入（磁盘或文件夹为只读）：该处未写入任何内容。请另选一个位置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk reported an error ({detail}): this was not saved, and everything saved before is kept. Run the database check, then do it again.</source>
        <translation>磁盘报告错误（{detail}）：本次操作未保存，此前保存的内容全部保留。请先检查数据库，然后再做一次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The staff member chosen is no longer in this database&apos;s staff list (it was restored from an older backup, or changed elsewhere): nothing was saved. Choose again.</source>
        <translation>所选员工已不在本数据库的员工名单中（数据库已从较早的备份恢复，或在别处被改动）：未保存任何内容。请重新选择。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is no longer in this database&apos;s staff list (it was restored from an older backup, or changed elsewhere): nothing was saved. Log in again.</source>
        <translation>{name} 已不在本数据库的员工名单中（数据库已从较早的备份恢复，或在别处被改动）：未保存任何内容。请重新登录。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>receive a report</source>
        <translation>接收报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopen</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge a repeat</source>
        <translation>合并重复投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>determine liability</source>
        <translation>认定责任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close</source>
        <translation>办结投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record a handling decision</source>
        <translation>作出处理决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extend the decision period</source>
        <translation>延长处理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pause the decision clock</source>
        <translation>暂停处理时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decide a review</source>
        <translation>作出复核决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call back a work-order customer</source>
        <translation>回访工单客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>change rule settings</source>
        <translation>修改规则设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit the working-day calendar</source>
        <translation>编辑工作日历</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>apply a penalty</source>
        <translation>作出处罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit the staff roster</source>
        <translation>编辑员工名册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record training</source>
        <translation>记录培训</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decide a suggestion</source>
        <translation>决定是否采纳建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set targets</source>
        <translation>设定管控指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer a case</source>
        <translation>转交投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report a case to the head</source>
        <translation>向负责人报告投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reveal full customer data</source>
        <translation>查看客户完整信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back up or restore the database</source>
        <translation>备份或恢复数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name an acting head</source>
        <translation>指定现场负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage staff accounts</source>
        <translation>管理员工账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change the login settings</source>
        <translation>修改登录设置</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
</TS>
