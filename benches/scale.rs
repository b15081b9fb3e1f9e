//! Issue #14's goals at the size of a large study, side by side in one run: the commands that
//! read every session, the search end to end against `rg -i` over the sessions folder, search
//! in process, the index build, the excerpts of a code, and (when installed) Taguette 1.5.2 on
//! the same transcripts. Prints Markdown tables (BENCHMARKS.md, "Scale").
//!
//! Knobs (environment): `GRILLE_SCALE_SIZES` (default `1000,10000`), `GRILLE_BENCH_DIR` (where
//! the generated studies are kept, default the temp folder), `GRILLE_BEFORE` (another grille
//! binary, timed beside this one), `GRILLE_TAGUETTE` (the python of a Taguette environment, see
//! `tools/bench/install-taguette.sh`) and `GRILLE_TAGUETTE_DOCS` (documents given to it, default
//! 1000). Hold the cargo lock while it runs: nothing else should compete for the two cores.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use grille::index::{Index, Silent};
use grille::store::{Preferences, StudyDir};
use grille::study::{Coding, CodingId, SessionChange, Time};
use grille::workspace::Workspace;

/// (query, what `rg -i` looks for: the same words as they are written).
const QUERIES: [(&str, &str); 10] = [
    ("hôtel", "hôtel"),
    ("hotel", "hôtel"),
    ("proxenetisme", "proxénétisme"),
    ("\"réseaux sociaux\"", "réseaux sociaux"),
    ("mineures hébergement", "mineures"),
    ("professionnelles", "professionnel"),
    ("élus", "élu"),
    ("logement", "logement"),
    ("prostitution internet", "prostitution"),
    ("emprise", "emprise"),
];

const COMMANDS: [&[&str]; 6] = [
    &["sessions"],
    &["sessions", "--json"],
    &["check"],
    &["export", "frequencies"],
    // A CSV on stdout holds one table: without `--table` these exports are refused (status 2)
    // after reading everything, which is not what a user waits for.
    &["export", "answers", "--table", "answers"],
    &["export", "situations", "--table", "situations"],
];

fn main() {
    let sizes: Vec<usize> = std::env::var("GRILLE_SCALE_SIZES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_grille"));
    let before = std::env::var_os("GRILLE_BEFORE").map(PathBuf::from);
    machine();
    for n in sizes {
        let root = corpus(n);
        println!("\n## {n} sessions ({})\n", root.display());
        let read = reading(&root);
        // The other binary works on the same session files (hard links) with its own index:
        // an index of another version would be rebuilt by each in turn.
        let before = before.as_deref().map(|b| (b, twin(&root)));
        let before = before.as_ref().map(|(b, r)| (*b, r.as_path()));
        commands(&bin, before, &root, n, read);
        rebuild(&bin, &root);
        search_end_to_end(&bin, before, &root);
        search_in_process(&root);
        excerpts(&root);
        editing(&root);
        taguette(&root, n);
    }
}

fn machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().map(str::to_owned))
        .unwrap_or_default();
    let rg = output("rg", &["--version"])
        .lines()
        .next()
        .unwrap_or("")
        .to_owned();
    println!("# Scale benchmark\n\nMachine: {cpu}, {cores} cores, {mem}; {rg}");
}

/// A generated study of `n` sessions of 8,000 words, made once and kept (named as the other
/// benchmarks name theirs, so they share it).
fn corpus(n: usize) -> PathBuf {
    let base = std::env::var_os("GRILLE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let root = base.join(format!("grille-bench-{n}x8000-seed1"));
    if !root.join("study.json").is_file() {
        let _ = std::fs::remove_dir_all(&root);
        let t = Instant::now();
        grille::corpus::generate(&root, n, 8000, 1).expect("corpus generates");
        eprintln!(
            "corpus of {n} generated in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    root
}

/// The study at `root` again beside it, its files hard links to the same bytes, without the
/// index.
fn twin(root: &Path) -> PathBuf {
    let twin = root.with_file_name(format!(
        "{}-before",
        root.file_name().unwrap().to_string_lossy()
    ));
    if !twin.join("study.json").is_file() {
        std::fs::create_dir_all(twin.join("sessions")).unwrap();
        for file in session_files(root) {
            std::fs::hard_link(&file, twin.join("sessions").join(file.file_name().unwrap()))
                .unwrap();
        }
        // The definition files last: `study.json` makes it a study.
        for name in ["grid.json", "codebook.json", "study.json"] {
            std::fs::hard_link(root.join(name), twin.join(name)).unwrap();
        }
    }
    twin
}

fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
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

/// Reading the bytes of every session file (page cache warm): the yardstick of the goals.
fn reading(root: &Path) -> Duration {
    let files = session_files(root);
    let mut bytes = 0;
    let time = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                bytes = files
                    .iter()
                    .map(|f| std::fs::read(f).unwrap().len())
                    .sum::<usize>();
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "Session files: {:.0} MB, read in {:.0} ms (one thread, warm cache).\n",
        bytes as f64 / 1e6,
        ms(time)
    );
    time
}

/// Runs a command with its output drained through a pipe; wall time and peak memory (KB,
/// from `/usr/bin/time` when there is one).
fn run(program: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let report = tempfile::NamedTempFile::new().unwrap();
    let timed = Path::new("/usr/bin/time").is_file();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(report.path())
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .env("LANG", "fr_FR.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let t = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let mut sink = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut sink).unwrap();
    let status = child.wait().unwrap();
    let time = t.elapsed();
    // A refused or failed command is no measure of the work.
    assert!(
        status.success(),
        "{} {} exited with {status}",
        program.display(),
        args.join(" ")
    );
    let rss = std::fs::read_to_string(report.path())
        .ok()
        .and_then(|s| s.trim().lines().last()?.trim().parse().ok());
    (time, rss)
}

/// Median time and largest peak memory of `runs` runs (after one unmeasured).
fn runs(program: &Path, args: &[&str], runs: usize) -> (Duration, Option<u64>) {
    run(program, args);
    let mut times = Vec::new();
    let mut peak = None;
    for _ in 0..runs {
        let (t, rss) = run(program, args);
        times.push(t);
        peak = peak.max(rss);
    }
    (median(times), peak)
}

fn rss(kb: Option<u64>) -> String {
    kb.map_or("—".into(), |kb| format!("{:.0} MB", kb as f64 / 1024.0))
}

fn commands(bin: &Path, before: Option<(&Path, &Path)>, root: &Path, n: usize, read: Duration) {
    let study = root.to_str().unwrap();
    let repeat = if n > 2000 { 3 } else { 5 };
    // The slow binary runs once at 10,000 (it takes minutes).
    let repeat_before = if n > 2000 { 1 } else { 3 };
    println!("| command | before | now | memory now | now ÷ reading the bytes |");
    println!("|---|---:|---:|---:|---:|");
    for args in COMMANDS {
        let mut all = vec!["--study", study];
        all.extend_from_slice(args);
        let (now, peak) = runs(bin, &all, repeat);
        let was = before.map(|(b, twin)| {
            let mut all = vec!["--study", twin.to_str().unwrap()];
            all.extend_from_slice(args);
            runs(b, &all, repeat_before)
        });
        println!(
            "| `grille {}` | {} | {:.0} ms | {} | {:.1}× |",
            args.join(" "),
            was.map_or("—".into(), |(t, m)| format!(
                "{:.0} ms ({})",
                ms(t),
                rss(m)
            )),
            ms(now),
            rss(peak),
            now.as_secs_f64() / read.as_secs_f64()
        );
    }
    println!();
}

fn rebuild(bin: &Path, root: &Path) {
    let (time, peak) = run(
        bin,
        &["--study", root.to_str().unwrap(), "index", "rebuild"],
    );
    let index = root.join("index");
    let segments = std::fs::read_dir(&index)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "idx"))
        })
        .count();
    println!(
        "`grille index rebuild`: {:.1} s, peak memory {}, {segments} index segments.\n",
        time.as_secs_f64(),
        rss(peak)
    );
}

fn search_end_to_end(bin: &Path, before: Option<(&Path, &Path)>, root: &Path) {
    let study = root.to_str().unwrap();
    let sessions = root.join("sessions");
    // The index is up to date (just rebuilt); a first search records the study's stamp.
    run(bin, &["--study", study, "search", "hôtel"]);
    if let Some((b, twin)) = before {
        // Its index, built once, unmeasured.
        run(b, &["--study", twin.to_str().unwrap(), "search", "hôtel"]);
    }
    println!("| query | `rg -i` | grille before | grille now | rg ÷ now |");
    println!("|---|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (query, words) in QUERIES {
        let (rg, _) = runs(
            Path::new("rg"),
            &["-i", words, sessions.to_str().unwrap()],
            5,
        );
        let (now, _) = runs(bin, &["--study", study, "search", query], 7);
        let was = before
            .map(|(b, twin)| runs(b, &["--study", twin.to_str().unwrap(), "search", query], 5).0);
        let ratio = rg.as_secs_f64() / now.as_secs_f64();
        ratios.push(ratio);
        println!(
            "| `{query}` | {:.0} ms | {} | {:.1} ms | {ratio:.1}× |",
            ms(rg),
            was.map_or("—".into(), |t| format!("{:.1} ms", ms(t))),
            ms(now),
        );
    }
    ratios.sort_by(f64::total_cmp);
    println!(
        "\nrg ÷ grille: median {:.1}×, least {:.1}×.\n",
        ratios[ratios.len() / 2],
        ratios[0]
    );
}

fn search_in_process(root: &Path) {
    let dir = StudyDir::open(root).unwrap();
    let study = dir.load_study().unwrap();
    let t = Instant::now();
    let index = Index::open(&dir, &study, &mut Silent).unwrap();
    println!(
        "In process: `Index::open` (up to date) {:.1} ms.\n",
        ms(t.elapsed())
    );
    println!("| query | hits | p50 | p99 |");
    println!("|---|---:|---:|---:|");
    for (query, _) in QUERIES {
        let mut total = 0;
        for _ in 0..5 {
            total = index.search(query, 20).unwrap().total;
        }
        let mut times: Vec<Duration> = (0..100)
            .map(|_| {
                let t = Instant::now();
                index.search(query, 20).unwrap();
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "| `{query}` | {total} | {:.2} ms | {:.2} ms |",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99))
        );
    }
    println!();
}

fn excerpts(root: &Path) {
    let dir = StudyDir::open(root).unwrap();
    let ws = Workspace::open(dir, Preferences::default()).unwrap();
    let index = ws.open_index(&mut Silent).unwrap();
    println!("| excerpts of a code | excerpts | from the index | reading every session |");
    println!("|---|---:|---:|---:|");
    let t = Instant::now();
    let (sessions, _) = ws.sessions().unwrap();
    let walk = t.elapsed();
    drop(sessions);
    for (path, descendants) in [("lieux", true), ("proxenetisme/conjugal", false)] {
        let code = ws.study.codebook.by_path(path).unwrap().id;
        let mut count = 0;
        let time = median(
            (0..7)
                .map(|_| {
                    let t = Instant::now();
                    count = ws.coded_excerpts(&index, code, descendants).unwrap().len();
                    t.elapsed()
                })
                .collect(),
        );
        println!(
            "| `{path}`{} | {count} | {:.1} ms | {:.0} ms |",
            if descendants { " and sub-codes" } else { "" },
            ms(time),
            ms(walk)
        );
    }
    println!();
}

/// What Taguette is compared on, done by grille: a transcript imported (one file, one
/// session written durably), one excerpt coded (journalled durably, then searchable).
fn editing(root: &Path) {
    let tmp = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = session_files(root)
        .into_iter()
        .take(30)
        .enumerate()
        .map(|(i, f)| {
            let session: grille::study::Session =
                serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
            let text: Vec<&str> = session.segments.iter().map(|s| s.text.as_str()).collect();
            let file = tmp.path().join(format!("R{i:04}.txt"));
            std::fs::write(&file, text.join("\n\n")).unwrap();
            file
        })
        .collect();
    // A copy of the study's definition to import into: the big study is left as it is.
    let target = tmp.path().join("etude");
    let dir = StudyDir::create(&target, &grille::store::template::DIAGNOSTIC, false).unwrap();
    let study = dir.load_study().unwrap();
    let options = grille::interop::import::ImportOptions {
        interviewer: Some("Camille Roux".into()),
        start: Time::parse_from_rfc3339("2021-04-14T10:00:00+02:00").ok(),
        consent_given: true,
        ..Default::default()
    };
    let import = median(
        files
            .iter()
            .map(|f| {
                let t = Instant::now();
                grille::interop::import::import_files(
                    &dir,
                    &study,
                    std::slice::from_ref(f),
                    &options,
                    &mut |_| {},
                )
                .unwrap();
                t.elapsed()
            })
            .collect(),
    );
    // Coding: in the big study's index, on a session of the copy (the index is the big one's).
    let big = StudyDir::open(root).unwrap();
    let big_study = big.load_study().unwrap();
    let mut index = Index::open(&big, &big_study, &mut Silent).unwrap();
    let id = big.session_ids().unwrap()[0];
    let (mut writer, _) = big.open_session(id, &big_study).unwrap();
    let code = big_study.codebook.by_path("lieux/hotel").unwrap().id;
    let mut added = Vec::new();
    let coding = median(
        (0..20)
            .map(|i| {
                let segment = writer.doc().segments[i].id;
                let c = Coding {
                    id: CodingId::new(),
                    segment,
                    start: 0,
                    end: 5,
                    code,
                    coder: "Banc d'essai".into(),
                    at: Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap(),
                    memo: None,
                    quote: None,
                };
                added.push(c.id);
                let t = Instant::now();
                writer
                    .apply(SessionChange::AddCoding { coding: c }, &big_study)
                    .unwrap();
                index.update_segment(writer.doc(), segment).unwrap();
                t.elapsed()
            })
            .collect(),
    );
    // Leave the big study as it was.
    for coding in added {
        writer
            .apply(SessionChange::RemoveCoding { coding }, &big_study)
            .unwrap();
    }
    index.update_session(writer.doc()).unwrap();
    println!(
        "grille: import of one transcript {:.1} ms (median of 30); one excerpt coded, \
         journalled and searchable {:.1} ms (median of 20).\n",
        ms(import),
        ms(coding)
    );
}

fn taguette(root: &Path, n: usize) {
    let Some(python) = std::env::var_os("GRILLE_TAGUETTE") else {
        println!("(Taguette not measured: set GRILLE_TAGUETTE.)\n");
        return;
    };
    let docs: usize = std::env::var("GRILLE_TAGUETTE_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    if docs < n {
        println!("(Taguette: measured on {docs} documents, at the size that has them.)\n");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/bench/taguette_bench.py");
    let work = tempfile::tempdir().unwrap();
    let out = Command::new(python)
        .arg(script)
        .arg(root)
        .arg(work.path())
        .arg(docs.to_string())
        .stderr(Stdio::null())
        .output()
        .unwrap();
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
        println!(
            "(Taguette failed: {})\n",
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    };
    let med = |key: &str| {
        let mut v: Vec<f64> = json[key]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x.as_f64())
            .collect();
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[v.len() - 1])
    };
    let (import, last) = med("import_ms");
    let (code, _) = med("code_ms");
    let (excerpts, _) = med("excerpts_ms");
    println!(
        "Taguette 1.5.2 ({} documents): import of one document {import:.1} ms (median; \
         slowest {last:.0} ms); one excerpt coded {code:.1} ms; the excerpts of one code \
         ({} excerpts) {excerpts:.1} ms.\n",
        json["documents"], json["excerpts"]
    );
}
