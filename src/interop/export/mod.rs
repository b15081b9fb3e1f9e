//! Exports: tables (CSV, JSON, Markdown, xlsx) and charts (SVG) for reports.
