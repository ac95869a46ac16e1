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
            <source>Saved.</source>
            <translation>Saved.</translation>
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
            <source>%1 saved this record while you were editing. Your changes were not saved yet: choose, field by field, what to keep.</source>
            <translation>%1 saved this record while you were editing. Your changes were not saved yet: choose, field by field, what to keep.</translation>
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
            <source>Theirs (saved)</source>
            <translation>Theirs (saved)</translation>
        </message>
        <message>
            <source>(only you changed it)</source>
            <translation>(only you changed it)</translation>
        </message>
        <message>
            <source>Save my choices</source>
            <translation>Save my choices</translation>
        </message>
        <message>
            <source>Discard my changes</source>
            <translation>Discard my changes</translation>
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
        <message>
            <source>%1 contacts</source>
            <translation>%1 contacts</translation>
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
            <source>Contact</source>
            <translation>Contact</translation>
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
            <source>%1 customers</source>
            <translation>%1 customers</translation>
        </message>
        <message>
            <source>%1 of %2 customers match</source>
            <translation>%1 of %2 customers match</translation>
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
            <source>Owner for %1 customers (a new name adds a user):</source>
            <translation>Owner for %1 customers (a new name adds a user):</translation>
        </message>
        <message>
            <source>Owner set on %1 customers.</source>
            <translation>Owner set on %1 customers.</translation>
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
            <source>Tag to add to %1 customers:</source>
            <translation>Tag to add to %1 customers:</translation>
        </message>
        <message>
            <source>Tag added to %1 customers.</source>
            <translation>Tag added to %1 customers.</translation>
        </message>
        <message>
            <source>Adding tag…</source>
            <translation>Adding tag…</translation>
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
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>+ New customer</source>
            <translation>+ New customer</translation>
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
        <message>
            <source>%1 entries, %2 open complaints</source>
            <translation>%1 entries, %2 open complaints</translation>
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
            <source>All tiers</source>
            <translation>All tiers</translation>
        </message>
        <message>
            <source>Tier %1</source>
            <translation>Tier %1</translation>
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
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>with %1</source>
            <translation>with %1</translation>
        </message>
        <message>
            <source>%1 interactions</source>
            <translation>%1 interactions</translation>
        </message>
        <message>
            <source>average satisfaction %1</source>
            <translation>average satisfaction %1</translation>
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
            <source>, </source>
            <translation>, </translation>
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
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>The database is busy (another user is saving); trying again…</source>
            <translation>The database is busy (another user is saving); trying again…</translation>
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
        <name>PlaceholderTab</name>
        <message>
            <source>This tab could not be loaded: %1</source>
            <translation>This tab could not be loaded: %1</translation>
        </message>
        <message>
            <source>This tab is being built and will appear here in a coming version.</source>
            <translation>This tab is being built and will appear here in a coming version.</translation>
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
        <message>
            <source>%1 transactions, %2 in all</source>
            <translation>%1 transactions, %2 in all</translation>
        </message>
    </context>
</TS>
