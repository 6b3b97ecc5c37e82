-- Saves a web chat site and lists it. Self-contained (journal.lua only).
-- ARGV: 1 the site's key, 2 the sites set's key, 3 JSON, 4 create only ('1'|'0'), 5 site key.
-- Returns 1 saved, 0 when create only and the site exists. Journaled: a site is never stored unlisted.
if ARGV[4] == '1' and redis.call('EXISTS', ARGV[1]) == 1 then
  return 0
end
j_set(ARGV[1], ARGV[3])
j_sadd(ARGV[2], ARGV[5])
journal_done()
return 1
