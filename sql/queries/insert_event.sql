INSERT INTO events (event_id, event_type, actor, target, designation, status, modality, event_date, date_precision,
                    amount_usd, first_seen_at, last_seen_at, article_count, source_count, official, is_background,
                    summary, block_key)
VALUES ($event_id, $event_type, $actor, $target, $designation, $status, $modality, $event_date, $date_precision,
        $amount_usd, $first_seen_at, $last_seen_at, $article_count, $source_count, $official, $is_background,
        $summary, $block_key);
