"""The termbase schema as sqlite-utils migrations, applied in order when a database opens.

Add a step by appending a new `@migrations()` function named `m000N_what`; never edit an
applied one. Concept-oriented, like TBX: an entry is a concept, terms are its words.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "glossary"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m0001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'candidate'
                CHECK (status IN ('candidate', 'approved', 'rejected')),
            category TEXT,
            note TEXT,
            source TEXT,
            score REAL NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX idx_entries_status_score ON entries (status, score DESC);

        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            lang TEXT NOT NULL,  -- 'zh', 'en', or another language code from an imported glossary
            text TEXT NOT NULL,
            match_key TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'preferred'
                CHECK (status IN ('preferred', 'admitted', 'deprecated', 'superseded', 'forbidden')),
            type TEXT NOT NULL DEFAULT 'fullForm'
                CHECK (type IN ('fullForm', 'acronym', 'abbreviation', 'variant')),
            script TEXT,
            pinyin TEXT,
            initials TEXT,
            source TEXT,
            part_of_speech TEXT,
            context TEXT,
            note TEXT,
            exact INTEGER NOT NULL DEFAULT 0,
            count INTEGER NOT NULL DEFAULT 0,
            superseded_by INTEGER REFERENCES terms (id) ON DELETE SET NULL,
            superseded_on TEXT,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_terms_entry ON terms (entry_id, position);
        CREATE INDEX idx_terms_key ON terms (lang, match_key);
        CREATE INDEX idx_terms_pinyin ON terms (pinyin) WHERE pinyin IS NOT NULL;
        CREATE INDEX idx_terms_initials ON terms (initials) WHERE initials IS NOT NULL;

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            encoding TEXT,
            script TEXT,
            size INTEGER NOT NULL DEFAULT 0,
            ingested TEXT NOT NULL
        );
        CREATE INDEX idx_documents_path ON documents (path);

        CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
            text TEXT NOT NULL,
            original TEXT NOT NULL,
            line INTEGER NOT NULL DEFAULT 0,
            UNIQUE (document_id, seq)
        );

        CREATE TABLE segment_pairs (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            zh TEXT NOT NULL,
            en TEXT NOT NULL,
            zh_paragraphs TEXT NOT NULL DEFAULT '[]',
            en_paragraphs TEXT NOT NULL DEFAULT '[]',
            score REAL NOT NULL DEFAULT 0,
            anchors TEXT NOT NULL DEFAULT '[]',
            UNIQUE (document_id, seq)
        );

        CREATE TABLE occurrences (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            segment_pair_id INTEGER NOT NULL REFERENCES segment_pairs (id) ON DELETE CASCADE,
            zh_term TEXT,
            en_term TEXT,
            zh_start INTEGER, zh_end INTEGER,
            en_start INTEGER, en_end INTEGER,
            UNIQUE (entry_id, segment_pair_id, zh_start, en_start)
        );
        CREATE INDEX idx_occurrences_pair ON occurrences (segment_pair_id);

        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT,
            at TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_review_log_entry ON review_log (entry_id);
        """
    )


@migrations()
def m0002_dropped_lines(db: Database) -> None:
    """Lines the ingester removed, with the reason: answers "why is this line missing?"."""
    db.executescript(
        """
        CREATE TABLE dropped_lines (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            line INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX idx_dropped_lines_document ON dropped_lines (document_id);
        """
    )


@migrations()
def m0004_lookup_index(db: Database) -> None:
    """Character n-grams of every term's match key (the fuzzy lookup index), a plain
    match-key index for exact and prefix lookup in any language, and review-log batches
    so that a merge or split undoes as one step."""
    for statement in (
        """CREATE TABLE term_grams (
               gram TEXT NOT NULL,
               length INTEGER NOT NULL,  -- of the match key: lookups read only similar lengths
               term_id INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
               PRIMARY KEY (gram, length, term_id)
           ) WITHOUT ROWID""",
        "CREATE INDEX idx_term_grams_term ON term_grams (term_id)",
        "CREATE INDEX idx_terms_match_key ON terms (match_key)",
        "CREATE INDEX idx_entries_category ON entries (category)",  # the review filter's choices
        "ALTER TABLE review_log ADD COLUMN batch INTEGER",
        "CREATE INDEX idx_review_log_batch ON review_log (batch)",
    ):
        db.execute(statement)  # one by one: executescript would commit the migration's transaction
    from .term_index import rebuild_lookup_index

    rebuild_lookup_index(db)


@migrations()
def m0005_interchange(db: Database) -> None:
    """Definitions from imported glossaries, and supporting-document names kept without occurrences."""
    db.executescript(
        """
        ALTER TABLE entries ADD COLUMN definition TEXT;
        CREATE TABLE entry_sources (
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            PRIMARY KEY (entry_id, name)
        );
        """
    )


@migrations()
def m0006_terms_superseded_index(db: Database) -> None:
    """Index the terms → terms foreign key: without it every deleted term (each save_entry)
    scans the whole terms table for rows it supersedes."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_terms_superseded ON terms (superseded_by)")


@migrations()
def m0007_revision(db: Database) -> None:
    """A termbase revision that every change to what the checker reads bumps (triggers), and a
    random id for this termbase: together they key the checker's compiled-matcher cache."""
    for statement in (
        """CREATE TABLE termbase_revision (
               id INTEGER PRIMARY KEY CHECK (id = 1),
               termbase TEXT NOT NULL,
               revision INTEGER NOT NULL DEFAULT 0
           )""",
        "INSERT INTO termbase_revision (id, termbase) VALUES (1, lower(hex(randomblob(16))))",
        *(f"""CREATE TRIGGER revision_{table}_{event.split()[0].lower()} AFTER {event} ON {table}
              BEGIN UPDATE termbase_revision SET revision = revision + 1 WHERE id = 1; END"""
          for table, event in (
              ("terms", "INSERT"), ("terms", "DELETE"),
              ("terms", "UPDATE OF entry_id, lang, text, status, type, exact, position"),
              ("entries", "DELETE"), ("entries", "UPDATE OF id, status"),
          )),
    ):
        db.execute(statement)
