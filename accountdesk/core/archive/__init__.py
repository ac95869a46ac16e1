"""The customer archive (客户档案): customers, contacts, purchases, interactions, feedback, validation,
the customer list's rows and search keys."""
