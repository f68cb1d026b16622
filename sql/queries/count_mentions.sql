SELECT count(*) FROM event_mentions;
