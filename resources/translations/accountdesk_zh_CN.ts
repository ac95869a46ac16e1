<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new, empty database file</source>
        <translation>创建一个新的空数据库文件</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another AccountDesk database file</source>
        <translation>打开另一个 AccountDesk 数据库文件</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Make a verified copy of the database</source>
        <translation>生成一份经过校验的数据库副本</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace the database with a backup (the current one is kept)</source>
        <translation>用备份替换当前数据库（当前数据库会先备份保留）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a customer to the archive</source>
        <translation>在客户档案中新增一位客户</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>Search by name, code, contact, phone, pinyin or initials</source>
        <translation>按名称、编号、联系人、电话、拼音或首字母搜索</translation>
    </message>
    <message>
        <source>&amp;Log interaction…</source>
        <translation>记录互动(&amp;L)…</translation>
    </message>
    <message>
        <source>Record a call, visit or message with the current customer</source>
        <translation>记录与当前客户的电话、拜访或消息往来</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About AccountDesk</source>
        <translation>关于 AccountDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>已以只读方式打开</translation>
    </message>
    <message>
        <source>The database was upgraded; a backup was kept first: %1</source>
        <translation>数据库结构已升级；升级前已备份：%1</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Use the default database</source>
        <translation>使用默认数据库</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>您希望怎么做？</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>AccountDesk databases (*.accountdesk);;All files (*)</source>
        <translation>AccountDesk 数据库 (*.accountdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The database was restored. The database as it was is kept at:
%1</source>
        <translation>数据库已恢复。恢复前的数据库保存在：
%1</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>AccountDesk databases (*.accountdesk);;All files (*)</source>
        <translation>AccountDesk 数据库 (*.accountdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>“%1” already exists. Use Open database to open it, or choose another name.</source>
        <translation>“%1”已存在。请用“打开数据库”打开它，或换一个文件名。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backed up and verified:
%1</source>
        <translation>已备份并校验：
%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>A server database is restored with PostgreSQL&apos;s own tools (pg_restore).</source>
        <translation>服务器数据库请用 PostgreSQL 自带的工具（pg_restore）恢复。</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the database “%1” with the backup “%2”?

The database as it is now is backed up first, so this can be undone.</source>
        <translation>用备份“%2”替换数据库“%1”吗？

当前数据库会先备份，因此可以撤销。</translation>
    </message>
    <message>
        <source>About AccountDesk</source>
        <translation>关于 AccountDesk</translation>
    </message>
    <message>
        <source>AccountDesk %1 — customer archive, tiering, revisits and care reminders for key-account managers.

Database: %2</source>
        <translation>AccountDesk 客户分级维护台 %1 —— 为大客户经理提供客户档案、分级、回访与关怀提醒。

数据库：%2</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>AccountDesk</source>
        <translation>AccountDesk 客户分级维护台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>%1, read-only</source>
        <translation>%1，只读</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>模式：%1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Reminders: %1</source>
        <translation>待办提醒：%1</translation>
    </message>
    <message>
        <source>AccountDesk — Key Account Desk</source>
        <translation>AccountDesk 客户分级维护台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent &amp;databases</source>
        <translation>最近打开的数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The customer archive: search, filter and edit customers.</source>
        <translation>客户档案：搜索、筛选和编辑客户。</translation>
    </message>
    <message>
        <source>Tier board</source>
        <translation>分级看板</translation>
    </message>
    <message>
        <source>Customers by tier A / B / C, score breakdowns and re-grading.</source>
        <translation>按 A / B / C 等级查看客户、评分明细和重新分级。</translation>
    </message>
    <message>
        <source>Revisit calendar</source>
        <translation>回访日历</translation>
    </message>
    <message>
        <source>Planned revisits by day and week, overdue revisits, revisit sheets.</source>
        <translation>按日、按周查看回访计划、逾期回访和回访单。</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Birthdays, festivals, anniversaries and churn warnings due soon.</source>
        <translation>即将到来的生日、节日、纪念日和流失预警。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Tier distribution, retention, satisfaction and per-owner figures.</source>
        <translation>等级分布、留存率、满意度和各负责人的业绩。</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <source>Import customers from Excel or CSV and export the tier sheet.</source>
        <translation>从 Excel 或 CSV 导入客户，导出客户分级管理表。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Scoring model, tier policies, reminders, language and database.</source>
        <translation>评分模型、分级策略、提醒、语言和数据库。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page could not be loaded: %1</source>
        <translation>此页面无法加载：%1</translation>
    </message>
    <message>
        <source>This page is being built and will appear here in a coming version.</source>
        <translation>此功能正在建设中，将在后续版本中出现在这里。</translation>
    </message>
</context>
<context>
    <name>ProgressPresenter</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
