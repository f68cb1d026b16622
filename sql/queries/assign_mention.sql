UPDATE event_mentions SET event_id = $event_id, merge_reason = $merge_reason WHERE mention_id = $mention_id;
