-- $rows: a list of {article_id, language} structs.
UPDATE articles
SET language = r.language
FROM (SELECT unnest($rows, recursive := true)) AS r
WHERE articles.article_id = r.article_id;
