"""Demo data: a seeded, realistic customer book as a team that has used AccountDesk for a year leaves it."""
