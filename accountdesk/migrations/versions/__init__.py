"""One file per schema change; never edit a released one."""
