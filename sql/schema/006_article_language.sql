-- Issue 11: each article's language, ISO 639-1 ('en', 'es', ...; 'und' when it cannot be told),
-- from the feed's declared language when reliable, else from the text (newsmon/language.py).
-- English and Spanish articles go to the pipeline of their language; articles of other
-- languages are stored but not extracted (articles_to_extract selects the languages read).
--
-- Rows stored before this column existed are NULL: SQL cannot identify a language, so the
-- next extraction stage identifies them from their text and fills the column in
-- (newsmon/extraction.py, query article_language_pending / set_article_language) before it
-- selects what to extract.
ALTER TABLE articles ADD COLUMN language VARCHAR;
