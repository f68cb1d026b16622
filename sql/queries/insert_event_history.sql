INSERT INTO event_history (event_id, changed_at, field, old_value, new_value, article_id, mention_id)
VALUES ($event_id, $changed_at, $field, $old_value, $new_value, $article_id, $mention_id);
