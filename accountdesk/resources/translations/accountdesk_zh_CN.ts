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
        <source>&amp;Connect to server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>Open a team&apos;s PostgreSQL database (host, user, password, SSL)</source>
        <translation>打开团队的 PostgreSQL 数据库（服务器、用户、密码、SSL）</translation>
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
        <source>&amp;Merge another copy…</source>
        <translation>合并另一个副本(&amp;M)…</translation>
    </message>
    <message>
        <source>Bring in what a diverged copy of this database has (e.g. a sync tool&apos;s conflicted copy); you see the changes first</source>
        <translation>把本数据库另一个副本（例如同步工具产生的冲突副本）中的改动合并进来；合并前先列出将要变更的内容</translation>
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
    <name>AddActionDialog</name>
    <message>
        <source>Add a win-back action</source>
        <translation>添加挽回措施</translation>
    </message>
    <message>
        <source>On *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Action *</source>
        <translation>措施 *</translation>
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
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>It is open read-only: you can export what can still be read, but not change it.</source>
        <translation>它已以只读方式打开：可以导出仍能读出的记录，但不能修改。</translation>
    </message>
    <message>
        <source>Restore the newest verified backup (%1)</source>
        <translation>恢复最近一份完好的备份（%1）</translation>
    </message>
    <message>
        <source>Keep it open read-only, to export</source>
        <translation>保持只读打开，用于导出</translation>
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
    <message>
        <source>merged from %1 by %2</source>
        <translation>由 %2 从 %1 合并</translation>
    </message>
    <message>
        <source> (the copy says: %1, %2)</source>
        <translation>（副本上写的是：%1，%2）</translation>
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
        <source>Custom fields (one "name: text" a line)</source>
        <translation>自定义字段（每行一个“名称：内容”）</translation>
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
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved yet: your changes are still here.</source>
        <translation>尚未保存：您的修改仍在。</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>Edit care given</source>
        <translation>编辑客户回馈</translation>
    </message>
    <message>
        <source>Record care given</source>
        <translation>记录客户回馈</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <source>What *</source>
        <translation>内容 *</translation>
    </message>
    <message>
        <source>e.g. Mid-Autumn mooncakes, 10% coupon, 2,000 points</source>
        <translation>例如：中秋月饼礼盒、九折券、2000 积分</translation>
    </message>
    <message>
        <source>Value (¥) *</source>
        <translation>价值（元）*</translation>
    </message>
    <message>
        <source>Given on *</source>
        <translation>赠送日期 *</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>e.g. birthday, Mid-Autumn, renewal</source>
        <translation>例如：生日、中秋、续约</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <source>Given on</source>
        <translation>赠送日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message numerus="yes">
        <source>%Ln given, %1 in all</source>
        <translation>
            <numerusform>共 %Ln 次回馈，合计 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseWinBackDialog</name>
    <message>
        <source>End the win-back</source>
        <translation>结束挽回</translation>
    </message>
    <message>
        <source>Outcome *</source>
        <translation>结果 *</translation>
    </message>
    <message>
        <source>On *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>End win-back</source>
        <translation>结束挽回</translation>
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
        <source>%1 saved this record while you were editing, and changed the same fields as you. Your changes are not saved yet: choose, field by field, what to keep.</source>
        <translation>您编辑期间 %1 保存了这条记录，并改动了与您相同的字段。您的修改尚未保存：请逐个字段选择要保留的值。</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>%1 保存的</translation>
    </message>
    <message>
        <source>Saved with your choices (only you changed them): %1</source>
        <translation>按您的修改保存（只有您改过）：%1</translation>
    </message>
    <message>
        <source>The value you do not keep stays in the customer&apos;s change history.</source>
        <translation>未保留的值仍留在客户的修改记录中。</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>返回编辑</translation>
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
        <source>Save my choices</source>
        <translation>按我的选择保存</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>A team&apos;s PostgreSQL server. The change history names the server login you connect as; the name typed in Settings applies to local files only.</source>
        <translation>团队的 PostgreSQL 服务器。修改记录中的用户是您连接时使用的服务器登录名；“设置”中填写的名字只用于本地文件。</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>把密码保存在这台电脑的系统钥匙串中</translation>
    </message>
    <message>
        <source>This computer has no keyring: use PGPASSWORD or ~/.pgpass instead.</source>
        <translation>这台电脑没有系统钥匙串：请改用 PGPASSWORD 或 ~/.pgpass。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User (server login):</source>
        <translation>用户（服务器登录名）：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>SSL 模式：</translation>
    </message>
    <message>
        <source>Leave the password empty to use PGPASSWORD, ~/.pgpass or a service file.</source>
        <translation>密码留空则使用 PGPASSWORD、~/.pgpass 或服务文件。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
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
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>共 %Ln 位联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>The action could not be completed</source>
        <translation>操作未能完成</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>AccountDesk met an unexpected error. Nothing was half-saved: the action that failed was rolled back.

%1

The details are in the log:
%2

Please send that file to whoever supports AccountDesk for you.</source>
        <translation>AccountDesk 遇到了意外错误。没有任何数据只保存了一半：出错的操作已全部撤回。

%1

详细信息已记录在日志中：
%2

请把这个文件发给为您提供 AccountDesk 支持的同事。</translation>
    </message>
    <message>
        <source>AccountDesk</source>
        <translation>客户分级维护台</translation>
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
        <source>Need type</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>购买频率</translation>
    </message>
    <message>
        <source>Purchasing power</source>
        <translation>购买力</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
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
        <source>Care given</source>
        <translation>客户回馈</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>挽回</translation>
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
        <source>overdue</source>
        <translation>已逾期</translation>
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
        <source>Tier discount</source>
        <translation>等级折扣</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
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
        <source>Assigning owner…</source>
        <translation>正在指派负责人…</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Adding tag…</source>
        <translation>正在添加标签…</translation>
    </message>
    <message>
        <source>Export the selected customers</source>
        <translation>导出所选客户</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV text</source>
        <translation>CSV 文本</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>共 %Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customer(s) match</source>
        <translation>
            <numerusform>%Ln 位客户中有 %1 位符合</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Choose some filters first: a view keeps the filters you set.</source>
        <translation>请先选择筛选条件：视图保存的是您设置的筛选。</translation>
    </message>
    <message>
        <source>Name of the view (the whole team sees it):</source>
        <translation>视图名称（全团队可见）：</translation>
    </message>
    <message>
        <source>Replace the view “%1”?</source>
        <translation>替换视图“%1”？</translation>
    </message>
    <message>
        <source>View “%1” saved.</source>
        <translation>视图“%1”已保存。</translation>
    </message>
    <message>
        <source>Saving view…</source>
        <translation>正在保存视图…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Delete the view “%1” for the whole team?</source>
        <translation>为全团队删除视图“%1”？</translation>
    </message>
    <message>
        <source>Deleting view…</source>
        <translation>正在删除视图…</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Select exactly two customers in the list to merge them.</source>
        <translation>请在列表中恰好选中两位客户再合并。</translation>
    </message>
    <message numerus="yes">
        <source>Owner for %Ln customer(s) (a new name adds a user):</source>
        <translation>
            <numerusform>为 %Ln 位客户指派负责人（输入新名字将新增用户）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owner set on %Ln customer(s).</source>
        <translation>
            <numerusform>已为 %Ln 位客户指派负责人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %Ln customer(s):</source>
        <translation>
            <numerusform>为 %Ln 位客户添加标签：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag added to %Ln customer(s).</source>
        <translation>
            <numerusform>已为 %Ln 位客户添加标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to %1</source>
        <translation>
            <numerusform>已导出 %Ln 位客户到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
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
        <source>Export selected…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Merge customers…</source>
        <translation>合并客户…</translation>
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
        <source>Select two records of one company to make them one</source>
        <translation>选中同一家公司的两条记录，把它们合并为一条</translation>
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
    <name>Dashboard</name>
    <message>
        <source>No tier</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Spend in period</source>
        <translation>期间消费</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>Revisits on time</source>
        <translation>按时回访</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>发起</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>挽回成功</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>挽回率</translation>
    </message>
    <message>
        <source>Churn reasons</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Cared for</source>
        <translation>获回馈客户</translation>
    </message>
    <message>
        <source>Care given</source>
        <translation>回馈次数</translation>
    </message>
    <message>
        <source>Care cost</source>
        <translation>回馈成本</translation>
    </message>
    <message>
        <source>Cost / spend</source>
        <translation>成本占消费</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
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
        <source>Purchase frequency</source>
        <translation>购买频率</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>分群方式</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Bought before / again</source>
        <translation>上期购买 / 本期再购</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Calculating the figures…</source>
        <translation>正在计算统计数据…</translation>
    </message>
    <message>
        <source>Spend in period: %1</source>
        <translation>期间消费：%1</translation>
    </message>
    <message>
        <source>%1 of %2 earlier buyers bought again</source>
        <translation>上期 %2 位购买客户中 %1 位再次购买</translation>
    </message>
    <message>
        <source>%1 share of spend</source>
        <translation>%1客户消费占比</translation>
    </message>
    <message>
        <source>Retention per month</source>
        <translation>每月留存率</translation>
    </message>
    <message>
        <source>%1 – %2: buyers of the month before who bought again</source>
        <translation>%1 – %2：上月购买客户中再次购买的比例</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Satisfaction per tier</source>
        <translation>各等级满意度</translation>
    </message>
    <message>
        <source>MMM</source>
        <translation>M月</translation>
    </message>
    <message>
        <source>No tier history for this period yet.</source>
        <translation>该期间还没有等级变动记录。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) in %2</source>
        <translation>
            <numerusform>%2客户 %Ln 位</numerusform>
        </translation>
    </message>
    <message>
        <source>not ended: day %1 of %2</source>
        <translation>尚未结束：第 %1 天，共 %2 天</translation>
    </message>
    <message>
        <source>compared with %1 – %2</source>
        <translation>对比 %1 – %2（同期）</translation>
    </message>
    <message>
        <source>same days before: %1</source>
        <translation>同期对比：%1</translation>
    </message>
    <message numerus="yes">
        <source>out of 5, from %Ln rating(s)</source>
        <translation>
            <numerusform>满分 5 分，共 %Ln 次评分</numerusform>
        </translation>
    </message>
    <message>
        <source> (so far)</source>
        <translation>（至今）</translation>
    </message>
    <message>
        <source>; %1 has not ended</source>
        <translation>；%1尚未结束，未计入</translation>
    </message>
    <message>
        <source>MMMM</source>
        <translation>M月</translation>
    </message>
    <message numerus="yes">
        <source>Mean of %Ln rating(s), 1–5</source>
        <translation>
            <numerusform>%Ln 次评分的平均值，1–5 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more owner(s) below their tier&apos;s rep level</source>
        <translation>
            <numerusform>另有 %Ln 位负责人低于其客户等级要求的级别</numerusform>
        </translation>
    </message>
    <message>
        <source>Resources not met: customers owned below the rep level their tier asks (%1).</source>
        <translation>资源配置未达标：以下客户的负责人低于其等级要求的人员级别（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %Ln customer(s) changed tier. Rows: tier at the start; columns: at the end.</source>
        <translation>
            <numerusform>%1 → %2：%Ln 位客户等级变动。行为期初等级，列为期末等级。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) at risk or churned, the most valuable first. Double-click to open one.</source>
        <translation>
            <numerusform>%Ln 位客户有流失风险或已流失，按累计消费从高到低排列。双击打开客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers by their class now; spend and satisfaction in the period; retention: of those who bought in the same number of days before, the share who bought again.</source>
        <translation>按客户当前分类统计；消费和满意度为本期数据；留存率：此前同样天数内购买过的客户中，本期再次购买的比例。</translation>
    </message>
    <message>
        <source>Customers now, and spend, interactions and revisits in the period.</source>
        <translation>客户数为当前数字；消费、互动和回访为所选期间的数字。</translation>
    </message>
    <message>
        <source>Started in the period, by churn reason; the rate is won back among those that ended in it.</source>
        <translation>期间内发起的挽回及其流失原因；挽回率 = 期间内结束的挽回中挽回成功的比例。</translation>
    </message>
    <message>
        <source>Gifts, coupons and points given in the period, against what each tier spent.</source>
        <translation>期间内赠送的礼品、优惠券和积分，对比各等级的消费。</translation>
    </message>
    <message>
        <source>No care given or spend in this period.</source>
        <translation>本期间没有回馈记录或消费。</translation>
    </message>
    <message>
        <source>Statistics %1 to %2</source>
        <translation>统计 %1 至 %2</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;JSON (*.json)</source>
        <translation>Excel 工作簿 (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Figures exported to %1</source>
        <translation>统计数据已导出到 %1</translation>
    </message>
    <message>
        <source>Exporting the figures…</source>
        <translation>正在导出统计数据…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>自定义期间…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>Care against value per tier</source>
        <translation>各等级回馈成本与价值</translation>
    </message>
    <message>
        <source>Per segment</source>
        <translation>按客户分群</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户总数</translation>
    </message>
    <message>
        <source>%1 of %2 on time, %3 overdue</source>
        <translation>按时 %1/%2，逾期 %3</translation>
    </message>
    <message numerus="yes">
        <source>; %Ln open in grace</source>
        <translation>
            <numerusform>，宽限期内 %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Top tier share of spend</source>
        <translation>最高等级消费占比</translation>
    </message>
    <message>
        <source>Retention rate</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>Revisits on time</source>
        <translation>按时回访率</translation>
    </message>
    <message>
        <source>Customers per tier</source>
        <translation>各等级客户数</translation>
    </message>
    <message>
        <source>Everyone in the archive now</source>
        <translation>档案中的全部客户</translation>
    </message>
    <message>
        <source>Spend per tier</source>
        <translation>各等级消费金额</translation>
    </message>
    <message>
        <source>In the period, and share of the total</source>
        <translation>所选期间的消费及占比</translation>
    </message>
    <message>
        <source>Buyers of the month before who bought again</source>
        <translation>上月购买客户中再次购买的比例</translation>
    </message>
    <message>
        <source>No figures for this period</source>
        <translation>该期间暂无数据</translation>
    </message>
    <message>
        <source>Tier migration</source>
        <translation>等级迁移</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Per owner</source>
        <translation>按负责人</translation>
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
        <source>AccountDesk %1 — customer archive, tiering, revisits and care reminders for key-account managers.</source>
        <translation>AccountDesk %1 —— 面向大客户经理的客户档案、客户分级、定期回访与客户关怀工具。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>数据库结构版本：%1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1，PySide6 %2，Python %3</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
</context>
<context>
    <name>DatabaseSettings</name>
    <message>
        <source>Reading the database facts…</source>
        <translation>正在读取数据库信息…</translation>
    </message>
    <message>
        <source>Local (one user on this computer)</source>
        <translation>本地（本机单人使用）</translation>
    </message>
    <message>
        <source>Shared (a team on a network drive)</source>
        <translation>共享（团队在网络盘上共用）</translation>
    </message>
    <message>
        <source>Server (PostgreSQL)</source>
        <translation>服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>%1, read-only</source>
        <translation>%1，只读</translation>
    </message>
    <message>
        <source>Shared mode lets colleagues open this file from a network drive at the same time: the file keeps its journal inside itself (no -wal file beside it) and every save goes straight to the disk. It is a little slower, and it is the safe way for a team. Everyone else must close the file before the switch; AccountDesk opens it again afterwards.</source>
        <translation>共享模式让同事们可以同时从网络盘打开这个文件：文件把日志保存在自身之内（旁边不再有 -wal 文件），每次保存都直接写入磁盘。速度稍慢，但这是团队共用的安全方式。切换前其他人必须先关闭该文件；切换后 AccountDesk 会重新打开它。</translation>
    </message>
    <message>
        <source>Switch to shared mode…</source>
        <translation>切换到共享模式…</translation>
    </message>
    <message>
        <source>The file is in shared mode for a team. Switch back to single-user mode only when the file is on this computer&apos;s own disk and nobody else uses it: it is faster there. Everyone else must close the file first.</source>
        <translation>该文件处于团队共享模式。只有当文件位于本机硬盘且没有其他人使用时，才切换回单人模式（这样更快）。切换前其他人必须先关闭该文件。</translation>
    </message>
    <message>
        <source>Switch to single-user mode…</source>
        <translation>切换到单人模式…</translation>
    </message>
    <message>
        <source>A server database is shared by the server itself; there is no mode to switch. Back it up with PostgreSQL&apos;s own tools (pg_dump).</source>
        <translation>服务器数据库由服务器本身负责多人共用，无需切换模式。请用 PostgreSQL 自带的工具（pg_dump）备份。</translation>
    </message>
    <message>
        <source>Backups are kept in %1</source>
        <translation>备份保存在 %1</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Shared mode</source>
        <translation>共享模式</translation>
    </message>
    <message>
        <source>Single-user mode</source>
        <translation>单人模式</translation>
    </message>
    <message>
        <source>Switch “%1” to shared mode now?</source>
        <translation>现在把“%1”切换到共享模式吗？</translation>
    </message>
    <message>
        <source>Switch “%1” to single-user mode now?</source>
        <translation>现在把“%1”切换到单人模式吗？</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Replace the database with the backup of %1?

The database as it is now is backed up first, so this can be undone.</source>
        <translation>用 %1 的备份替换当前数据库吗？

替换前会先备份当前数据库，可以撤销。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Reminder *</source>
        <translation>提醒内容 *</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>DuplicateGuard</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <source>This looks like a customer you already have:</source>
        <translation>这位客户似乎已经存在：</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Save again to keep it as a separate customer, or merge the two later (select both in the list → Merge customers…).</source>
        <translation>再点一次保存即作为另一位客户保存；也可稍后合并（在列表中选中两位 → 合并客户…）。</translation>
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
    <message numerus="yes">
        <source>%Ln entry(ies), %1 open</source>
        <translation>
            <numerusform>共 %Ln 条，未解决投诉 %1 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>File and sheet</source>
        <translation>文件和工作表</translation>
    </message>
    <message>
        <source>Choose the Excel or CSV file to import and say what its rows are.</source>
        <translation>选择要导入的 Excel 或 CSV 文件，并说明其中每一行是什么。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>An .xlsx, .xls, .ods or .csv file</source>
        <translation>.xlsx、.xls、.ods 或 .csv 文件</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>The sheet whose columns fit</source>
        <translation>自动选择列名相符的工作表</translation>
    </message>
    <message>
        <source>The rows are:</source>
        <translation>每一行是：</translation>
    </message>
    <message>
        <source>When a row is already in AccountDesk:</source>
        <translation>某行在系统中已存在时：</translation>
    </message>
    <message>
        <source>Create the customers the file names but AccountDesk does not have</source>
        <translation>文件中提到但系统里没有的客户，自动新建</translation>
    </message>
    <message>
        <source>Import nothing if any row has an error</source>
        <translation>只要有一行出错，就全部不导入</translation>
    </message>
    <message>
        <source>Title rows above the header, merged header cells, phone numbers stored as numbers and dates in any common form are fine. Nothing is written until you have checked the preview, and every import can be undone.</source>
        <translation>表头上方的标题行、合并的表头单元格、以数字形式保存的电话号码以及各种常见写法的日期都可以识别。在您核对预览之前不会写入任何数据，每次导入都可以撤销。</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets</source>
        <translation>电子表格</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
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
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Save these filters under a name the whole team can pick</source>
        <translation>把这些筛选条件存为一个全团队都能选用的视图</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Any purchasing power</source>
        <translation>全部购买力</translation>
    </message>
    <message>
        <source>Any need type</source>
        <translation>全部需求类型</translation>
    </message>
    <message>
        <source>Any frequency</source>
        <translation>全部购买频率</translation>
    </message>
    <message>
        <source>Any RFM segment</source>
        <translation>全部 RFM 分群</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
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
        <source>Saved views…</source>
        <translation>已存视图…</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>暂无已存视图</translation>
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
    <name>GeneralSettings</name>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <source>You now work as %1.</source>
        <translation>您现在以“%1”的身份工作。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>On a server, the change history names your server login (%1), whatever name is typed here; this name applies to local files only.</source>
        <translation>在服务器上，修改记录署名为您的服务器登录名（%1），与此处填写的名字无关；此名字只用于本地文件。</translation>
    </message>
    <message>
        <source>Shown in the audit trail beside everything you change, and offered as an owner of customers. It applies to local files; on a server the change history names your server login.</source>
        <translation>显示在您每一项修改的记录旁，也可选作客户的负责人。它只用于本地文件；在服务器上，修改记录署名为您的服务器登录名。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>ImportExportPage</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier sheet</source>
        <translation>客户分级管理表</translation>
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
        <source>Revisits</source>
        <translation>回访计划</translation>
    </message>
    <message>
        <source>Every customer with tier, score, spend and dates</source>
        <translation>全部客户，含等级、得分、消费金额和关键日期</translation>
    </message>
    <message>
        <source>The tier sheet managers keep: frequency, spend, loyalty, influence, grade, action plan</source>
        <translation>购买频率、消费金额、忠诚度、影响力、综合评价、行动方案</translation>
    </message>
    <message>
        <source>Purchases: customer, date, product, amount</source>
        <translation>购买记录：客户、日期、产品、金额</translation>
    </message>
    <message>
        <source>Calls, visits, meetings and messages</source>
        <translation>电话、拜访、会议和消息记录</translation>
    </message>
    <message>
        <source>Planned revisits; also as a calendar (.ics)</source>
        <translation>回访计划；也可导出为日历（.ics）</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Bring customers, contacts, transactions or interactions in from Excel (.xlsx, .xls, .ods) or CSV. You check the columns and every row before anything is written, and each import can be undone.</source>
        <translation>从 Excel（.xlsx、.xls、.ods）或 CSV 导入客户、联系人、交易记录或互动记录。写入前您会先核对列的对应和每一行的处理结果，每次导入都可以撤销。</translation>
    </message>
    <message>
        <source>Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入…</translation>
    </message>
    <message>
        <source>Past imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No imports yet.</source>
        <translation>还没有导入过数据。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose the file name; its ending picks the format: .xlsx (styled, filtered), .csv, .json, or .ics for revisits. An exported sheet imports back without changes.</source>
        <translation>选择文件名，扩展名决定格式：.xlsx（带格式和筛选）、.csv、.json，回访计划还可导出为 .ics。导出的表格可以原样再导入。</translation>
    </message>
    <message>
        <source>Reading the import history</source>
        <translation>正在读取导入记录</translation>
    </message>
    <message>
        <source>Undone {0}</source>
        <translation>已于 {0} 撤销</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of “{0}” from {1}?

The records it created ({2}) are removed and the records it updated ({3}) get their earlier values back. Records someone changed since the import keep that change.</source>
        <translation>要撤销 {1} 对“{0}”的导入吗？

这次导入新增的 {2} 条记录将被删除，更新过的 {3} 条记录将恢复为原来的内容。导入之后又被别人修改过的记录会保留其最新内容。</translation>
    </message>
    <message>
        <source>Import undone. Removed: {0}; restored: {1}.</source>
        <translation>已撤销导入：删除 {0} 条，恢复 {1} 条。</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>导出{0}</translation>
    </message>
    <message>
        <source>Only revisits can be exported as a calendar (.ics).</source>
        <translation>只有回访计划可以导出为日历（.ics）。</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>正在导出{0}…</translation>
    </message>
    <message>
        <source>Exported to {1} (rows: {0})</source>
        <translation>已导出到 {1}（共 {0} 行）</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV text</source>
        <translation>CSV 文本</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
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
        <source>Skip the row and keep what AccountDesk has</source>
        <translation>跳过该行，保留系统中的数据</translation>
    </message>
    <message>
        <source>Update the existing record with the file&apos;s values</source>
        <translation>用文件中的内容更新已有记录</translation>
    </message>
    <message>
        <source>Import the row as a new record anyway</source>
        <translation>仍作为新记录导入</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Duplicate, skipped</source>
        <translation>重复，跳过</translation>
    </message>
    <message>
        <source>Error, not imported</source>
        <translation>错误，未导入</translation>
    </message>
    <message>
        <source>Import from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入</translation>
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
        <source>e.g. send the quotation by Wednesday</source>
        <translation>例如：周三前发报价</translation>
    </message>
    <message>
        <source>Remind me: do it by</source>
        <translation>提醒我：完成期限</translation>
    </message>
    <message>
        <source>(the customer&apos;s owner)</source>
        <translation>（客户负责人）</translation>
    </message>
    <message>
        <source>by</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Follow-up done on %1</source>
        <translation>跟进已于 %1 完成</translation>
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
        <source>No interactions recorded yet.</source>
        <translation>还没有互动记录。</translation>
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
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>联系人 %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>共 %Ln 次互动</numerusform>
        </translation>
    </message>
    <message>
        <source>average satisfaction %1</source>
        <translation>平均满意度 %1</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>已于 %1 完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>期限 %1</translation>
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
        <source>High-end buyer</source>
        <translation>高端</translation>
    </message>
    <message>
        <source>Mid-range buyer</source>
        <translation>中端</translation>
    </message>
    <message>
        <source>Low-end buyer</source>
        <translation>低端</translation>
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
        <source>Not kept (conflict)</source>
        <translation>未保留（冲突）</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>撤销合并</translation>
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
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>Win-back action</source>
        <translation>挽回措施</translation>
    </message>
    <message>
        <source>Care given</source>
        <translation>客户回馈</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Need gone</source>
        <translation>需求消失</translation>
    </message>
    <message>
        <source>Contact left</source>
        <translation>联系人离职</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>挽回成功</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
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
        <source>Landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
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
        <source>Merged into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Merged from</source>
        <translation>合并自</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log the contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>Channel *</source>
        <translation>方式 *</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>记录</translation>
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
        <source>Your server login: the change history names it.</source>
        <translation>您的服务器登录名：修改记录以它署名。</translation>
    </message>
    <message>
        <source>Reminders: %1</source>
        <translation>待办提醒：%1</translation>
    </message>
    <message>
        <source>AccountDesk</source>
        <translation>客户分级维护台</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
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
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Check which column of the file goes into which field. Change a field with its list; AccountDesk remembers your choice for files laid out the same way.</source>
        <translation>核对文件中每一列导入到哪个字段。可在下拉列表中更改；同样格式的文件下次会沿用您的选择。</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头所在行：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的列名</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Imports into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Keep as a custom field</source>
        <translation>作为自定义字段保存</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Set the header row above, then choose the field of each column.</source>
        <translation>请在上方指定表头所在行，再为每一列选择字段。</translation>
    </message>
    <message>
        <source>{0} — rows below the header: {1}</source>
        <translation>{0} — 表头以下共 {1} 行</translation>
    </message>
    <message>
        <source>the customer (code or name)</source>
        <translation>客户（编号或名称）</translation>
    </message>
    <message>
        <source>No column is imported yet: choose a field for at least one column.</source>
        <translation>还没有要导入的列：请至少为一列选择字段。</translation>
    </message>
    <message>
        <source>No column gives {0}; every row would be rejected.</source>
        <translation>没有哪一列对应“{0}”，所有行都会被拒绝。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MembersSettings</name>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>A local file has no logins: whoever can open the file sees every customer; only the operating system&apos;s file permissions protect it. Roles are enforced on a PostgreSQL server.</source>
        <translation>本地文件没有登录：任何能打开文件的人都能看到全部客户，保护它的只有操作系统的文件权限。角色只在 PostgreSQL 服务器上生效。</translation>
    </message>
    <message>
        <source>The server decides what each login sees: a rep their own, shared and unowned (pool) customers, a manager also their team&apos;s, an admin all. Adding a member creates the server login with exactly the rights it needs.</source>
        <translation>每个登录能看到什么由服务器决定：客户经理看到自己负责的、协作的和公海中的客户，主管还能看到本团队的，管理员看到全部。添加成员会在服务器上建立登录，并只授予它所需的权限。</translation>
    </message>
    <message>
        <source>The server decides what each login sees: a rep their own, shared and unowned (pool) customers, a manager also their team&apos;s, an admin all. Only an admin may add members.</source>
        <translation>每个登录能看到什么由服务器决定：客户经理看到自己负责的、协作的和公海中的客户，主管还能看到本团队的，管理员看到全部。只有管理员可以添加成员。</translation>
    </message>
    <message>
        <source>Added the member %1.</source>
        <translation>已添加成员 %1。</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Server login</source>
        <translation>服务器登录</translation>
    </message>
    <message>
        <source>Login name:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>团队：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>optional; sent to the server hashed</source>
        <translation>可不填；以散列形式发送给服务器</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <source>Merge another copy</source>
        <translation>合并另一个副本</translation>
    </message>
    <message>
        <source>This database is open read-only, and a merge writes into it, so it cannot be done now.</source>
        <translation>本数据库以只读方式打开，而合并需要写入，因此现在无法合并。</translation>
    </message>
    <message>
        <source>Choose the copy to merge in</source>
        <translation>选择要合并进来的副本</translation>
    </message>
    <message>
        <source>AccountDesk databases (*.accountdesk);;All files (*)</source>
        <translation>AccountDesk 数据库 (*.accountdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Comparing with “%1”…</source>
        <translation>正在与“%1”比对…</translation>
    </message>
    <message>
        <source>“%1” holds nothing this database lacks; there is nothing to merge.</source>
        <translation>“%1”中没有本数据库缺少的内容，无需合并。</translation>
    </message>
    <message>
        <source>Merging “%1”… (a backup is made first)</source>
        <translation>正在合并“%1”…（合并前先备份）</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>“%1” is not a copy of this database but another database. Merging would mix two books of customers.

Merge it anyway?</source>
        <translation>“%1”不是本数据库的副本，而是另一个数据库。合并会把两本客户档案混在一起。

仍要合并吗？</translation>
    </message>
    <message>
        <source>Nothing was merged.</source>
        <translation>没有合并任何内容。</translation>
    </message>
</context>
<context>
    <name>MergeCustomersDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Which customer do you keep? The other one&apos;s records move to it, and the other stays in the change history as merged (it can be undone).</source>
        <translation>保留哪一位客户？另一位的记录都会移到保留的客户名下，另一位在变更记录中标为已合并（可以撤销）。</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>保留 %1</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>没有记录</translation>
    </message>
    <message>
        <source>%1 is merged into %2.</source>
        <translation>%1 将合并到 %2。</translation>
    </message>
    <message>
        <source>Moves: %1</source>
        <translation>移入：%1</translation>
    </message>
    <message>
        <source>The kept customer&apos;s figures and tier are worked out again.</source>
        <translation>保留客户的统计数据和等级将重新计算。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Merged. %1 records moved to %2.</source>
        <translation>已合并，%1 条记录移到了 %2。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Merge undone: %1 is back with its %2 records.</source>
        <translation>已撤销合并：%1 已恢复，带回 %2 条记录。</translation>
    </message>
    <message>
        <source>Undoing the merge…</source>
        <translation>正在撤销合并…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Revisit plans</source>
        <translation>回访计划</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Scoring models</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Tier policies</source>
        <translation>分级策略</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>分级变更</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>changed on both sides</source>
        <translation>双方都修改过</translation>
    </message>
    <message>
        <source>edited on one side, deleted on the other</source>
        <translation>一方修改、另一方删除</translation>
    </message>
    <message>
        <source>the same code on both sides; theirs was renumbered</source>
        <translation>双方客户编号相同，已为对方的客户重新编号</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>本数据库</translation>
    </message>
    <message>
        <source>The other copy</source>
        <translation>另一个副本</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两边都保留</translation>
    </message>
</context>
<context>
    <name>MergeReportDialog</name>
    <message>
        <source>Merge another copy</source>
        <translation>合并另一个副本</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并完成</translation>
    </message>
    <message>
        <source>Merging “%1” into “%2” would change these rows. Nothing is written until you press Merge; the other file is only read.</source>
        <translation>把“%1”合并进“%2”将变更以下记录。按“合并”之前不会写入任何内容；另一个文件只读取、不会被修改。</translation>
    </message>
    <message>
        <source>“%1” was merged into “%2”.</source>
        <translation>已把“%1”合并进“%2”。</translation>
    </message>
    <message>
        <source>A backup was made first: %1</source>
        <translation>合并前已备份：%1</translation>
    </message>
    <message>
        <source>To add</source>
        <translation>将新增</translation>
    </message>
    <message>
        <source>To update</source>
        <translation>将更新</translation>
    </message>
    <message>
        <source>Of which deleted</source>
        <translation>其中删除</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>In this database</source>
        <translation>本数据库中</translation>
    </message>
    <message>
        <source>In the other copy</source>
        <translation>另一个副本中</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>History entries (who changed what)</source>
        <translation>修改历史（谁改了什么）</translation>
    </message>
    <message>
        <source>Tags on customers</source>
        <translation>客户标签</translation>
    </message>
    <message numerus="yes">
        <source>Changed on both sides: %Ln row(s). The newer save was kept; please check these:</source>
        <translation>
            <numerusform>有 %Ln 条记录双方都修改过，已保留较新的保存，请核对：</numerusform>
        </translation>
    </message>
    <message>
        <source>No row was changed on both sides.</source>
        <translation>没有双方都修改过的记录。</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1“%2”</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier board</source>
        <translation>分级看板</translation>
    </message>
    <message>
        <source>Revisit calendar</source>
        <translation>回访日历</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
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
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>The database is busy (another user is saving); trying again…</source>
        <translation>数据库正忙（有同事正在保存），正在重试…</translation>
    </message>
    <message>
        <source>The database server cannot be reached. What you typed is kept; it is saved as soon as the server is back…</source>
        <translation>无法连接数据库服务器。您输入的内容仍在，服务器恢复后立即保存…</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PlanRevisitDialog</name>
    <message>
        <source>Plan a revisit</source>
        <translation>计划回访</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>e.g. contract renewal, new product</source>
        <translation>例如：合同续签、新品介绍</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PlanningSettings</name>
    <message>
        <source>default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> 人/天</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message>
        <source> (team list)</source>
        <translation>（团队清单）</translation>
    </message>
    <message>
        <source>the State Council&apos;s official schedule, make-up working days included</source>
        <translation>国务院办公厅公布的放假安排（含调休上班日）</translation>
    </message>
    <message>
        <source>statutory holidays only (the make-up working days are not known yet: add them below)</source>
        <translation>仅法定节假日（调休上班日尚未公布：请在下方补充）</translation>
    </message>
    <message>
        <source>weekends only (no holiday list for this year yet: add the days below)</source>
        <translation>仅周末（尚无该年节假日数据：请在下方补充）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 年：%2</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <source>Saved; the planned revisits were spread over the working days again.</source>
        <translation>已保存；计划回访已重新分配到各工作日。</translation>
    </message>
    <message>
        <source>Planning the revisits again…</source>
        <translation>正在重新安排回访…</translation>
    </message>
    <message>
        <source>Daily capacity</source>
        <translation>每日容量</translation>
    </message>
    <message>
        <source>How many contacts each owner can make in a day. Today&apos;s list stops there, and planned revisits are spread so that no working day holds more.</source>
        <translation>每位负责人一天能联系多少位客户。“今日”清单以此为上限，计划回访也会分散安排，使每个工作日都不超过这个数。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Contacts a day</source>
        <translation>每日联系数</translation>
    </message>
    <message>
        <source>Revisits are planned on working days only. One day a line: the date, 休 (a day off) or 班 (a make-up working day), and a name; lines starting with # are notes. Use it for company holidays, or when the official schedule for a year is newer than the app.</source>
        <translation>回访只安排在工作日。每行一天：日期、“休”（休息日）或“班”（调休上班日）、名称；以 # 开头的行是备注。用于公司自己的假期，或当某年的官方放假安排比本软件更新时。</translation>
    </message>
    <message>
        <source>Coming days off and make-up working days:</source>
        <translation>即将到来的休息日与调休上班日：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save and plan again</source>
        <translation>保存并重新安排</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>Saved the policy of %1.</source>
        <translation>已保存%1的行动方案。</translation>
    </message>
    <message>
        <source>Saving the tier policy…</source>
        <translation>正在保存行动方案…</translation>
    </message>
    <message>
        <source>Tier policy</source>
        <translation>行动方案</translation>
    </message>
    <message>
        <source>What each tier gets (行动方案): how often it is revisited and how, the service level, discount and rep. Double-click a cell to change it; it is saved at once.</source>
        <translation>各等级客户的行动方案：回访频率与方式、服务级别、折扣和对接人。双击单元格即可修改，修改后立即保存。</translation>
    </message>
    <message>
        <source>Each owner&apos;s rep level: the tier board and statistics warn when a customer&apos;s owner is below the rep level of its tier.</source>
        <translation>各负责人的人员级别：客户的负责人低于其等级要求的级别时，分级看板和统计会提示。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Revisit every (days)</source>
        <translation>回访间隔（天）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>服务级别</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>What each lifecycle stage adds: a revisit interval (empty: the tier&apos;s), a channel and a suggested action. A customer is revisited on the stricter of its tier and its stage: the shorter interval, the more personal channel.</source>
        <translation>各生命周期阶段的策略：回访间隔（留空则沿用等级的）、联系方式和建议行动。客户按等级与阶段中更严格的一方回访：间隔取较短者，方式取更亲近者。</translation>
    </message>
    <message>
        <source>At most every (days)</source>
        <translation>最长间隔（天）</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <source>Rep level</source>
        <translation>对接人级别</translation>
    </message>
    <message>
        <source>Saved the policy of the %1 stage.</source>
        <translation>已保存“%1”阶段的策略。</translation>
    </message>
    <message>
        <source>Saving the stage policy…</source>
        <translation>正在保存阶段策略…</translation>
    </message>
    <message>
        <source>Saved the owner&apos;s rep level.</source>
        <translation>已保存负责人的级别。</translation>
    </message>
    <message>
        <source>Saving the rep level…</source>
        <translation>正在保存人员级别…</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动方案</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>What the import will do with each row. Nothing has been written yet; rows in red will not be imported.</source>
        <translation>导入时每一行将如何处理。目前尚未写入任何数据；红色的行不会被导入。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>开始导入(&amp;I)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Rows with problems or skipped</source>
        <translation>有问题或将跳过的行</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Duplicates and unchanged</source>
        <translation>重复与无变化</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Checking every row against AccountDesk…</source>
        <translation>正在逐行与系统中的数据核对…</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在核对数据</translation>
    </message>
    <message>
        <source>Rows with errors: {0}. You chose to import nothing if any row has an error; go back to change that, or fix the file.</source>
        <translation>有错误的行：{0}。您选择了“只要有一行出错就全部不导入”；请返回修改该选项，或先修正文件。</translation>
    </message>
    <message>
        <source>There is nothing to import: no row is new or changes a record.</source>
        <translation>没有需要导入的内容：没有新增的行，也没有会修改记录的行。</translation>
    </message>
    <message>
        <source>Rows that will not be imported: {0} (in red, with the reason). The others can be imported now; afterwards you can save the rejected rows to a workbook, fix them and import them again.</source>
        <translation>不会导入的行：{0}（红色标出，并注明原因）。其余的行现在就可以导入；导入后可把被拒的行另存为工作簿，修正后再次导入。</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>所有行都可以导入。</translation>
    </message>
    <message>
        <source>New: {0}</source>
        <translation>新增 {0}</translation>
    </message>
    <message>
        <source>Updates: {0}</source>
        <translation>更新 {0}</translation>
    </message>
    <message>
        <source>Unchanged: {0}</source>
        <translation>无变化 {0}</translation>
    </message>
    <message>
        <source>Duplicates skipped: {0}</source>
        <translation>重复跳过 {0}</translation>
    </message>
    <message>
        <source>Errors: {0}</source>
        <translation>错误 {0}</translation>
    </message>
    <message>
        <source>Rows: {0}</source>
        <translation>共 {0} 行</translation>
    </message>
    <message>
        <source> · customers to create: {0}</source>
        <translation> · 将新建客户 {0} 个</translation>
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
    <name>RegradeDialog</name>
    <message>
        <source>Ungraded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Re-grade preview</source>
        <translation>重新分级预览</translation>
    </message>
    <message numerus="yes">
        <source>As of %1 with the scoring sheet “%2” (version %3): %4 of %Ln customer(s) change tier.</source>
        <translation>
            <numerusform>截至 %1，按评分表“%2”（版本 %3）重新分级：%Ln 位客户中有 %4 位等级变动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Default scoring sheet</source>
        <translation>默认评分表</translation>
    </message>
    <message numerus="yes">
        <source>%Ln locked customer(s) keep the tier set by hand.</source>
        <translation>
            <numerusform>%Ln 位已锁定的客户保持手动设定的等级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows: the tier now; columns: the tier after re-grading. Green cells move up, red cells move down, grey cells stay.</source>
        <translation>行：当前等级；列：重新分级后的等级。绿色为升级，红色为降级，灰色为不变。</translation>
    </message>
    <message>
        <source>Migration matrix</source>
        <translation>等级迁移矩阵</translation>
    </message>
    <message>
        <source>Customers who move (%1)</source>
        <translation>等级变动的客户（%1）</translation>
    </message>
    <message>
        <source>Apply re-grade</source>
        <translation>应用重新分级</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>现为 %1</translation>
    </message>
    <message>
        <source>After</source>
        <translation>分级后</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>ReminderEditor</name>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Saved the reminder settings.</source>
        <translation>已保存提醒设置。</translation>
    </message>
    <message>
        <source>Saving the reminder settings…</source>
        <translation>正在保存提醒设置…</translation>
    </message>
    <message>
        <source>Remind me ahead (days)</source>
        <translation>提前提醒（天）</translation>
    </message>
    <message>
        <source>Birthdays:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Festivals:</source>
        <translation>节日：</translation>
    </message>
    <message>
        <source>Anniversaries:</source>
        <translation>合作纪念日：</translation>
    </message>
    <message>
        <source>Revisits:</source>
        <translation>回访：</translation>
    </message>
    <message>
        <source>Revisit overdue after (days):</source>
        <translation>回访逾期宽限（天）：</translation>
    </message>
    <message>
        <source>Still remind when missed, up to (days):</source>
        <translation>错过后仍补发提醒，最多（天）：</translation>
    </message>
    <message>
        <source>Churn warnings</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>No purchase for more than × the usual gap:</source>
        <translation>未购买超过平常间隔的倍数：</translation>
    </message>
    <message>
        <source>Spend down by more than:</source>
        <translation>消费下降超过：</translation>
    </message>
    <message>
        <source>…comparing windows of (days):</source>
        <translation>……比较的时间窗口（天）：</translation>
    </message>
    <message>
        <source>Complaint unresolved after (days):</source>
        <translation>投诉超过几天未解决（天）：</translation>
    </message>
    <message>
        <source>others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>No contact with %1 for (days):</source>
        <translation>%1客户未联系超过（天）：</translation>
    </message>
    <message>
        <source>Festivals to greet customers on</source>
        <translation>向客户问候的节日</translation>
    </message>
    <message>
        <source>The team&apos;s own days</source>
        <translation>团队自定义的日子</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>添加日子</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>删除日子</translation>
    </message>
    <message>
        <source>Save reminder settings</source>
        <translation>保存提醒设置</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>合作纪念</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>R</source>
        <translation>访</translation>
    </message>
    <message>
        <source>B</source>
        <translation>生</translation>
    </message>
    <message>
        <source>F</source>
        <translation>节</translation>
    </message>
    <message>
        <source>A</source>
        <translation>纪</translation>
    </message>
    <message>
        <source>!</source>
        <translation>警</translation>
    </message>
    <message>
        <source>C</source>
        <translation>诉</translation>
    </message>
    <message>
        <source>N</source>
        <translation>记</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Purchase gap too long</source>
        <translation>购买间隔过长</translation>
    </message>
    <message>
        <source>Spending dropped</source>
        <translation>消费下降</translation>
    </message>
    <message>
        <source>No contact for too long</source>
        <translation>长期未联系</translation>
    </message>
    <message>
        <source>Complaint unresolved</source>
        <translation>投诉未解决</translation>
    </message>
    <message>
        <source>Back from snooze</source>
        <translation>稍后提醒已到期</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>稍后至 %1</translation>
    </message>
    <message>
        <source>%1 days since the last purchase (%2); limit %3 × the usual gap of %4 days = %5 days</source>
        <translation>距上次购买 %1 天（%2）；上限为通常间隔 %4 天 × %3 = %5 天</translation>
    </message>
    <message>
        <source>Last %1 days ¥%2 against ¥%3 before: down %4% (limit %5%)</source>
        <translation>近 %1 天消费 ¥%2，上一期 ¥%3：下降 %4%（阈值 %5%）</translation>
    </message>
    <message>
        <source>%1 days without contact (last %2); limit %3 days for tier %4</source>
        <translation>已 %1 天未联系（上次 %2）；%4 级客户上限 %3 天</translation>
    </message>
    <message>
        <source>Open %1 days since %2; limit %3 days</source>
        <translation>自 %2 起已 %1 天未解决；上限 %3 天</translation>
    </message>
    <message>
        <source>(name)</source>
        <translation>（称呼）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Greeting: %1</source>
        <translation>问候：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>逾期 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Planned for %1</source>
        <translation>计划于 %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>提醒日</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why / suggestion</source>
        <translation>原因 / 建议</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Remind from</source>
        <translation>提醒日</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Rule fired: %1</source>
        <translation>触发规则：%1</translation>
    </message>
    <message>
        <source>Suggested greeting</source>
        <translation>建议问候语</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Suggested greetings by tier</source>
        <translation>各等级建议问候语</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Reminders</source>
        <translation>提醒中心</translation>
    </message>
    <message>
        <source>New reminder…</source>
        <translation>新建提醒…</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <source>Look for new birthdays, festivals, revisits and churn warnings now</source>
        <translation>立即检查新的生日、节日、回访和流失预警</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Filter by customer or text…</source>
        <translation>按客户或内容筛选…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Mark seen</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Start win-back…</source>
        <translation>发起挽回…</translation>
    </message>
    <message>
        <source>Record why the customer drifts away and plan dated actions; they appear in Today</source>
        <translation>记录流失原因并安排带日期的挽回措施；措施会出现在“今日”</translation>
    </message>
    <message>
        <source>Copy greeting</source>
        <translation>复制问候语</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Waiting (new, seen, back from snooze)</source>
        <translation>待处理（新、已读、稍后到期）</translation>
    </message>
    <message>
        <source>by today</source>
        <translation>截至今天</translation>
    </message>
    <message>
        <source>within 7 days</source>
        <translation>7 天内</translation>
    </message>
    <message>
        <source>within 30 days</source>
        <translation>30 天内</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>明天再提醒</translation>
    </message>
    <message>
        <source>For 3 days</source>
        <translation>3 天后</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>一周后</translation>
    </message>
    <message>
        <source>For a month</source>
        <translation>一个月后</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>选择日期…</translation>
    </message>
    <message>
        <source>Reading reminders…</source>
        <translation>正在读取提醒…</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>待处理 %1 条</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>新 %1 条</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 条</translation>
    </message>
    <message>
        <source>Select reminders to act on them (Ctrl/Shift for several)</source>
        <translation>选择提醒后可批量处理（按住 Ctrl/Shift 多选）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) selected.</source>
        <translation>
            <numerusform>已选择 %Ln 条提醒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) updated.</source>
        <translation>
            <numerusform>已更新 %Ln 条提醒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) snoozed until %1.</source>
        <translation>
            <numerusform>%Ln 条提醒将于 %1 再次提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a reminder to see why it was raised and what to do.</source>
        <translation>选择一条提醒，查看触发原因和建议做法。</translation>
    </message>
    <message>
        <source>Another owner&apos;s reminder</source>
        <translation>其他负责人的提醒</translation>
    </message>
    <message>
        <source>%1 of these reminders are about another owner&apos;s customers. Close them anyway?</source>
        <translation>其中 %1 条提醒属于其他负责人的客户。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Remind me again on</source>
        <translation>再次提醒日期</translation>
    </message>
    <message>
        <source>Choose a day after today.</source>
        <translation>请选择今天之后的日期。</translation>
    </message>
    <message>
        <source>New reminder</source>
        <translation>新建提醒</translation>
    </message>
    <message>
        <source>Remind me on</source>
        <translation>提醒日期</translation>
    </message>
    <message>
        <source>Checking reminders…</source>
        <translation>正在检查提醒…</translation>
    </message>
    <message>
        <source>Greeting copied.</source>
        <translation>问候语已复制。</translation>
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
    <name>RevisitCalendarPage</name>
    <message>
        <source>Revisit calendar</source>
        <translation>回访日历</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
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
        <source>Print sheets…</source>
        <translation>打印回访单…</translation>
    </message>
    <message>
        <source>Preview and print the revisit sheets of the period shown</source>
        <translation>预览并打印当前时段的回访单</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the revisit sheets of the period shown as a PDF</source>
        <translation>将当前时段的回访单保存为 PDF</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>导出 .ics…</translation>
    </message>
    <message>
        <source>Export every planned revisit to a calendar file (Outlook, phone)</source>
        <translation>将所有计划中的回访导出为日历文件（Outlook、手机日历）</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>完成回访…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>birthdays and anniversaries</source>
        <translation>生日和合作纪念日</translation>
    </message>
    <message>
        <source>Drag a customer onto another day to reschedule.</source>
        <translation>把客户拖到另一天即可改期。</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>Reading the calendar…</source>
        <translation>正在读取日历…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation>今天 · %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>逾期 %1</translation>
    </message>
    <message>
        <source>%1 due</source>
        <translation>到期 %1</translation>
    </message>
    <message numerus="yes">
        <source>grace %Ln day(s)</source>
        <translation>
            <numerusform>宽限 %Ln 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln revisit(s)</source>
        <translation>
            <numerusform>%1 · %Ln 个回访</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有到期的回访。</translation>
    </message>
    <message>
        <source>Revisit logged; the next one is planned for %1.</source>
        <translation>回访已记录；下次回访计划于 %1。</translation>
    </message>
    <message>
        <source>Revisit moved to %1.</source>
        <translation>回访已改到 %1。</translation>
    </message>
    <message>
        <source>Revisit skipped; the next one is planned for %1.</source>
        <translation>已跳过该回访；下次回访计划于 %1。</translation>
    </message>
    <message>
        <source>Preparing the revisit sheets…</source>
        <translation>正在准备回访单…</translation>
    </message>
    <message>
        <source>Revisit sheets</source>
        <translation>回访单</translation>
    </message>
    <message>
        <source>Save revisit sheets</source>
        <translation>保存回访单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the revisit sheets…</source>
        <translation>正在保存回访单…</translation>
    </message>
    <message>
        <source>Export revisits to a calendar</source>
        <translation>导出回访到日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Export .ics</source>
        <translation>导出 .ics</translation>
    </message>
    <message>
        <source>Exported %1 planned revisits to %2. Importing the file again updates the same events.</source>
        <translation>已将 %1 个计划回访导出到 %2。再次导入此文件会更新相同的日程，不会重复。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>Print %Ln revisit sheet(s) for %1?</source>
        <translation>
            <numerusform>打印 %1 的 %Ln 张回访单吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save %Ln revisit sheet(s) for %1 as a PDF?</source>
        <translation>
            <numerusform>将 %1 的 %Ln 张回访单保存为 PDF 吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them are overdue revisits planned before the period; they come first.</source>
        <translation>
            <numerusform>其中 %Ln 张是计划日期在本期之前、已逾期的回访，排在最前。</numerusform>
        </translation>
    </message>
    <message>
        <source>That is a page each, plus the plan. It runs in the background; you can cancel it.</source>
        <translation>每张一页，另加回访计划页。在后台进行，可随时取消。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %Ln page(s) to the printer (%1).</source>
        <translation>
            <numerusform>已将 %Ln 页发送到打印机（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing the revisit sheets…</source>
        <translation>正在打印回访单…</translation>
    </message>
    <message>
        <source>Laying out and painting %1 sheets…</source>
        <translation>正在排版并生成 %1 张回访单…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln page(s) to %2: the plan for %1 and a sheet per customer.</source>
        <translation>
            <numerusform>已将 %Ln 页保存到 %2：%1 的回访计划，每位客户一张回访单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>RevisitPlanTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Summary / next step</source>
        <translation>纪要 / 下一步</translation>
    </message>
    <message>
        <source>Plan revisit…</source>
        <translation>计划回访…</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>完成回访…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未分级</translation>
    </message>
    <message numerus="yes">
        <source>Cadence: every %Ln day(s) (%1)</source>
        <translation>
            <numerusform>回访周期：每 %Ln 天（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message numerus="yes">
        <source>Overdue %Ln day(s)</source>
        <translation>
            <numerusform>逾期 %Ln 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Next revisit %1</source>
        <translation>下次回访 %1</translation>
    </message>
    <message>
        <source>No revisit planned</source>
        <translation>暂无回访计划</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>已完成 %1 次</translation>
    </message>
</context>
<context>
    <name>Revisits</name>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Regular revisit</source>
        <translation>定期回访</translation>
    </message>
    <message>
        <source>%3 %1/%2</source>
        <translation>%1月%2日 %3</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1月%2日</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>逾期 %Ln 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due %Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln 天前到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>no revisits</source>
        <translation>无回访</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>跟进：%1</translation>
    </message>
    <message>
        <source>Complete revisit</source>
        <translation>完成回访</translation>
    </message>
    <message>
        <source>Revisit of %1</source>
        <translation>回访 %1</translation>
    </message>
    <message>
        <source>Planned for %1 · %2</source>
        <translation>计划于 %1 · %2</translation>
    </message>
    <message>
        <source>Channel *</source>
        <translation>方式 *</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>沟通了哪些内容</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纪要</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>（未评分）</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Saving logs the interaction and plans the next revisit from the tier&apos;s interval.</source>
        <translation>保存后将记录这次联系，并按客户等级的回访周期安排下次回访。</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Reschedule revisit</source>
        <translation>回访改期</translation>
    </message>
    <message>
        <source>New date *</source>
        <translation>新日期 *</translation>
    </message>
    <message>
        <source>Skip the revisit of %1? The next one is planned one interval from today.</source>
        <translation>跳过 %1 的这次回访？下次回访将从今天起按回访周期安排。</translation>
    </message>
    <message>
        <source>Skip revisit</source>
        <translation>跳过回访</translation>
    </message>
    <message numerus="yes">
        <source>%Ln revisit(s)</source>
        <translation>
            <numerusform>%Ln 个回访</numerusform>
        </translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 个</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>A backup of the database is taken first; then every accepted row is written at once.</source>
        <translation>先备份数据库，然后把所有通过核对的行一次性写入。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>&lt; Back to the preview</source>
        <translation>&lt; 返回预览</translation>
    </message>
    <message>
        <source>&amp;Summary &gt;</source>
        <translation>查看结果(&amp;S) &gt;</translation>
    </message>
    <message>
        <source>Backing up the database, then importing {0} rows…</source>
        <translation>正在备份数据库，然后导入 {0} 行…</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be written.</source>
        <translation>正在取消…不会写入任何数据。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Nothing was written. Go back to change the import, or close the wizard.</source>
        <translation>没有写入任何数据。可以返回修改导入设置，或关闭向导。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{0} created, {1} updated, {2} skipped, {3} rejected.</source>
        <translation>新增 {0}，更新 {1}，跳过 {2}，拒绝 {3}。</translation>
    </message>
    <message>
        <source>The import had already been written when you cancelled; you can undo it on the next page.</source>
        <translation>您点击取消时导入已经写入完毕；可以在下一页撤销这次导入。</translation>
    </message>
    <message>
        <source>The import failed; nothing was written.</source>
        <translation>导入失败，没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>SchedulerBridge</name>
    <message>
        <source>A background job failed (%1): %2</source>
        <translation>后台任务失败（%1）：%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new reminder(s)</source>
        <translation>
            <numerusform>%Ln 条新提醒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScoringEditor</name>
    <message>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>not active</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>正在预览…</translation>
    </message>
    <message>
        <source>Previewing the tiers…</source>
        <translation>正在预览分级…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) graded; %1 would change tier (%2 locked).</source>
        <translation>
            <numerusform>共评分 %Ln 位客户；%1 位等级会变化（%2 位已锁定）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring model</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Saved the scoring model.</source>
        <translation>已保存评分表。</translation>
    </message>
    <message>
        <source>The active scoring sheet has changed</source>
        <translation>当前使用的评分表已修改</translation>
    </message>
    <message>
        <source>Saving the scoring model…</source>
        <translation>正在保存评分表…</translation>
    </message>
    <message>
        <source>Save as a new model</source>
        <translation>另存为新评分表</translation>
    </message>
    <message>
        <source>Name of the new model:</source>
        <translation>新评分表的名称：</translation>
    </message>
    <message>
        <source>Saved as a new model.</source>
        <translation>已另存为新评分表。</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>The changes on screen are not saved. Activate the model as it was saved?</source>
        <translation>屏幕上的修改尚未保存。按已保存的版本启用此评分表吗？</translation>
    </message>
    <message>
        <source>Activating…</source>
        <translation>正在启用…</translation>
    </message>
    <message>
        <source>The model is now active.</source>
        <translation>此评分表已启用。</translation>
    </message>
    <message>
        <source>Another scoring sheet is now active</source>
        <translation>已改用另一张评分表</translation>
    </message>
    <message>
        <source>re-grade every customer now, so the tiers follow it? Until then the tiers stay as they are.</source>
        <translation>现在重新分级，让所有客户的等级随之更新吗？在此之前等级保持不变。</translation>
    </message>
    <message>
        <source>Not re-graded: the tiers stay those of the previous sheet until a re-grade.</source>
        <translation>未重新分级：在下次重新分级之前，等级仍按原评分表。</translation>
    </message>
    <message>
        <source>Re-grade preview</source>
        <translation>重新分级预览</translation>
    </message>
    <message>
        <source>Re-grading every customer…</source>
        <translation>正在为所有客户重新分级…</translation>
    </message>
    <message>
        <source>Re-grading…</source>
        <translation>正在重新分级…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>评分表：</translation>
    </message>
    <message>
        <source>By score thresholds</source>
        <translation>按分数线</translation>
    </message>
    <message>
        <source>By share of customers</source>
        <translation>按客户比例</translation>
    </message>
    <message>
        <source>Tier names (best first):</source>
        <translation>等级名称（从高到低）：</translation>
    </message>
    <message>
        <source>Grading:</source>
        <translation>分级方式：</translation>
    </message>
    <message>
        <source>Score thresholds:</source>
        <translation>分数线：</translation>
    </message>
    <message>
        <source>Shares per tier:</source>
        <translation>各等级比例：</translation>
    </message>
    <message>
        <source>Window (months):</source>
        <translation>统计窗口（月）：</translation>
    </message>
    <message>
        <source>e.g. A, B, C</source>
        <translation>例如 A, B, C</translation>
    </message>
    <message>
        <source>lowest score of each tier but the last, e.g. 75, 50</source>
        <translation>除最低等级外各等级的最低分，例如 75, 50</translation>
    </message>
    <message>
        <source>e.g. 20%, 30%, 50%</source>
        <translation>例如 20%, 30%, 50%</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Bands → points</source>
        <translation>分档 → 分值</translation>
    </message>
    <message>
        <source>If unknown</source>
        <translation>无数据时</translation>
    </message>
    <message>
        <source>Bands: “≥12 → 100; ≥6 → 80; * → 0” — at least, at most (≤), a range (1–5) or anything else (*); the first band that fits gives the points. Money in yuan.</source>
        <translation>分档写法：“≥12 → 100; ≥6 → 80; * → 0”——至少（≥）、至多（≤）、区间（1–5）或其余（*）；按顺序取第一个符合的分档得分。金额单位为元。</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加标准</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>删除标准</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as new model…</source>
        <translation>另存为新评分表…</translation>
    </message>
    <message>
        <source>Preview: tiers with this model</source>
        <translation>预览：按此评分表分级</translation>
    </message>
    <message>
        <source>Customers per tier</source>
        <translation>各等级客户数</translation>
    </message>
    <message>
        <source>Under each count: the change from now</source>
        <translation>人数下方为与当前相比的变化</translation>
    </message>
    <message>
        <source>No customers to grade yet</source>
        <translation>还没有可评分的客户</translation>
    </message>
    <message>
        <source>Rows: tier now; columns: tier with this model.</source>
        <translation>行为当前等级，列为按此评分表的等级。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Scoring model</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Tier policies</source>
        <translation>行动方案</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>User and language</source>
        <translation>用户与语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日与容量</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>StartWinBackDialog</name>
    <message>
        <source>Start a win-back</source>
        <translation>发起挽回</translation>
    </message>
    <message>
        <source>The churn warning is closed: the win-back&apos;s actions carry the work from now on.</source>
        <translation>流失预警将标记为已处理：此后由挽回措施跟进。</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>Why they drift away *</source>
        <translation>流失原因 *</translation>
    </message>
    <message>
        <source>What you know: a competitor&apos;s offer, who left, what went wrong</source>
        <translation>已知情况：竞争对手报价、谁离职了、哪里出了问题</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>挽回措施</translation>
    </message>
    <message>
        <source>e.g. call to hear their concerns</source>
        <translation>例如：电话回访，了解顾虑</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Start win-back</source>
        <translation>发起挽回</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>What the import did. It stays listed on the Import / Export page, where it can be undone later too.</source>
        <translation>本次导入的结果。它会保留在“导入导出”页面的记录中，以后也可以在那里撤销。</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skipped (duplicates, unchanged)</source>
        <translation>跳过（重复、无变化）</translation>
    </message>
    <message>
        <source>rejected (errors)</source>
        <translation>拒绝（有错误）</translation>
    </message>
    <message>
        <source>Rows not imported and warnings</source>
        <translation>未导入的行与提醒</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save rejected rows as a workbook…</source>
        <translation>将被拒的行另存为工作簿…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>文件：{0}</translation>
    </message>
    <message>
        <source>New customers created for rows that named them: {0}.</source>
        <translation>为文件中提到的客户新建了 {0} 个客户。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有写入任何数据。</translation>
    </message>
    <message>
        <source>Backup taken before the import: {0}</source>
        <translation>导入前的备份：{0}</translation>
    </message>
    <message>
        <source>-rejected</source>
        <translation>-被拒行</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒的行</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>The rejected rows ({0}) are saved in {1}; fix them there and import that file again.</source>
        <translation>被拒的 {0} 行已保存到 {1}；请在其中修正后再次导入该文件。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Remove the records this import created ({0}) and give the records it updated ({1}) their earlier values back? Records someone changed since the import keep that change.</source>
        <translation>要删除本次导入新增的 {0} 条记录，并将它更新过的 {1} 条记录恢复为原来的内容吗？导入之后又被别人修改过的记录会保留其最新内容。</translation>
    </message>
    <message>
        <source>Import undone. Removed: {0}; restored: {1}.</source>
        <translation>已撤销导入：删除 {0} 条，恢复 {1} 条。</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
</context>
<context>
    <name>TeamLocation</name>
    <message>
        <source>Done. AccountDesk opens the database again now.</source>
        <translation>已完成。AccountDesk 现在重新打开数据库。</translation>
    </message>
    <message>
        <source>The database is on a network drive</source>
        <translation>数据库位于网络驱动器上</translation>
    </message>
    <message>
        <source>The database is in a sync folder</source>
        <translation>数据库位于同步文件夹中</translation>
    </message>
    <message>
        <source>Switch to shared mode now</source>
        <translation>现在切换为团队共享模式</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Don&apos;t show again for this file</source>
        <translation>此文件不再提示</translation>
    </message>
    <message>
        <source>Switching needs everyone else to close the file; AccountDesk opens it again afterwards.</source>
        <translation>切换前需要其他人先关闭此文件；切换后 AccountDesk 会重新打开它。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Shared mode</source>
        <translation>团队共享模式</translation>
    </message>
</context>
<context>
    <name>TeamWatch</name>
    <message>
        <source>Announcing you to the team…</source>
        <translation>正在向团队登记您…</translation>
    </message>
    <message>
        <source>Leaving the team database…</source>
        <translation>正在退出团队数据库…</translation>
    </message>
    <message>
        <source>Telling the team you are here…</source>
        <translation>正在告诉团队您在线…</translation>
    </message>
    <message>
        <source>Looking for colleagues…</source>
        <translation>正在查看哪些同事在线…</translation>
    </message>
</context>
<context>
    <name>TierBoardPage</name>
    <message>
        <source>Reading the tier board…</source>
        <translation>正在读取分级看板…</translation>
    </message>
    <message>
        <source>Summing the spend per tier…</source>
        <translation>正在汇总各等级消费…</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more owner(s) below their tier&apos;s rep level</source>
        <translation>
            <numerusform>另有 %Ln 位负责人低于其客户等级要求的级别</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resources: %Ln customer(s) are owned below the rep level their tier asks. Hand them over, or change the rep level in Settings → Tier policies.</source>
        <translation>
            <numerusform>资源配置：%Ln 位客户的负责人低于其等级要求的人员级别。请移交客户，或在“设置 → 分级策略”中调整级别。</numerusform>
        </translation>
    </message>
    <message>
        <source>Manual tier change</source>
        <translation>手动调整等级</translation>
    </message>
    <message>
        <source>This database is open read-only; tiers cannot be changed.</source>
        <translation>数据库以只读方式打开，不能调整等级。</translation>
    </message>
    <message>
        <source>Why does “%1” belong in tier %2? The tier is then locked: re-grading keeps it until it is unlocked.</source>
        <translation>为什么将“%1”调整为 %2 级？调整后等级将锁定：重新分级时保持不变，直到解除锁定。</translation>
    </message>
    <message>
        <source>Why do these %1 customers belong in tier %2? Their tier is then locked: re-grading keeps it until it is unlocked.</source>
        <translation>为什么将这 %1 位客户调整为 %2 级？调整后等级将锁定：重新分级时保持不变，直到解除锁定。</translation>
    </message>
    <message>
        <source>A manual tier change needs a reason; nothing was changed.</source>
        <translation>手动调整等级须填写原因，未做任何修改。</translation>
    </message>
    <message>
        <source>Changing the tier…</source>
        <translation>正在调整等级…</translation>
    </message>
    <message>
        <source>“%1” moved to tier %2 and locked: %3</source>
        <translation>已将“%1”调整为 %2 级并锁定：%3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) moved to tier %2 and locked: %3</source>
        <translation>
            <numerusform>已将 %Ln 位客户调整为 %2 级并锁定：%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlocking the tier…</source>
        <translation>正在解除等级锁定…</translation>
    </message>
    <message>
        <source>Computing the re-grade preview…</source>
        <translation>正在计算重新分级预览…</translation>
    </message>
    <message>
        <source>Re-grade preview</source>
        <translation>重新分级预览</translation>
    </message>
    <message>
        <source>Re-grading…</source>
        <translation>正在重新分级…</translation>
    </message>
    <message>
        <source>Re-grading every customer…</source>
        <translation>正在为所有客户重新分级…</translation>
    </message>
    <message>
        <source>Re-grading</source>
        <translation>重新分级</translation>
    </message>
    <message>
        <source>Default scoring sheet</source>
        <translation>默认评分表</translation>
    </message>
    <message>
        <source>by score thresholds</source>
        <translation>按分数线分级</translation>
    </message>
    <message>
        <source>by share</source>
        <translation>按比例分级</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) match</source>
        <translation>
            <numerusform>符合条件的客户 %Ln 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>共 %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>tiers from scoring sheet “%1”, %2</source>
        <translation>等级来自评分表“%1”，%2</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>These tiers were not given by the active scoring sheet “%1”. Re-grade to apply it.</source>
        <translation>这些等级不是按当前评分表“%1”评定的。请重新分级以应用它。</translation>
    </message>
    <message>
        <source>The active scoring sheet “%1” (version %2) has changed since these tiers were given. Re-grade to apply it; until then the tiers are those of version %3.</source>
        <translation>当前评分表“%1”（版本 %2）在评定这些等级之后已修改。请重新分级以应用；在此之前显示的是版本 %3 的等级。</translation>
    </message>
    <message>
        <source>Tier board</source>
        <translation>分级看板</translation>
    </message>
    <message>
        <source>Re-grade…</source>
        <translation>重新分级…</translation>
    </message>
    <message>
        <source>Score every customer again with the active scoring sheet; you see who moves before anything is written.</source>
        <translation>按当前评分表为所有客户重新评分；写入前先预览哪些客户会变动等级。</translation>
    </message>
    <message>
        <source>Drag a card to another tier to set it by hand (you give a reason; the tier is then locked). Double-click a card to open the customer.</source>
        <translation>把卡片拖到另一列即可手动调整等级（需填写原因，调整后锁定）；双击卡片打开客户档案。</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Score, best first</source>
        <translation>按评分（高到低）</translation>
    </message>
    <message>
        <source>Next revisit, soonest first</source>
        <translation>按下次回访（近到远）</translation>
    </message>
    <message>
        <source>Last contact, longest ago first</source>
        <translation>按上次联系（最久未联系在前）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>按名称</translation>
    </message>
</context>
<context>
    <name>TierCards</name>
    <message>
        <source>Total spend %1</source>
        <translation>累计消费 %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>Tier locked by hand: %1</source>
        <translation>等级已手动锁定：%1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>上次联系 %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Revisit %1</source>
        <translation>回访 %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>No revisit planned</source>
        <translation>未安排回访</translation>
    </message>
</context>
<context>
    <name>TierColumn</name>
    <message>
        <source>Ungraded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>位客户</translation>
    </message>
    <message>
        <source>%1 locked</source>
        <translation>已锁定 %1</translation>
    </message>
    <message>
        <source>Customers whose tier was set by hand; re-grading keeps it.</source>
        <translation>等级由手动设定的客户；重新分级时保持不变。</translation>
    </message>
    <message>
        <source>%1 of customers · spend %2</source>
        <translation>占 %1 · 消费 %2</translation>
    </message>
    <message>
        <source>…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>No customer in this tier matches the filters.</source>
        <translation>此等级没有符合筛选条件的客户。</translation>
    </message>
    <message>
        <source>No customer in this tier yet. Drag a card here to move it.</source>
        <translation>此等级还没有客户。把卡片拖到这里即可调整。</translation>
    </message>
    <message>
        <source>Not graded yet: run a re-grade.</source>
        <translation>尚未分级：请运行重新分级。</translation>
    </message>
    <message>
        <source>No action plan for this tier yet.</source>
        <translation>此等级尚无行动方案。</translation>
    </message>
    <message numerus="yes">
        <source>Revisit every %Ln day(s)</source>
        <translation>
            <numerusform>每 %Ln 天回访</numerusform>
        </translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Move to tier</source>
        <translation>调整为等级</translation>
    </message>
    <message>
        <source>Unlock tier (re-grading may change it)</source>
        <translation>解除等级锁定（重新分级时可能改变）</translation>
    </message>
</context>
<context>
    <name>TierRecordTab</name>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>Default scoring sheet</source>
        <translation>默认评分表</translation>
    </message>
    <message>
        <source>Scoring sheet “%1” (version %2), as of %3.</source>
        <translation>评分表“%1”（版本 %2），截至 %3。</translation>
    </message>
    <message>
        <source>By its thresholds the score gives tier %1.</source>
        <translation>按分数线，该得分对应 %1 级。</translation>
    </message>
    <message>
        <source>Tiers go by share: the tier depends on everyone&apos;s score.</source>
        <translation>按比例分级：等级取决于全部客户的得分排名。</translation>
    </message>
    <message>
        <source>The last re-grade gave %1; the next one will use today&apos;s figures.</source>
        <translation>上次重新分级时为 %1 分，下次重新分级将按今天的数据更新。</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>生命周期：%1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM：%1</translation>
    </message>
    <message>
        <source>%1: %2 (+%3 points)</source>
        <translation>%1：%2（+%3 分）</translation>
    </message>
    <message>
        <source>; alone: %1</source>
        <translation>；单此一项：%1</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>贡献</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>no data: %1 points</source>
        <translation>无数据：按 %1 分计</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <source> (tier %1 starts at %2 points)</source>
        <translation>（%1 级从 %2 分起）</translation>
    </message>
    <message>
        <source>What each criterion lacks:</source>
        <translation>各项标准还差：</translation>
    </message>
    <message>
        <source>Contribution = points × weight ÷ the total weight; the contributions add up to the score (0–100).</source>
        <translation>贡献 = 得分 × 权重 ÷ 总权重；各项贡献之和即综合得分（0–100）。</translation>
    </message>
    <message>
        <source>Action plan for tier %1</source>
        <translation>%1 级行动方案</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>行动方案</translation>
    </message>
    <message numerus="yes">
        <source>every %Ln day(s)</source>
        <translation>
            <numerusform>每 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked at tier %1 by hand.</source>
        <translation>已手动锁定为 %1 级。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Re-grading keeps this tier until it is unlocked.</source>
        <translation>解除锁定之前，重新分级不会改变此等级。</translation>
    </message>
    <message>
        <source>Set by the scoring sheet: each re-grade may change it. Setting a tier by hand locks it.</source>
        <translation>等级由评分表决定，每次重新分级都可能改变。手动设定等级后将锁定。</translation>
    </message>
    <message>
        <source>Stage “%1” set by hand.</source>
        <translation>生命周期阶段“%1”为手动设置。</translation>
    </message>
    <message>
        <source>Re-grading keeps this stage until it is unlocked.</source>
        <translation>重新分级时保留此阶段，直到解除锁定。</translation>
    </message>
    <message>
        <source>Set by the lifecycle rules at each re-grade. Setting a stage by hand locks it.</source>
        <translation>由生命周期规则在每次重新分级时设定。手动设置阶段会将其锁定。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Scoring sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Re-grade</source>
        <translation>重新分级</translation>
    </message>
    <message>
        <source>Tier history (%1)</source>
        <translation>等级变动记录（%1）</translation>
    </message>
    <message>
        <source>Manual tier change</source>
        <translation>手动调整等级</translation>
    </message>
    <message>
        <source>Give a reason for setting the tier by hand.</source>
        <translation>手动设定等级须填写原因。</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Give a reason for setting the stage by hand.</source>
        <translation>请填写手动设置阶段的原因。</translation>
    </message>
    <message>
        <source>Score breakdown</source>
        <translation>评分明细</translation>
    </message>
    <message>
        <source>Manual tier</source>
        <translation>手动调整</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>回访周期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>服务等级</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Rep level</source>
        <translation>对接人员</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Reason (required), e.g. strategic account signed for 3 years</source>
        <translation>原因（必填），例如：已签三年战略合作</translation>
    </message>
    <message>
        <source>Set tier and lock</source>
        <translation>设定并锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Reason (required), e.g. contract renewed, orders resume</source>
        <translation>原因（必填），例如：合同已续签，订单恢复</translation>
    </message>
    <message>
        <source>Set stage and lock</source>
        <translation>设置阶段并锁定</translation>
    </message>
    <message>
        <source>Unlock stage</source>
        <translation>解除阶段锁定</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级变动记录</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>合作纪念</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Which owner are you? Today, the reminders and the calendar then open on your customers (remembered for this database).</source>
        <translation>您是哪位负责人？选定后，今日、提醒与回访日历都默认显示您的客户（在此数据库中记住）。</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>这是我</translation>
    </message>
    <message>
        <source>Complete revisit…</source>
        <translation>完成回访…</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <source>Copy greeting</source>
        <translation>复制问候语</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Start win-back…</source>
        <translation>发起挽回…</translation>
    </message>
    <message>
        <source>Record why the customer drifts away and plan dated actions; the warning is closed</source>
        <translation>记录流失原因并安排带日期的挽回措施；预警随之处理</translation>
    </message>
    <message>
        <source>Snooze to…</source>
        <translation>推迟到…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Nothing left for today. Well done.</source>
        <translation>今日事项已全部完成，辛苦了。</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>Reading today&apos;s list…</source>
        <translation>正在读取今日事项…</translation>
    </message>
    <message>
        <source>%1 to do today (capacity %2) · %3 later this week</source>
        <translation>今日待办 %1 项（每日容量 %2）· 本周稍后 %3 项</translation>
    </message>
    <message>
        <source>Later this week</source>
        <translation>本周稍后</translation>
    </message>
    <message>
        <source>Greeting copied.</source>
        <translation>问候语已复制。</translation>
    </message>
    <message>
        <source>Snooze to a day</source>
        <translation>推迟到某天</translation>
    </message>
    <message>
        <source>Until *</source>
        <translation>推迟到 *</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转交客户</translation>
    </message>
    <message>
        <source>Hand %1 over to which owner? Its planned revisits go along.</source>
        <translation>将 %1 转交给哪位负责人？其计划中的回访一并转交。</translation>
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
    <message numerus="yes">
        <source>%Ln transaction(s), %1 in all</source>
        <translation>
            <numerusform>共 %Ln 笔交易，合计 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingPanel</name>
    <message>
        <source>Looking ahead…</source>
        <translation>正在查看接下来的日子…</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>Tomorrow, %1</source>
        <translation>明天，%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n day(s))</source>
        <translation>
            <numerusform>%1（%n 天后）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>全体客户</translation>
    </message>
    <message>
        <source>reminded at the next check today</source>
        <translation>今天检查时提醒</translation>
    </message>
    <message>
        <source>reminder on %1</source>
        <translation>将于 %1 提醒</translation>
    </message>
    <message>
        <source>already in the list</source>
        <translation>已在提醒列表中</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with something</source>
        <translation>
            <numerusform>共 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing in these days.</source>
        <translation>这些天里没有安排。</translation>
    </message>
    <message>
        <source>Coming up in the next</source>
        <translation>即将到来：未来</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>WinBackTab</name>
    <message>
        <source>Start win-back…</source>
        <translation>发起挽回…</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>添加措施…</translation>
    </message>
    <message>
        <source>Action done</source>
        <translation>措施已完成</translation>
    </message>
    <message>
        <source>End win-back…</source>
        <translation>结束挽回…</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>挽回措施</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>发起日期</translation>
    </message>
    <message>
        <source>Churn reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一项措施</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>挽回中</translation>
    </message>
    <message numerus="yes">
        <source>%Ln win-back(s), %1 in progress</source>
        <translation>
            <numerusform>共 %Ln 次挽回，%1 次进行中</numerusform>
        </translation>
    </message>
</context>
</TS>
