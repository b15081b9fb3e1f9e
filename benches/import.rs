//! Importing transcripts: reading an hour-long interview (text or Whisper subtitles) into a
//! session, and writing a batch of ten into a study. Figures in BENCHMARKS.md.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use grille::interop::import::{ImportOptions, import_file, import_files};
use grille::store::StudyDir;
use grille::store::template::DIAGNOSTIC;
use grille::study::Time;

const SENTENCES: [&str; 4] = [
    "Elle était hébergée à l'hôtel par un « ami » qui gérait son téléphone,",
    "on l'a su par l'infirmière scolaire, et là on a fait un signalement ;",
    "les professionnel·les ne sont pas formé·es, on ne sait pas quoi répondre",
    "quand une jeune femme dit qu'elle rend « service » contre un logement.",
];

/// An hour of interview as typed: 300 turns, alternating, timestamped, about 9,000 words.
fn hour_of_text() -> String {
    let mut text = String::from("\u{feff}# Entretien\r\n\r\n");
    for turn in 0..300 {
        let seconds = turn * 12;
        let who = if turn % 2 == 0 { "ENQ" } else { "Mme B." };
        let _ = write!(
            text,
            "[{:02}:{:02}:{:02}] {who}\u{202f}: ",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        for line in 0..6 {
            text.push_str(SENTENCES[(turn + line) % 4]);
            text.push_str("\r\n");
        }
    }
    text
}

/// An hour of Whisper subtitles: 900 cues of 4 seconds, two lines each.
fn hour_of_srt() -> String {
    let mut text = String::new();
    let stamp = |ms: usize| {
        format!(
            "{:02}:{:02}:{:02},{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    };
    for cue in 0..900 {
        let _ = write!(
            text,
            "{}\n{} --> {}\n{}\n{}\n\n",
            cue + 1,
            stamp(cue * 4000),
            stamp(cue * 4000 + 3900),
            SENTENCES[cue % 4],
            SENTENCES[(cue + 1) % 4]
        );
    }
    text
}

fn options() -> ImportOptions {
    ImportOptions {
        interviewer: Some("Camille".into()),
        start: Some(Time::parse_from_rfc3339("2021-04-14T10:00:00+02:00").unwrap()),
        ..ImportOptions::default()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let txt = write(tmp.path(), "entretien.txt", &hour_of_text());
    let srt = write(tmp.path(), "entretien.srt", &hour_of_srt());
    let opts = options();
    c.bench_function("import_file, 1 h text transcript (300 turns)", |b| {
        b.iter(|| import_file(&txt, &opts).unwrap())
    });
    c.bench_function("import_file, 1 h Whisper srt (900 cues)", |b| {
        b.iter(|| import_file(&srt, &opts).unwrap())
    });
    let batch: Vec<PathBuf> = (0..10)
        .map(|i| write(tmp.path(), &format!("r{i}.srt"), &hour_of_srt()))
        .collect();
    let mut round = 0;
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("import_files, 10 × 1 h srt into a study", |b| {
        b.iter(|| {
            round += 1;
            let root = tmp.path().join(format!("study-{round}"));
            let dir = StudyDir::create(&root, &DIAGNOSTIC, false).unwrap();
            let study = dir.load_study().unwrap();
            import_files(&dir, &study, &batch, &opts, &mut |_| {}).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
