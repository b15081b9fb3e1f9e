//! Search at the size of a large study: 1,000 sessions of 8,000 words from the synthetic corpus
//! (`grille dev gen-corpus`), side by side with a grep baseline (ripgrep's library crates over
//! the same sessions' JSON files, case-insensitive, for the same words).
//!
//! Measures: full index build, incremental update of one segment (and of one session), and
//! the latency of 20 representative queries (p50, p99 from our own timing loop), against grep.
//! Criterion also times the incremental update and a few queries.
//!
//! `GRILLE_BENCH_SESSIONS` / `GRILLE_BENCH_WORDS` change the size; the corpus is cached in
//! `GRILLE_BENCH_DIR` (default: the system temp folder) and reused across runs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use grep_regex::RegexMatcherBuilder;
use grep_searcher::Searcher;
use grep_searcher::sinks::UTF8;

use grille::index::{Index, Silent};
use grille::store::StudyDir;
use grille::study::Study;

/// (query, words grep looks for): grep gets the same words, or for a query on a code alone the
/// code's id as it is written in the session files (`{code:PATH}`).
const QUERIES: [(&str, &str); 20] = [
    ("hôtel", "hôtel"),
    ("hotel", "hôtel"),
    ("proxenetisme", "proxénétisme"),
    ("\"réseaux sociaux\"", "réseaux sociaux"),
    ("professionnelles", "professionnel"),
    ("élus", "élu"),
    ("mineures hébergement", "mineures"),
    ("hôtel OR appartement", "hôtel|appartement"),
    ("prostitution -internet", "prostitution"),
    ("code:proxenetisme/conjugal", "{code:proxenetisme/conjugal}"),
    ("code:lieux hôtel", "hôtel"),
    ("secteur:sante mineures", "mineures"),
    ("date:2021-04..2021-07 logement", "logement"),
    ("speaker:respondent violences", "violences"),
    ("question:lieux annonces", "annonces"),
    (
        "kind:excerpt code:echange-non-financier/logement",
        "{code:echange-non-financier/logement}",
    ),
    ("hotel~", "hôtel"),
    ("prostitusion~1", "prostitution"),
    ("coder:\"Léa Martin\" emprise", "emprise"),
    (
        "(hôtel OR appartement) (mineures OR jeunes) NOT police",
        "hôtel|appartement",
    ),
];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The corpus, generated once and kept (its files are the truth; the index is rebuilt).
fn corpus(sessions: usize, words: usize) -> PathBuf {
    let base = std::env::var_os("GRILLE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let root = base.join(format!("grille-bench-{sessions}x{words}-seed1"));
    if !root.join("study.json").is_file() {
        let _ = std::fs::remove_dir_all(&root);
        let t = Instant::now();
        grille::corpus::generate(&root, sessions, words, 1).expect("corpus generates");
        eprintln!(
            "corpus generated in {:.1} s: {}",
            t.elapsed().as_secs_f64(),
            root.display()
        );
    }
    root
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Times `f` `n` times; returns the sorted durations.
fn timed(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut out: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    out.sort();
    out
}

fn grep_pattern(study: &Study, words: &str) -> String {
    match words
        .strip_prefix("{code:")
        .and_then(|w| w.strip_suffix('}'))
    {
        Some(path) => study
            .codebook
            .by_path(path)
            .expect("bench code exists")
            .id
            .to_string(),
        None => words.to_owned(),
    }
}

/// Matching lines in every session file, as `rg -i -c PATTERN sessions/*.json` counts them.
fn grep(files: &[PathBuf], pattern: &str) -> u64 {
    let matcher = RegexMatcherBuilder::new()
        .case_insensitive(true)
        .build(pattern)
        .expect("valid pattern");
    let mut searcher = Searcher::new();
    let mut lines = 0u64;
    for file in files {
        searcher
            .search_path(
                &matcher,
                file,
                UTF8(|_, _| {
                    lines += 1;
                    Ok(true)
                }),
            )
            .expect("grep reads the file");
    }
    lines
}

fn session_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn search(c: &mut Criterion) {
    let sessions = env_usize("GRILLE_BENCH_SESSIONS", 1000);
    let words = env_usize("GRILLE_BENCH_WORDS", 8000);
    let root = corpus(sessions, words);
    let dir = StudyDir::open(&root).unwrap();
    let study = dir.load_study().unwrap();
    let files = session_files(&root);

    // Full build: from no index at all, as `grille index rebuild` on a fresh study.
    let _ = std::fs::remove_dir_all(dir.paths().index_dir());
    let t = Instant::now();
    let mut index = Index::open(&dir, &study, &mut Silent).unwrap();
    let build = t.elapsed();
    println!(
        "\n## full build: {sessions} sessions x {words} words: {:.1} s",
        build.as_secs_f64()
    );

    // Opening an up-to-date index (what `grille search` does before searching).
    let open = timed(5, || {
        let _ = Index::open(&dir, &study, &mut Silent).unwrap();
    });
    println!(
        "open (checks, no rebuild): p50 {:.1} ms",
        ms(percentile(&open, 0.5))
    );

    // Incremental update: one segment's text edited, re-indexed, committed, reader reloaded.
    let id = dir.session_ids().unwrap()[0];
    let mut session = dir.load_session(id, &study).unwrap().doc;
    let seg = session.segments[1].id;
    let mut n = 0;
    let mut edit = |session: &mut grille::study::Session| {
        n += 1;
        session.segments[1].text = format!("{} hôtel{n}", session.segments[1].text);
    };
    let seg_times = timed(30, || {
        edit(&mut session);
        index.update_segment(&session, seg).unwrap();
    });
    let session_times = timed(10, || {
        edit(&mut session);
        index.update_session(&session).unwrap();
    });
    println!(
        "update one segment: p50 {:.1} ms, p99 {:.1} ms; one session ({} segments): p50 {:.1} ms",
        ms(percentile(&seg_times, 0.5)),
        ms(percentile(&seg_times, 0.99)),
        session.segments.len(),
        ms(percentile(&session_times, 0.5)),
    );

    println!("\n| query | hits | p50 ms | p99 ms | grep p50 ms | grep / p50 |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut all_p50 = Vec::new();
    let mut speedups = Vec::new();
    for (query, words) in QUERIES {
        let results = index.search(query, 10).unwrap();
        let times = timed(200, || {
            std::hint::black_box(index.search(query, 10).unwrap());
        });
        let pattern = grep_pattern(&study, words);
        let grep_times = timed(3, || {
            std::hint::black_box(grep(&files, &pattern));
        });
        let (p50, p99, g50) = (
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            percentile(&grep_times, 0.5),
        );
        all_p50.push(p50);
        speedups.push(g50.as_secs_f64() / p50.as_secs_f64());
        println!(
            "| `{}` | {} | {:.2} | {:.2} | {:.0} | {:.0}× |",
            query.replace('|', "\\|"),
            results.total,
            ms(p50),
            ms(p99),
            ms(g50),
            g50.as_secs_f64() / p50.as_secs_f64()
        );
    }
    all_p50.sort();
    speedups.sort_by(f64::total_cmp);
    println!(
        "\nmedian of the 20 p50s: {:.2} ms; slowest p50: {:.2} ms; speed-up over grep: min {:.0}×, median {:.0}×",
        ms(all_p50[all_p50.len() / 2]),
        ms(*all_p50.last().unwrap()),
        speedups[0],
        speedups[speedups.len() / 2]
    );

    // The same, through criterion, for a few of them and the incremental update.
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    for (query, _) in [QUERIES[0], QUERIES[9], QUERIES[19]] {
        group.bench_function(format!("query {query}"), |b| {
            b.iter(|| index.search(query, 10).unwrap())
        });
    }
    group.bench_function("update one segment", |b| {
        b.iter(|| {
            edit(&mut session);
            index.update_segment(&session, seg).unwrap()
        })
    });
    let pattern = grep_pattern(&study, QUERIES[0].1);
    group.sample_size(10);
    group.bench_function("grep hôtel", |b| b.iter(|| grep(&files, &pattern)));
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
