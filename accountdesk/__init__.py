"""AccountDesk (客户分级维护台): customer archive, tiers, revisits and care for key-account managers."""

__version__ = "0.1.0"
