//! REFI-QDA files that are broken or hostile: refused with a message that says what and where,
//! the study untouched to the byte, no new study made. A source that cannot be read is left out
//! and named, the rest imports.

mod common;
mod refi_support;

use common::grille;
use predicates::prelude::*;
use refi_support::{init, snapshot, zip};

/// A project with one source, for the hostile archives to hide things in.
fn minimal_project() -> String {
    r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes><Code guid="11111111-aaaa-4000-8000-000000000001" name="a" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="33333333-aaaa-4000-8000-000000000001" name="s" plainTextPath="internal://s.txt"/></Sources>
</Project>"#
        .to_owned()
}

/// Imports a hostile file into a study with sessions: refused with `message`, the study
/// untouched to the byte.
fn refused(file_name: &str, bytes: &[u8], message: &str) {
    let home = tempfile::tempdir().unwrap();
    let study = init(home.path(), true);
    let before = snapshot(&study);
    let file = home.path().join(file_name);
    std::fs::write(&file, bytes).unwrap();
    grille(home.path())
        .args(["--study", study.to_str().unwrap(), "import"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(message))
        .stderr(predicate::str::contains("Rien n'a été importé."));
    assert_eq!(
        snapshot(&study),
        before,
        "{file_name}: the study was touched"
    );
    let new = home.path().join("nouvelle");
    grille(home.path())
        .arg("import")
        .arg(&file)
        .arg("--new")
        .arg(&new)
        .assert()
        .code(1);
    assert!(!new.exists(), "{file_name}: a new study was made");
}

#[test]
fn archives_with_entries_outside_themselves_are_refused() {
    let project = minimal_project();
    for evil in [
        "../../evil.txt",
        "sources/../../evil.txt",
        "/tmp/evil.txt",
        "C:\\Windows\\evil.txt",
    ] {
        refused(
            "slip.qdpx",
            &zip(&[
                ("project.qde", project.as_bytes()),
                ("sources/s.txt", b"texte"),
                (evil, b"x"),
            ]),
            &format!("une entrée « {evil} » qui pointe hors d'elle"),
        );
    }
}

#[test]
fn a_zip_bomb_is_refused_at_its_limit() {
    let project = minimal_project();
    // 65 MiB of zeros deflate to about 65 KB; sources are read up to 64 MiB.
    let zeros = vec![b'a'; 65 << 20];
    refused(
        "bomb.qdpx",
        &zip(&[
            ("project.qde", project.as_bytes()),
            ("sources/s.txt", &zeros),
        ]),
        "« sources/s.txt » dépasse 64 Mo une fois décompressé (bombe zip ?)",
    );
}

#[test]
fn entity_expansion_and_huge_attributes_are_refused() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<Project name="&lol2;"/>"#;
    refused(
        "lol.qdpx",
        &zip(&[("project.qde", laughs.as_bytes())]),
        "project.qde, ligne 2 : déclaration de type de document (<!DOCTYPE>) refusée",
    );
    refused(
        "lol.qdc",
        laughs.replace("Project", "CodeBook").as_bytes(),
        "<!DOCTYPE>",
    );
    let huge =
        minimal_project().replace("name=\"a\"", &format!("name=\"{}\"", "a".repeat(2 << 20)));
    refused(
        "huge.qdpx",
        &zip(&[("project.qde", huge.as_bytes())]),
        "attribut « name » de plus de 1 Mo ; refusé",
    );
    refused(
        "broken.qdpx",
        b"PK\x03\x04 not a zip",
        "pas une archive zip lisible",
    );
    refused(
        "other.qdpx",
        &zip(&[("project.qde", b"<html><body/></html>")]),
        "l'élément racine est <html>",
    );
}

/// A codebook of one code named "Proxénétisme", in Latin-1 (é is the one byte 0xE9), under
/// the declaration `decl`.
fn latin1_codebook(decl: &str) -> Vec<u8> {
    let mut bytes = format!(
        "{decl}\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes>\n<Code guid=\"11111111-aaaa-4000-8000-000000000001\" name=\"Prox"
    )
    .into_bytes();
    bytes.extend([0xe9, b'n', 0xe9]);
    bytes.extend(b"tisme\" isCodable=\"true\"/>\n</Codes>\n</CodeBook>\n");
    bytes
}

#[test]
fn text_that_is_not_utf8_is_located_unless_its_declaration_names_its_encoding() {
    // Undeclared, or declared UTF-8: refused, naming the byte. Line 1 is the declaration
    // (38 characters and its line feed), line 2 the <CodeBook> (43 and a line feed), line 3
    // <Codes> (7 and a line feed); on line 4, 60 characters come before the é: byte
    // 39 + 44 + 8 + 60 = 151, column 61.
    refused(
        "latin1.qdc",
        &latin1_codebook("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
        "latin1.qdc n'est pas un texte UTF-8 (octet 151, ligne 4, colonne 61 ; il semble être en windows-1252",
    );

    // Declared: read as XML readers must.
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("livre.qdc");
    std::fs::write(
        &file,
        latin1_codebook("<?xml version=\"1.0\" encoding=\"windows-1252\"?>"),
    )
    .unwrap();
    let new = home.path().join("nouvelle");
    grille(home.path())
        .arg("import")
        .arg(&file)
        .arg("--new")
        .arg(&new)
        .assert()
        .success()
        .stderr(predicate::str::contains("Codes : 1 ajouté(s)"));
    let book = grille::store::StudyDir::open(&new)
        .unwrap()
        .load_study()
        .unwrap()
        .codebook;
    assert_eq!(book.codes[0].name, "Proxénétisme");

    // A source in Latin-1 in a project: left out and named where it stops being UTF-8; the
    // other source imports.
    let qde = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <Sources>
    <TextSource guid="33333333-aaaa-4000-8000-000000000001" name="Entretien" plainTextPath="internal://a.txt"/>
    <TextSource guid="33333333-aaaa-4000-8000-000000000002" name="Notes" plainTextPath="internal://b.txt"/>
  </Sources>
</Project>"#;
    let file = home.path().join("projet.qdpx");
    std::fs::write(
        &file,
        zip(&[
            ("project.qde", qde.as_bytes()),
            ("sources/a.txt", "Elle vit à l'hôtel.\n".as_bytes()),
            ("sources/b.txt", b"Notes\nde l'entretien \xe0 l'h\xf4tel\n"),
        ]),
    )
    .unwrap();
    let into = home.path().join("projet");
    grille(home.path())
        .arg("import")
        .arg(&file)
        .arg("--new")
        .arg(&into)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "source « Notes » : internal://b.txt n'est pas en UTF-8 (octet 21, ligne 2, colonne 16",
        ))
        .stderr(predicate::str::contains("Importé : 1 entretien(s)"));
}

#[test]
fn broken_xml_is_refused_with_its_line() {
    let project = minimal_project();
    // An element closed by another's end tag, on line 3.
    let crossed = project.replace("</Codes></CodeBook>", "</CodeBook></Codes>");
    refused(
        "crossed.qdpx",
        &zip(&[("project.qde", crossed.as_bytes())]),
        "crossed.qdpx : project.qde, ligne 3 : XML mal formé",
    );
    // Cut short, as a failed download leaves it.
    let cut = &project[..project.find("<Sources>").unwrap()];
    refused(
        "cut.qdpx",
        &zip(&[("project.qde", cut.as_bytes())]),
        "cut.qdpx : project.qde, ligne 4 : XML mal formé",
    );
    // A bare codebook with an attribute without quotes.
    refused(
        "bad.qdc",
        b"<?xml version=\"1.0\"?>\n<CodeBook>\n<Codes>\n<Code guid=1 name=\"a\"/></Codes></CodeBook>",
        "bad.qdc, ligne 4 : XML mal formé",
    );
}
