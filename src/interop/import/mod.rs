//! Imports: transcripts typed or transcribed elsewhere (txt, md, srt, vtt) become sessions.
