//! Small formatting helpers shared by the pages: filling sentence templates, durations, numbers.

use crate::i18n::Lang;

/// Replaces each `{name}` of `template` with its value (a `String` or a `&str`), and each
/// `{name|one|other}` with the form that agrees with the number `name` holds: `one` for 1, `other`
/// otherwise, or a third form for 0 when one is given (`{count|phase|phases|phase}`: French says « 0 phase »).
/// A placeholder with no value is kept as written.
pub(crate) fn fill<S: AsRef<str>>(template: &str, args: &[(&str, S)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let inner = &after[..close];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        match args.iter().find(|(wanted, _)| *wanted == name) {
            Some((_, value)) => {
                let forms: Vec<&str> = parts.collect();
                if forms.is_empty() {
                    out.push_str(value.as_ref());
                } else {
                    out.push_str(plural_form(value.as_ref(), &forms));
                }
            }
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The form of `forms` (`[one, other]` or `[one, other, zero]`) that agrees with the number written in
/// `value` (digits read through any grouping: `12,345`, `12 345`).
fn plural_form<'a>(value: &str, forms: &[&'a str]) -> &'a str {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let number: u64 = digits.parse().unwrap_or(u64::MAX);
    match (number, forms) {
        (0, [_, _, zero, ..]) => zero,
        (1, [one, ..]) => one,
        (_, [_, other, ..]) => other,
        (_, [only]) => only,
        (_, []) => "",
    }
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
    fn a_word_agrees_with_its_number() {
        let phases = |count: &str| fill("{count} {count|phase|phases}", &[("count", count)]);
        assert_eq!(phases("1"), "1 phase");
        assert_eq!(phases("2"), "2 phases");
        assert_eq!(phases("0"), "0 phases");
        assert_eq!(phases("12,001"), "12,001 phases");
        let french = |count: &str| fill("{count} {count|étape|étapes|étape}", &[("count", count)]);
        assert_eq!(french("0"), "0 étape");
        assert_eq!(french("1"), "1 étape");
        assert_eq!(french("1\u{202f}000"), "1\u{202f}000 étapes");
        // A value never fills the placeholders of another.
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
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
