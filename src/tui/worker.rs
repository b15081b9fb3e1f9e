//! The worker: one thread that reads the study for the interface (sessions, statistics,
//! excerpts), keeps the search index and runs queries, and writes exports, so that the screen
//! answers keys while it works. It reports its progress and answers each job with
//! [`Msg::Done`] on the interface's channel.
//!
//! The worker never writes a session: journal writes stay on the interface's thread, in order,
//! and are on disk before the job that must see them is sent. Each job carries the study
//! definition it is for (an `Arc`, not a copy), so nothing has to be kept in step.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use super::msg::{Answer, Msg, Progress, Stats, Work};
use super::words::said;
use crate::i18n::{Lang, Texts};
use crate::index::{self, Index, SearchError, SearchResults};
use crate::interop::export::Format;
use crate::study::{CodeId, SessionId, Study};
use crate::workspace::Workspace;
use crate::workspace::reports::ReportKind;

/// The name of the worker's thread: a panic there must not restore the terminal under the
/// interface, which goes on.
pub const THREAD: &str = "grille-worker";

/// Results a query shows at most.
const HITS: usize = 100;

#[derive(Debug)]
pub enum Job {
    Sessions,
    Stats {
        by: Option<String>,
    },
    Excerpts {
        code: CodeId,
        descendants: bool,
    },
    /// A query; `changed` are the sessions written since the last job, to re-index first.
    Search {
        query: String,
        changed: Vec<SessionId>,
    },
    Export {
        kind: ReportKind,
        format: Format,
    },
    /// The study's report, as a new HTML file.
    Report,
    Proposals,
    /// A job that fails, to test that a failure is answered.
    #[cfg(test)]
    Panic,
}

impl Job {
    /// What the job is, whatever it is for.
    fn kind(&self) -> std::mem::Discriminant<Job> {
        std::mem::discriminant(self)
    }
}

struct Task {
    job: Job,
    study: Arc<Study>,
    lang: Lang,
}

/// The interface's end of the worker.
pub struct Worker {
    jobs: Sender<Task>,
}

impl Worker {
    /// Starts the worker on `reader`, a view of the study with no session open.
    pub fn start(reader: Workspace, answers: Sender<Msg>) -> Worker {
        let (jobs, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name(THREAD.into())
            .spawn(move || State::new(reader).serve(rx, answers));
        if let Err(e) = spawned {
            // Without a thread the jobs are never answered; the interface still writes.
            eprintln!("grille: no worker thread: {e}");
        }
        Worker { jobs }
    }

    /// Gives a job; false if the worker is gone (the job will never be answered).
    pub fn send(&self, job: Job, study: Arc<Study>, lang: Lang) -> bool {
        self.jobs.send(Task { job, study, lang }).is_ok()
    }
}

struct State {
    ws: Workspace,
    /// The search index, opened at the first query.
    index: Option<Index>,
    /// The definition the index was given last.
    indexed: Option<Arc<Study>>,
    /// Sessions written since the index took them in.
    unindexed: BTreeSet<SessionId>,
}

impl State {
    fn new(ws: Workspace) -> State {
        State {
            ws,
            index: None,
            indexed: None,
            unindexed: BTreeSet::new(),
        }
    }

    fn serve(mut self, rx: Receiver<Task>, answers: Sender<Msg>) {
        while let Ok(first) = rx.recv() {
            // A query typed while another ran, a list asked for twice: only the latest of its
            // kind is worth running. Every export and report runs.
            let mut tasks = vec![first];
            tasks.extend(rx.try_iter());
            let kinds: Vec<_> = tasks.iter().map(|t| t.job.kind()).collect();
            for (i, task) in tasks.into_iter().enumerate() {
                let later = kinds[i + 1..].contains(&kinds[i]);
                let answer = match task.job {
                    Job::Search { changed, .. } if later => {
                        self.unindexed.extend(changed);
                        Answer::Superseded
                    }
                    Job::Export { .. } | Job::Report => self.run_guarded(task, &answers),
                    _ if later => Answer::Superseded,
                    _ => self.run_guarded(task, &answers),
                };
                if answers.send(Msg::Done(answer)).is_err() {
                    return;
                }
            }
        }
    }

    /// Runs a job; a panic in it is answered, and the index, which it may have left half
    /// updated, is opened again at the next query.
    fn run_guarded(&mut self, task: Task, answers: &Sender<Msg>) -> Answer {
        let t = task.lang.texts();
        match catch_unwind(AssertUnwindSafe(|| self.run(task, answers))) {
            Ok(answer) => answer,
            Err(_) => {
                self.index = None;
                Answer::Failed(t.screens.worker_stopped.to_owned())
            }
        }
    }

    fn run(&mut self, task: Task, answers: &Sender<Msg>) -> Answer {
        let (lang, t) = (task.lang, task.lang.texts());
        self.ws.study = task.study;
        let mut progress = Reporter::new(answers.clone());
        match task.job {
            Job::Sessions => {
                progress.say(Work::Loading);
                match self.ws.summaries() {
                    Ok((sessions, unreadable)) => {
                        let interrupted = self
                            .ws
                            .interrupted(sessions.iter().map(|s| (s.id, s.status)));
                        Answer::Sessions(sessions, unreadable, interrupted)
                    }
                    Err(e) => Answer::Failed(said(&e, t)),
                }
            }
            Job::Stats { by } => {
                progress.say(Work::Counting);
                match self.ws.sessions() {
                    Ok((sessions, _)) => {
                        match Stats::count(&self.ws.study, &sessions, by.as_deref()) {
                            Ok(stats) => Answer::Stats(Box::new(stats)),
                            Err(e) => {
                                Answer::Failed((t.analysis.unknown_attribute)(&e.key, &e.known))
                            }
                        }
                    }
                    Err(e) => Answer::Failed(said(&e, t)),
                }
            }
            Job::Excerpts { code, descendants } => {
                // From the index, caught up first: a coding just saved is listed.
                if let Err(e) = self.bring_index_up_to_date(&mut progress) {
                    return Answer::Failed(said(&e, t));
                }
                let Some(index) = &self.index else {
                    return Answer::Failed(t.screens.worker_stopped.to_owned());
                };
                progress.say(Work::Loading);
                match self.ws.coded_excerpts(index, code, descendants) {
                    Ok(excerpts) => Answer::Excerpts {
                        code,
                        descendants,
                        excerpts,
                    },
                    Err(e) => Answer::Failed(said(&e.into(), t)),
                }
            }
            Job::Search { query, changed } => {
                self.unindexed.extend(changed);
                let result = self.search(&query, t, &mut progress);
                Answer::Searched { query, result }
            }
            Job::Export { kind, format } => {
                progress.say(Work::Exporting);
                match self.ws.export_to_current_folder(&kind, format, lang) {
                    Ok((path, false)) => Answer::Info((t.exported)(&path.display().to_string())),
                    Ok((path, true)) => {
                        Answer::Info((t.keys.exported_beside)(&path.display().to_string()))
                    }
                    Err(e) => Answer::Failed(said(&e, t)),
                }
            }
            Job::Report => {
                progress.say(Work::Exporting);
                let r = t.report;
                match self.ws.report_to_current_folder(lang) {
                    Ok((path, false)) => {
                        Answer::Info((r.screen_written)(&path.display().to_string()))
                    }
                    Ok((path, true)) => {
                        Answer::Info((r.screen_written_beside)(&path.display().to_string()))
                    }
                    Err(e) => Answer::Failed(said(&e, t)),
                }
            }
            Job::Proposals => {
                progress.say(Work::Loading);
                match super::pseudonyms::Reviewing::read(&self.ws, t) {
                    Ok(reviewing) => Answer::Proposals(Box::new(reviewing)),
                    Err(e) => Answer::Failed(said(&e, t)),
                }
            }
            #[cfg(test)]
            Job::Panic => panic!("a job that fails"),
        }
    }

    /// Runs a query on the index, opening it and taking in what changed since first.
    fn search(
        &mut self,
        query: &str,
        t: &Texts,
        progress: &mut Reporter,
    ) -> Result<Box<SearchResults>, (String, String)> {
        let failed = |e: &dyn std::fmt::Display| (format!("{e}"), String::new());
        self.bring_index_up_to_date(progress)
            .map_err(|e| failed(&said(&e, t)))?;
        let Some(index) = &self.index else {
            return Err(failed(&t.screens.worker_stopped));
        };
        progress.say(Work::Searching);
        match self.ws.search(index, query, HITS) {
            Ok(results) => Ok(Box::new(results)),
            Err(SearchError::Query(e)) => Err((e.message(t), e.caret(query))),
            Err(e) => Err(failed(&e)),
        }
    }

    fn bring_index_up_to_date(&mut self, progress: &mut Reporter) -> anyhow::Result<()> {
        let study = Arc::clone(&self.ws.study);
        let index = match self.index.take() {
            None => {
                // Opening catches up every session changed since the index was last written.
                self.unindexed.clear();
                self.ws.open_index(progress)?
            }
            Some(mut index) => {
                if !self
                    .indexed
                    .as_ref()
                    .is_some_and(|s| Arc::ptr_eq(s, &study))
                {
                    index.set_study(&study, progress)?;
                }
                for id in std::mem::take(&mut self.unindexed) {
                    let session = self.ws.dir.load_session(id, &study)?.doc;
                    self.ws.reindex_session(&mut index, &session, None)?;
                }
                // What other processes saved or committed meanwhile.
                index.refresh(progress)?;
                index
            }
        };
        self.indexed = Some(study);
        self.index = Some(index);
        Ok(())
    }
}

/// Sends the progress of a job to the interface, a few times a second at most.
struct Reporter {
    answers: Sender<Msg>,
    what: Work,
    done: usize,
    total: usize,
    last: Option<Instant>,
}

impl Reporter {
    fn new(answers: Sender<Msg>) -> Reporter {
        Reporter {
            answers,
            what: Work::Loading,
            done: 0,
            total: 0,
            last: None,
        }
    }

    /// A new stage, of unknown length.
    fn say(&mut self, what: Work) {
        self.what = what;
        self.done = 0;
        self.total = 0;
        self.send();
    }

    fn send(&mut self) {
        self.last = Some(Instant::now());
        let _ = self.answers.send(Msg::Progress(Progress {
            what: self.what,
            done: self.done,
            total: self.total,
        }));
    }
}

impl index::Progress for Reporter {
    fn begin(&mut self, _what: &str, total: usize) {
        self.what = Work::Indexing;
        self.done = 0;
        self.total = total;
        self.send();
    }

    fn step(&mut self) {
        self.done += 1;
        if self
            .last
            .is_none_or(|l| l.elapsed() >= Duration::from_millis(100))
        {
            self.send();
        }
    }

    fn end(&mut self) {
        self.done = self.total;
        self.send();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::template::DIAGNOSTIC;
    use crate::store::{Preferences, StudyDir};

    fn example_study() -> (tempfile::TempDir, Workspace) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = StudyDir::create(&tmp.path().join("etude"), &DIAGNOSTIC, true).unwrap();
        let ws = Workspace::open(dir, Preferences::default()).unwrap();
        (tmp, ws)
    }

    /// The answers to `n` jobs, in the order they came, progress aside.
    fn answers(rx: &Receiver<Msg>, n: usize) -> Vec<Answer> {
        let mut out = Vec::new();
        while out.len() < n {
            match rx.recv_timeout(Duration::from_secs(60)).unwrap() {
                Msg::Done(answer) => out.push(answer),
                Msg::Progress(_) => {}
                other => panic!("not from the worker: {other:?}"),
            }
        }
        out
    }

    #[test]
    fn every_job_is_answered_once_and_the_latest_query_runs() {
        let (_tmp, ws) = example_study();
        let (tx, rx) = std::sync::mpsc::channel();
        let worker = Worker::start(ws.reader(), tx);
        for query in ["hôtel", "gare", "conjugal"] {
            let job = Job::Search {
                query: query.into(),
                changed: Vec::new(),
            };
            assert!(worker.send(job, Arc::clone(&ws.study), Lang::Fr));
        }
        let got = answers(&rx, 3);
        // The first may have started before the others came; those after it waited and only
        // the last of them ran.
        for answer in &got[..2] {
            assert!(
                matches!(answer, Answer::Superseded | Answer::Searched { .. }),
                "{answer:?}"
            );
        }
        let Answer::Searched { query, result } = &got[2] else {
            panic!("the last query runs: {:?}", got[2]);
        };
        assert_eq!(query, "conjugal");
        assert!(result.as_ref().unwrap().total > 0);
        assert!(rx.try_recv().is_err(), "nothing more");
    }

    #[test]
    fn a_job_that_fails_is_answered_and_the_next_one_runs() {
        let (_tmp, ws) = example_study();
        let (tx, rx) = std::sync::mpsc::channel();
        let worker = Worker::start(ws.reader(), tx);
        let study = Arc::clone(&ws.study);
        assert!(worker.send(Job::Panic, Arc::clone(&study), Lang::En));
        assert!(worker.send(Job::Sessions, study, Lang::En));
        let got = answers(&rx, 2);
        assert!(
            matches!(&got[0], Answer::Failed(m) if m.contains("background task stopped")),
            "{:?}",
            got[0]
        );
        assert!(
            matches!(&got[1], Answer::Sessions(sessions, _, _) if sessions.len() == 6),
            "{:?}",
            got[1]
        );
    }
}
