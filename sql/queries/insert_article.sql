-- $rows: a list of structs named like the columns (one bound parameter for the whole batch).
INSERT INTO articles BY NAME
SELECT unnest($rows, recursive := true)
ON CONFLICT DO NOTHING;
