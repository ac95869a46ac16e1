"""Team use in the window: colleagues' commits, where the file lives, merging a copy."""
