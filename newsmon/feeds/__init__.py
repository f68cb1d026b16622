"""Feeds: the list of sources (config), fetching bytes (fetch), turning bytes into Articles (parse)."""
