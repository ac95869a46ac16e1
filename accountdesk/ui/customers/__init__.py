"""The customer archive screens: the list, filters, the detail panel and its tabs."""
