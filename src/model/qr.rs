//! QR codes of share links, as an SVG path (dark modules), made in the app:
//! no network, no image library.

use qrcodegen::{QrCode, QrCodeEcc};

/// Quiet zone around the code, in modules (the standard asks for 4).
pub const BORDER: i32 = 4;

/// A QR code for `text`: its width in modules (quiet zone included) and the
/// SVG path of its dark modules. None if the text is too long for a QR code.
pub fn qr_svg_path(text: &str) -> Option<(i32, String)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut d = String::with_capacity((size * size) as usize * 4);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                // Merge runs of dark modules in a row into one rectangle.
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{},{}h{}v1h-{}z",
                    start + BORDER,
                    y + BORDER,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((size + 2 * BORDER, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_a_share_link_with_a_quiet_zone() {
        let (width, d) =
            qr_svg_path("https://example.org/agenda/shared#1;mesoscon-eu-2017;a,!b").unwrap();
        // Version 4 (33 modules) plus 2 × 4 quiet modules.
        assert_eq!(width, 41);
        // Finder pattern: the top-left corner module (4,4) starts a 7-module run.
        assert!(d.starts_with("M4,4h7v1h-7z"), "{}", &d[..40]);
        assert!(d.matches('M').count() > 100);
        // Deterministic.
        assert_eq!(qr_svg_path("x"), qr_svg_path("x"));
    }

    #[test]
    fn too_long_is_none() {
        assert!(qr_svg_path(&"x".repeat(5000)).is_none());
    }
}
