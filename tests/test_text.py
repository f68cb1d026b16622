from newsmon.text import clean_text, content_hash, html_to_text


def test_html_is_stripped_and_entities_decoded():
    text = html_to_text("<p>Rubio&nbsp;said <b>FTO</b> &amp; more</p><p>Second&#8217;s para</p><script>x=1</script>")
    assert text == "Rubio said FTO & more\n\nSecond\u2019s para"


def test_broken_markup_does_not_raise():
    assert html_to_text("<p>unclosed <b>bold <i>x</p></div></span>") == "unclosed bold x"


def test_clean_text_normalises_unicode_and_controls():
    assert clean_text("Cafe\u0301\x00 \t  bar\r\n\r\n\r\nbaz\u200b") == "Café bar\n\nbaz"


def test_content_hash_folds_case_quotes_and_spacing():
    a = content_hash("Maduro’s “cartel”  was   designated.")
    b = content_hash("maduro's \"cartel\" was designated")
    assert a == b
    assert a != content_hash("Maduro's cartel was not designated")
