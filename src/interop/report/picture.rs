//! Charts for word processors: the size an SVG chart asks for, and the chart as a PNG for
//! Word (which needs a bitmap beside or instead of SVG), drawn with resvg at twice its size
//! with the system's fonts.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// The `width` and `height` of an SVG document's root, in CSS pixels.
pub fn size(svg: &str) -> Option<(f64, f64)> {
    let root = &svg[svg.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let attr = |name: &str| -> Option<f64> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[at..]
            .split('"')
            .next()?
            .trim_end_matches("px")
            .parse()
            .ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// The fonts of the system, read once; sans-serif is the first of the usual ones present.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            let families: Vec<String> = db
                .faces()
                .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
                .collect();
            let preferred = ["Liberation Sans", "Arial", "DejaVu Sans", "Noto Sans"];
            if let Some(family) = preferred
                .iter()
                .find(|p| families.iter().any(|f| f == *p))
                .map(|p| p.to_string())
                .or_else(|| families.first().cloned())
            {
                db.set_sans_serif_family(family);
            }
            Arc::new(db)
        })
        .clone()
}

/// The chart as a PNG at twice its size, or why not.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * 2.0).ceil() as u32,
        (size.height() * 2.0).ceil() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("empty chart")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_has_its_size_and_becomes_a_png() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect x="10" y="10" width="50" height="20" fill="#3b6ea8"/></svg>"##;
        assert_eq!(size(svg), Some((200.0, 100.0)));
        let png = png(svg).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        // 400 × 200 px: the width and height in the IHDR chunk.
        assert_eq!(&png[16..24], &[0, 0, 1, 144, 0, 0, 0, 200]);
    }
}
