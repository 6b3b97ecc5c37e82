-- Deletes an article category unless an article is in it. Self-contained (journal.lua only).
-- ARGV: 1 the category's key, 2 the categories set's key, 3 the category counts' key (hash), 4 id.
-- Returns 'in-use' when articles are in it (article_save.lua counts them in the same script that files them),
-- 'changed' when there is no such category, else 'done'. Journaled.
if tonumber(redis.call('HGET', ARGV[3], ARGV[4]) or '0') > 0 then
  return 'in-use'
end
if redis.call('EXISTS', ARGV[1]) == 0 then
  return 'changed'
end
j_del(ARGV[1])
j_srem(ARGV[2], ARGV[4])
journal_done()
return 'done'
