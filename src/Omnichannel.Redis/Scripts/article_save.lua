-- Saves an article with its listing and its category's article count. Self-contained (journal.lua only).
-- ARGV: 1 the article's key, 2 the articles set's key, 3 the new category's key, 4 the category counts' key (hash),
-- 5 JSON, 6 id, 7 the JSON the caller decided on ('' when it expects none), 8 the new category id, 9 the category id
-- of that version ('' when none), 10 the articles' version counter (string), counted up by every write so
-- each node's search index learns that articles changed.
-- Returns 'changed' when the stored version is not the one expected, 'no-category' when the category does not exist,
-- else 'done'. Journaled: an article is never stored unlisted, and the counts always match the articles, so a
-- category with articles cannot be deleted (article_category_delete.lua).
if (redis.call('GET', ARGV[1]) or '') ~= ARGV[7] then
  return 'changed'
end
if redis.call('EXISTS', ARGV[3]) == 0 then
  return 'no-category'
end
if ARGV[9] ~= ARGV[8] then
  if ARGV[9] ~= '' then
    if tonumber(redis.call('HGET', ARGV[4], ARGV[9]) or '0') <= 1 then
      j_hdel(ARGV[4], ARGV[9])
    else
      j_hincrby(ARGV[4], ARGV[9], -1)
    end
  end
  j_hincrby(ARGV[4], ARGV[8], 1)
end
j_set(ARGV[1], ARGV[5])
j_sadd(ARGV[2], ARGV[6])
j_incr(ARGV[10])
journal_done()
return 'done'
