//! `grille report` on the example study, through the real binary: every figure of the report
//! is the one `grille export` gives for the same table, every quote is its excerpt's words with
//! the respondent's pseudonym and sector, and no interviewer's name or identifying attribute
//! appears. The study's own template replaces the built-in one; a broken one is an error that
//! names its line and writes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// A Markdown table: its title (the bold line or heading above it), header, rows; cells with
/// Markdown's backslash escapes removed.
#[derive(Debug)]
struct MdTable {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn cells(line: &str) -> Vec<String> {
    // Split on `|` not escaped.
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut escaped = false;
    for c in line.trim().trim_start_matches('|').chars() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                cur.push(c);
                continue;
            }
            '|' if !escaped => {
                out.push(unescape(cur.trim()));
                cur.clear();
            }
            c => cur.push(c),
        }
        escaped = false;
    }
    out
}

fn tables(md: &str) -> Vec<MdTable> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    let mut title = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(t) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            title = unescape(t);
        } else if line.starts_with('#') {
            title = unescape(line.trim_start_matches('#').trim());
        } else if line.starts_with('|') {
            let header = cells(line);
            let mut rows = Vec::new();
            i += 2;
            while i < lines.len() && lines[i].starts_with('|') {
                rows.push(cells(lines[i]));
                i += 1;
            }
            out.push(MdTable {
                title: title.clone(),
                header,
                rows,
            });
            continue;
        }
        i += 1;
    }
    out
}

fn grille(home: &Path) -> assert_cmd::Command {
    common::grille(home)
}

fn run(home: &Path, args: &[&str]) -> String {
    let out = grille(home).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every row of `part` (a table of the report) is the projection of a row of the export's
/// table of the same title onto the report's columns, and the rows are the export's in order
/// (those with an excerpt, for code frequencies).
fn same_figures(part: &MdTable, export: &[MdTable], context: &str) {
    let full = export
        .iter()
        .find(|t| t.title == part.title)
        .unwrap_or_else(|| panic!("{context}: no export table \"{}\"", part.title));
    let at: Vec<usize> = part
        .header
        .iter()
        .map(|h| {
            full.header
                .iter()
                .position(|e| e == h)
                .unwrap_or_else(|| panic!("{context}: column {h} not in the export"))
        })
        .collect();
    let projected: Vec<Vec<String>> = full
        .rows
        .iter()
        .map(|row| at.iter().map(|&i| row[i].clone()).collect())
        .filter(|row: &Vec<String>| part.rows.contains(row))
        .collect();
    assert_eq!(part.rows, projected, "{context}: {}", part.title);
    assert!(!part.rows.is_empty(), "{context}: {}", part.title);
}

/// The report's sections: the text under each `## ` heading.
fn sections(md: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut name = String::new();
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            name = unescape(h);
        }
        out.entry(name.clone())
            .or_insert_with(String::new)
            .push_str(&format!("{line}\n"));
    }
    out
}

fn study(home: &Path) -> String {
    let study = home.join("etude");
    run(home, &["init", study.to_str().unwrap(), "--examples"]);
    study.to_str().unwrap().to_owned()
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Interviewers and the open (free text) respondent attributes of the example study: none may
/// be printed.
fn never_printed(study: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(Path::new(study).join("sessions")).unwrap() {
        let s = json(&entry.unwrap().path());
        out.push(s["interviewer"].as_str().unwrap().to_owned());
        for c in s["codings"].as_array().unwrap() {
            out.push(c["coder"].as_str().unwrap().to_owned());
        }
        for key in ["fonction", "structure"] {
            out.push(
                s["respondent"]["attributes"][key]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The example study's quotes, worked out from the files: (words, pseudonym, sector label).
fn quotes(study: &str) -> Vec<(String, String, String)> {
    let meta = json(&Path::new(study).join("study.json"));
    let sectors = meta["respondent_attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "secteur")
        .unwrap()["options"]
        .as_array()
        .unwrap()
        .clone();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(Path::new(study).join("sessions")).unwrap() {
        let s = json(&entry.unwrap().path());
        for c in s["codings"].as_array().unwrap() {
            if c.get("quote").is_none() {
                continue;
            }
            let seg = s["segments"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["id"] == c["segment"])
                .unwrap();
            let text: String = seg["text"]
                .as_str()
                .unwrap()
                .chars()
                .skip(c["start"].as_u64().unwrap() as usize)
                .take((c["end"].as_u64().unwrap() - c["start"].as_u64().unwrap()) as usize)
                .collect();
            let key = s["respondent"]["attributes"]["secteur"].as_str().unwrap();
            let label = sectors.iter().find(|o| o["key"] == key).unwrap()["label"]
                .as_str()
                .unwrap()
                .to_owned();
            out.push((
                text,
                s["respondent"]["pseudonym"].as_str().unwrap().to_owned(),
                label,
            ));
        }
    }
    out
}

#[test]
fn every_figure_is_the_exports_and_every_quote_its_excerpt() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let h = home.path();
    let md = run(h, &["--study", &study, "report"]);
    let parts = sections(&md);
    let grid = json(&Path::new(&study).join("grid.json"));
    let mut checked = 0;
    for theme in grid["themes"].as_array().unwrap() {
        let title = theme["title"].as_str().unwrap();
        let section = parts
            .get(title)
            .unwrap_or_else(|| panic!("no section {title}"));
        let key = theme["key"].as_str().unwrap();
        for q in theme["questions"].as_array().unwrap() {
            if q["kind"] == "open" {
                continue;
            }
            let qkey = q["key"].as_str().unwrap();
            let export = tables(&run(
                h,
                &[
                    "--study",
                    &study,
                    "export",
                    "answers",
                    "--question",
                    qkey,
                    "--format",
                    "md",
                ],
            ));
            // The question's part of the theme: from its heading to the next.
            let text = q["text"].as_str().unwrap();
            let start = section
                .lines()
                .position(|l| l.starts_with("#### ") && unescape(&l[5..]) == text)
                .unwrap_or_else(|| panic!("no heading for {qkey}"));
            let part: String = section
                .lines()
                .skip(start + 1)
                .take_while(|l| !l.starts_with('#'))
                .map(|l| format!("{l}\n"))
                .collect();
            let found = tables(&part);
            assert!(!found.is_empty(), "{qkey}: no table");
            for t in &found {
                same_figures(t, &export, qkey);
                checked += t.rows.len();
            }
            assert!(
                part.contains("![") || qkey == "nb_personnes",
                "{qkey}: a chart"
            );
        }
        let export = tables(&run(
            h,
            &[
                "--study",
                &study,
                "export",
                "frequencies",
                "--query",
                &format!("theme:{key}"),
                "--format",
                "md",
            ],
        ));
        for t in tables(section)
            .iter()
            .filter(|t| export.iter().any(|e| e.title == t.title))
        {
            same_figures(t, &export, key);
            checked += t.rows.len();
        }
    }
    let export = tables(&run(
        h,
        &["--study", &study, "export", "situations", "--format", "md"],
    ));
    let situations = tables(&parts["Situations décrites"]);
    assert_eq!(situations.len(), 3);
    for t in &situations {
        same_figures(t, &export, "situations");
        checked += t.rows.len();
    }
    assert!(checked > 80, "{checked} rows checked");

    // The method: six interviews, by sector; the published figure of 4 in 6 who identified.
    let method = &parts["Méthode"];
    assert!(
        method.contains(
            "- 6 entretiens\n- 0 réponses au questionnaire\n- Période : 2021-04-12 – 2021-07-09\n"
        ),
        "{method}"
    );
    assert!(
        method.contains("- Période : 2021-04-12 – 2021-07-09"),
        "{method}"
    );
    assert!(
        md.contains("| oui | modalité | 4 | 66,7 | 30,0 | 90,3 | 6 |"),
        "{md}"
    );

    // Quotes: each one, under its theme, with pseudonym and sector.
    let expected = quotes(&study);
    assert_eq!(expected.len(), 9);
    let plain = unescape(&md);
    for (words, who, sector) in &expected {
        let block = format!("> {words}\n>\n> — {who}, {sector}\n");
        assert!(plain.contains(&block), "quote missing: {block}\n{plain}");
    }
    assert!(plain.contains("*Note\u{a0}: proxénétisme conjugal*"));
    for name in never_printed(&study) {
        assert!(!md.contains(&name), "{name} is printed");
    }
    // The annex: the grid with its prompts, the codebook with its definitions.
    let annex = &parts["Annexe"];
    assert!(
        annex.contains("  - Relances\u{a0}: Dans quel cadre ?\n"),
        "{annex}"
    );
    assert!(
        annex.contains("**proxenetisme/conjugal** — Proxénétisme conjugal"),
        "{annex}"
    );
}

#[test]
fn html_is_one_file_with_inline_charts_and_nothing_fetched() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let file = home.path().join("rapport.html");
    let out = grille(home.path())
        .args(["--study", &study, "report", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("rapport écrit"));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("@media print"));
    assert!(html.matches("<svg").count() >= 10, "charts inline");
    for outside in ["<script", "<link", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<h2>Méthode</h2>"));
    assert!(html.contains("<blockquote>"));
    for name in never_printed(&study) {
        assert!(!html.contains(&name), "{name} is printed");
    }
    // Readable by its owner only; not replaced without --force.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let again = grille(home.path())
        .args(["--study", &study, "report", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    grille(home.path())
        .args([
            "--study",
            &study,
            "report",
            "-o",
            file.to_str().unwrap(),
            "--force",
        ])
        .assert()
        .success();
}

#[test]
fn markdown_to_a_file_links_its_charts_in_a_folder_beside_it() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let file = home.path().join("rapport.md");
    run(
        home.path(),
        &["--study", &study, "report", "-o", file.to_str().unwrap()],
    );
    let md = std::fs::read_to_string(&file).unwrap();
    let folder = home.path().join("rapport-charts");
    let charts: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(charts.len() >= 10);
    for chart in &charts {
        assert!(
            md.contains(&format!("](rapport-charts/{chart})")),
            "{chart}"
        );
        let svg = std::fs::read_to_string(folder.join(chart)).unwrap();
        assert!(svg.contains("<svg"));
    }
    assert!(!md.contains("](chart:"));
    // On stdout, the charts are data URIs.
    let out = run(home.path(), &["--study", &study, "report"]);
    assert!(out.contains("](data:image/svg+xml,%3Csvg"));
}

#[test]
fn the_studys_template_replaces_the_built_in_one_and_a_broken_one_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let built_in = run(home.path(), &["--study", &study, "report", "--template"]);
    assert!(built_in.contains("{% macro table(t) %}"));
    let template = Path::new(&study).join("report-template.md");
    std::fs::write(
        &template,
        "# Notre diagnostic : {{ title }}\n\n{% for th in themes %}## {{ loop.index }}. {{ th.title }}\n\n{% for q in th.quotes %}> {{ q.text }} ({{ q.pseudonym }})\n\n{% endfor %}{% endfor %}",
    )
    .unwrap();
    let md = run(home.path(), &["--study", &study, "report"]);
    assert!(md.starts_with("# Notre diagnostic : Diagnostic"), "{md}");
    assert!(md.contains("## 3. Repérage des personnes\n"), "{md}");
    assert!(
        md.contains("> c'est monsieur Tout-le-Monde (R03)\n"),
        "{md}"
    );
    assert!(!md.contains("Méthode"));
    // The check of the study is not troubled by the template.
    grille(home.path())
        .args(["--study", &study, "check"])
        .assert()
        .success();

    std::fs::write(
        &template,
        "# {{ title }}\n\n{% for th in themes %}\n## {{ th.title }\n",
    )
    .unwrap();
    let file = home.path().join("r.html");
    let out = grille(home.path())
        .args(["--study", &study, "report", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("report-template.md"), "{err}");
    assert!(err.contains("line 4"), "{err}");
    assert!(!file.exists());
}

#[test]
fn english_headings_and_a_wrong_extension_or_attribute_are_clear_errors() {
    let home = tempfile::tempdir().unwrap();
    let study = study(home.path());
    let md = run(home.path(), &["--study", &study, "--lang", "en", "report"]);
    assert!(md.contains("\n## Method\n"));
    assert!(
        md.contains("| yes | option | 4 | 66.7 | 30.0 | 90.3 | 6 |"),
        "{md}"
    );
    let out = grille(home.path())
        .args(["--study", &study, "report", "-o", "rapport.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".html, .docx, .odt ou .md"));
    let out = grille(home.path())
        .args(["--study", &study, "report", "--by", "secter"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("secter"));
    // With --by, the tables get a column per sector.
    let by = run(
        home.path(),
        &["--study", &study, "report", "--by", "secteur"],
    );
    assert!(by.contains("Santé"));
}

/// The report names the team by initials, leaves out what the study marks identifying
/// (fonction, structure) and refuses a breakdown by it; with --with-identities it names
/// everyone, opens with the warning, and says it on the terminal too.
#[test]
fn identities_are_initials_unless_asked_and_then_the_report_says_so() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let study = study(h);
    let md_file = h.join("rapport.md");
    run(
        h,
        &["--study", &study, "report", "-o", md_file.to_str().unwrap()],
    );
    let md = unescape(&std::fs::read_to_string(&md_file).unwrap());
    // Worked out from the example's files: Camille Roux ran 3 interviews and made 38
    // codings (8 + 15 + 15), Sami Benali 3 and 41 (15 + 13 + 13), Léa Martin coded 15 (a
    // second coder on one interview).
    let team = &sections(&md)["Méthode"];
    assert!(
        team.contains("- Enquêteur·rices (sessions menées)\u{a0}: C.R. (3), S.B. (3)\n"),
        "{team}"
    );
    assert!(
        team.contains("- Codeur·euses (codages)\u{a0}: S.B. (41), C.R. (38), L.M. (15)\n"),
        "{team}"
    );
    assert!(team.contains("désigné·es par leurs initiales"), "{team}");
    assert!(!md.contains("ATTENTION"), "{md}");
    for name in never_printed(&study) {
        assert!(!md.contains(&name), "{name} is printed");
    }
    let out = grille(h)
        .args(["--study", &study, "report", "--by", "fonction"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("« fonction » est un attribut identifiant"),
        "{err}"
    );

    let html_file = h.join("rapport-noms.html");
    let out = grille(h)
        .args([
            "--study",
            &study,
            "report",
            "--with-identities",
            "--by",
            "fonction",
        ])
        .args(["-o", html_file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("ATTENTION : ce fichier contient des identités")
    );
    let html = std::fs::read_to_string(&html_file).unwrap();
    let warning = html
        .find("ATTENTION : ce fichier contient des identités")
        .expect("warning");
    assert!(
        warning < html.find("<h2").unwrap(),
        "the warning comes first"
    );
    assert!(html.contains("Camille Roux (3), Sami Benali (3)"), "{html}");
    assert!(html.contains("Sami Benali (41), Camille Roux (38), Léa Martin (15)"));
    assert!(!html.contains("désigné·es par leurs initiales"));
    // The breakdown by function: a column per respondent's function.
    assert!(html.contains("Sage-femme"), "{html}");
}
