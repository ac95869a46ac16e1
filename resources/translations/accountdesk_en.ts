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
            <source>A server database is restored with PostgreSQL's own tools (pg_restore).</source>
            <translation>A server database is restored with PostgreSQL's own tools (pg_restore).</translation>
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
            <source>AccountDesk %1 — customer archive, tiering, revisits and care reminders for key-account managers.

Database: %2</source>
            <translation>AccountDesk %1 — customer archive, tiering, revisits and care reminders for key-account managers.

Database: %2</translation>
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
            <source>Reminders: %1</source>
            <translation>Reminders: %1</translation>
        </message>
        <message>
            <source>AccountDesk — Key Account Desk</source>
            <translation>AccountDesk — Key Account Desk</translation>
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
        <name>Navigation</name>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>The customer archive: search, filter and edit customers.</source>
            <translation>The customer archive: search, filter and edit customers.</translation>
        </message>
        <message>
            <source>Tier board</source>
            <translation>Tier board</translation>
        </message>
        <message>
            <source>Customers by tier A / B / C, score breakdowns and re-grading.</source>
            <translation>Customers by tier A / B / C, score breakdowns and re-grading.</translation>
        </message>
        <message>
            <source>Revisit calendar</source>
            <translation>Revisit calendar</translation>
        </message>
        <message>
            <source>Planned revisits by day and week, overdue revisits, revisit sheets.</source>
            <translation>Planned revisits by day and week, overdue revisits, revisit sheets.</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <source>Birthdays, festivals, anniversaries and churn warnings due soon.</source>
            <translation>Birthdays, festivals, anniversaries and churn warnings due soon.</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Statistics</translation>
        </message>
        <message>
            <source>Tier distribution, retention, satisfaction and per-owner figures.</source>
            <translation>Tier distribution, retention, satisfaction and per-owner figures.</translation>
        </message>
        <message>
            <source>Import / Export</source>
            <translation>Import / Export</translation>
        </message>
        <message>
            <source>Import customers from Excel or CSV and export the tier sheet.</source>
            <translation>Import customers from Excel or CSV and export the tier sheet.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Scoring model, tier policies, reminders, language and database.</source>
            <translation>Scoring model, tier policies, reminders, language and database.</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <source>This page could not be loaded: %1</source>
            <translation>This page could not be loaded: %1</translation>
        </message>
        <message>
            <source>This page is being built and will appear here in a coming version.</source>
            <translation>This page is being built and will appear here in a coming version.</translation>
        </message>
    </context>
    <context>
        <name>ProgressPresenter</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
</TS>
