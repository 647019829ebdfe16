<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="+63"/>
        <source>Complaint Desk</source>
        <translation>网点投诉处理台</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint Desk could not open its database:
{path}

{error}

Check that the folder exists and is writable, and that no other copy of the program is upgrading it. Your data has not been changed.</source>
        <translation>网点投诉处理台无法打开数据库：
{path}

{error}

请检查该文件夹是否存在且可写入，并确认没有其他正在运行的本程序在升级该数据库。您的数据未被改动。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop/dialogs/backup_dialog.py" line="+68"/>
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
        <location line="+79"/>
        <location line="+1"/>
        <location line="+284"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="-277"/>
        <location line="+145"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="-143"/>
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
        <location line="+5"/>
        <source>&amp;Keep of each kind:</source>
        <translation>每类保留份数(&amp;K)：</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up now, restore a backup, choose the backup folder</source>
        <translation>立即备份、恢复备份、选择备份文件夹</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Complaint Desk cannot write to {folder}. Choose another folder.</source>
        <translation>网点投诉处理台无法写入 {folder}。请选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the backup made at {time} ({reason})?

The current data is first backed up to {folder} (as “before a restore”), then replaced by this backup. Complaint Desk closes afterwards; open it again to work with the restored data.</source>
        <translation>要恢复 {time} 的备份（{reason}）吗？

当前数据会先备份到 {folder}（标记为“恢复前”），然后被此备份替换。恢复后网点投诉处理台将关闭，请重新打开以使用恢复后的数据。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location line="+54"/>
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
        <location line="+8"/>
        <source>Failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="-330"/>
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
        <location filename="../../desktop/backup_scheduler.py" line="+121"/>
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
        <location line="+39"/>
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
        <location line="-173"/>
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
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../desktop/widgets/case_detail.py" line="+85"/>
        <source>Select a complaint in the list to see its details.</source>
        <translation>在列表中选择一条投诉，即可查看详情。</translation>
    </message>
    <message>
        <location line="+54"/>
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
        <location line="+23"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case fields</source>
        <translation>投诉信息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case timeline</source>
        <translation>投诉处理记录</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+22"/>
        <source>{severity}: {triggers}</source>
        <translation>{severity}：{triggers}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+83"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>{time} (overdue)</source>
        <translation>{time}（已超期）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reply by {time}</source>
        <translation>须于 {time} 前回复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/case_model.py" line="+271"/>
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
        <location line="+112"/>
        <source>Near its deadline: due {time}</source>
        <translation>临近期限：{time} 到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due {time}</source>
        <translation>{time} 到期</translation>
    </message>
    <message>
        <location line="-121"/>
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
        <location line="+103"/>
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
        <location filename="../../desktop/widgets/case_table.py" line="+55"/>
        <source>Complaint list</source>
        <translation>投诉列表</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../desktop/labels.py" line="+152"/>
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
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/widgets/filter_bar.py" line="+62"/>
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
        <location line="+2"/>
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
        <location line="+81"/>
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
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="+50"/>
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
        <location line="+68"/>
        <source>The outlet could not be saved: {0}</source>
        <translation>网点信息未能保存：{0}</translation>
    </message>
</context>
<context>
    <name>InlineErrors</name>
    <message>
        <location filename="../../desktop/dialogs/new_case.py" line="+129"/>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="+138"/>
        <source>Open: {open}  Overdue: {overdue}  Due today: {due_today}</source>
        <translation>未办结：{open}  已超期：{overdue}  今日到期：{due_today}</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Complaint counts</source>
        <translation>投诉统计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complaints listed</source>
        <translation>列表中的投诉数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outlet: {name} ({code}) — head: {head}</source>
        <translation>网点：{name}（{code}）— 负责人：{head}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Complaint Desk — {outlet}</source>
        <translation>网点投诉处理台 — {outlet}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} [demo data]</source>
        <translation>{title} [演示数据]</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Listed: {count}</source>
        <translation>列表：{count} 条</translation>
    </message>
    <message>
        <location line="+14"/>
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
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../desktop/dialogs/new_case.py" line="+94"/>
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
        <location line="+41"/>
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
        <location line="+2"/>
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
        <location line="+18"/>
        <source>&amp;Description:</source>
        <translation>投诉内容(&amp;D)：</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+33"/>
        <source>Severity: {0}</source>
        <translation>严重程度：{0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} 字</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The complaint could not be saved: {0}</source>
        <translation>投诉未能保存：{0}</translation>
    </message>
</context>
<context>
    <name>QueryOp</name>
    <message>
        <location filename="../../desktop/worker.py" line="+154"/>
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
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../desktop/dialogs/report_preview.py" line="+77"/>
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
        <location line="+1"/>
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
        <location line="+68"/>
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
        <location line="+14"/>
        <source>Save report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location line="+27"/>
        <source>The report could not be generated:
{error}</source>
        <translation>报告无法生成：
{error}</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <location filename="../../desktop/reports_menu.py" line="+60"/>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Incident report of the selected complaint…</source>
        <translation>所选投诉的事件报告(&amp;I)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview, print or save the incident report of the selected complaint</source>
        <translation>预览、打印或保存所选投诉的事件报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint &amp;ledger (XLSX)…</source>
        <translation>投诉台账（XLSX）(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the register of a year&apos;s complaints as an Excel workbook</source>
        <translation>将一年的投诉登记保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Verify a report…</source>
        <translation>核验报告(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that a saved or printed report still matches the database</source>
        <translation>核对已保存或已打印的报告是否仍与数据库一致</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Incident report {case_no}</source>
        <translation>投诉事件报告 {case_no}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+67"/>
        <source>Complaint ledger</source>
        <translation>投诉台账</translation>
    </message>
    <message>
        <location line="-66"/>
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
        <location line="+24"/>
        <source>Ledger of {count} complaints saved to {path} ({seconds} s)</source>
        <translation>已将 {count} 件投诉的台账保存到 {path}（用时 {seconds} 秒）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The ledger could not be written:
{error}</source>
        <translation>投诉台账无法生成：
{error}</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../desktop/single_instance.py" line="+110"/>
        <source>Complaint Desk is already open on this database. Close it first.</source>
        <translation>网点投诉处理台已经打开了这个数据库。请先关闭它。</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <name>StartupCheck</name>
    <message>
        <location filename="../../desktop/startup_check.py" line="+66"/>
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
        <location line="+29"/>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>The database failed its check:
{problem}

There is no good backup in {folder}. Complaint Desk will not open the database, so as not to make the damage worse; the file is unchanged:
{path}

If you have a backup elsewhere, restore it with: complaint-desk restore FILE</source>
        <translation>数据库未通过检查：
{problem}

{folder} 中没有完好的备份。为避免损坏扩大，网点投诉处理台不会打开该数据库；文件未被改动：
{path}

如果您在别处有备份，可用以下命令恢复：complaint-desk restore FILE</translation>
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

您之后可以在命令行恢复备份：complaint-desk restore FILE</translation>
    </message>
    <message>
        <location line="+29"/>
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
    <name>Validation</name>
    <message>
        <location filename="../../desktop/labels.py" line="-49"/>
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
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop/dialogs/verify_dialog.py" line="+43"/>
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
        <location filename="../../desktop/labels.py" line="-124"/>
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
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-32"/>
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
        <source>Rules and processes</source>
        <translation>管理制度、业务规则与流程</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Callback done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liability determined</source>
        <translation>已认定责任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+3"/>
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
</context>
</TS>
