"""What every screen uses: the task runner, operations, dialogs, the page base, theme, labels, language."""
