//! Drives the real interface without a terminal: messages through the same app and runtime the
//! event loop uses (the worker thread included: each message waits for the jobs it gave),
//! drawing into ratatui's TestBackend.

use std::sync::mpsc::{self, Receiver};

use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use grille::i18n::Lang;
use grille::store::{Preferences, StudyDir};
use grille::study::{Session, Study, Time, Value};
use grille::tui::app::App;
use grille::tui::ctx::Ctx;
use grille::tui::interview::Interview;
use grille::tui::msg::Msg;
use grille::tui::runtime::{Runtime, Start};
use grille::tui::screen::{Screen, Step};
use grille::tui::setup::{Prepared, Setup};
use grille::workspace::Workspace;

pub struct Tui {
    pub app: App,
    /// Where exports go: the test's temporary folder.
    pub exports: std::path::PathBuf,
    pub runtime: Runtime,
    /// Where the worker answers.
    answers: Receiver<Msg>,
    pub now: Time,
    pub dir: StudyDir,
    _tmp: TempDir,
}

/// 14 September 2021, 10:00 in Clermont-Ferrand.
pub fn start_time() -> Time {
    Time::parse_from_rfc3339("2021-09-14T10:00:00+02:00").unwrap()
}

impl Tui {
    pub fn new(lang: Lang, examples: bool) -> Tui {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, _) = super::study_in(&tmp.path().join("etude"), examples);
        Tui::on(dir, lang, tmp)
    }

    /// The interface on an existing study folder, as another grille started on it would be;
    /// `tmp` holds its preferences and exports.
    pub fn on(dir: StudyDir, lang: Lang, tmp: TempDir) -> Tui {
        let prefs = Preferences {
            interviewer: Some("Camille Roux".into()),
            coder: Some("Camille Roux".into()),
            saved_in: Some(tmp.path().join("preferences.json")),
            ..Default::default()
        };
        let mut workspace = Workspace::open(dir.clone(), prefs).unwrap();
        workspace.exports_to = tmp.path().to_path_buf();
        workspace.pseudonym_keys = Some(tmp.path().join("keys/pseudonyms.json"));
        let now = start_time();
        let (tx, answers) = mpsc::channel();
        Tui {
            app: App::new(lang, now),
            exports: tmp.path().to_path_buf(),
            runtime: Runtime::new(workspace, tx),
            answers,
            now,
            dir,
            _tmp: tmp,
        }
    }

    pub fn start(&mut self, start: Start) {
        self.app.now = self.now;
        self.runtime.start(&mut self.app, start);
        self.settle();
    }

    /// Opens the home screen.
    pub fn home(lang: Lang, examples: bool) -> Tui {
        let mut tui = Tui::new(lang, examples);
        tui.start(Start::Home);
        tui
    }

    /// A new interview prepared as `grille interview --respondent R07 --attr secteur=social
    /// --consent given` would.
    pub fn interview(lang: Lang) -> Tui {
        let mut tui = Tui::new(lang, false);
        let study = tui.runtime.workspace.study.clone();
        let prepared = Prepared {
            interviewer: Some("Camille Roux".into()),
            respondent: Some("R07".into()),
            location: Some("CCAS".into()),
            attributes: [("secteur".to_string(), Value::Text("social".into()))].into(),
            consent: Some(true),
        };
        let setup = Setup::prepared(&study, &prepared, lang.texts());
        let session = setup.session(&study, tui.now, lang.texts()).unwrap();
        tui.start(Start::NewSession(Box::new(session)));
        tui
    }

    pub fn send(&mut self, msg: Msg) {
        self.app.now = self.now;
        self.runtime.handle(&mut self.app, msg);
        self.settle();
    }

    /// Waits for every job given to the worker, and handles its answers (which may give more).
    pub fn settle(&mut self) {
        while self.runtime.busy() {
            let msg = self
                .answers
                .recv_timeout(std::time::Duration::from_secs(60))
                .expect("the worker answers");
            self.app.now = self.now;
            self.runtime.handle(&mut self.app, msg);
        }
    }

    /// Runs `f` on the screen on top with its context, as a message would be (what it records
    /// is journalled; what it says is shown).
    pub fn on_screen<T: Screen, R>(&mut self, f: impl FnOnce(&mut T, &mut Ctx) -> R) -> R {
        let mut out = None;
        self.app.now = self.now;
        self.runtime.call(&mut self.app, |app, cx| {
            let screen = app
                .screen_mut::<T>()
                .expect("the screen asked for is on top");
            out = Some(f(screen, cx));
            Step::none()
        });
        self.settle();
        out.expect("the closure ran")
    }

    /// The study as the interface sees it.
    pub fn study(&self) -> &Study {
        &self.runtime.workspace.study
    }

    /// The screen on top, which must be a `T`.
    pub fn screen<T: Screen>(&self) -> &T {
        self.app.screen::<T>().unwrap_or_else(|| {
            panic!(
                "not on the {} screen",
                std::any::type_name::<T>().rsplit("::").next().unwrap()
            )
        })
    }

    /// The open session, as the interface holds it.
    pub fn session(&self) -> &Session {
        self.runtime.open_session().expect("a session is open")
    }

    pub fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::from(code)));
    }

    pub fn ctrl(&mut self, c: char) {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    pub fn alt(&mut self, c: char) {
        self.send(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)));
    }

    /// Types text key by key, a tenth of a second apart, as a person types.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            self.key(code);
            self.wait(100);
        }
    }

    /// Lets `ms` milliseconds pass; the deadlines the app asked for fire as in the real loop.
    pub fn wait(&mut self, ms: i64) {
        let until = self.now + Duration::milliseconds(ms);
        while let Some(deadline) = self.app.next_deadline().filter(|d| *d <= until) {
            self.now = deadline.max(self.now);
            self.send(Msg::Tick);
        }
        self.now = until;
    }

    pub fn interview_state(&self) -> &Interview {
        self.screen::<Interview>()
    }

    /// The session as it is on disk now (journal replayed), as another process would read it.
    pub fn on_disk(&self) -> Session {
        let id = self.interview_state().id;
        let study = self.dir.load_study().unwrap();
        self.dir.load_session(id, &study).unwrap().doc
    }

    /// The screen as text, one line per row, trailing spaces removed.
    pub fn render(&mut self, width: u16, height: u16) -> String {
        let buffer = self.draw(width, height);
        (0..height)
            .map(|y| {
                let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
                format!("{}\n", line.trim_end())
            })
            .collect()
    }

    /// The screen as text with, under each row that has some, a line marking the cells whose
    /// meaning is in their style: `r` reversed (a selection, a highlighted row, a field's
    /// cursor), `y` on yellow (the coding cursor, a read-only sign), `e` on red (an error),
    /// `u` underlined (a coded span).
    pub fn render_marked(&mut self, width: u16, height: u16) -> String {
        use ratatui::style::{Color, Modifier};
        let buffer = self.draw(width, height);
        let mut out = String::new();
        for y in 0..height {
            let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            out.push_str(line.trim_end());
            out.push('\n');
            let marks: String = (0..width)
                .map(|x| {
                    let cell = &buffer[(x, y)];
                    let mark = if cell.modifier.contains(Modifier::REVERSED) {
                        'r'
                    } else if cell.bg == Color::Yellow {
                        'y'
                    } else if cell.bg == Color::Red {
                        'e'
                    } else if cell.modifier.contains(Modifier::UNDERLINED) {
                        'u'
                    } else {
                        ' '
                    };
                    // A wide character takes two cells but one place in the text line.
                    if cell.symbol().is_empty() {
                        String::new()
                    } else {
                        mark.to_string()
                    }
                })
                .collect();
            if marks.trim().is_empty() {
                continue;
            }
            out.push_str(&format!("{}\n", marks.trim_end()));
        }
        out
    }

    /// The screen as text, drawn as the state is now: the worker's answers not waited for.
    pub fn render_now(&mut self, width: u16, height: u16) -> String {
        self.app.size = (width, height);
        let buffer = self.paint(width, height);
        (0..height)
            .map(|y| {
                let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
                format!("{}\n", line.trim_end())
            })
            .collect()
    }

    fn draw(&mut self, width: u16, height: u16) -> ratatui::buffer::Buffer {
        self.send(Msg::Resize(width, height));
        self.paint(width, height)
    }

    fn paint(&self, width: u16, height: u16) -> ratatui::buffer::Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| self.runtime.draw(&self.app, frame))
            .unwrap();
        terminal.backend().buffer().clone()
    }
}
