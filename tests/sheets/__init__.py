"""The sheets managers really keep (issue #15), written at test time with the truth of every row."""
