INSERT INTO event_mentions (mention_id, article_id, event_type, actor, target, designation, status, modality,
                            event_date, date_precision, amount_usd, is_background, sentence, char_start, char_end,
                            extractor_version, actor_text, target_text, extracted_at)
VALUES ($mention_id, $article_id, $event_type, $actor, $target, $designation, $status, $modality,
        $event_date, $date_precision, $amount_usd, $is_background, $sentence, $char_start, $char_end,
        $extractor_version, $actor_text, $target_text, $extracted_at)
ON CONFLICT DO NOTHING;
