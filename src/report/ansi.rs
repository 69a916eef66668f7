//! The colours of ANSI-styled text that have no class of the theme: the 256-colour cube, its greys and
//! true colour. The log view sets them through the CSS object model, the screenshots paint them.

use pipelens_core::log::Color;

/// The CSS colour of a colour that has no class: the 256-colour cube and greys, or true colour.
pub(crate) fn rgb_of(color: Color) -> Option<String> {
    let (r, g, b) = match color {
        Color::Indexed { index } if index < 16 => return None,
        Color::Indexed { index } if index < 232 => {
            let cube = index - 16;
            let level = |value: u8| if value == 0 { 0 } else { 55 + value * 40 };
            (level(cube / 36), level((cube / 6) % 6), level(cube % 6))
        }
        Color::Indexed { index } => {
            let grey = 8 + (index - 232) * 10;
            (grey, grey, grey)
        }
        Color::Rgb { r, g, b } => (r, g, b),
    };
    Some(format!("rgb({r}, {g}, {b})"))
}
