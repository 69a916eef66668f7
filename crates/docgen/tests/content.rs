//! The documentation is complete and consistent: the real `content/` passes every check, and each check
//! catches what it is meant to on small fixtures (a failing and a passing case each).

use std::path::{Path, PathBuf};

use pipelens_core::docs::site::{read_page, DocProblem, SourcePage};
use pipelens_core::docs::validate::{
    check_diagrams, check_pages, check_png, check_required_pages, check_screenshots,
    MIN_SCREENSHOT_WIDTH,
};

/// The repository root.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_real_documentation_passes_every_check() {
    let pages = docgen::load_content(&repo().join("content"))
        .unwrap_or_else(|problems| panic!("{}", lines(&problems)));
    assert!(pages.len() >= 2 * 70, "only {} pages found", pages.len());
    let problems = docgen::validate(
        &pages,
        &repo().join("public/screenshots"),
        &repo().join("public/diagrams"),
    );
    assert!(
        problems.is_empty(),
        "{} problems; regenerate missing screenshots with scripts/screenshots.mjs\n{}",
        problems.len(),
        lines(&problems)
    );
}

#[test]
fn every_screenshot_is_captioned_as_a_view_of_pipeline_lens() {
    let pages = docgen::load_content(&repo().join("content"))
        .unwrap_or_else(|problems| panic!("{}", lines(&problems)));
    let mut seen = 0;
    for page in &pages {
        for figure in page
            .rendered
            .html
            .split("<figure class=\"screenshot\">")
            .skip(1)
        {
            let caption = figure
                .split_once("<figcaption><span>")
                .and_then(|(_, rest)| rest.split_once("</span>"))
                .map_or("", |(caption, _)| caption);
            assert!(
                caption.starts_with("Pipeline Lens "),
                "{}: a screenshot captioned {caption:?} does not say it is a view of Pipeline Lens",
                page.file
            );
            seen += 1;
        }
    }
    assert!(seen >= 2 * 24, "only {seen} screenshots seen");
}

#[test]
fn the_site_files_are_written() {
    let pages = docgen::load_content(&repo().join("content"))
        .unwrap_or_else(|problems| panic!("{}", lines(&problems)));
    let out = scratch_dir("site");
    docgen::write_site(
        &pages,
        &out,
        &repo().join("public/screenshots"),
        &repo().join("public/diagrams"),
    )
    .expect("the site files are written");
    for lang in ["en", "fr"] {
        let index: pipelens_core::docs::DocIndex = serde_json::from_str(
            &std::fs::read_to_string(out.join(format!("content/{lang}/index.json")))
                .expect("index.json"),
        )
        .expect("a DocIndex");
        assert_eq!(
            index.pages.first().map(|page| page.id.as_str()),
            Some("index")
        );
        let search: pipelens_core::docs::SearchIndex = serde_json::from_str(
            &std::fs::read_to_string(out.join(format!("content/{lang}/search.json")))
                .expect("search.json"),
        )
        .expect("a SearchIndex");
        assert!(search.entries.len() > index.pages.len());
        let html =
            std::fs::read_to_string(out.join(format!("content/{lang}/phases/checkout-code.html")))
                .expect("a page");
        assert!(html.contains("id=\"what-it-does\""));
        let shown: Vec<&String> = pages
            .iter()
            .filter(|page| page.lang == lang)
            .flat_map(|page| &page.rendered.diagrams)
            .collect();
        assert!(!shown.is_empty(), "no page of {lang} shows a diagram");
        for name in shown {
            let copied = out.join(format!("diagrams/{lang}/{name}.svg"));
            assert!(copied.is_file(), "{} is not copied", copied.display());
        }
    }
    std::fs::remove_dir_all(out).ok();
}

/// The problems, one per line.
fn lines(problems: &[DocProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A fresh folder under the system's temporary folder.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docgen-test-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// A page of `lang` with front matter `extra` lines and `body`.
fn page(lang: &str, id: &str, title: &str, extra: &str, body: &str) -> SourcePage {
    let source = format!("---\nid: {id}\ntitle: \"{title}\"\nsummary: \"Résumé.\"\nexplains: []\n{extra}order: 1\n---\n\n{body}");
    read_page(lang, id, &format!("content/{lang}/{id}.md"), source).expect("a readable fixture")
}

/// A pair of pages, English and French, with the same body.
fn pair(id: &str, body_en: &str, body_fr: &str) -> Vec<SourcePage> {
    vec![
        page("en", id, "Title", "", body_en),
        page("fr", id, "Titre", "", body_fr),
    ]
}

/// The messages of the problems.
fn messages(problems: &[DocProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|problem| problem.message.clone())
        .collect()
}

#[test]
fn both_languages_must_have_the_same_pages() {
    let mut pages = pair("keys/a", "Text.\n", "Texte.\n");
    assert!(check_pages(&pages).is_empty());
    pages.push(page("en", "keys/b", "B", "", "Only English.\n"));
    assert_eq!(
        messages(&check_pages(&pages)),
        vec!["page \"keys/b\" has no translation"]
    );
    pages.push(page("fr", "keys/c", "C", "", "Seulement en français.\n"));
    assert!(
        messages(&check_pages(&pages)).contains(&"page \"keys/c\" exists only in fr".to_owned())
    );
}

#[test]
fn both_languages_must_have_the_same_sections_in_the_same_order() {
    let same = pair(
        "keys/a",
        "## A {#a}\n\n## B {#b}\n",
        "## A fr {#a}\n\n## B fr {#b}\n",
    );
    assert!(check_pages(&same).is_empty());
    let swapped = pair(
        "keys/a",
        "## A {#a}\n\n## B {#b}\n",
        "## B fr {#b}\n\n## A fr {#a}\n",
    );
    let problems = messages(&check_pages(&swapped));
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("sections [\"b\", \"a\"] differ"),
        "{problems:?}"
    );
}

#[test]
fn headings_need_an_id() {
    let problems = messages(&check_pages(&pair("keys/a", "## No id\n", "## Pas d’id\n")));
    assert!(
        problems.contains(&"heading \"No id\" has no {#id}".to_owned()),
        "{problems:?}"
    );
}

#[test]
fn both_languages_must_show_the_same_screenshots() {
    let shot = "![Alt](screenshot:one)\n";
    assert!(check_pages(&pair("guides/w", shot, shot)).is_empty());
    let problems = messages(&check_pages(&pair(
        "guides/w",
        shot,
        "![Alt](screenshot:two)\n",
    )));
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("screenshots [\"two\"] differ"),
        "{problems:?}"
    );
}

#[test]
fn front_matter_must_be_valid_and_match_the_path() {
    let valid = "---\nid: keys/a\ntitle: A\nsummary: S.\norder: 1\n---\n";
    assert!(read_page("en", "keys/a", "a.md", valid.to_owned()).is_ok());
    let wrong_id =
        read_page("en", "keys/b", "b.md", valid.to_owned()).expect_err("the id is not the path");
    assert!(
        wrong_id.message.contains("is not the path \"keys/b\""),
        "{}",
        wrong_id.message
    );
    let no_title = read_page(
        "en",
        "keys/a",
        "a.md",
        "---\nid: keys/a\nsummary: S.\norder: 1\n---\n".to_owned(),
    );
    assert!(matches!(no_title, Err(problem) if problem.message.contains("title")));
}

#[test]
fn doc_links_must_reach_a_page_and_a_section() {
    let mut pages = pair("keys/a", "## Part {#part}\n", "## Partie {#part}\n");
    pages.extend(pair(
        "keys/b",
        "See [a](doc:keys/a#part) and [a](doc:keys/a).\n",
        "Voir [a](doc:keys/a#part).\n",
    ));
    assert!(
        check_pages(&pages).is_empty(),
        "{:?}",
        messages(&check_pages(&pages))
    );
    pages.extend(pair(
        "keys/c",
        "See [x](doc:keys/x) and [a](doc:keys/a#nowhere).\n",
        "Voir [a](doc:keys/a).\n",
    ));
    assert_eq!(
        messages(&check_pages(&pages)),
        vec![
            "link to missing page \"keys/x\"",
            "link to missing section \"nowhere\" of \"keys/a\""
        ]
    );
}

#[test]
fn french_prose_follows_french_typography_outside_code() {
    let good = pair(
        "keys/a",
        "Note: it's `a : b`.\n",
        "Remarque\u{a0}: l’étape «\u{a0}x\u{a0}» `a : b` et 'c'\n\n```shell\necho 'x' : y\n```\n",
    );
    let problems = messages(&check_pages(&good));
    assert_eq!(
        problems.len(),
        2,
        "only the straight quotes of 'c' are wrong: {problems:?}"
    );
    let fixed = pair(
        "keys/a",
        "Text.\n",
        "Remarque\u{a0}: l’étape «\u{a0}x\u{a0}» `a : b` et «\u{a0}c\u{a0}»\n",
    );
    assert!(check_pages(&fixed).is_empty());
    let bad = pair("keys/a", "Text.\n", "Remarque : oui ; « non »\n");
    assert_eq!(check_pages(&bad).len(), 4);
}

#[test]
fn every_doc_id_of_the_analysis_needs_a_page_in_both_languages() {
    let pages = pair("phases/checkout-code", "Text.\n", "Texte.\n");
    assert!(check_required_pages(&pages, "test", ["phases/checkout-code"]).is_empty());
    let problems = check_required_pages(&pages, "test", ["phases/checkout-code", "rules/nope"]);
    assert_eq!(
        messages(&problems),
        vec!["missing page: test links to \"rules/nope\""; 2]
    );
}

/// A minimal valid PNG header: signature and an IHDR chunk of a `width`x1 RGBA image.
fn png_header_of(width: u32) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&[0, 0, 0, 1, 8, 6, 0, 0, 0]);
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    bytes
}

/// The header of a screenshot just wide enough.
fn png_header() -> Vec<u8> {
    png_header_of(MIN_SCREENSHOT_WIDTH)
}

/// The first 30 bytes of a lossy WebP image of `width` × `height`.
fn webp_header_of(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0\0\0\0\x9d\x01\x2a".to_vec();
    bytes.extend_from_slice(&width.to_le_bytes());
    bytes.extend_from_slice(&height.to_le_bytes());
    bytes
}

/// The bytes of `file` of a screenshot [`png_header`] gives, with its two WebP copies as they should be
/// (`x.png` 1000x1, `x.webp` 1000x1, `x-700.webp` 700x1).
fn screenshot_file(file: &str) -> Result<Vec<u8>, String> {
    Ok(if file.ends_with("-700.webp") {
        webp_header_of(700, 1)
    } else if file.ends_with(".webp") {
        webp_header_of(1000, 1)
    } else {
        png_header()
    })
}

#[test]
fn screenshots_must_exist_and_be_valid_pngs() {
    assert_eq!(check_png(&png_header_of(2)), Ok((2, 1)));
    assert!(check_png(b"GIF89a....").is_err());
    let mut zero_width = png_header();
    zero_width[16..20].copy_from_slice(&[0, 0, 0, 0]);
    assert!(check_png(&zero_width).is_err());
    assert!(check_png(&png_header()[..20]).is_err());

    let pages = vec![
        page("en", "phases/x", "X", "screenshot: x\n", "Text.\n"),
        page("fr", "phases/x", "X", "screenshot: x\n", "Texte.\n"),
    ];
    assert!(check_screenshots(&pages, |_, file| screenshot_file(file)).is_empty());
    let missing = check_screenshots(&pages, |lang, file| {
        if lang == "fr" {
            Err("no such file".to_owned())
        } else {
            screenshot_file(file)
        }
    });
    assert_eq!(
        messages(&missing),
        vec!["screenshot public/screenshots/fr/x.png: no such file"]
    );
    let narrow = check_screenshots(&pages, |lang, file| {
        if lang == "fr" && file.ends_with(".png") {
            Ok(png_header_of(735))
        } else {
            screenshot_file(file)
        }
    });
    assert_eq!(
        messages(&narrow),
        vec!["screenshot public/screenshots/fr/x.png: 735 pixels wide, at least 1000 wanted: take it again with scripts/screenshots.mjs"]
    );
    // WebP copies missing, or left from an older capture of another shape.
    let copies = check_screenshots(&pages, |lang, file| match (lang, file) {
        ("en", "x-700.webp") => Err("no such file".to_owned()),
        ("fr", "x.webp") => Ok(webp_header_of(1000, 2)),
        _ => screenshot_file(file),
    });
    assert_eq!(
        messages(&copies),
        vec![
            "screenshot public/screenshots/en/x-700.webp: no such file: make the copies with node scripts/screenshots.mjs --webp",
            "screenshot public/screenshots/fr/x.webp: 1000x2 pixels, 1000x1 wanted (a copy of an older capture): make the copies with node scripts/screenshots.mjs --webp",
        ]
    );

    let dir = scratch_dir("shots");
    std::fs::create_dir_all(dir.join("en")).expect("a folder");
    for file in ["x.png", "x.webp", "x-700.webp"] {
        std::fs::write(
            dir.join("en").join(file),
            screenshot_file(file).expect("bytes"),
        )
        .expect("a file");
    }
    std::fs::create_dir_all(dir.join("fr")).expect("a folder");
    std::fs::write(dir.join("fr/x.png"), b"not a png").expect("a file");
    let problems = messages(&docgen::validate(&pages, &dir, &dir));
    assert!(
        problems
            .iter()
            .any(|m| m == "screenshot public/screenshots/fr/x.png: not a PNG (bad signature)"),
        "{problems:?}"
    );
    assert!(
        !problems.iter().any(|m| m.contains("/en/x.png")),
        "{problems:?}"
    );
    std::fs::remove_dir_all(dir).ok();
}

/// A diagram that passes `check_svg`, titled `title`.
fn diagram(title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 80\" role=\"img\">\
         <title>{title}</title><desc>A box.</desc>\
         <style>@media (prefers-color-scheme: dark) {{ svg {{ --fg: #fff }} }}</style></svg>\n"
    )
}

#[test]
fn both_languages_must_show_the_same_diagrams() {
    let drawing = "![Alt](diagram:one)\n";
    assert!(check_pages(&pair("guides/w", drawing, drawing)).is_empty());
    let problems = messages(&check_pages(&pair(
        "guides/w",
        drawing,
        "![Alt](diagram:two)\n",
    )));
    assert_eq!(
        problems,
        vec!["diagrams [\"two\"] differ from [\"one\"] in content/en/guides/w.md"]
    );
    let inline = messages(&check_pages(&pair(
        "guides/w",
        "See ![Alt](diagram:one) here.\n",
        "Voir ![Alt](diagram:one) ici.\n",
    )));
    assert!(
        inline.contains(
            &"diagram \"one\" must be alone in its paragraph, with an alt text".to_owned()
        ),
        "{inline:?}"
    );
}

#[test]
fn diagrams_must_exist_and_be_self_contained_svgs() {
    let pages = pair(
        "guides/w",
        "![The workflow](diagram:flow)\n",
        "![Le workflow](diagram:flow)\n",
    );
    assert!(check_diagrams(&pages, |_, _| Ok(diagram("Flow"))).is_empty());
    let missing = check_diagrams(&pages, |lang, _| {
        if lang == "fr" {
            Err("no such file".to_owned())
        } else {
            Ok(diagram("Flow"))
        }
    });
    assert_eq!(
        messages(&missing),
        vec!["diagram public/diagrams/fr/flow.svg: no such file"]
    );

    let dir = scratch_dir("diagrams");
    std::fs::create_dir_all(dir.join("en")).expect("a folder");
    std::fs::write(dir.join("en/flow.svg"), diagram("Flow")).expect("a file");
    std::fs::create_dir_all(dir.join("fr")).expect("a folder");
    std::fs::write(
        dir.join("fr/flow.svg"),
        diagram("Flux").replace("<title>Flux</title>", ""),
    )
    .expect("a file");
    let problems = messages(&docgen::validate(&pages, &dir, &dir));
    assert!(
        problems.iter().any(|m| m
            == "diagram public/diagrams/fr/flow.svg: no text alternative: the <title> is missing or empty"),
        "{problems:?}"
    );
    assert!(
        !problems.iter().any(|m| m.contains("/en/flow.svg")),
        "{problems:?}"
    );

    let out = scratch_dir("diagrams-site");
    docgen::write_site(&pages, &out, &dir, &dir).expect("the site files are written");
    let copied = std::fs::read_to_string(out.join("diagrams/en/flow.svg")).expect("a copy");
    assert!(copied.contains("<title>Flow</title>"));
    let html = std::fs::read_to_string(out.join("content/en/guides/w.html")).expect("a page");
    assert!(
        html.contains("href=\"diagrams/en/flow.svg\" download=\"pipeline-lens-en-flow.svg\""),
        "{html}"
    );
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(out).ok();
}
