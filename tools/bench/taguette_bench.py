"""Taguette 1.5.2 on the sessions of a grille study, timed: import per document, coding one
excerpt, the excerpts of one code. Run by benches/scale.rs in the same run as grille's figures.

Taguette is driven through its own code, as its web handlers call it (conversion of the
uploaded file, the database models, the commands it records, the highlights query of its
"highlights of a tag" page), without the HTTP layer: what is timed is Taguette's work, not a
network round trip. Documents are given as HTML (Taguette converts every other format with
Calibre's ebook-convert, which is not installed here).

Usage: python taguette_bench.py STUDY_DIR WORK_DIR MAX_DOCUMENTS
Prints one JSON object: {"documents": n, "import_ms": [...], "code_ms": [...],
"excerpts_ms": [...], "excerpts": n}.
"""

import asyncio
import html
import json
import os
import sys
import time

from taguette import convert, database, extract
from taguette.main import DEFAULT_CONFIG
from sqlalchemy.orm import aliased, joinedload

def session_html(path):
    """A session's transcript as the HTML document Taguette is given: one paragraph a turn."""
    with open(path, encoding="utf-8") as f:
        session = json.load(f)
    turns = [
        "<p>%s</p>" % html.escape(seg["text"]) for seg in session.get("segments", [])
    ]
    name = session["respondent"]["pseudonym"]
    return name, ("<html><body>%s</body></html>" % "\n".join(turns)).encode("utf-8")

def ms(start):
    return (time.perf_counter() - start) * 1000.0

def main():
    study, work, max_docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(work, exist_ok=True)
    db_path = os.path.join(work, "taguette.sqlite3")
    if os.path.exists(db_path):
        os.remove(db_path)
    Session = database.connect("sqlite:///" + db_path)
    db = Session()
    user = database.User(login="admin")
    db.add(user)
    project = database.Project(name="bench", description="")
    db.add(project)
    db.add(
        database.ProjectMember(
            project=project, user=user, privileges=database.Privileges.ADMIN
        )
    )
    tag = database.Tag(project=project, path="lieux", description="")
    db.add(tag)
    db.commit()

    sessions_dir = os.path.join(study, "sessions")
    files = sorted(f for f in os.listdir(sessions_dir) if f.endswith(".json"))[:max_docs]
    config = dict(DEFAULT_CONFIG)
    import_ms, documents = [], []
    loop = asyncio.new_event_loop()
    for f in files:
        name, body = session_html(os.path.join(sessions_dir, f))
        t = time.perf_counter()
        # DocumentAdd.post: convert, add, record the command, commit.
        contents = loop.run_until_complete(
            convert.to_html_chunks(body, "text/html", name + ".html", config)
        )
        doc = database.Document(
            name=name,
            description="",
            filename=name + ".html",
            project=project,
            text_direction=database.TextDirection.LEFT_TO_RIGHT,
            contents=contents,
        )
        db.add(doc)
        db.flush()
        db.add(database.Command.document_add("admin", doc))
        db.commit()
        import_ms.append(ms(t))
        documents.append(doc.id)

    code_ms = []
    for i, doc_id in enumerate(documents[:200]):
        t = time.perf_counter()
        # HighlightAdd.post: the document, its snippet, the highlight, its tag, the command.
        document = db.query(database.Document).get(doc_id)
        start, end = 10 + i % 50, 80 + i % 50

        snippet = extract.extract(document.contents, start, end)
        hl = database.Highlight(
            document=document, start_offset=start, end_offset=end, snippet=snippet
        )
        db.add(hl)
        db.flush()
        db.execute(
            database.highlight_tags.insert(), [dict(highlight_id=hl.id, tag_id=tag.id)]
        )
        cmd = database.Command.highlight_add("admin", document, hl, [tag.id])
        cmd.tag_count_changes = {tag.id: 1}
        db.add(cmd)
        db.commit()
        code_ms.append(ms(t))

    excerpts_ms, count = [], 0
    for _ in range(5):
        t = time.perf_counter()
        # Highlights.get for a tag path, every page at once.
        tag_a = aliased(database.Tag)
        hltag = aliased(database.highlight_tags)
        document = aliased(database.Document)
        rows = (
            db.query(database.Highlight, document.text_direction)
            .options(joinedload(database.Highlight.tags))
            .join(hltag, hltag.c.highlight_id == database.Highlight.id)
            .join(tag_a, hltag.c.tag_id == tag_a.id)
            .join(document, document.id == database.Highlight.document_id)
            .filter(tag_a.path.startswith("lieux", autoescape=True))
            .filter(tag_a.project == project)
            .order_by(database.Highlight.document_id, database.Highlight.start_offset)
            .all()
        )
        out = [
            {"id": hl.id, "document_id": hl.document_id, "content": hl.snippet}
            for hl, _ in rows
        ]
        count = len(out)
        excerpts_ms.append(ms(t))
    print(
        json.dumps(
            {
                "documents": len(documents),
                "import_ms": import_ms,
                "code_ms": code_ms,
                "excerpts_ms": excerpts_ms,
                "excerpts": count,
            }
        )
    )

if __name__ == "__main__":
    main()
