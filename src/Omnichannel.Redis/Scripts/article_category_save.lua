-- Saves an article category and lists it. Self-contained (journal.lua only).
-- ARGV: 1 the category's key, 2 the categories set's key, 3 JSON, 4 id. Journaled: never stored unlisted.
j_set(ARGV[1], ARGV[3])
j_sadd(ARGV[2], ARGV[4])
journal_done()
return 'done'
