"""The extractor version names the rules in use: their data and their code (issue 10: a rules
upgrade must re-extract stored articles on backfill)."""

import shutil

from extractors.pipeline import _CODE, extractor_version


def test_issue10_editing_the_extractors_code_changes_the_version(tmp_path):
    code = tmp_path / "extractors"
    shutil.copytree(_CODE, code, ignore=shutil.ignore_patterns("data", "__pycache__"))
    before = extractor_version(code)
    assert before == extractor_version(_CODE)  # the copy is the package's code
    (code / "events.py").write_text((code / "events.py").read_text() + "\n# a changed rule\n")
    assert extractor_version(code) != before

