"""Icons, style sheet, translations and print templates."""
