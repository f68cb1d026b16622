-- The candidate events of one block (an index lookup on events.block_key).
SELECT * FROM events WHERE block_key = $block_key;
