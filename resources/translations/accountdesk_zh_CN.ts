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
    <name>AuditTab</name>
    <message>
        <source>Every change to this customer and its records, newest first.</source>
        <translation>该客户及其所有记录的每一次变更，最新的在前。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>BasicInfoTab</name>
    <message>
        <source>e.g. VIP, East China</source>
        <translation>例如：VIP，华东</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Customer name *</source>
        <translation>客户名称 *</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>The customer name must not be empty.</source>
        <translation>客户名称不能为空。</translation>
    </message>
    <message>
        <source>Unsaved changes: %1</source>
        <translation>未保存的修改：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this first</source>
        <translation>他人已先保存了此记录</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他同事</translation>
    </message>
    <message>
        <source>%1 deleted this record while you were editing. Your changes were not saved.</source>
        <translation>在您编辑期间，%1 删除了此记录。您的修改未保存。</translation>
    </message>
    <message>
        <source>%1 saved this record while you were editing. Your changes were not saved yet: choose, field by field, what to keep.</source>
        <translation>在您编辑期间，%1 保存了此记录。您的修改尚未保存：请逐项选择要保留的内容。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>对方（已保存）</translation>
    </message>
    <message>
        <source>(only you changed it)</source>
        <translation>（仅您修改了此项）</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>按我的选择保存</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>放弃我的修改</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Solar (Gregorian)</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Birthday calendar</source>
        <translation>生日历法</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>生日（月）</translation>
    </message>
    <message>
        <source>Birthday day</source>
        <translation>生日（日）</translation>
    </message>
    <message>
        <source>Leap month (lunar only)</source>
        <translation>闰月（仅农历）</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>leap </source>
        <translation>闰</translation>
    </message>
    <message>
        <source>Lunar %1</source>
        <translation>农历 %1</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>共 %1 位联系人</translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Next revisit</source>
        <translation>下次回访</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Revisit overdue</source>
        <translation>回访已逾期</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>Basic info</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易记录</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>互动记录</translation>
    </message>
    <message>
        <source>Revisit plan</source>
        <translation>回访计划</translation>
    </message>
    <message>
        <source>Feedback &amp; complaints</source>
        <translation>反馈投诉</translation>
    </message>
    <message>
        <source>Tier record</source>
        <translation>分级记录</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>未安排</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Next revisit</source>
        <translation>下次回访</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Restore customer</source>
        <translation>恢复客户</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>← Customer list</source>
        <translation>← 客户列表</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>记录互动…</translation>
    </message>
    <message>
        <source>Delete the customer “%1”? Its records are kept and it can be restored from this screen.</source>
        <translation>删除客户“%1”吗？其记录会保留，并可在此页面恢复。</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>共 %1 位客户</translation>
    </message>
    <message>
        <source>%1 of %2 customers match</source>
        <translation>%2 位客户中有 %1 位符合</translation>
    </message>
    <message>
        <source>%1 selected:</source>
        <translation>已选 %1 位：</translation>
    </message>
    <message>
        <source>Select customers (Ctrl/Shift+click) for bulk actions:</source>
        <translation>选择客户（Ctrl/Shift+单击）后可批量操作：</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <source>Select a customer in the list first.</source>
        <translation>请先在列表中选择一位客户。</translation>
    </message>
    <message>
        <source>Assign owner</source>
        <translation>指派负责人</translation>
    </message>
    <message>
        <source>Owner for %1 customers (a new name adds a user):</source>
        <translation>为 %1 位客户指派负责人（输入新名字将新增用户）：</translation>
    </message>
    <message>
        <source>Owner set on %1 customers.</source>
        <translation>已为 %1 位客户指派负责人。</translation>
    </message>
    <message>
        <source>Assigning owner…</source>
        <translation>正在指派负责人…</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tag to add to %1 customers:</source>
        <translation>为 %1 位客户添加标签：</translation>
    </message>
    <message>
        <source>Tag added to %1 customers.</source>
        <translation>已为 %1 位客户添加标签。</translation>
    </message>
    <message>
        <source>Adding tag…</source>
        <translation>正在添加标签…</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>记录互动…</translation>
    </message>
    <message>
        <source>Assign owner…</source>
        <translation>指派负责人…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>+ New customer</source>
        <translation>+ 新建客户</translation>
    </message>
    <message>
        <source>No customer matches this search and these filters.</source>
        <translation>没有符合当前搜索和筛选条件的客户。</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
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
    <name>EmptyState</name>
    <message>
        <source>No customers yet</source>
        <translation>还没有客户</translation>
    </message>
    <message>
        <source>Bring in your customer sheet, add customers one by one, or look around with demo data first.</source>
        <translation>导入您现有的客户表格，逐个添加客户，或先用演示数据看看效果。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Import Excel</source>
        <translation>导入 Excel</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
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
    <name>FeedbackDialog</name>
    <message>
        <source>Edit feedback</source>
        <translation>编辑反馈</translation>
    </message>
    <message>
        <source>New feedback</source>
        <translation>新建反馈</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Content *</source>
        <translation>内容 *</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Mark resolved…</source>
        <translation>标记为已解决…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>已解决 %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>%1 entries, %2 open complaints</source>
        <translation>共 %1 条，未解决投诉 %2 条</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search name, code, contact, phone, pinyin or initials  (Ctrl+F)</source>
        <translation>搜索 名称、编号、联系人、电话、拼音或首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>Revisit overdue</source>
        <translation>回访逾期</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Edit interaction</source>
        <translation>编辑互动记录</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>方式 *</translation>
    </message>
    <message>
        <source>When *</source>
        <translation>时间 *</translation>
    </message>
    <message>
        <source>(no particular contact)</source>
        <translation>（不指定联系人）</translation>
    </message>
    <message>
        <source>With</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>沟通了什么</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>（未评价）</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>InteractionsTab</name>
    <message>
        <source>Log interaction…  (Ctrl+L)</source>
        <translation>记录互动…（Ctrl+L）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>联系人 %1</translation>
    </message>
    <message>
        <source>%1 interactions</source>
        <translation>共 %1 次互动</translation>
    </message>
    <message>
        <source>average satisfaction %1</source>
        <translation>平均满意度 %1</translation>
    </message>
    <message>
        <source>Delete this interaction?</source>
        <translation>删除这条互动记录吗？</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Price-sensitive</source>
        <translation>价格敏感型</translation>
    </message>
    <message>
        <source>Quality-sensitive</source>
        <translation>质量敏感型</translation>
    </message>
    <message>
        <source>Service-sensitive</source>
        <translation>服务敏感型</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Revisit plan</source>
        <translation>回访计划</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>等级变更</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>合作起始日</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Tier locked</source>
        <translation>锁定等级</translation>
    </message>
    <message>
        <source>Reason for the tier lock</source>
        <translation>锁定等级原因</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介绍数</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <source>Need type</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>Purchasing power</source>
        <translation>购买力</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Birthday calendar</source>
        <translation>生日历法</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>生日（月）</translation>
    </message>
    <message>
        <source>Birthday day</source>
        <translation>生日（日）</translation>
    </message>
    <message>
        <source>Leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
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
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer name *</source>
        <translation>客户名称 *</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Assigned automatically</source>
        <translation>自动分配</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>The database is busy (another user is saving); trying again…</source>
        <translation>数据库正忙（有同事正在保存），正在重试…</translation>
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
    <name>PlaceholderTab</name>
    <message>
        <source>This tab could not be loaded: %1</source>
        <translation>此页无法加载：%1</translation>
    </message>
    <message>
        <source>This tab is being built and will appear here in a coming version.</source>
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
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecordTableTab</name>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this record?</source>
        <translation>删除这条记录吗？</translation>
    </message>
</context>
<context>
    <name>ResolveFeedbackDialog</name>
    <message>
        <source>Resolve feedback</source>
        <translation>处理反馈</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
</context>
<context>
    <name>TransactionDialog</name>
    <message>
        <source>Edit transaction</source>
        <translation>编辑交易</translation>
    </message>
    <message>
        <source>New transaction</source>
        <translation>新建交易</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount (¥) *</source>
        <translation>金额（元）*</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TransactionsTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 transactions, %2 in all</source>
        <translation>共 %1 笔交易，合计 %2</translation>
    </message>
</context>
</TS>
