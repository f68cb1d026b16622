-- Articles stored before languages were told apart (issue 11): their language is identified
-- from their text by the extraction stage.
SELECT article_id, text
FROM articles
WHERE language IS NULL
ORDER BY article_id
LIMIT $limit;
