-- Issue 12: alerts in the order their developments were reported, and statements that say
-- what they are about.

-- One resolution pass raises its alerts at one created_at; seq is the order it raised them in
-- (the order the reports appeared: article date, then position in the article), so the
-- console, the artifact, the Prefect events and the digest list them as they happened.
ALTER TABLE alerts ADD COLUMN seq INTEGER DEFAULT 0;

-- What an event is about, in words, when its own fields cannot say it: a statement's subject
-- as the same article reports it (e.g. "the FTO listing of Cartel de los Soles"). Used by the
-- one-line summary; NULL when unknown.
ALTER TABLE events ADD COLUMN about VARCHAR;
