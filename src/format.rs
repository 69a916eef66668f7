//! Small formatting helpers shared by the pages: filling sentence templates, durations, numbers.

use crate::i18n::Lang;

/// Replaces each `{name}` of `template` with its value (a `String` or a `&str`).
pub(crate) fn fill<S: AsRef<str>>(template: &str, args: &[(&str, S)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value.as_ref());
    }
    out
}

/// A duration the way people read it: `850 ms`, `4.7 s`, `2 min 05 s`, `1 h 03 min` (French: `4,7 s`).
pub(crate) fn format_duration(ms: u64, lang: Lang) -> String {
    if ms < 1_000 {
        return format!("{ms}\u{a0}ms");
    }
    if ms < 60_000 {
        let tenths = (ms + 50) / 100;
        let text = format!("{}.{}", tenths / 10, tenths % 10);
        let text = if lang == Lang::Fr {
            text.replace('.', ",")
        } else {
            text
        };
        return format!("{text}\u{a0}s");
    }
    let seconds = (ms + 500) / 1_000;
    if seconds < 3_600 {
        return format!("{}\u{a0}min {:02}\u{a0}s", seconds / 60, seconds % 60);
    }
    format!(
        "{}\u{a0}h {:02}\u{a0}min",
        seconds / 3_600,
        (seconds % 3_600) / 60
    )
}

/// A count with the thousands grouped as the language does it (`12,345` / `12 345`).
pub(crate) fn format_count(count: usize, lang: Lang) -> String {
    let digits = count.to_string();
    let separator = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_by_name() {
        let args = [("line", "3".to_owned()), ("column", "14".to_owned())];
        assert_eq!(
            fill("line {line}, column {column}", &args),
            "line 3, column 14"
        );
        assert_eq!(fill::<&str>("no {placeholder}", &[]), "no {placeholder}");
        assert_eq!(fill("{who} wins", &[("who", "ours")]), "ours wins");
    }

    #[test]
    fn durations_read_naturally_in_both_languages() {
        assert_eq!(format_duration(850, Lang::En), "850\u{a0}ms");
        assert_eq!(format_duration(4_680, Lang::En), "4.7\u{a0}s");
        assert_eq!(format_duration(4_680, Lang::Fr), "4,7\u{a0}s");
        assert_eq!(format_duration(125_000, Lang::En), "2\u{a0}min 05\u{a0}s");
        assert_eq!(format_duration(3_780_000, Lang::Fr), "1\u{a0}h 03\u{a0}min");
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(format_count(999, Lang::En), "999");
        assert_eq!(format_count(1_000_000, Lang::En), "1,000,000");
        assert_eq!(format_count(12_345, Lang::Fr), "12\u{202f}345");
    }
}
