"""Real text nobody here wrote: the 2,225 BBC articles of 2004-2005 yield no mention from any
article that does not concern Venezuela (the corpus README names the seven business stories
that mention it)."""


import pytest

from conftest import SHARED
from extractors import ArticleText, extract_mentions

BBC = SHARED / "corpus" / "bbc-news-2005"
VENEZUELA_STORIES = {"business/029.txt", "business/080.txt", "business/200.txt", "business/231.txt",
                     "business/259.txt", "business/340.txt", "business/388.txt"}
IN_PASSING = {"business/259.txt", "business/200.txt"}


@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC} (it lives in ../shared, not in the repo)")
def test_no_mention_outside_the_venezuela_stories(nlp):
    articles = [ArticleText(article_id=str(p.relative_to(BBC)), text=p.read_text(encoding="utf-8", errors="replace"))
                for p in sorted(BBC.glob("*/*.txt"))]
    assert len(articles) == 2225
    mentions = extract_mentions(nlp, articles)
    sources = {m.article_id for m in mentions}
    assert sources <= VENEZUELA_STORIES - IN_PASSING, sorted(sources)
