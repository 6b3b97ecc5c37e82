-- Deletes an article with its listing and its share of its category's article count. Self-contained (journal.lua
-- only). ARGV: 1 the article's key, 2 the articles set's key, 3 the category counts' key (hash), 4 id, 5 the JSON the
-- caller decided on, 6 its category id, 7 the articles' version counter. Returns 'changed' when the stored version is not that one, else 'done'.
-- Journaled.
if (redis.call('GET', ARGV[1]) or '') ~= ARGV[5] then
  return 'changed'
end
j_del(ARGV[1])
j_srem(ARGV[2], ARGV[4])
if tonumber(redis.call('HGET', ARGV[3], ARGV[6]) or '0') <= 1 then
  j_hdel(ARGV[3], ARGV[6])
else
  j_hincrby(ARGV[3], ARGV[6], -1)
end
j_incr(ARGV[7])
journal_done()
return 'done'
