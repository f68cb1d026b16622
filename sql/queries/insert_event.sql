-- $rows: list of event structs named like the columns of events.
INSERT INTO events BY NAME
SELECT unnest($rows, recursive := true);
