//! Coded excerpt retrieval: every excerpt coded with a code (and, if asked, its sub-codes)
//! across all sessions, with where it comes from.

use anyhow::Result;

use super::{Unreadable, Workspace};
use crate::study::{CodeId, CodingId, QuestionId, SegmentId, SessionId, Time, text};

#[derive(Clone, Debug, PartialEq)]
pub struct CodedExcerpt {
    pub session: SessionId,
    pub respondent: String,
    pub date: Option<Time>,
    pub question: Option<QuestionId>,
    pub segment: SegmentId,
    pub coding: CodingId,
    pub code: CodeId,
    pub coder: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub memo: Option<String>,
}

impl Workspace {
    /// The excerpts coded with `code` (or one of its sub-codes when `descendants`), in session
    /// then transcript order.
    pub fn coded_excerpts(
        &self,
        code: CodeId,
        descendants: bool,
    ) -> Result<(Vec<CodedExcerpt>, Vec<Unreadable>)> {
        let codes = if descendants {
            self.study.codebook.descendants(code)
        } else {
            vec![code]
        };
        let (sessions, unreadable) = self.sessions()?;
        let mut out = Vec::new();
        for session in &sessions {
            for segment in &session.segments {
                let mut here: Vec<_> = session
                    .codings
                    .iter()
                    .filter(|c| c.segment == segment.id && codes.contains(&c.code))
                    .collect();
                here.sort_by_key(|c| (c.start, c.end));
                for c in here {
                    out.push(CodedExcerpt {
                        session: session.id,
                        respondent: session.respondent.pseudonym.clone(),
                        date: session.date(),
                        question: segment.question,
                        segment: segment.id,
                        coding: c.id,
                        code: c.code,
                        coder: c.coder.clone(),
                        start: c.start,
                        end: c.end,
                        text: text::slice(&segment.text, c.start, c.end)
                            .unwrap_or_default()
                            .to_owned(),
                        memo: c.memo.clone(),
                    });
                }
            }
        }
        Ok((out, unreadable))
    }
}
