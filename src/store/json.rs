//! Reading and writing the study's JSON: stable pretty output, errors that name the path.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{Result, StoreError};

/// Pretty JSON, two-space indent, final newline: the form every study file has on disk.
pub fn to_pretty<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("study values always serialise");
    text.push('\n');
    text
}

/// Parses `bytes` read from `file`; the error names the JSON path where parsing failed.
pub fn parse<T: DeserializeOwned>(file: &Path, bytes: &[u8]) -> Result<T> {
    // Checked as UTF-8 once as a whole, the text is not checked again string by string (about
    // a tenth of reading a session). Bytes that are not UTF-8 are parsed as bytes, so that the
    // error names the string and place as it always has.
    // A sound file is parsed without following the path (about a sixth of reading a
    // session); a file with an error is parsed again following it, for the message.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text)
            .or_else(|_| parse_with(file, serde_json::Deserializer::from_str(text))),
        Err(_) => parse_with(file, serde_json::Deserializer::from_slice(bytes)),
    }
}

fn parse_with<'de, R, T>(file: &Path, mut de: serde_json::Deserializer<R>) -> Result<T>
where
    R: serde_json::de::Read<'de>,
    T: DeserializeOwned,
{
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        // `?`: the reader stopped where no key was read yet (a file cut short).
        let json_path = if path == "." || path == "?" {
            "$".into()
        } else {
            format!("$.{path}")
        };
        parse_error(file, json_path, err.into_inner())
    })?;
    de.end().map_err(|err| parse_error(file, "$".into(), err))?;
    Ok(value)
}

fn parse_error(file: &Path, json_path: String, err: serde_json::Error) -> StoreError {
    StoreError::Parse {
        file: file.to_path_buf(),
        json_path,
        line: err.line(),
        column: err.column(),
        message: strip_position(&err.to_string()),
    }
}

/// serde_json appends " at line L column C" to its messages; the error shows those apart.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Session;

    #[test]
    fn parse_errors_name_file_path_and_position() {
        let bad = br#"{"format": "grille/1", "id": "2c5e0b4e-3a3c-4d3e-9a57-6f2a4e0c9b11",
  "interviewer": "A", "respondent": {"pseudonym": "R1"}, "status": "done",
  "codings": [{"id": "2c5e0b4e-3a3c-4d3e-9a57-6f2a4e0c9b12", "segment": "2c5e0b4e-3a3c-4d3e-9a57-6f2a4e0c9b13",
   "start": "douze"}]}"#;
        let err = parse::<Session>(Path::new("sessions/x.json"), bad).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("sessions/x.json: at $.codings[0].start (line 4"),
            "{text}"
        );
        assert!(text.contains("invalid type: string \"douze\""), "{text}");
    }

    #[test]
    fn a_file_of_another_format_is_refused_by_name() {
        let err = parse::<Session>(Path::new("s.json"), br#"{"format": "grille/9"}"#).unwrap_err();
        assert!(
            err.to_string().contains("unsupported format \"grille/9\""),
            "{err}"
        );
    }
}
