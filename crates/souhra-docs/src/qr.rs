//! QR codes as SVG images, for links from paper to the web (a service's page).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::DocumentError;

/// An SVG QR code of `text` (medium error correction, with the quiet zone around it).
pub fn qr_svg(text: &str) -> Result<String, DocumentError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| DocumentError::Typeset(format!("QR code of {} bytes: {e}", text.len())))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(120, 120)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_svg_and_oversized_text_is_an_error() {
        let svg = qr_svg("https://socialni-sluzby.example.cz/nepomuk/sluzba/12-domov").unwrap();
        assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
        assert!(matches!(
            qr_svg(&"x".repeat(5_000)),
            Err(DocumentError::Typeset(_))
        ));
    }
}
