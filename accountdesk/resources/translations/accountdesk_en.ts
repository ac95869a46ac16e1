<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>Create a new, empty database file</source>
        <translation>Create a new, empty database file</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>Open another AccountDesk database file</source>
        <translation>Open another AccountDesk database file</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>&amp;Connect to server…</translation>
    </message>
    <message>
        <source>Open a team&apos;s PostgreSQL database (host, user, password, SSL)</source>
        <translation>Open a team&apos;s PostgreSQL database (host, user, password, SSL)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Make a verified copy of the database</source>
        <translation>Make a verified copy of the database</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>Replace the database with a backup (the current one is kept)</source>
        <translation>Replace the database with a backup (the current one is kept)</translation>
    </message>
    <message>
        <source>&amp;Merge another copy…</source>
        <translation>&amp;Merge another copy…</translation>
    </message>
    <message>
        <source>Bring in what a diverged copy of this database has (e.g. a sync tool&apos;s conflicted copy); you see the changes first</source>
        <translation>Bring in what a diverged copy of this database has (e.g. a sync tool&apos;s conflicted copy); you see the changes first</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;New customer…</translation>
    </message>
    <message>
        <source>Add a customer to the archive</source>
        <translation>Add a customer to the archive</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>&amp;Find customer</translation>
    </message>
    <message>
        <source>Search by name, code, contact, phone, pinyin or initials</source>
        <translation>Search by name, code, contact, phone, pinyin or initials</translation>
    </message>
    <message>
        <source>&amp;Log interaction…</source>
        <translation>&amp;Log interaction…</translation>
    </message>
    <message>
        <source>Record a call, visit or message with the current customer</source>
        <translation>Record a call, visit or message with the current customer</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <source>&amp;About AccountDesk</source>
        <translation>&amp;About AccountDesk</translation>
    </message>
</context>
<context>
    <name>AddActionDialog</name>
    <message>
        <source>Add a win-back action</source>
        <translation>Add a win-back action</translation>
    </message>
    <message>
        <source>On *</source>
        <translation>On *</translation>
    </message>
    <message>
        <source>Action *</source>
        <translation>Action *</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>Opened read-only</translation>
    </message>
    <message>
        <source>The database was upgraded; a backup was kept first: %1</source>
        <translation>The database was upgraded; a backup was kept first: %1</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>It is open read-only: you can export what can still be read, but not change it.</source>
        <translation>It is open read-only: you can export what can still be read, but not change it.</translation>
    </message>
    <message>
        <source>Restore the newest verified backup (%1)</source>
        <translation>Restore the newest verified backup (%1)</translation>
    </message>
    <message>
        <source>Keep it open read-only, to export</source>
        <translation>Keep it open read-only, to export</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Open another database…</translation>
    </message>
    <message>
        <source>Use the default database</source>
        <translation>Use the default database</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>AccountDesk databases (*.accountdesk);;All files (*)</source>
        <translation>AccountDesk databases (*.accountdesk);;All files (*)</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>The database was restored. The database as it was is kept at:
%1</source>
        <translation>The database was restored. The database as it was is kept at:
%1</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Every change to this customer and its records, newest first.</source>
        <translation>Every change to this customer and its records, newest first.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
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
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>merged from %1 by %2</source>
        <translation>merged from %1 by %2</translation>
    </message>
    <message>
        <source> (the copy says: %1, %2)</source>
        <translation> (the copy says: %1, %2)</translation>
    </message>
</context>
<context>
    <name>BasicInfoTab</name>
    <message>
        <source>e.g. VIP, East China</source>
        <translation>e.g. VIP, East China</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Customer name *</source>
        <translation>Customer name *</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Custom fields (one "name: text" a line)</source>
        <translation>Custom fields (one "name: text" a line)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>The customer name must not be empty.</source>
        <translation>The customer name must not be empty.</translation>
    </message>
    <message>
        <source>Unsaved changes: %1</source>
        <translation>Unsaved changes: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not saved yet: your changes are still here.</source>
        <translation>Not saved yet: your changes are still here.</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>Edit care given</source>
        <translation>Edit care given</translation>
    </message>
    <message>
        <source>Record care given</source>
        <translation>Record care given</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>Kind *</translation>
    </message>
    <message>
        <source>What *</source>
        <translation>What *</translation>
    </message>
    <message>
        <source>e.g. Mid-Autumn mooncakes, 10% coupon, 2,000 points</source>
        <translation>e.g. Mid-Autumn mooncakes, 10% coupon, 2,000 points</translation>
    </message>
    <message>
        <source>Value (¥) *</source>
        <translation>Value (¥) *</translation>
    </message>
    <message>
        <source>Given on *</source>
        <translation>Given on *</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>e.g. birthday, Mid-Autumn, renewal</source>
        <translation>e.g. birthday, Mid-Autumn, renewal</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <source>Given on</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message numerus="yes">
        <source>%Ln given, %1 in all</source>
        <translation>
            <numerusform>%Ln given, %1 in all</numerusform>
            <numerusform>%Ln given, %1 in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseWinBackDialog</name>
    <message>
        <source>End the win-back</source>
        <translation>End the win-back</translation>
    </message>
    <message>
        <source>Outcome *</source>
        <translation>Outcome *</translation>
    </message>
    <message>
        <source>On *</source>
        <translation>On *</translation>
    </message>
    <message>
        <source>End win-back</source>
        <translation>End win-back</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this first</source>
        <translation>Someone else saved this first</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>another user</translation>
    </message>
    <message>
        <source>%1 deleted this record while you were editing. Your changes were not saved.</source>
        <translation>%1 deleted this record while you were editing. Your changes were not saved.</translation>
    </message>
    <message>
        <source>%1 saved this record while you were editing, and changed the same fields as you. Your changes are not saved yet: choose, field by field, what to keep.</source>
        <translation>%1 saved this record while you were editing, and changed the same fields as you. Your changes are not saved yet: choose, field by field, what to keep.</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>Saved by %1</translation>
    </message>
    <message>
        <source>Saved with your choices (only you changed them): %1</source>
        <translation>Saved with your choices (only you changed them): %1</translation>
    </message>
    <message>
        <source>The value you do not keep stays in the customer&apos;s change history.</source>
        <translation>The value you do not keep stays in the customer&apos;s change history.</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Back to editing</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Yours</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>Save my choices</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>A team&apos;s PostgreSQL server. The change history names the server login you connect as; the name typed in Settings applies to local files only.</source>
        <translation>A team&apos;s PostgreSQL server. The change history names the server login you connect as; the name typed in Settings applies to local files only.</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>Remember the password in this computer&apos;s keyring</translation>
    </message>
    <message>
        <source>This computer has no keyring: use PGPASSWORD or ~/.pgpass instead.</source>
        <translation>This computer has no keyring: use PGPASSWORD or ~/.pgpass instead.</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>User (server login):</source>
        <translation>User (server login):</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>SSL mode:</translation>
    </message>
    <message>
        <source>Leave the password empty to use PGPASSWORD, ~/.pgpass or a service file.</source>
        <translation>Leave the password empty to use PGPASSWORD, ~/.pgpass or a service file.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>Solar (Gregorian)</source>
        <translation>Solar (Gregorian)</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>Lunar</translation>
    </message>
    <message>
        <source>Birthday calendar</source>
        <translation>Birthday calendar</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>Birthday month</translation>
    </message>
    <message>
        <source>Birthday day</source>
        <translation>Birthday day</translation>
    </message>
    <message>
        <source>Leap month (lunar only)</source>
        <translation>Leap month (lunar only)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>leap </source>
        <translation>leap </translation>
    </message>
    <message>
        <source>Lunar %1</source>
        <translation>Lunar %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>The action could not be completed</source>
        <translation>The action could not be completed</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>AccountDesk met an unexpected error. Nothing was half-saved: the action that failed was rolled back.

%1

The details are in the log:
%2

Please send that file to whoever supports AccountDesk for you.</source>
        <translation>AccountDesk met an unexpected error. Nothing was half-saved: the action that failed was rolled back.

%1

The details are in the log:
%2

Please send that file to whoever supports AccountDesk for you.</translation>
    </message>
    <message>
        <source>AccountDesk</source>
        <translation>AccountDesk</translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Next revisit</source>
        <translation>Next revisit</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Need type</source>
        <translation>Need type</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Purchasing power</source>
        <translation>Purchasing power</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <source>Revisit overdue</source>
        <translation>Revisit overdue</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>Basic info</source>
        <translation>Basic info</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Revisit plan</source>
        <translation>Revisit plan</translation>
    </message>
    <message>
        <source>Feedback &amp; complaints</source>
        <translation>Feedback &amp; complaints</translation>
    </message>
    <message>
        <source>Care given</source>
        <translation>Care given</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>Win-back</translation>
    </message>
    <message>
        <source>Tier record</source>
        <translation>Tier record</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>none planned</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <source>Next revisit</source>
        <translation>Next revisit</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>Tier discount</source>
        <translation>Tier discount</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Restore customer</source>
        <translation>Restore customer</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>Delete customer</translation>
    </message>
    <message>
        <source>← Customer list</source>
        <translation>← Customer list</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Log interaction…</translation>
    </message>
    <message>
        <source>Delete the customer “%1”? Its records are kept and it can be restored from this screen.</source>
        <translation>Delete the customer “%1”? Its records are kept and it can be restored from this screen.</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>%1 selected:</source>
        <translation>%1 selected:</translation>
    </message>
    <message>
        <source>Select customers (Ctrl/Shift+click) for bulk actions:</source>
        <translation>Select customers (Ctrl/Shift+click) for bulk actions:</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>Select a customer in the list first.</source>
        <translation>Select a customer in the list first.</translation>
    </message>
    <message>
        <source>Assign owner</source>
        <translation>Assign owner</translation>
    </message>
    <message>
        <source>Assigning owner…</source>
        <translation>Assigning owner…</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>Adding tag…</source>
        <translation>Adding tag…</translation>
    </message>
    <message>
        <source>Export the selected customers</source>
        <translation>Export the selected customers</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>CSV text</source>
        <translation>CSV text</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customer(s) match</source>
        <translation>
            <numerusform>%1 of %Ln customer match</numerusform>
            <numerusform>%1 of %Ln customers match</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Save view</translation>
    </message>
    <message>
        <source>Choose some filters first: a view keeps the filters you set.</source>
        <translation>Choose some filters first: a view keeps the filters you set.</translation>
    </message>
    <message>
        <source>Name of the view (the whole team sees it):</source>
        <translation>Name of the view (the whole team sees it):</translation>
    </message>
    <message>
        <source>Replace the view “%1”?</source>
        <translation>Replace the view “%1”?</translation>
    </message>
    <message>
        <source>View “%1” saved.</source>
        <translation>View “%1” saved.</translation>
    </message>
    <message>
        <source>Saving view…</source>
        <translation>Saving view…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Delete view</translation>
    </message>
    <message>
        <source>Delete the view “%1” for the whole team?</source>
        <translation>Delete the view “%1” for the whole team?</translation>
    </message>
    <message>
        <source>Deleting view…</source>
        <translation>Deleting view…</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <source>Select exactly two customers in the list to merge them.</source>
        <translation>Select exactly two customers in the list to merge them.</translation>
    </message>
    <message numerus="yes">
        <source>Owner for %Ln customer(s) (a new name adds a user):</source>
        <translation>
            <numerusform>Owner for %Ln customer (a new name adds a user):</numerusform>
            <numerusform>Owner for %Ln customers (a new name adds a user):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owner set on %Ln customer(s).</source>
        <translation>
            <numerusform>Owner set on %Ln customer.</numerusform>
            <numerusform>Owner set on %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %Ln customer(s):</source>
        <translation>
            <numerusform>Tag to add to %Ln customer:</numerusform>
            <numerusform>Tag to add to %Ln customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag added to %Ln customer(s).</source>
        <translation>
            <numerusform>Tag added to %Ln customer.</numerusform>
            <numerusform>Tag added to %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln customer to %1</numerusform>
            <numerusform>Exported %Ln customers to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>Loading demo data…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Log interaction…</translation>
    </message>
    <message>
        <source>Assign owner…</source>
        <translation>Assign owner…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>Add tag…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>Export selected…</translation>
    </message>
    <message>
        <source>Merge customers…</source>
        <translation>Merge customers…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>+ New customer</source>
        <translation>+ New customer</translation>
    </message>
    <message>
        <source>Select two records of one company to make them one</source>
        <translation>Select two records of one company to make them one</translation>
    </message>
    <message>
        <source>No customer matches this search and these filters.</source>
        <translation>No customer matches this search and these filters.</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Clear search and filters</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No tier</source>
        <translation>No tier</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Spend in period</source>
        <translation>Spend in period</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>Mean satisfaction</translation>
    </message>
    <message>
        <source>Revisits on time</source>
        <translation>Revisits on time</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>Won back</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>Win-back rate</translation>
    </message>
    <message>
        <source>Churn reasons</source>
        <translation>Churn reasons</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Cared for</source>
        <translation>Cared for</translation>
    </message>
    <message>
        <source>Care given</source>
        <translation>Care given</translation>
    </message>
    <message>
        <source>Care cost</source>
        <translation>Care cost</translation>
    </message>
    <message>
        <source>Cost / spend</source>
        <translation>Cost / spend</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Lifecycle stage</translation>
    </message>
    <message>
        <source>Need type</source>
        <translation>Need type</translation>
    </message>
    <message>
        <source>Purchasing power</source>
        <translation>Purchasing power</translation>
    </message>
    <message>
        <source>Purchase frequency</source>
        <translation>Purchase frequency</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>Break down by</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Bought before / again</source>
        <translation>Bought before / again</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The start date is after the end date.</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <source>Calculating the figures…</source>
        <translation>Calculating the figures…</translation>
    </message>
    <message>
        <source>Spend in period: %1</source>
        <translation>Spend in period: %1</translation>
    </message>
    <message>
        <source>%1 of %2 earlier buyers bought again</source>
        <translation>%1 of %2 earlier buyers bought again</translation>
    </message>
    <message>
        <source>%1 share of spend</source>
        <translation>%1 share of spend</translation>
    </message>
    <message>
        <source>Retention per month</source>
        <translation>Retention per month</translation>
    </message>
    <message>
        <source>%1 – %2: buyers of the month before who bought again</source>
        <translation>%1 – %2: buyers of the month before who bought again</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>Satisfaction per tier</source>
        <translation>Satisfaction per tier</translation>
    </message>
    <message>
        <source>MMM</source>
        <translation>MMM</translation>
    </message>
    <message>
        <source>No tier history for this period yet.</source>
        <translation>No tier history for this period yet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) in %2</source>
        <translation>
            <numerusform>%Ln customer in %2</numerusform>
            <numerusform>%Ln customers in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>not ended: day %1 of %2</source>
        <translation>not ended: day %1 of %2</translation>
    </message>
    <message>
        <source>compared with %1 – %2</source>
        <translation>compared with %1 – %2</translation>
    </message>
    <message>
        <source>same days before: %1</source>
        <translation>same days before: %1</translation>
    </message>
    <message numerus="yes">
        <source>out of 5, from %Ln rating(s)</source>
        <translation>
            <numerusform>out of 5, from %Ln rating</numerusform>
            <numerusform>out of 5, from %Ln ratings</numerusform>
        </translation>
    </message>
    <message>
        <source> (so far)</source>
        <translation> (so far)</translation>
    </message>
    <message>
        <source>; %1 has not ended</source>
        <translation>; %1 has not ended</translation>
    </message>
    <message>
        <source>MMMM</source>
        <translation>MMMM</translation>
    </message>
    <message numerus="yes">
        <source>Mean of %Ln rating(s), 1–5</source>
        <translation>
            <numerusform>Mean of %Ln rating, 1–5</numerusform>
            <numerusform>Mean of %Ln ratings, 1–5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more owner(s) below their tier&apos;s rep level</source>
        <translation>
            <numerusform>and %Ln more owner below their tier&apos;s rep level</numerusform>
            <numerusform>and %Ln more owners below their tier&apos;s rep level</numerusform>
        </translation>
    </message>
    <message>
        <source>Resources not met: customers owned below the rep level their tier asks (%1).</source>
        <translation>Resources not met: customers owned below the rep level their tier asks (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %Ln customer(s) changed tier. Rows: tier at the start; columns: at the end.</source>
        <translation>
            <numerusform>%1 → %2: %Ln customer changed tier. Rows: tier at the start; columns: at the end.</numerusform>
            <numerusform>%1 → %2: %Ln customers changed tier. Rows: tier at the start; columns: at the end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) at risk or churned, the most valuable first. Double-click to open one.</source>
        <translation>
            <numerusform>%Ln customer at risk or churned, the most valuable first. Double-click to open one.</numerusform>
            <numerusform>%Ln customers at risk or churned, the most valuable first. Double-click to open one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers by their class now; spend and satisfaction in the period; retention: of those who bought in the same number of days before, the share who bought again.</source>
        <translation>Customers by their class now; spend and satisfaction in the period; retention: of those who bought in the same number of days before, the share who bought again.</translation>
    </message>
    <message>
        <source>Customers now, and spend, interactions and revisits in the period.</source>
        <translation>Customers now, and spend, interactions and revisits in the period.</translation>
    </message>
    <message>
        <source>Started in the period, by churn reason; the rate is won back among those that ended in it.</source>
        <translation>Started in the period, by churn reason; the rate is won back among those that ended in it.</translation>
    </message>
    <message>
        <source>Gifts, coupons and points given in the period, against what each tier spent.</source>
        <translation>Gifts, coupons and points given in the period, against what each tier spent.</translation>
    </message>
    <message>
        <source>No care given or spend in this period.</source>
        <translation>No care given or spend in this period.</translation>
    </message>
    <message>
        <source>Statistics %1 to %2</source>
        <translation>Statistics %1 to %2</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Export the figures</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;JSON (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Figures exported to %1</source>
        <translation>Figures exported to %1</translation>
    </message>
    <message>
        <source>Exporting the figures…</source>
        <translation>Exporting the figures…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Custom range…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>Win-back</translation>
    </message>
    <message>
        <source>Care against value per tier</source>
        <translation>Care against value per tier</translation>
    </message>
    <message>
        <source>Per segment</source>
        <translation>Per segment</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>%1 of %2 on time, %3 overdue</source>
        <translation>%1 of %2 on time, %3 overdue</translation>
    </message>
    <message numerus="yes">
        <source>; %Ln open in grace</source>
        <translation>
            <numerusform>; %Ln open in grace</numerusform>
            <numerusform>; %Ln open in grace</numerusform>
        </translation>
    </message>
    <message>
        <source>Top tier share of spend</source>
        <translation>Top tier share of spend</translation>
    </message>
    <message>
        <source>Retention rate</source>
        <translation>Retention rate</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>Mean satisfaction</translation>
    </message>
    <message>
        <source>Revisits on time</source>
        <translation>Revisits on time</translation>
    </message>
    <message>
        <source>Customers per tier</source>
        <translation>Customers per tier</translation>
    </message>
    <message>
        <source>Everyone in the archive now</source>
        <translation>Everyone in the archive now</translation>
    </message>
    <message>
        <source>Spend per tier</source>
        <translation>Spend per tier</translation>
    </message>
    <message>
        <source>In the period, and share of the total</source>
        <translation>In the period, and share of the total</translation>
    </message>
    <message>
        <source>Buyers of the month before who bought again</source>
        <translation>Buyers of the month before who bought again</translation>
    </message>
    <message>
        <source>No figures for this period</source>
        <translation>No figures for this period</translation>
    </message>
    <message>
        <source>Tier migration</source>
        <translation>Tier migration</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <source>Per owner</source>
        <translation>Per owner</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>AccountDesk databases (*.accountdesk);;All files (*)</source>
        <translation>AccountDesk databases (*.accountdesk);;All files (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>“%1” already exists. Use Open database to open it, or choose another name.</source>
        <translation>“%1” already exists. Use Open database to open it, or choose another name.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Backed up and verified:
%1</source>
        <translation>Backed up and verified:
%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>A server database is restored with PostgreSQL&apos;s own tools (pg_restore).</source>
        <translation>A server database is restored with PostgreSQL&apos;s own tools (pg_restore).</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Replace the database “%1” with the backup “%2”?

The database as it is now is backed up first, so this can be undone.</source>
        <translation>Replace the database “%1” with the backup “%2”?

The database as it is now is backed up first, so this can be undone.</translation>
    </message>
    <message>
        <source>About AccountDesk</source>
        <translation>About AccountDesk</translation>
    </message>
    <message>
        <source>AccountDesk %1 — customer archive, tiering, revisits and care reminders for key-account managers.</source>
        <translation>AccountDesk %1 — customer archive, tiering, revisits and care reminders for key-account managers.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>Schema version: %1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Log file: %1</translation>
    </message>
</context>
<context>
    <name>DatabaseSettings</name>
    <message>
        <source>Reading the database facts…</source>
        <translation>Reading the database facts…</translation>
    </message>
    <message>
        <source>Local (one user on this computer)</source>
        <translation>Local (one user on this computer)</translation>
    </message>
    <message>
        <source>Shared (a team on a network drive)</source>
        <translation>Shared (a team on a network drive)</translation>
    </message>
    <message>
        <source>Server (PostgreSQL)</source>
        <translation>Server (PostgreSQL)</translation>
    </message>
    <message>
        <source>%1, read-only</source>
        <translation>%1, read-only</translation>
    </message>
    <message>
        <source>Shared mode lets colleagues open this file from a network drive at the same time: the file keeps its journal inside itself (no -wal file beside it) and every save goes straight to the disk. It is a little slower, and it is the safe way for a team. Everyone else must close the file before the switch; AccountDesk opens it again afterwards.</source>
        <translation>Shared mode lets colleagues open this file from a network drive at the same time: the file keeps its journal inside itself (no -wal file beside it) and every save goes straight to the disk. It is a little slower, and it is the safe way for a team. Everyone else must close the file before the switch; AccountDesk opens it again afterwards.</translation>
    </message>
    <message>
        <source>Switch to shared mode…</source>
        <translation>Switch to shared mode…</translation>
    </message>
    <message>
        <source>The file is in shared mode for a team. Switch back to single-user mode only when the file is on this computer&apos;s own disk and nobody else uses it: it is faster there. Everyone else must close the file first.</source>
        <translation>The file is in shared mode for a team. Switch back to single-user mode only when the file is on this computer&apos;s own disk and nobody else uses it: it is faster there. Everyone else must close the file first.</translation>
    </message>
    <message>
        <source>Switch to single-user mode…</source>
        <translation>Switch to single-user mode…</translation>
    </message>
    <message>
        <source>A server database is shared by the server itself; there is no mode to switch. Back it up with PostgreSQL&apos;s own tools (pg_dump).</source>
        <translation>A server database is shared by the server itself; there is no mode to switch. Back it up with PostgreSQL&apos;s own tools (pg_dump).</translation>
    </message>
    <message>
        <source>Backups are kept in %1</source>
        <translation>Backups are kept in %1</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation>before a merge</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>Shared mode</source>
        <translation>Shared mode</translation>
    </message>
    <message>
        <source>Single-user mode</source>
        <translation>Single-user mode</translation>
    </message>
    <message>
        <source>Switch “%1” to shared mode now?</source>
        <translation>Switch “%1” to shared mode now?</translation>
    </message>
    <message>
        <source>Switch “%1” to single-user mode now?</source>
        <translation>Switch “%1” to single-user mode now?</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Replace the database with the backup of %1?

The database as it is now is backed up first, so this can be undone.</source>
        <translation>Replace the database with the backup of %1?

The database as it is now is backed up first, so this can be undone.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>Restore the selected backup…</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Reminder *</source>
        <translation>Reminder *</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DuplicateGuard</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <source>This looks like a customer you already have:</source>
        <translation>This looks like a customer you already have:</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Save again to keep it as a separate customer, or merge the two later (select both in the list → Merge customers…).</source>
        <translation>Save again to keep it as a separate customer, or merge the two later (select both in the list → Merge customers…).</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No customers yet</source>
        <translation>No customers yet</translation>
    </message>
    <message>
        <source>Bring in your customer sheet, add customers one by one, or look around with demo data first.</source>
        <translation>Bring in your customer sheet, add customers one by one, or look around with demo data first.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>Import Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>AccountDesk</source>
        <translation>AccountDesk</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Edit feedback</source>
        <translation>Edit feedback</translation>
    </message>
    <message>
        <source>New feedback</source>
        <translation>New feedback</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>Kind *</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Content *</source>
        <translation>Content *</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Mark resolved…</source>
        <translation>Mark resolved…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>Resolved %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(ies), %1 open</source>
        <translation>
            <numerusform>%Ln entry(ies), %1 open</numerusform>
            <numerusform>%Ln entry(ies), %1 open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>File and sheet</source>
        <translation>File and sheet</translation>
    </message>
    <message>
        <source>Choose the Excel or CSV file to import and say what its rows are.</source>
        <translation>Choose the Excel or CSV file to import and say what its rows are.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>An .xlsx, .xls, .ods or .csv file</source>
        <translation>An .xlsx, .xls, .ods or .csv file</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>The sheet whose columns fit</source>
        <translation>The sheet whose columns fit</translation>
    </message>
    <message>
        <source>The rows are:</source>
        <translation>The rows are:</translation>
    </message>
    <message>
        <source>When a row is already in AccountDesk:</source>
        <translation>When a row is already in AccountDesk:</translation>
    </message>
    <message>
        <source>Create the customers the file names but AccountDesk does not have</source>
        <translation>Create the customers the file names but AccountDesk does not have</translation>
    </message>
    <message>
        <source>Import nothing if any row has an error</source>
        <translation>Import nothing if any row has an error</translation>
    </message>
    <message>
        <source>Title rows above the header, merged header cells, phone numbers stored as numbers and dates in any common form are fine. Nothing is written until you have checked the preview, and every import can be undone.</source>
        <translation>Title rows above the header, merged header cells, phone numbers stored as numbers and dates in any common form are fine. Nothing is written until you have checked the preview, and every import can be undone.</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Spreadsheets</source>
        <translation>Spreadsheets</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Reading the file</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search name, code, contact, phone, pinyin or initials  (Ctrl+F)</source>
        <translation>Search name, code, contact, phone, pinyin or initials  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Revisit overdue</source>
        <translation>Revisit overdue</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Save view…</translation>
    </message>
    <message>
        <source>Save these filters under a name the whole team can pick</source>
        <translation>Save these filters under a name the whole team can pick</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Delete view</translation>
    </message>
    <message>
        <source>Any purchasing power</source>
        <translation>Any purchasing power</translation>
    </message>
    <message>
        <source>Any need type</source>
        <translation>Any need type</translation>
    </message>
    <message>
        <source>Any frequency</source>
        <translation>Any frequency</translation>
    </message>
    <message>
        <source>Any RFM segment</source>
        <translation>Any RFM segment</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>Saved views…</source>
        <translation>Saved views…</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>No saved views</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Please enter your name.</translation>
    </message>
    <message>
        <source>You now work as %1.</source>
        <translation>You now work as %1.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>On a server, the change history names your server login (%1), whatever name is typed here; this name applies to local files only.</source>
        <translation>On a server, the change history names your server login (%1), whatever name is typed here; this name applies to local files only.</translation>
    </message>
    <message>
        <source>Shown in the audit trail beside everything you change, and offered as an owner of customers. It applies to local files; on a server the change history names your server login.</source>
        <translation>Shown in the audit trail beside everything you change, and offered as an owner of customers. It applies to local files; on a server the change history names your server login.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
</context>
<context>
    <name>ImportExportPage</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Tier sheet</source>
        <translation>Tier sheet</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Revisits</source>
        <translation>Revisits</translation>
    </message>
    <message>
        <source>Every customer with tier, score, spend and dates</source>
        <translation>Every customer with tier, score, spend and dates</translation>
    </message>
    <message>
        <source>The tier sheet managers keep: frequency, spend, loyalty, influence, grade, action plan</source>
        <translation>The tier sheet managers keep: frequency, spend, loyalty, influence, grade, action plan</translation>
    </message>
    <message>
        <source>Purchases: customer, date, product, amount</source>
        <translation>Purchases: customer, date, product, amount</translation>
    </message>
    <message>
        <source>Calls, visits, meetings and messages</source>
        <translation>Calls, visits, meetings and messages</translation>
    </message>
    <message>
        <source>Planned revisits; also as a calendar (.ics)</source>
        <translation>Planned revisits; also as a calendar (.ics)</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>Import / Export</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Bring customers, contacts, transactions or interactions in from Excel (.xlsx, .xls, .ods) or CSV. You check the columns and every row before anything is written, and each import can be undone.</source>
        <translation>Bring customers, contacts, transactions or interactions in from Excel (.xlsx, .xls, .ods) or CSV. You check the columns and every row before anything is written, and each import can be undone.</translation>
    </message>
    <message>
        <source>Import from Excel or CSV…</source>
        <translation>Import from Excel or CSV…</translation>
    </message>
    <message>
        <source>Past imports</source>
        <translation>Past imports</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No imports yet.</source>
        <translation>No imports yet.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Choose the file name; its ending picks the format: .xlsx (styled, filtered), .csv, .json, or .ics for revisits. An exported sheet imports back without changes.</source>
        <translation>Choose the file name; its ending picks the format: .xlsx (styled, filtered), .csv, .json, or .ics for revisits. An exported sheet imports back without changes.</translation>
    </message>
    <message>
        <source>Reading the import history</source>
        <translation>Reading the import history</translation>
    </message>
    <message>
        <source>Undone {0}</source>
        <translation>Undone {0}</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>Undo the import of “{0}” from {1}?

The records it created ({2}) are removed and the records it updated ({3}) get their earlier values back. Records someone changed since the import keep that change.</source>
        <translation>Undo the import of “{0}” from {1}?

The records it created ({2}) are removed and the records it updated ({3}) get their earlier values back. Records someone changed since the import keep that change.</translation>
    </message>
    <message>
        <source>Import undone. Removed: {0}; restored: {1}.</source>
        <translation>Import undone. Removed: {0}; restored: {1}.</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>Undoing the import</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>Export {0}</translation>
    </message>
    <message>
        <source>Only revisits can be exported as a calendar (.ics).</source>
        <translation>Only revisits can be exported as a calendar (.ics).</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <source>Exported to {1} (rows: {0})</source>
        <translation>Exported to {1} (rows: {0})</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>CSV text</source>
        <translation>CSV text</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Skip the row and keep what AccountDesk has</source>
        <translation>Skip the row and keep what AccountDesk has</translation>
    </message>
    <message>
        <source>Update the existing record with the file&apos;s values</source>
        <translation>Update the existing record with the file&apos;s values</translation>
    </message>
    <message>
        <source>Import the row as a new record anyway</source>
        <translation>Import the row as a new record anyway</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Duplicate, skipped</source>
        <translation>Duplicate, skipped</translation>
    </message>
    <message>
        <source>Error, not imported</source>
        <translation>Error, not imported</translation>
    </message>
    <message>
        <source>Import from Excel or CSV</source>
        <translation>Import from Excel or CSV</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Edit interaction</source>
        <translation>Edit interaction</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>Kind *</translation>
    </message>
    <message>
        <source>When *</source>
        <translation>When *</translation>
    </message>
    <message>
        <source>(no particular contact)</source>
        <translation>(no particular contact)</translation>
    </message>
    <message>
        <source>With</source>
        <translation>With</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>What was discussed</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>e.g. send the quotation by Wednesday</source>
        <translation>e.g. send the quotation by Wednesday</translation>
    </message>
    <message>
        <source>Remind me: do it by</source>
        <translation>Remind me: do it by</translation>
    </message>
    <message>
        <source>(the customer&apos;s owner)</source>
        <translation>(the customer&apos;s owner)</translation>
    </message>
    <message>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <source>Follow-up done on %1</source>
        <translation>Follow-up done on %1</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
</context>
<context>
    <name>InteractionsTab</name>
    <message>
        <source>Log interaction…  (Ctrl+L)</source>
        <translation>Log interaction…  (Ctrl+L)</translation>
    </message>
    <message>
        <source>No interactions recorded yet.</source>
        <translation>No interactions recorded yet.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>Next step: %1</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>with %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message>
        <source>average satisfaction %1</source>
        <translation>average satisfaction %1</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>done %1</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>overdue since %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>Delete this interaction?</source>
        <translation>Delete this interaction?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Potential</source>
        <translation>Potential</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Churned</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>Price-sensitive</source>
        <translation>Price-sensitive</translation>
    </message>
    <message>
        <source>Quality-sensitive</source>
        <translation>Quality-sensitive</translation>
    </message>
    <message>
        <source>Service-sensitive</source>
        <translation>Service-sensitive</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>High-end buyer</source>
        <translation>High-end buyer</translation>
    </message>
    <message>
        <source>Mid-range buyer</source>
        <translation>Mid-range buyer</translation>
    </message>
    <message>
        <source>Low-end buyer</source>
        <translation>Low-end buyer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Not kept (conflict)</source>
        <translation>Not kept (conflict)</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Revisit plan</source>
        <translation>Revisit plan</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>Tier change</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>Win-back</translation>
    </message>
    <message>
        <source>Win-back action</source>
        <translation>Win-back action</translation>
    </message>
    <message>
        <source>Care given</source>
        <translation>Care given</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>Need gone</source>
        <translation>Need gone</translation>
    </message>
    <message>
        <source>Contact left</source>
        <translation>Contact left</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>Won back</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Landline</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Customer since</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Tier locked</source>
        <translation>Tier locked</translation>
    </message>
    <message>
        <source>Reason for the tier lock</source>
        <translation>Reason for the tier lock</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Followers</translation>
    </message>
    <message>
        <source>Need type</source>
        <translation>Need type</translation>
    </message>
    <message>
        <source>Purchasing power</source>
        <translation>Purchasing power</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>Birthday calendar</source>
        <translation>Birthday calendar</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>Birthday month</translation>
    </message>
    <message>
        <source>Birthday day</source>
        <translation>Birthday day</translation>
    </message>
    <message>
        <source>Leap month</source>
        <translation>Leap month</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Merged from</source>
        <translation>Merged from</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log the contact</source>
        <translation>Log the contact</translation>
    </message>
    <message>
        <source>Channel *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>What was said</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>shared</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <source>%1, read-only</source>
        <translation>%1, read-only</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Mode: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Your server login: the change history names it.</source>
        <translation>Your server login: the change history names it.</translation>
    </message>
    <message>
        <source>Reminders: %1</source>
        <translation>Reminders: %1</translation>
    </message>
    <message>
        <source>AccountDesk</source>
        <translation>AccountDesk</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Recent &amp;databases</source>
        <translation>Recent &amp;databases</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>&amp;Customers</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Check which column of the file goes into which field. Change a field with its list; AccountDesk remembers your choice for files laid out the same way.</source>
        <translation>Check which column of the file goes into which field. Change a field with its list; AccountDesk remembers your choice for files laid out the same way.</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Header row:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Imports into</source>
        <translation>Imports into</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <source>Keep as a custom field</source>
        <translation>Keep as a custom field</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>Set the header row above, then choose the field of each column.</source>
        <translation>Set the header row above, then choose the field of each column.</translation>
    </message>
    <message>
        <source>{0} — rows below the header: {1}</source>
        <translation>{0} — rows below the header: {1}</translation>
    </message>
    <message>
        <source>the customer (code or name)</source>
        <translation>the customer (code or name)</translation>
    </message>
    <message>
        <source>No column is imported yet: choose a field for at least one column.</source>
        <translation>No column is imported yet: choose a field for at least one column.</translation>
    </message>
    <message>
        <source>No column gives {0}; every row would be rejected.</source>
        <translation>No column gives {0}; every row would be rejected.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>MembersSettings</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Rep</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>A local file has no logins: whoever can open the file sees every customer; only the operating system&apos;s file permissions protect it. Roles are enforced on a PostgreSQL server.</source>
        <translation>A local file has no logins: whoever can open the file sees every customer; only the operating system&apos;s file permissions protect it. Roles are enforced on a PostgreSQL server.</translation>
    </message>
    <message>
        <source>The server decides what each login sees: a rep their own, shared and unowned (pool) customers, a manager also their team&apos;s, an admin all. Adding a member creates the server login with exactly the rights it needs.</source>
        <translation>The server decides what each login sees: a rep their own, shared and unowned (pool) customers, a manager also their team&apos;s, an admin all. Adding a member creates the server login with exactly the rights it needs.</translation>
    </message>
    <message>
        <source>The server decides what each login sees: a rep their own, shared and unowned (pool) customers, a manager also their team&apos;s, an admin all. Only an admin may add members.</source>
        <translation>The server decides what each login sees: a rep their own, shared and unowned (pool) customers, a manager also their team&apos;s, an admin all. Only an admin may add members.</translation>
    </message>
    <message>
        <source>Added the member %1.</source>
        <translation>Added the member %1.</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Add a member</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Server login</source>
        <translation>Server login</translation>
    </message>
    <message>
        <source>Login name:</source>
        <translation>Login name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>optional; sent to the server hashed</source>
        <translation>optional; sent to the server hashed</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Add member</translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <source>Merge another copy</source>
        <translation>Merge another copy</translation>
    </message>
    <message>
        <source>This database is open read-only, and a merge writes into it, so it cannot be done now.</source>
        <translation>This database is open read-only, and a merge writes into it, so it cannot be done now.</translation>
    </message>
    <message>
        <source>Choose the copy to merge in</source>
        <translation>Choose the copy to merge in</translation>
    </message>
    <message>
        <source>AccountDesk databases (*.accountdesk);;All files (*)</source>
        <translation>AccountDesk databases (*.accountdesk);;All files (*)</translation>
    </message>
    <message>
        <source>Comparing with “%1”…</source>
        <translation>Comparing with “%1”…</translation>
    </message>
    <message>
        <source>“%1” holds nothing this database lacks; there is nothing to merge.</source>
        <translation>“%1” holds nothing this database lacks; there is nothing to merge.</translation>
    </message>
    <message>
        <source>Merging “%1”… (a backup is made first)</source>
        <translation>Merging “%1”… (a backup is made first)</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>“%1” is not a copy of this database but another database. Merging would mix two books of customers.

Merge it anyway?</source>
        <translation>“%1” is not a copy of this database but another database. Merging would mix two books of customers.

Merge it anyway?</translation>
    </message>
    <message>
        <source>Nothing was merged.</source>
        <translation>Nothing was merged.</translation>
    </message>
</context>
<context>
    <name>MergeCustomersDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <source>Which customer do you keep? The other one&apos;s records move to it, and the other stays in the change history as merged (it can be undone).</source>
        <translation>Which customer do you keep? The other one&apos;s records move to it, and the other stays in the change history as merged (it can be undone).</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Keep %1</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>no records</translation>
    </message>
    <message>
        <source>%1 is merged into %2.</source>
        <translation>%1 is merged into %2.</translation>
    </message>
    <message>
        <source>Moves: %1</source>
        <translation>Moves: %1</translation>
    </message>
    <message>
        <source>The kept customer&apos;s figures and tier are worked out again.</source>
        <translation>The kept customer&apos;s figures and tier are worked out again.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Merged. %1 records moved to %2.</source>
        <translation>Merged. %1 records moved to %2.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>Merge undone: %1 is back with its %2 records.</source>
        <translation>Merge undone: %1 is back with its %2 records.</translation>
    </message>
    <message>
        <source>Undoing the merge…</source>
        <translation>Undoing the merge…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Revisit plans</source>
        <translation>Revisit plans</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Scoring models</source>
        <translation>Scoring models</translation>
    </message>
    <message>
        <source>Tier policies</source>
        <translation>Tier policies</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>Tier changes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>changed on both sides</source>
        <translation>changed on both sides</translation>
    </message>
    <message>
        <source>edited on one side, deleted on the other</source>
        <translation>edited on one side, deleted on the other</translation>
    </message>
    <message>
        <source>the same code on both sides; theirs was renumbered</source>
        <translation>the same code on both sides; theirs was renumbered</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>This database</translation>
    </message>
    <message>
        <source>The other copy</source>
        <translation>The other copy</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Both</translation>
    </message>
</context>
<context>
    <name>MergeReportDialog</name>
    <message>
        <source>Merge another copy</source>
        <translation>Merge another copy</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Merging “%1” into “%2” would change these rows. Nothing is written until you press Merge; the other file is only read.</source>
        <translation>Merging “%1” into “%2” would change these rows. Nothing is written until you press Merge; the other file is only read.</translation>
    </message>
    <message>
        <source>“%1” was merged into “%2”.</source>
        <translation>“%1” was merged into “%2”.</translation>
    </message>
    <message>
        <source>A backup was made first: %1</source>
        <translation>A backup was made first: %1</translation>
    </message>
    <message>
        <source>To add</source>
        <translation>To add</translation>
    </message>
    <message>
        <source>To update</source>
        <translation>To update</translation>
    </message>
    <message>
        <source>Of which deleted</source>
        <translation>Of which deleted</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>In this database</source>
        <translation>In this database</translation>
    </message>
    <message>
        <source>In the other copy</source>
        <translation>In the other copy</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>History entries (who changed what)</source>
        <translation>History entries (who changed what)</translation>
    </message>
    <message>
        <source>Tags on customers</source>
        <translation>Tags on customers</translation>
    </message>
    <message numerus="yes">
        <source>Changed on both sides: %Ln row(s). The newer save was kept; please check these:</source>
        <translation>
            <numerusform>Changed on both sides: %Ln row. The newer save was kept; please check these:</numerusform>
            <numerusform>Changed on both sides: %Ln rows. The newer save was kept; please check these:</numerusform>
        </translation>
    </message>
    <message>
        <source>No row was changed on both sides.</source>
        <translation>No row was changed on both sides.</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 “%2”</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Tier board</source>
        <translation>Tier board</translation>
    </message>
    <message>
        <source>Revisit calendar</source>
        <translation>Revisit calendar</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>Import / Export</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Customer name *</source>
        <translation>Customer name *</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Assigned automatically</source>
        <translation>Assigned automatically</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>The database is busy (another user is saving); trying again…</source>
        <translation>The database is busy (another user is saving); trying again…</translation>
    </message>
    <message>
        <source>The database server cannot be reached. What you typed is kept; it is saved as soon as the server is back…</source>
        <translation>The database server cannot be reached. What you typed is kept; it is saved as soon as the server is back…</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PlanRevisitDialog</name>
    <message>
        <source>Plan a revisit</source>
        <translation>Plan a revisit</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>e.g. contract renewal, new product</source>
        <translation>e.g. contract renewal, new product</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PlanningSettings</name>
    <message>
        <source>default (%1)</source>
        <translation>default (%1)</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> a day</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>day off</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>working day</translation>
    </message>
    <message>
        <source> (team list)</source>
        <translation> (team list)</translation>
    </message>
    <message>
        <source>the State Council&apos;s official schedule, make-up working days included</source>
        <translation>the State Council&apos;s official schedule, make-up working days included</translation>
    </message>
    <message>
        <source>statutory holidays only (the make-up working days are not known yet: add them below)</source>
        <translation>statutory holidays only (the make-up working days are not known yet: add them below)</translation>
    </message>
    <message>
        <source>weekends only (no holiday list for this year yet: add the days below)</source>
        <translation>weekends only (no holiday list for this year yet: add the days below)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <source>Saved; the planned revisits were spread over the working days again.</source>
        <translation>Saved; the planned revisits were spread over the working days again.</translation>
    </message>
    <message>
        <source>Planning the revisits again…</source>
        <translation>Planning the revisits again…</translation>
    </message>
    <message>
        <source>Daily capacity</source>
        <translation>Daily capacity</translation>
    </message>
    <message>
        <source>How many contacts each owner can make in a day. Today&apos;s list stops there, and planned revisits are spread so that no working day holds more.</source>
        <translation>How many contacts each owner can make in a day. Today&apos;s list stops there, and planned revisits are spread so that no working day holds more.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Contacts a day</source>
        <translation>Contacts a day</translation>
    </message>
    <message>
        <source>Revisits are planned on working days only. One day a line: the date, 休 (a day off) or 班 (a make-up working day), and a name; lines starting with # are notes. Use it for company holidays, or when the official schedule for a year is newer than the app.</source>
        <translation>Revisits are planned on working days only. One day a line: the date, 休 (a day off) or 班 (a make-up working day), and a name; lines starting with # are notes. Use it for company holidays, or when the official schedule for a year is newer than the app.</translation>
    </message>
    <message>
        <source>Coming days off and make-up working days:</source>
        <translation>Coming days off and make-up working days:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Is</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Save and plan again</source>
        <translation>Save and plan again</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>Saved the policy of %1.</source>
        <translation>Saved the policy of %1.</translation>
    </message>
    <message>
        <source>Saving the tier policy…</source>
        <translation>Saving the tier policy…</translation>
    </message>
    <message>
        <source>Tier policy</source>
        <translation>Tier policy</translation>
    </message>
    <message>
        <source>What each tier gets (行动方案): how often it is revisited and how, the service level, discount and rep. Double-click a cell to change it; it is saved at once.</source>
        <translation>What each tier gets (行动方案): how often it is revisited and how, the service level, discount and rep. Double-click a cell to change it; it is saved at once.</translation>
    </message>
    <message>
        <source>Each owner&apos;s rep level: the tier board and statistics warn when a customer&apos;s owner is below the rep level of its tier.</source>
        <translation>Each owner&apos;s rep level: the tier board and statistics warn when a customer&apos;s owner is below the rep level of its tier.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Revisit every (days)</source>
        <translation>Revisit every (days)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>Discount %</translation>
    </message>
    <message>
        <source>What each lifecycle stage adds: a revisit interval (empty: the tier&apos;s), a channel and a suggested action. A customer is revisited on the stricter of its tier and its stage: the shorter interval, the more personal channel.</source>
        <translation>What each lifecycle stage adds: a revisit interval (empty: the tier&apos;s), a channel and a suggested action. A customer is revisited on the stricter of its tier and its stage: the shorter interval, the more personal channel.</translation>
    </message>
    <message>
        <source>At most every (days)</source>
        <translation>At most every (days)</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>Suggested action</translation>
    </message>
    <message>
        <source>Rep level</source>
        <translation>Rep level</translation>
    </message>
    <message>
        <source>Saved the policy of the %1 stage.</source>
        <translation>Saved the policy of the %1 stage.</translation>
    </message>
    <message>
        <source>Saving the stage policy…</source>
        <translation>Saving the stage policy…</translation>
    </message>
    <message>
        <source>Saved the owner&apos;s rep level.</source>
        <translation>Saved the owner&apos;s rep level.</translation>
    </message>
    <message>
        <source>Saving the rep level…</source>
        <translation>Saving the rep level…</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Action plan</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>What the import will do with each row. Nothing has been written yet; rows in red will not be imported.</source>
        <translation>What the import will do with each row. Nothing has been written yet; rows in red will not be imported.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>All rows</translation>
    </message>
    <message>
        <source>Rows with problems or skipped</source>
        <translation>Rows with problems or skipped</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <source>Duplicates and unchanged</source>
        <translation>Duplicates and unchanged</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Checking every row against AccountDesk…</source>
        <translation>Checking every row against AccountDesk…</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>Checking the rows</translation>
    </message>
    <message>
        <source>Rows with errors: {0}. You chose to import nothing if any row has an error; go back to change that, or fix the file.</source>
        <translation>Rows with errors: {0}. You chose to import nothing if any row has an error; go back to change that, or fix the file.</translation>
    </message>
    <message>
        <source>There is nothing to import: no row is new or changes a record.</source>
        <translation>There is nothing to import: no row is new or changes a record.</translation>
    </message>
    <message>
        <source>Rows that will not be imported: {0} (in red, with the reason). The others can be imported now; afterwards you can save the rejected rows to a workbook, fix them and import them again.</source>
        <translation>Rows that will not be imported: {0} (in red, with the reason). The others can be imported now; afterwards you can save the rejected rows to a workbook, fix them and import them again.</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>Every row can be imported.</translation>
    </message>
    <message>
        <source>New: {0}</source>
        <translation>New: {0}</translation>
    </message>
    <message>
        <source>Updates: {0}</source>
        <translation>Updates: {0}</translation>
    </message>
    <message>
        <source>Unchanged: {0}</source>
        <translation>Unchanged: {0}</translation>
    </message>
    <message>
        <source>Duplicates skipped: {0}</source>
        <translation>Duplicates skipped: {0}</translation>
    </message>
    <message>
        <source>Errors: {0}</source>
        <translation>Errors: {0}</translation>
    </message>
    <message>
        <source>Rows: {0}</source>
        <translation>Rows: {0}</translation>
    </message>
    <message>
        <source> · customers to create: {0}</source>
        <translation> · customers to create: {0}</translation>
    </message>
</context>
<context>
    <name>ProgressPresenter</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordTableTab</name>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete this record?</source>
        <translation>Delete this record?</translation>
    </message>
</context>
<context>
    <name>RegradeDialog</name>
    <message>
        <source>Ungraded</source>
        <translation>Ungraded</translation>
    </message>
    <message>
        <source>Re-grade preview</source>
        <translation>Re-grade preview</translation>
    </message>
    <message numerus="yes">
        <source>As of %1 with the scoring sheet “%2” (version %3): %4 of %Ln customer(s) change tier.</source>
        <translation>
            <numerusform>As of %1 with the scoring sheet “%2” (version %3): %4 of %Ln customer change tier.</numerusform>
            <numerusform>As of %1 with the scoring sheet “%2” (version %3): %4 of %Ln customers change tier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Default scoring sheet</source>
        <translation>Default scoring sheet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln locked customer(s) keep the tier set by hand.</source>
        <translation>
            <numerusform>%Ln locked customer keep the tier set by hand.</numerusform>
            <numerusform>%Ln locked customers keep the tier set by hand.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows: the tier now; columns: the tier after re-grading. Green cells move up, red cells move down, grey cells stay.</source>
        <translation>Rows: the tier now; columns: the tier after re-grading. Green cells move up, red cells move down, grey cells stay.</translation>
    </message>
    <message>
        <source>Migration matrix</source>
        <translation>Migration matrix</translation>
    </message>
    <message>
        <source>Customers who move (%1)</source>
        <translation>Customers who move (%1)</translation>
    </message>
    <message>
        <source>Apply re-grade</source>
        <translation>Apply re-grade</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>%1 now</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>ReminderEditor</name>
    <message>
        <source>Solar</source>
        <translation>Solar</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>Lunar</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Saved the reminder settings.</source>
        <translation>Saved the reminder settings.</translation>
    </message>
    <message>
        <source>Saving the reminder settings…</source>
        <translation>Saving the reminder settings…</translation>
    </message>
    <message>
        <source>Remind me ahead (days)</source>
        <translation>Remind me ahead (days)</translation>
    </message>
    <message>
        <source>Birthdays:</source>
        <translation>Birthdays:</translation>
    </message>
    <message>
        <source>Festivals:</source>
        <translation>Festivals:</translation>
    </message>
    <message>
        <source>Anniversaries:</source>
        <translation>Anniversaries:</translation>
    </message>
    <message>
        <source>Revisits:</source>
        <translation>Revisits:</translation>
    </message>
    <message>
        <source>Revisit overdue after (days):</source>
        <translation>Revisit overdue after (days):</translation>
    </message>
    <message>
        <source>Still remind when missed, up to (days):</source>
        <translation>Still remind when missed, up to (days):</translation>
    </message>
    <message>
        <source>Churn warnings</source>
        <translation>Churn warnings</translation>
    </message>
    <message>
        <source>No purchase for more than × the usual gap:</source>
        <translation>No purchase for more than × the usual gap:</translation>
    </message>
    <message>
        <source>Spend down by more than:</source>
        <translation>Spend down by more than:</translation>
    </message>
    <message>
        <source>…comparing windows of (days):</source>
        <translation>…comparing windows of (days):</translation>
    </message>
    <message>
        <source>Complaint unresolved after (days):</source>
        <translation>Complaint unresolved after (days):</translation>
    </message>
    <message>
        <source>others</source>
        <translation>others</translation>
    </message>
    <message>
        <source>No contact with %1 for (days):</source>
        <translation>No contact with %1 for (days):</translation>
    </message>
    <message>
        <source>Festivals to greet customers on</source>
        <translation>Festivals to greet customers on</translation>
    </message>
    <message>
        <source>The team&apos;s own days</source>
        <translation>The team&apos;s own days</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Add day</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>Remove day</translation>
    </message>
    <message>
        <source>Save reminder settings</source>
        <translation>Save reminder settings</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>Anniversary</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>Churn warning</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>!</source>
        <translation>!</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Snoozed</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>Purchase gap too long</source>
        <translation>Purchase gap too long</translation>
    </message>
    <message>
        <source>Spending dropped</source>
        <translation>Spending dropped</translation>
    </message>
    <message>
        <source>No contact for too long</source>
        <translation>No contact for too long</translation>
    </message>
    <message>
        <source>Complaint unresolved</source>
        <translation>Complaint unresolved</translation>
    </message>
    <message>
        <source>Back from snooze</source>
        <translation>Back from snooze</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Snoozed until %1</translation>
    </message>
    <message>
        <source>%1 days since the last purchase (%2); limit %3 × the usual gap of %4 days = %5 days</source>
        <translation>%1 days since the last purchase (%2); limit %3 × the usual gap of %4 days = %5 days</translation>
    </message>
    <message>
        <source>Last %1 days ¥%2 against ¥%3 before: down %4% (limit %5%)</source>
        <translation>Last %1 days ¥%2 against ¥%3 before: down %4% (limit %5%)</translation>
    </message>
    <message>
        <source>%1 days without contact (last %2); limit %3 days for tier %4</source>
        <translation>%1 days without contact (last %2); limit %3 days for tier %4</translation>
    </message>
    <message>
        <source>Open %1 days since %2; limit %3 days</source>
        <translation>Open %1 days since %2; limit %3 days</translation>
    </message>
    <message>
        <source>(name)</source>
        <translation>(name)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Greeting: %1</source>
        <translation>Greeting: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln day overdue</numerusform>
            <numerusform>%Ln days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Planned for %1</source>
        <translation>Planned for %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Why / suggestion</source>
        <translation>Why / suggestion</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Remind from</source>
        <translation>Remind from</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>Rule fired: %1</source>
        <translation>Rule fired: %1</translation>
    </message>
    <message>
        <source>Suggested greeting</source>
        <translation>Suggested greeting</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>Suggested greetings by tier</source>
        <translation>Suggested greetings by tier</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>New reminder…</source>
        <translation>New reminder…</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Look for new birthdays, festivals, revisits and churn warnings now</source>
        <translation>Look for new birthdays, festivals, revisits and churn warnings now</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Filter by customer or text…</source>
        <translation>Filter by customer or text…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <source>Mark seen</source>
        <translation>Mark seen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Start win-back…</source>
        <translation>Start win-back…</translation>
    </message>
    <message>
        <source>Record why the customer drifts away and plan dated actions; they appear in Today</source>
        <translation>Record why the customer drifts away and plan dated actions; they appear in Today</translation>
    </message>
    <message>
        <source>Copy greeting</source>
        <translation>Copy greeting</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Waiting (new, seen, back from snooze)</source>
        <translation>Waiting (new, seen, back from snooze)</translation>
    </message>
    <message>
        <source>by today</source>
        <translation>by today</translation>
    </message>
    <message>
        <source>within 7 days</source>
        <translation>within 7 days</translation>
    </message>
    <message>
        <source>within 30 days</source>
        <translation>within 30 days</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Until tomorrow</translation>
    </message>
    <message>
        <source>For 3 days</source>
        <translation>For 3 days</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>For a week</translation>
    </message>
    <message>
        <source>For a month</source>
        <translation>For a month</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Until a date…</translation>
    </message>
    <message>
        <source>Reading reminders…</source>
        <translation>Reading reminders…</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Me (%1)</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 new</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 selected</translation>
    </message>
    <message>
        <source>Select reminders to act on them (Ctrl/Shift for several)</source>
        <translation>Select reminders to act on them (Ctrl/Shift for several)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) selected.</source>
        <translation>
            <numerusform>%Ln reminder selected.</numerusform>
            <numerusform>%Ln reminders selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) updated.</source>
        <translation>
            <numerusform>%Ln reminder updated.</numerusform>
            <numerusform>%Ln reminders updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reminder(s) snoozed until %1.</source>
        <translation>
            <numerusform>%Ln reminder snoozed until %1.</numerusform>
            <numerusform>%Ln reminders snoozed until %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a reminder to see why it was raised and what to do.</source>
        <translation>Choose a reminder to see why it was raised and what to do.</translation>
    </message>
    <message>
        <source>Another owner&apos;s reminder</source>
        <translation>Another owner&apos;s reminder</translation>
    </message>
    <message>
        <source>%1 of these reminders are about another owner&apos;s customers. Close them anyway?</source>
        <translation>%1 of these reminders are about another owner&apos;s customers. Close them anyway?</translation>
    </message>
    <message>
        <source>Remind me again on</source>
        <translation>Remind me again on</translation>
    </message>
    <message>
        <source>Choose a day after today.</source>
        <translation>Choose a day after today.</translation>
    </message>
    <message>
        <source>New reminder</source>
        <translation>New reminder</translation>
    </message>
    <message>
        <source>Remind me on</source>
        <translation>Remind me on</translation>
    </message>
    <message>
        <source>Checking reminders…</source>
        <translation>Checking reminders…</translation>
    </message>
    <message>
        <source>Greeting copied.</source>
        <translation>Greeting copied.</translation>
    </message>
</context>
<context>
    <name>ResolveFeedbackDialog</name>
    <message>
        <source>Resolve feedback</source>
        <translation>Resolve feedback</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>How it was resolved</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Resolved on</translation>
    </message>
</context>
<context>
    <name>RevisitCalendarPage</name>
    <message>
        <source>Revisit calendar</source>
        <translation>Revisit calendar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Print sheets…</source>
        <translation>Print sheets…</translation>
    </message>
    <message>
        <source>Preview and print the revisit sheets of the period shown</source>
        <translation>Preview and print the revisit sheets of the period shown</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Save the revisit sheets of the period shown as a PDF</source>
        <translation>Save the revisit sheets of the period shown as a PDF</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Export .ics…</translation>
    </message>
    <message>
        <source>Export every planned revisit to a calendar file (Outlook, phone)</source>
        <translation>Export every planned revisit to a calendar file (Outlook, phone)</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>birthdays and anniversaries</source>
        <translation>birthdays and anniversaries</translation>
    </message>
    <message>
        <source>Drag a customer onto another day to reschedule.</source>
        <translation>Drag a customer onto another day to reschedule.</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Me (%1)</translation>
    </message>
    <message>
        <source>Reading the calendar…</source>
        <translation>Reading the calendar…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation>Today · %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>%1 due</source>
        <translation>%1 due</translation>
    </message>
    <message numerus="yes">
        <source>grace %Ln day(s)</source>
        <translation>
            <numerusform>grace %Ln day</numerusform>
            <numerusform>grace %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln revisit(s)</source>
        <translation>
            <numerusform>%1 · %Ln revisit</numerusform>
            <numerusform>%1 · %Ln revisits</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>Nothing due today.</translation>
    </message>
    <message>
        <source>Revisit logged; the next one is planned for %1.</source>
        <translation>Revisit logged; the next one is planned for %1.</translation>
    </message>
    <message>
        <source>Revisit moved to %1.</source>
        <translation>Revisit moved to %1.</translation>
    </message>
    <message>
        <source>Revisit skipped; the next one is planned for %1.</source>
        <translation>Revisit skipped; the next one is planned for %1.</translation>
    </message>
    <message>
        <source>Preparing the revisit sheets…</source>
        <translation>Preparing the revisit sheets…</translation>
    </message>
    <message>
        <source>Revisit sheets</source>
        <translation>Revisit sheets</translation>
    </message>
    <message>
        <source>Save revisit sheets</source>
        <translation>Save revisit sheets</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the revisit sheets…</source>
        <translation>Saving the revisit sheets…</translation>
    </message>
    <message>
        <source>Export revisits to a calendar</source>
        <translation>Export revisits to a calendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>Export .ics</source>
        <translation>Export .ics</translation>
    </message>
    <message>
        <source>Exported %1 planned revisits to %2. Importing the file again updates the same events.</source>
        <translation>Exported %1 planned revisits to %2. Importing the file again updates the same events.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message numerus="yes">
        <source>Print %Ln revisit sheet(s) for %1?</source>
        <translation>
            <numerusform>Print %Ln revisit sheet for %1?</numerusform>
            <numerusform>Print %Ln revisit sheets for %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save %Ln revisit sheet(s) for %1 as a PDF?</source>
        <translation>
            <numerusform>Save %Ln revisit sheet for %1 as a PDF?</numerusform>
            <numerusform>Save %Ln revisit sheets for %1 as a PDF?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them are overdue revisits planned before the period; they come first.</source>
        <translation>
            <numerusform>%Ln of them are overdue revisits planned before the period; they come first.</numerusform>
            <numerusform>%Ln of them are overdue revisits planned before the period; they come first.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is a page each, plus the plan. It runs in the background; you can cancel it.</source>
        <translation>That is a page each, plus the plan. It runs in the background; you can cancel it.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %Ln page(s) to the printer (%1).</source>
        <translation>
            <numerusform>Sent %Ln page to the printer (%1).</numerusform>
            <numerusform>Sent %Ln pages to the printer (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing the revisit sheets…</source>
        <translation>Printing the revisit sheets…</translation>
    </message>
    <message>
        <source>Laying out and painting %1 sheets…</source>
        <translation>Laying out and painting %1 sheets…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln page(s) to %2: the plan for %1 and a sheet per customer.</source>
        <translation>
            <numerusform>Saved %Ln page to %2: the plan for %1 and a sheet per customer.</numerusform>
            <numerusform>Saved %Ln pages to %2: the plan for %1 and a sheet per customer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>RevisitPlanTab</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Summary / next step</source>
        <translation>Summary / next step</translation>
    </message>
    <message>
        <source>Plan revisit…</source>
        <translation>Plan revisit…</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>tier %1</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>not graded</translation>
    </message>
    <message numerus="yes">
        <source>Cadence: every %Ln day(s) (%1)</source>
        <translation>
            <numerusform>Cadence: every %Ln day (%1)</numerusform>
            <numerusform>Cadence: every %Ln days (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>Suggested: %1</translation>
    </message>
    <message numerus="yes">
        <source>Overdue %Ln day(s)</source>
        <translation>
            <numerusform>Overdue %Ln day</numerusform>
            <numerusform>Overdue %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %Ln day(s)</source>
        <translation>
            <numerusform>In %Ln day</numerusform>
            <numerusform>In %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Next revisit %1</source>
        <translation>Next revisit %1</translation>
    </message>
    <message>
        <source>No revisit planned</source>
        <translation>No revisit planned</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 done</translation>
    </message>
</context>
<context>
    <name>Revisits</name>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>Anniversary</translation>
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
        <source>Regular revisit</source>
        <translation>Regular revisit</translation>
    </message>
    <message>
        <source>%3 %1/%2</source>
        <translation>%3 %1/%2</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>Done %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln day overdue</numerusform>
            <numerusform>%Ln days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due %Ln day(s) ago</source>
        <translation>
            <numerusform>due %Ln day ago</numerusform>
            <numerusform>due %Ln days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>in %Ln day</numerusform>
            <numerusform>in %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>no revisits</source>
        <translation>no revisits</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>Follow-up: %1</translation>
    </message>
    <message>
        <source>Complete revisit</source>
        <translation>Complete revisit</translation>
    </message>
    <message>
        <source>Revisit of %1</source>
        <translation>Revisit of %1</translation>
    </message>
    <message>
        <source>Planned for %1 · %2</source>
        <translation>Planned for %1 · %2</translation>
    </message>
    <message>
        <source>Channel *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>What was discussed</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Saving logs the interaction and plans the next revisit from the tier&apos;s interval.</source>
        <translation>Saving logs the interaction and plans the next revisit from the tier&apos;s interval.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Reschedule revisit</source>
        <translation>Reschedule revisit</translation>
    </message>
    <message>
        <source>New date *</source>
        <translation>New date *</translation>
    </message>
    <message>
        <source>Skip the revisit of %1? The next one is planned one interval from today.</source>
        <translation>Skip the revisit of %1? The next one is planned one interval from today.</translation>
    </message>
    <message>
        <source>Skip revisit</source>
        <translation>Skip revisit</translation>
    </message>
    <message numerus="yes">
        <source>%Ln revisit(s)</source>
        <translation>
            <numerusform>%Ln revisit</numerusform>
            <numerusform>%Ln revisits</numerusform>
        </translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 more</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>A backup of the database is taken first; then every accepted row is written at once.</source>
        <translation>A backup of the database is taken first; then every accepted row is written at once.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>&lt; Back to the preview</source>
        <translation>&lt; Back to the preview</translation>
    </message>
    <message>
        <source>&amp;Summary &gt;</source>
        <translation>&amp;Summary &gt;</translation>
    </message>
    <message>
        <source>Backing up the database, then importing {0} rows…</source>
        <translation>Backing up the database, then importing {0} rows…</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be written.</source>
        <translation>Cancelling… nothing will be written.</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>Nothing was written. Go back to change the import, or close the wizard.</source>
        <translation>Nothing was written. Go back to change the import, or close the wizard.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>{0} created, {1} updated, {2} skipped, {3} rejected.</source>
        <translation>{0} created, {1} updated, {2} skipped, {3} rejected.</translation>
    </message>
    <message>
        <source>The import had already been written when you cancelled; you can undo it on the next page.</source>
        <translation>The import had already been written when you cancelled; you can undo it on the next page.</translation>
    </message>
    <message>
        <source>The import failed; nothing was written.</source>
        <translation>The import failed; nothing was written.</translation>
    </message>
</context>
<context>
    <name>SchedulerBridge</name>
    <message>
        <source>A background job failed (%1): %2</source>
        <translation>A background job failed (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new reminder(s)</source>
        <translation>
            <numerusform>%Ln new reminder</numerusform>
            <numerusform>%Ln new reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScoringEditor</name>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>not active</source>
        <translation>not active</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>Previewing…</translation>
    </message>
    <message>
        <source>Previewing the tiers…</source>
        <translation>Previewing the tiers…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) graded; %1 would change tier (%2 locked).</source>
        <translation>
            <numerusform>%Ln customer graded; %1 would change tier (%2 locked).</numerusform>
            <numerusform>%Ln customers graded; %1 would change tier (%2 locked).</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring model</source>
        <translation>Scoring model</translation>
    </message>
    <message>
        <source>Saved the scoring model.</source>
        <translation>Saved the scoring model.</translation>
    </message>
    <message>
        <source>The active scoring sheet has changed</source>
        <translation>The active scoring sheet has changed</translation>
    </message>
    <message>
        <source>Saving the scoring model…</source>
        <translation>Saving the scoring model…</translation>
    </message>
    <message>
        <source>Save as a new model</source>
        <translation>Save as a new model</translation>
    </message>
    <message>
        <source>Name of the new model:</source>
        <translation>Name of the new model:</translation>
    </message>
    <message>
        <source>Saved as a new model.</source>
        <translation>Saved as a new model.</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>The changes on screen are not saved. Activate the model as it was saved?</source>
        <translation>The changes on screen are not saved. Activate the model as it was saved?</translation>
    </message>
    <message>
        <source>Activating…</source>
        <translation>Activating…</translation>
    </message>
    <message>
        <source>The model is now active.</source>
        <translation>The model is now active.</translation>
    </message>
    <message>
        <source>Another scoring sheet is now active</source>
        <translation>Another scoring sheet is now active</translation>
    </message>
    <message>
        <source>re-grade every customer now, so the tiers follow it? Until then the tiers stay as they are.</source>
        <translation>re-grade every customer now, so the tiers follow it? Until then the tiers stay as they are.</translation>
    </message>
    <message>
        <source>Not re-graded: the tiers stay those of the previous sheet until a re-grade.</source>
        <translation>Not re-graded: the tiers stay those of the previous sheet until a re-grade.</translation>
    </message>
    <message>
        <source>Re-grade preview</source>
        <translation>Re-grade preview</translation>
    </message>
    <message>
        <source>Re-grading every customer…</source>
        <translation>Re-grading every customer…</translation>
    </message>
    <message>
        <source>Re-grading…</source>
        <translation>Re-grading…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>By score thresholds</source>
        <translation>By score thresholds</translation>
    </message>
    <message>
        <source>By share of customers</source>
        <translation>By share of customers</translation>
    </message>
    <message>
        <source>Tier names (best first):</source>
        <translation>Tier names (best first):</translation>
    </message>
    <message>
        <source>Grading:</source>
        <translation>Grading:</translation>
    </message>
    <message>
        <source>Score thresholds:</source>
        <translation>Score thresholds:</translation>
    </message>
    <message>
        <source>Shares per tier:</source>
        <translation>Shares per tier:</translation>
    </message>
    <message>
        <source>Window (months):</source>
        <translation>Window (months):</translation>
    </message>
    <message>
        <source>e.g. A, B, C</source>
        <translation>e.g. A, B, C</translation>
    </message>
    <message>
        <source>lowest score of each tier but the last, e.g. 75, 50</source>
        <translation>lowest score of each tier but the last, e.g. 75, 50</translation>
    </message>
    <message>
        <source>e.g. 20%, 30%, 50%</source>
        <translation>e.g. 20%, 30%, 50%</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Bands → points</source>
        <translation>Bands → points</translation>
    </message>
    <message>
        <source>If unknown</source>
        <translation>If unknown</translation>
    </message>
    <message>
        <source>Bands: “≥12 → 100; ≥6 → 80; * → 0” — at least, at most (≤), a range (1–5) or anything else (*); the first band that fits gives the points. Money in yuan.</source>
        <translation>Bands: “≥12 → 100; ≥6 → 80; * → 0” — at least, at most (≤), a range (1–5) or anything else (*); the first band that fits gives the points. Money in yuan.</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Add criterion</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>Remove criterion</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save as new model…</source>
        <translation>Save as new model…</translation>
    </message>
    <message>
        <source>Preview: tiers with this model</source>
        <translation>Preview: tiers with this model</translation>
    </message>
    <message>
        <source>Customers per tier</source>
        <translation>Customers per tier</translation>
    </message>
    <message>
        <source>Under each count: the change from now</source>
        <translation>Under each count: the change from now</translation>
    </message>
    <message>
        <source>No customers to grade yet</source>
        <translation>No customers to grade yet</translation>
    </message>
    <message>
        <source>Rows: tier now; columns: tier with this model.</source>
        <translation>Rows: tier now; columns: tier with this model.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Scoring model</source>
        <translation>Scoring model</translation>
    </message>
    <message>
        <source>Tier policies</source>
        <translation>Tier policies</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>User and language</source>
        <translation>User and language</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
</context>
<context>
    <name>StartWinBackDialog</name>
    <message>
        <source>Start a win-back</source>
        <translation>Start a win-back</translation>
    </message>
    <message>
        <source>The churn warning is closed: the win-back&apos;s actions carry the work from now on.</source>
        <translation>The churn warning is closed: the win-back&apos;s actions carry the work from now on.</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>Why they drift away *</source>
        <translation>Why they drift away *</translation>
    </message>
    <message>
        <source>What you know: a competitor&apos;s offer, who left, what went wrong</source>
        <translation>What you know: a competitor&apos;s offer, who left, what went wrong</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>e.g. call to hear their concerns</source>
        <translation>e.g. call to hear their concerns</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>Add an action</translation>
    </message>
    <message>
        <source>Start win-back</source>
        <translation>Start win-back</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>What the import did. It stays listed on the Import / Export page, where it can be undone later too.</source>
        <translation>What the import did. It stays listed on the Import / Export page, where it can be undone later too.</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>skipped (duplicates, unchanged)</source>
        <translation>skipped (duplicates, unchanged)</translation>
    </message>
    <message>
        <source>rejected (errors)</source>
        <translation>rejected (errors)</translation>
    </message>
    <message>
        <source>Rows not imported and warnings</source>
        <translation>Rows not imported and warnings</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save rejected rows as a workbook…</source>
        <translation>Save rejected rows as a workbook…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <source>New customers created for rows that named them: {0}.</source>
        <translation>New customers created for rows that named them: {0}.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Nothing was written.</translation>
    </message>
    <message>
        <source>Backup taken before the import: {0}</source>
        <translation>Backup taken before the import: {0}</translation>
    </message>
    <message>
        <source>-rejected</source>
        <translation>-rejected</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>The rejected rows ({0}) are saved in {1}; fix them there and import that file again.</source>
        <translation>The rejected rows ({0}) are saved in {1}; fix them there and import that file again.</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>Remove the records this import created ({0}) and give the records it updated ({1}) their earlier values back? Records someone changed since the import keep that change.</source>
        <translation>Remove the records this import created ({0}) and give the records it updated ({1}) their earlier values back? Records someone changed since the import keep that change.</translation>
    </message>
    <message>
        <source>Import undone. Removed: {0}; restored: {1}.</source>
        <translation>Import undone. Removed: {0}; restored: {1}.</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>Undoing the import</translation>
    </message>
</context>
<context>
    <name>TeamLocation</name>
    <message>
        <source>Done. AccountDesk opens the database again now.</source>
        <translation>Done. AccountDesk opens the database again now.</translation>
    </message>
    <message>
        <source>The database is on a network drive</source>
        <translation>The database is on a network drive</translation>
    </message>
    <message>
        <source>The database is in a sync folder</source>
        <translation>The database is in a sync folder</translation>
    </message>
    <message>
        <source>Switch to shared mode now</source>
        <translation>Switch to shared mode now</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Don&apos;t show again for this file</source>
        <translation>Don&apos;t show again for this file</translation>
    </message>
    <message>
        <source>Switching needs everyone else to close the file; AccountDesk opens it again afterwards.</source>
        <translation>Switching needs everyone else to close the file; AccountDesk opens it again afterwards.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Shared mode</source>
        <translation>Shared mode</translation>
    </message>
</context>
<context>
    <name>TeamWatch</name>
    <message>
        <source>Announcing you to the team…</source>
        <translation>Announcing you to the team…</translation>
    </message>
    <message>
        <source>Leaving the team database…</source>
        <translation>Leaving the team database…</translation>
    </message>
    <message>
        <source>Telling the team you are here…</source>
        <translation>Telling the team you are here…</translation>
    </message>
    <message>
        <source>Looking for colleagues…</source>
        <translation>Looking for colleagues…</translation>
    </message>
</context>
<context>
    <name>TierBoardPage</name>
    <message>
        <source>Reading the tier board…</source>
        <translation>Reading the tier board…</translation>
    </message>
    <message>
        <source>Summing the spend per tier…</source>
        <translation>Summing the spend per tier…</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more owner(s) below their tier&apos;s rep level</source>
        <translation>
            <numerusform>and %Ln more owner below their tier&apos;s rep level</numerusform>
            <numerusform>and %Ln more owners below their tier&apos;s rep level</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resources: %Ln customer(s) are owned below the rep level their tier asks. Hand them over, or change the rep level in Settings → Tier policies.</source>
        <translation>
            <numerusform>Resources: %Ln customer are owned below the rep level their tier asks. Hand them over, or change the rep level in Settings → Tier policies.</numerusform>
            <numerusform>Resources: %Ln customers are owned below the rep level their tier asks. Hand them over, or change the rep level in Settings → Tier policies.</numerusform>
        </translation>
    </message>
    <message>
        <source>Manual tier change</source>
        <translation>Manual tier change</translation>
    </message>
    <message>
        <source>This database is open read-only; tiers cannot be changed.</source>
        <translation>This database is open read-only; tiers cannot be changed.</translation>
    </message>
    <message>
        <source>Why does “%1” belong in tier %2? The tier is then locked: re-grading keeps it until it is unlocked.</source>
        <translation>Why does “%1” belong in tier %2? The tier is then locked: re-grading keeps it until it is unlocked.</translation>
    </message>
    <message>
        <source>Why do these %1 customers belong in tier %2? Their tier is then locked: re-grading keeps it until it is unlocked.</source>
        <translation>Why do these %1 customers belong in tier %2? Their tier is then locked: re-grading keeps it until it is unlocked.</translation>
    </message>
    <message>
        <source>A manual tier change needs a reason; nothing was changed.</source>
        <translation>A manual tier change needs a reason; nothing was changed.</translation>
    </message>
    <message>
        <source>Changing the tier…</source>
        <translation>Changing the tier…</translation>
    </message>
    <message>
        <source>“%1” moved to tier %2 and locked: %3</source>
        <translation>“%1” moved to tier %2 and locked: %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) moved to tier %2 and locked: %3</source>
        <translation>
            <numerusform>%Ln customer moved to tier %2 and locked: %3</numerusform>
            <numerusform>%Ln customers moved to tier %2 and locked: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlocking the tier…</source>
        <translation>Unlocking the tier…</translation>
    </message>
    <message>
        <source>Computing the re-grade preview…</source>
        <translation>Computing the re-grade preview…</translation>
    </message>
    <message>
        <source>Re-grade preview</source>
        <translation>Re-grade preview</translation>
    </message>
    <message>
        <source>Re-grading…</source>
        <translation>Re-grading…</translation>
    </message>
    <message>
        <source>Re-grading every customer…</source>
        <translation>Re-grading every customer…</translation>
    </message>
    <message>
        <source>Re-grading</source>
        <translation>Re-grading</translation>
    </message>
    <message>
        <source>Default scoring sheet</source>
        <translation>Default scoring sheet</translation>
    </message>
    <message>
        <source>by score thresholds</source>
        <translation>by score thresholds</translation>
    </message>
    <message>
        <source>by share</source>
        <translation>by share</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) match</source>
        <translation>
            <numerusform>%Ln customer match</numerusform>
            <numerusform>%Ln customers match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message>
        <source>tiers from scoring sheet “%1”, %2</source>
        <translation>tiers from scoring sheet “%1”, %2</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>These tiers were not given by the active scoring sheet “%1”. Re-grade to apply it.</source>
        <translation>These tiers were not given by the active scoring sheet “%1”. Re-grade to apply it.</translation>
    </message>
    <message>
        <source>The active scoring sheet “%1” (version %2) has changed since these tiers were given. Re-grade to apply it; until then the tiers are those of version %3.</source>
        <translation>The active scoring sheet “%1” (version %2) has changed since these tiers were given. Re-grade to apply it; until then the tiers are those of version %3.</translation>
    </message>
    <message>
        <source>Tier board</source>
        <translation>Tier board</translation>
    </message>
    <message>
        <source>Re-grade…</source>
        <translation>Re-grade…</translation>
    </message>
    <message>
        <source>Score every customer again with the active scoring sheet; you see who moves before anything is written.</source>
        <translation>Score every customer again with the active scoring sheet; you see who moves before anything is written.</translation>
    </message>
    <message>
        <source>Drag a card to another tier to set it by hand (you give a reason; the tier is then locked). Double-click a card to open the customer.</source>
        <translation>Drag a card to another tier to set it by hand (you give a reason; the tier is then locked). Double-click a card to open the customer.</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Order:</translation>
    </message>
    <message>
        <source>Score, best first</source>
        <translation>Score, best first</translation>
    </message>
    <message>
        <source>Next revisit, soonest first</source>
        <translation>Next revisit, soonest first</translation>
    </message>
    <message>
        <source>Last contact, longest ago first</source>
        <translation>Last contact, longest ago first</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>TierCards</name>
    <message>
        <source>Total spend %1</source>
        <translation>Total spend %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Tier locked by hand: %1</source>
        <translation>Tier locked by hand: %1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Revisit %1</source>
        <translation>Revisit %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>No revisit planned</source>
        <translation>No revisit planned</translation>
    </message>
</context>
<context>
    <name>TierColumn</name>
    <message>
        <source>Ungraded</source>
        <translation>Ungraded</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>customers</translation>
    </message>
    <message>
        <source>%1 locked</source>
        <translation>%1 locked</translation>
    </message>
    <message>
        <source>Customers whose tier was set by hand; re-grading keeps it.</source>
        <translation>Customers whose tier was set by hand; re-grading keeps it.</translation>
    </message>
    <message>
        <source>%1 of customers · spend %2</source>
        <translation>%1 of customers · spend %2</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>No customer in this tier matches the filters.</source>
        <translation>No customer in this tier matches the filters.</translation>
    </message>
    <message>
        <source>No customer in this tier yet. Drag a card here to move it.</source>
        <translation>No customer in this tier yet. Drag a card here to move it.</translation>
    </message>
    <message>
        <source>Not graded yet: run a re-grade.</source>
        <translation>Not graded yet: run a re-grade.</translation>
    </message>
    <message>
        <source>No action plan for this tier yet.</source>
        <translation>No action plan for this tier yet.</translation>
    </message>
    <message numerus="yes">
        <source>Revisit every %Ln day(s)</source>
        <translation>
            <numerusform>Revisit every %Ln day</numerusform>
            <numerusform>Revisit every %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Move to tier</source>
        <translation>Move to tier</translation>
    </message>
    <message>
        <source>Unlock tier (re-grading may change it)</source>
        <translation>Unlock tier (re-grading may change it)</translation>
    </message>
</context>
<context>
    <name>TierRecordTab</name>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>Default scoring sheet</source>
        <translation>Default scoring sheet</translation>
    </message>
    <message>
        <source>Scoring sheet “%1” (version %2), as of %3.</source>
        <translation>Scoring sheet “%1” (version %2), as of %3.</translation>
    </message>
    <message>
        <source>By its thresholds the score gives tier %1.</source>
        <translation>By its thresholds the score gives tier %1.</translation>
    </message>
    <message>
        <source>Tiers go by share: the tier depends on everyone&apos;s score.</source>
        <translation>Tiers go by share: the tier depends on everyone&apos;s score.</translation>
    </message>
    <message>
        <source>The last re-grade gave %1; the next one will use today&apos;s figures.</source>
        <translation>The last re-grade gave %1; the next one will use today&apos;s figures.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Stage: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM: %1</translation>
    </message>
    <message>
        <source>%1: %2 (+%3 points)</source>
        <translation>%1: %2 (+%3 points)</translation>
    </message>
    <message>
        <source>; alone: %1</source>
        <translation>; alone: %1</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>no data: %1 points</source>
        <translation>no data: %1 points</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>Total score</translation>
    </message>
    <message>
        <source> (tier %1 starts at %2 points)</source>
        <translation> (tier %1 starts at %2 points)</translation>
    </message>
    <message>
        <source>What each criterion lacks:</source>
        <translation>What each criterion lacks:</translation>
    </message>
    <message>
        <source>Contribution = points × weight ÷ the total weight; the contributions add up to the score (0–100).</source>
        <translation>Contribution = points × weight ÷ the total weight; the contributions add up to the score (0–100).</translation>
    </message>
    <message>
        <source>Action plan for tier %1</source>
        <translation>Action plan for tier %1</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Action plan</translation>
    </message>
    <message numerus="yes">
        <source>every %Ln day(s)</source>
        <translation>
            <numerusform>every %Ln day</numerusform>
            <numerusform>every %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked at tier %1 by hand.</source>
        <translation>Locked at tier %1 by hand.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Re-grading keeps this tier until it is unlocked.</source>
        <translation>Re-grading keeps this tier until it is unlocked.</translation>
    </message>
    <message>
        <source>Set by the scoring sheet: each re-grade may change it. Setting a tier by hand locks it.</source>
        <translation>Set by the scoring sheet: each re-grade may change it. Setting a tier by hand locks it.</translation>
    </message>
    <message>
        <source>Stage “%1” set by hand.</source>
        <translation>Stage “%1” set by hand.</translation>
    </message>
    <message>
        <source>Re-grading keeps this stage until it is unlocked.</source>
        <translation>Re-grading keeps this stage until it is unlocked.</translation>
    </message>
    <message>
        <source>Set by the lifecycle rules at each re-grade. Setting a stage by hand locks it.</source>
        <translation>Set by the lifecycle rules at each re-grade. Setting a stage by hand locks it.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Scoring sheet</source>
        <translation>Scoring sheet</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>By hand</translation>
    </message>
    <message>
        <source>Re-grade</source>
        <translation>Re-grade</translation>
    </message>
    <message>
        <source>Tier history (%1)</source>
        <translation>Tier history (%1)</translation>
    </message>
    <message>
        <source>Manual tier change</source>
        <translation>Manual tier change</translation>
    </message>
    <message>
        <source>Give a reason for setting the tier by hand.</source>
        <translation>Give a reason for setting the tier by hand.</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Lifecycle stage</translation>
    </message>
    <message>
        <source>Give a reason for setting the stage by hand.</source>
        <translation>Give a reason for setting the stage by hand.</translation>
    </message>
    <message>
        <source>Score breakdown</source>
        <translation>Score breakdown</translation>
    </message>
    <message>
        <source>Manual tier</source>
        <translation>Manual tier</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Rep level</source>
        <translation>Rep level</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Reason (required), e.g. strategic account signed for 3 years</source>
        <translation>Reason (required), e.g. strategic account signed for 3 years</translation>
    </message>
    <message>
        <source>Set tier and lock</source>
        <translation>Set tier and lock</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Reason (required), e.g. contract renewed, orders resume</source>
        <translation>Reason (required), e.g. contract renewed, orders resume</translation>
    </message>
    <message>
        <source>Set stage and lock</source>
        <translation>Set stage and lock</translation>
    </message>
    <message>
        <source>Unlock stage</source>
        <translation>Unlock stage</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>Tier history</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>Churn warning</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>Win-back</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>Anniversary</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Which owner are you? Today, the reminders and the calendar then open on your customers (remembered for this database).</source>
        <translation>Which owner are you? Today, the reminders and the calendar then open on your customers (remembered for this database).</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>This is me</translation>
    </message>
    <message>
        <source>Complete revisit…</source>
        <translation>Complete revisit…</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>Log contact…</translation>
    </message>
    <message>
        <source>Copy greeting</source>
        <translation>Copy greeting</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Start win-back…</source>
        <translation>Start win-back…</translation>
    </message>
    <message>
        <source>Record why the customer drifts away and plan dated actions; the warning is closed</source>
        <translation>Record why the customer drifts away and plan dated actions; the warning is closed</translation>
    </message>
    <message>
        <source>Snooze to…</source>
        <translation>Snooze to…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Hand over…</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Nothing left for today. Well done.</source>
        <translation>Nothing left for today. Well done.</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Me (%1)</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(no owner)</translation>
    </message>
    <message>
        <source>Reading today&apos;s list…</source>
        <translation>Reading today&apos;s list…</translation>
    </message>
    <message>
        <source>%1 to do today (capacity %2) · %3 later this week</source>
        <translation>%1 to do today (capacity %2) · %3 later this week</translation>
    </message>
    <message>
        <source>Later this week</source>
        <translation>Later this week</translation>
    </message>
    <message>
        <source>Greeting copied.</source>
        <translation>Greeting copied.</translation>
    </message>
    <message>
        <source>Snooze to a day</source>
        <translation>Snooze to a day</translation>
    </message>
    <message>
        <source>Until *</source>
        <translation>Until *</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>Hand %1 over to which owner? Its planned revisits go along.</source>
        <translation>Hand %1 over to which owner? Its planned revisits go along.</translation>
    </message>
</context>
<context>
    <name>TransactionDialog</name>
    <message>
        <source>Edit transaction</source>
        <translation>Edit transaction</translation>
    </message>
    <message>
        <source>New transaction</source>
        <translation>New transaction</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Amount (¥) *</source>
        <translation>Amount (¥) *</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>TransactionsTab</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message numerus="yes">
        <source>%Ln transaction(s), %1 in all</source>
        <translation>
            <numerusform>%Ln transaction, %1 in all</numerusform>
            <numerusform>%Ln transactions, %1 in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingPanel</name>
    <message>
        <source>Looking ahead…</source>
        <translation>Looking ahead…</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>Tomorrow, %1</source>
        <translation>Tomorrow, %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n day(s))</source>
        <translation>
            <numerusform>%1 (in %n day)</numerusform>
            <numerusform>%1 (in %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>all customers</translation>
    </message>
    <message>
        <source>reminded at the next check today</source>
        <translation>reminded at the next check today</translation>
    </message>
    <message>
        <source>reminder on %1</source>
        <translation>reminder on %1</translation>
    </message>
    <message>
        <source>already in the list</source>
        <translation>already in the list</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with something</source>
        <translation>
            <numerusform>%n day with something</numerusform>
            <numerusform>%n days with something</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing in these days.</source>
        <translation>Nothing in these days.</translation>
    </message>
    <message>
        <source>Coming up in the next</source>
        <translation>Coming up in the next</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
</context>
<context>
    <name>WinBackTab</name>
    <message>
        <source>Start win-back…</source>
        <translation>Start win-back…</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>Add action…</translation>
    </message>
    <message>
        <source>Action done</source>
        <translation>Action done</translation>
    </message>
    <message>
        <source>End win-back…</source>
        <translation>End win-back…</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Churn reason</source>
        <translation>Churn reason</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message numerus="yes">
        <source>%Ln win-back(s), %1 in progress</source>
        <translation>
            <numerusform>%Ln win-back, %1 in progress</numerusform>
            <numerusform>%Ln win-backs, %1 in progress</numerusform>
        </translation>
    </message>
</context>
</TS>
