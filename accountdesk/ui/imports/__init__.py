"""导入导出: the import wizard, the import history with undo, and exports."""
