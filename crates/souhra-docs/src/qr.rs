//! QR codes for links from paper to the web (a service's page): as SVG, or as a tiny PNG with
//! one pixel per module (a few hundred bytes, which documents with hundreds of codes need).

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

/// Quiet zone around a code, in modules.
const QUIET: usize = 4;

/// A PNG QR code of `text`: one grey-scale pixel per module with the quiet zone, to be scaled
/// up without smoothing (typst: `scaling: "pixelated"`).
pub fn qr_png(text: &str) -> Result<Vec<u8>, DocumentError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| DocumentError::Typeset(format!("QR code of {} bytes: {e}", text.len())))?;
    let width = code.width();
    let side = width + 2 * QUIET;
    let mut pixels = vec![255_u8; side * side];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (y, x) = (i / width + QUIET, i % width + QUIET);
            pixels[y * side + x] = 0;
        }
    }
    let side = u32::try_from(side).map_err(|e| DocumentError::Typeset(e.to_string()))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let failed = |e: png::EncodingError| DocumentError::Typeset(format!("QR image: {e}"));
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
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

    #[test]
    fn png_codes_are_small_with_a_quiet_zone() {
        let png = qr_png("https://socialni-sluzby.example.cz/nepomuk/sluzba/12-domov").unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{png:?}");
        assert!(png.len() < 1_000, "{} bytes", png.len());
        // Version 4 (33 modules) for this length, plus 4 modules of quiet zone each side.
        let side = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(side, 33 + 8);
        assert!(qr_png(&"x".repeat(5_000)).is_err());
    }
}
