"""The lexicon's parsed tables (CC-CEDICT, LemmInflect) cached on disk, one file per version."""

from __future__ import annotations

import os


def test_the_lexicon_keeps_three_versions_of_each_parsed_table(tmp_path, monkeypatch):
    """Each version of the code parses LemmInflect's and CC-CEDICT's tables again into a file of its own
    (megabytes each): writing one removes that table's files beyond the three most recent, never
    another table's."""
    from glossary import lexicon

    monkeypatch.setenv("GLOSSARY_CACHE", str(tmp_path))
    folder = lexicon._lemminflect_resources()
    cached = lexicon._cache_file(folder / "lemma_lu.csv.gz", "english")
    old = [tmp_path / f"english-1-{n}-abcdef.pickle" for n in range(4)] + [tmp_path / "cedict-1-0-abcdef.pickle",
                                                                          tmp_path / "cedict-1-0-abcdef.usage.pickle"]
    for n, path in enumerate(old):
        path.write_bytes(b"old")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    table = lexicon._load_or_build(cached, lambda: lexicon._parse_word_classes(folder))
    assert "promote" in table[1] and cached.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [cached.name, "english-1-2-abcdef.pickle", "english-1-3-abcdef.pickle",
         "cedict-1-0-abcdef.pickle", "cedict-1-0-abcdef.usage.pickle"])
