//! Markdown to HTML for the documentation pages, at build time.
//!
//! [`markdown_options`] owns the pulldown-cmark options (CommonMark, tables, strikethrough, footnotes,
//! heading attributes, GFM admonitions); every reader of the pages parses through [`parse`]. [`render_page`]:
//!
//! 1. parses the body and walks its events once;
//! 2. rewrites what the site needs: headings get their id and a `#` link, admonitions become `<aside>`s with
//!    a localised title, fenced code gets a class per language and YAML or shell highlighting, `doc:` links
//!    become site links relative to `<base href>`, external links get `rel="noopener"`, screenshots and
//!    diagrams become `<figure>`s with a download link, and raw HTML is escaped (never passed through);
//! 3. records on the way what the validation and the search need: the sections, the `doc:` links, the
//!    screenshots and diagrams, the prose outside code, and the text of each section;
//! 4. lets pulldown-cmark write the HTML of the rewritten events.

use std::ops::Range;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, OffsetIter, Options, Parser, Tag,
    TagEnd,
};

use super::index::DocSection;
use super::labels::RenderLabels;
use super::search::SearchEntry;
use crate::highlight::{highlight, Language};
use crate::text::escape_html as escape;

/// The Markdown extensions of the documentation: the one place they are chosen.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// The events of a page body with their byte ranges in `body`.
pub fn parse(body: &str) -> OffsetIter<'_> {
    Parser::new_ext(body, markdown_options()).into_offset_iter()
}

/// What the renderer needs to know about the page besides its body.
#[derive(Debug, Clone, Copy)]
pub struct PageContext<'a> {
    /// The language code (`en`).
    pub lang: &'a str,
    /// The page id (`phases/checkout-code`).
    pub id: &'a str,
    /// The page title.
    pub title: &'a str,
    /// The screenshot of the page's front matter, shown before the body.
    pub screenshot: Option<&'a str>,
    /// The words the renderer writes itself, in the page's language.
    pub labels: &'a RenderLabels,
}

/// The width of every diagram's `viewBox`, in user units. A diagram is shown at most this many CSS pixels
/// wide, so a unit is never more than a pixel: its 14-unit labels stay the size of body text on a wide screen
/// and above 11 pixels on a 360-pixel phone.
pub const DIAGRAM_WIDTH: u32 = 400;

/// The pictures a page shows as a figure with a caption and a download link, each kind from its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A PNG view of Pipeline Lens: `![alt](screenshot:<name>)`, or the front matter's `screenshot`.
    Screenshot,
    /// An SVG diagram drawn for the site: `![alt](diagram:<name>)`.
    Diagram,
}

impl FigureKind {
    /// Every kind of figure.
    pub const ALL: [FigureKind; 2] = [FigureKind::Screenshot, FigureKind::Diagram];

    /// The kind and the name an image destination such as `diagram:python-orb-cache` stands for, if any.
    pub fn parse(dest: &str) -> Option<(FigureKind, &str)> {
        FigureKind::ALL
            .into_iter()
            .find_map(|kind| dest.strip_prefix(kind.scheme()).map(|name| (kind, name)))
    }

    /// The prefix of its image destinations (`screenshot:`).
    pub fn scheme(self) -> &'static str {
        match self {
            FigureKind::Screenshot => "screenshot:",
            FigureKind::Diagram => "diagram:",
        }
    }

    /// The word that names it in messages and in the test id of its download link (`screenshot`).
    pub fn word(self) -> &'static str {
        match self {
            FigureKind::Screenshot => "screenshot",
            FigureKind::Diagram => "diagram",
        }
    }

    /// Its file extension (`png`).
    pub fn extension(self) -> &'static str {
        match self {
            FigureKind::Screenshot => "png",
            FigureKind::Diagram => "svg",
        }
    }

    /// The path of figure `name` of `lang`, the same under `public/` and in the site
    /// (`screenshots/en/checkout-code.png`, `diagrams/fr/sample-workflow.svg`).
    pub fn path(self, lang: &str, name: &str) -> String {
        format!("{}s/{lang}/{name}.{}", self.word(), self.extension())
    }
}

/// A link to another page (or a section of one), written `doc:<page>#<anchor>` in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    /// The target page id.
    pub page: String,
    /// The target section, if any.
    pub anchor: Option<String>,
    /// The byte offset of the link in the body.
    pub offset: usize,
}

/// A run of prose (text outside code) of one block, for the typography checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    /// The text; inline code is replaced by `x` so that the marks around it are still checked.
    pub text: String,
    /// The byte offset of the block in the body.
    pub offset: usize,
}

/// Something in the Markdown that the site cannot render as meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderProblem {
    /// A `##` or `###` heading has no `{#id}`.
    HeadingWithoutId {
        /// The heading text.
        title: String,
        /// Its byte offset in the body.
        offset: usize,
    },
    /// A link that is neither `doc:` nor `http(s)://` (relative links break under `<base href>`).
    UnsupportedLink {
        /// The link destination.
        dest: String,
        /// Its byte offset in the body.
        offset: usize,
    },
    /// A screenshot or diagram image that is not alone in its paragraph, or has no alt text.
    MisplacedFigure {
        /// Screenshot or diagram.
        kind: FigureKind,
        /// The figure name.
        name: String,
        /// Its byte offset in the body.
        offset: usize,
    },
}

/// A page rendered, with what was learnt on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RenderedPage {
    /// The page body as an HTML fragment.
    pub html: String,
    /// The `##` and `###` sections, in order.
    pub sections: Vec<DocSection>,
    /// The `doc:` links, in order.
    pub links: Vec<DocLink>,
    /// The screenshots shown, in order (the front matter's first).
    pub screenshots: Vec<String>,
    /// The diagrams shown, in order.
    pub diagrams: Vec<String>,
    /// The prose of every block.
    pub prose: Vec<Prose>,
    /// The searchable text, one entry per section (the text before the first heading included).
    pub search: Vec<SearchEntry>,
    /// What could not be rendered as meant.
    pub problems: Vec<RenderProblem>,
}

impl RenderedPage {
    /// The names of the figures of `kind` shown, in order.
    pub fn figures(&self, kind: FigureKind) -> &[String] {
        match kind {
            FigureKind::Screenshot => &self.screenshots,
            FigureKind::Diagram => &self.diagrams,
        }
    }

    /// The list of the figures of `kind`, to record one more.
    fn figures_mut(&mut self, kind: FigureKind) -> &mut Vec<String> {
        match kind {
            FigureKind::Screenshot => &mut self.screenshots,
            FigureKind::Diagram => &mut self.diagrams,
        }
    }
}

/// Renders a page body (Markdown without its front matter).
pub fn render_page(body: &str, page: &PageContext<'_>) -> RenderedPage {
    let events: Vec<(Event<'_>, Range<usize>)> = parse(body).collect();
    let mut walk = Walk::new(page);
    if let Some(name) = page.screenshot {
        walk.out.push(Event::Html(
            figure(
                page,
                FigureKind::Screenshot,
                name,
                page.labels.page_screenshot,
            )
            .into(),
        ));
        walk.rendered.screenshots.push(name.to_owned());
    }
    let mut at = 0;
    while at < events.len() {
        at = walk.event(&events, at);
    }
    walk.finish()
}

/// The state of one walk over a page's events.
struct Walk<'p, 'e> {
    page: &'p PageContext<'p>,
    out: Vec<Event<'e>>,
    rendered: RenderedPage,
    /// The heading being rendered: its level and id.
    heading: Option<(HeadingLevel, String)>,
    /// The text of the heading being rendered.
    heading_text: String,
    /// The prose of the current block and its offset.
    prose: Option<Prose>,
    /// The search entry being filled.
    entry: SearchEntry,
}

impl<'p, 'e> Walk<'p, 'e> {
    fn new(page: &'p PageContext<'p>) -> Walk<'p, 'e> {
        let entry = SearchEntry {
            page: page.id.to_owned(),
            page_title: page.title.to_owned(),
            section: String::new(),
            section_title: String::new(),
            text: String::new(),
        };
        Walk {
            page,
            out: Vec::new(),
            rendered: RenderedPage::default(),
            heading: None,
            heading_text: String::new(),
            prose: None,
            entry,
        }
    }

    /// Handles the event at `at`; returns the index of the next event to handle.
    fn event(&mut self, events: &[(Event<'e>, Range<usize>)], at: usize) -> usize {
        let (event, range) = &events[at];
        match event {
            Event::Start(Tag::Paragraph) => {
                if let Some(next) = self.figure_paragraph(events, at) {
                    return next;
                }
                self.flush_prose();
                self.out.push(event.clone());
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.flush_prose();
                let id = id.as_ref().map(|id| id.to_string()).unwrap_or_default();
                let tag = if id.is_empty() {
                    format!("<{level}>")
                } else {
                    format!("<{level} id=\"{}\">", escape(&id))
                };
                self.out.push(Event::Html(tag.into()));
                self.heading = Some((*level, id));
                self.heading_text.clear();
            }
            Event::End(TagEnd::Heading(level)) => {
                self.flush_prose();
                let (_, id) = self.heading.take().unwrap_or((*level, String::new()));
                let title = self.heading_text.trim().to_owned();
                let mut close = String::new();
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    if id.is_empty() {
                        self.rendered
                            .problems
                            .push(RenderProblem::HeadingWithoutId {
                                title: title.clone(),
                                offset: range.start,
                            });
                    } else {
                        let href = format!("{}/docs/{}#{id}", self.page.lang, self.page.id);
                        close = format!(
                            " <a class=\"heading-anchor\" href=\"{}\" aria-label=\"{}\">#</a>",
                            escape(&href),
                            escape(self.page.labels.section_link)
                        );
                        self.rendered.sections.push(DocSection {
                            id: id.clone(),
                            title: title.clone(),
                            level: if *level == HeadingLevel::H2 { 2 } else { 3 },
                        });
                        self.start_entry(id, title);
                    }
                }
                close.push_str(&format!("</{level}>"));
                self.out.push(Event::Html(close.into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.flush_prose();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                let mut next = at + 1;
                while let Some((Event::Text(text), _)) = events.get(next) {
                    code.push_str(text);
                    next += 1;
                }
                self.entry_text(&code);
                self.out.push(Event::Html(code_block(&info, &code).into()));
                // Skip the closing event of the block.
                return next + 1;
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                self.flush_prose();
                let (class, label) = admonition(*kind, self.page.labels);
                let html = format!("<aside class=\"admonition admonition-{class}\"><p class=\"admonition-title\">{}</p>", escape(label));
                self.out.push(Event::Html(html.into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                self.flush_prose();
                self.out.push(Event::Html("</aside>".into()));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let html = self.link(dest_url, title, range.start);
                self.out.push(Event::InlineHtml(html.into()));
            }
            Event::End(TagEnd::Link) => self.out.push(Event::InlineHtml("</a>".into())),
            Event::Start(Tag::Image { dest_url, .. }) if FigureKind::parse(dest_url).is_some() => {
                if let Some((kind, name)) = FigureKind::parse(dest_url) {
                    self.rendered.problems.push(RenderProblem::MisplacedFigure {
                        kind,
                        name: name.to_owned(),
                        offset: range.start,
                    });
                }
                self.out.push(event.clone());
            }
            Event::Start(Tag::HtmlBlock) => {
                self.flush_prose();
                self.out.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::HtmlBlock) => {
                self.flush_prose();
                self.out.push(Event::End(TagEnd::Paragraph));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                self.text(raw, range.start);
                self.out.push(Event::Text(raw.clone()));
            }
            Event::Text(text) => {
                self.text(text, range.start);
                self.out.push(event.clone());
            }
            Event::Code(code) => {
                self.entry_text(code);
                self.prose_text("x", range.start);
                if self.heading.is_some() {
                    self.heading_text.push_str(code);
                }
                self.out.push(event.clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                self.text(" ", range.start);
                self.out.push(event.clone());
            }
            Event::Start(tag) if !is_inline(tag) => {
                self.flush_prose();
                self.out.push(event.clone());
            }
            Event::End(tag) if !is_inline_end(*tag) => {
                self.flush_prose();
                self.entry_text(" ");
                self.out.push(event.clone());
            }
            _ => self.out.push(event.clone()),
        }
        at + 1
    }

    /// Renders a paragraph that holds a screenshot or diagram image alone as a `<figure>`; returns the index
    /// after the paragraph, or `None` when the paragraph is something else.
    fn figure_paragraph(
        &mut self,
        events: &[(Event<'e>, Range<usize>)],
        at: usize,
    ) -> Option<usize> {
        let Some((Event::Start(Tag::Image { dest_url, .. }), _)) = events.get(at + 1) else {
            return None;
        };
        let (kind, name) = FigureKind::parse(dest_url)?;
        let mut alt = String::new();
        let mut next = at + 2;
        while let Some((event, _)) = events.get(next) {
            match event {
                Event::Text(text) | Event::Code(text) => alt.push_str(text),
                Event::End(TagEnd::Image) => break,
                _ => {}
            }
            next += 1;
        }
        if !matches!(
            events.get(next + 1),
            Some((Event::End(TagEnd::Paragraph), _))
        ) || alt.trim().is_empty()
        {
            return None;
        }
        self.flush_prose();
        self.prose_text(&alt, events[at].1.start);
        self.flush_prose();
        self.out.push(Event::Html(
            figure(self.page, kind, name, alt.trim()).into(),
        ));
        self.rendered.figures_mut(kind).push(name.to_owned());
        Some(next + 2)
    }

    /// The opening `<a>` tag of a link, rewriting `doc:` links.
    fn link(&mut self, dest: &CowStr<'_>, title: &CowStr<'_>, offset: usize) -> String {
        let title_attr = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(title))
        };
        if let Some(target) = dest.strip_prefix("doc:") {
            let (page, anchor) = match target.split_once('#') {
                Some((page, anchor)) => (page, Some(anchor.to_owned())),
                None => (target, None),
            };
            let page = if page.is_empty() { self.page.id } else { page };
            self.rendered.links.push(DocLink {
                page: page.to_owned(),
                anchor: anchor.clone(),
                offset,
            });
            let href = match anchor {
                Some(anchor) => format!("{}/docs/{page}#{anchor}", self.page.lang),
                None => format!("{}/docs/{page}", self.page.lang),
            };
            return format!("<a href=\"{}\"{title_attr}>", escape(&href));
        }
        if !(dest.starts_with("https://") || dest.starts_with("http://")) {
            self.rendered.problems.push(RenderProblem::UnsupportedLink {
                dest: dest.to_string(),
                offset,
            });
        }
        format!("<a href=\"{}\"{title_attr} rel=\"noopener\">", escape(dest))
    }

    /// Records text of the body: in the heading being read, the prose and the search entry.
    fn text(&mut self, text: &str, offset: usize) {
        if self.heading.is_some() {
            self.heading_text.push_str(text);
        }
        self.prose_text(text, offset);
        self.entry_text(text);
    }

    fn prose_text(&mut self, text: &str, offset: usize) {
        self.prose
            .get_or_insert_with(|| Prose {
                text: String::new(),
                offset,
            })
            .text
            .push_str(text);
    }

    fn flush_prose(&mut self) {
        if let Some(prose) = self.prose.take() {
            if !prose.text.trim().is_empty() {
                self.rendered.prose.push(prose);
            }
        }
    }

    fn entry_text(&mut self, text: &str) {
        if self.heading.is_none() {
            self.entry.text.push_str(text);
        }
    }

    /// Closes the current search entry and opens the one of section `id`.
    fn start_entry(&mut self, id: String, title: String) {
        let next = SearchEntry {
            section: id,
            section_title: title,
            text: String::new(),
            ..self.entry.clone()
        };
        let done = std::mem::replace(&mut self.entry, next);
        self.push_entry(done);
    }

    fn push_entry(&mut self, mut entry: SearchEntry) {
        entry.text = entry.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !entry.text.is_empty() || !entry.section.is_empty() {
            self.rendered.search.push(entry);
        }
    }

    fn finish(mut self) -> RenderedPage {
        self.flush_prose();
        let last = std::mem::replace(
            &mut self.entry,
            SearchEntry {
                page: String::new(),
                page_title: String::new(),
                section: String::new(),
                section_title: String::new(),
                text: String::new(),
            },
        );
        self.push_entry(last);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, self.out.into_iter());
        self.rendered.html = html;
        self.rendered
    }
}

/// Whether a tag is inline (its text belongs to the surrounding block's prose).
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// Whether a closing tag is inline.
fn is_inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// The CSS class suffix and the title of an admonition.
fn admonition(kind: BlockQuoteKind, labels: &RenderLabels) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", labels.note),
        BlockQuoteKind::Tip => ("tip", labels.tip),
        BlockQuoteKind::Important => ("important", labels.important),
        BlockQuoteKind::Warning => ("warning", labels.warning),
        BlockQuoteKind::Caution => ("caution", labels.caution),
    }
}

/// A fenced code block, highlighted when it is YAML or shell.
fn code_block(info: &str, code: &str) -> String {
    let name: String = info
        .split_whitespace()
        .next()
        .unwrap_or("text")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let name = if name.is_empty() {
        "text".to_owned()
    } else {
        name
    };
    // `tabindex`: a block wider than the page scrolls, and a keyboard can scroll only what it can focus.
    let mut html = format!(
        "<pre class=\"code language-{name}\" tabindex=\"0\"><code class=\"language-{name}\">"
    );
    match Language::from_fence(info) {
        Some(language) => {
            for token in highlight(language, code) {
                match token.kind.css_class() {
                    Some(class) => html.push_str(&format!(
                        "<span class=\"{class}\">{}</span>",
                        escape(token.text)
                    )),
                    None => html.push_str(&escape(token.text)),
                }
            }
        }
        None => html.push_str(&escape(code)),
    }
    html.push_str("</code></pre>\n");
    html
}

/// A screenshot or a diagram as a figure: the image, its caption and a download link. Each kind has its
/// own class (`screenshot`: a framed view of the app; `diagram`: a drawing on its own background); a diagram
/// is never drawn wider than [`DIAGRAM_WIDTH`] pixels.
fn figure(page: &PageContext<'_>, kind: FigureKind, name: &str, alt: &str) -> String {
    let lang = page.lang;
    let src = escape(&kind.path(lang, name));
    let file = escape(&format!("pipeline-lens-{lang}-{name}.{}", kind.extension()));
    let alt = escape(alt);
    let word = kind.word();
    let (class, width, label) = match kind {
        FigureKind::Screenshot => ("screenshot", String::new(), page.labels.download),
        FigureKind::Diagram => (
            "diagram",
            format!(" width=\"{DIAGRAM_WIDTH}\""),
            page.labels.download_diagram,
        ),
    };
    format!(
        "<figure class=\"{class}\"><img src=\"{src}\" alt=\"{alt}\"{width} loading=\"lazy\"><figcaption><span>{alt}</span> \
         <a class=\"download\" href=\"{src}\" download=\"{file}\" data-testid=\"download-{word}\">{}</a></figcaption></figure>\n",
        escape(label)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::labels::render_labels;
    use proptest::prelude::*;

    fn render(lang: &str, body: &str) -> RenderedPage {
        let labels = render_labels(lang).expect("a known language");
        let page = PageContext {
            lang,
            id: "phases/x",
            title: "X",
            screenshot: None,
            labels,
        };
        render_page(body, &page)
    }

    #[test]
    fn headings_get_their_id_and_a_section_link() {
        let page = render(
            "en",
            "## What it does {#what-it-does}\n\nText.\n\n### Deeper `code` {#deeper}\n",
        );
        assert!(page.html.contains("<h2 id=\"what-it-does\">What it does <a class=\"heading-anchor\" href=\"en/docs/phases/x#what-it-does\""), "{}", page.html);
        assert_eq!(
            page.sections,
            vec![
                DocSection {
                    id: "what-it-does".into(),
                    title: "What it does".into(),
                    level: 2
                },
                DocSection {
                    id: "deeper".into(),
                    title: "Deeper code".into(),
                    level: 3
                },
            ]
        );
        let missing = render("en", "## No id\n");
        assert!(
            matches!(&missing.problems[..], [RenderProblem::HeadingWithoutId { title, .. }] if title == "No id")
        );
    }

    #[test]
    fn admonitions_are_asides_with_a_localised_title() {
        let page = render("fr", "> [!WARNING]\n> Attention au cache.\n");
        assert!(page.html.contains("<aside class=\"admonition admonition-warning\"><p class=\"admonition-title\">Attention</p>"), "{}", page.html);
        assert!(page.html.contains("</aside>"));
        assert!(render("en", "> [!TIP]\n> Hi.\n").html.contains(">Tip</p>"));
        assert!(render("fr", "> [!NOTE]\n> Hi.\n")
            .html
            .contains(">Remarque</p>"));
        assert!(render("fr", "> [!CAUTION]\n> Hi.\n")
            .html
            .contains(">Prudence</p>"));
    }

    #[test]
    fn code_blocks_are_highlighted_and_classed() {
        let page = render(
            "en",
            "```yaml\nkey: <value> # note\n```\n\n```text\n<b>log</b>\n```\n",
        );
        assert!(page.html.contains("<pre class=\"code language-yaml\" tabindex=\"0\"><code class=\"language-yaml\"><span class=\"tok-key\">key</span>: &lt;value&gt; <span class=\"tok-comment\"># note</span>"), "{}", page.html);
        assert!(page.html.contains("<pre class=\"code language-text\" tabindex=\"0\"><code class=\"language-text\">&lt;b&gt;log&lt;/b&gt;"), "{}", page.html);
        assert!(page.prose.is_empty(), "code is not prose: {:?}", page.prose);
    }

    #[test]
    fn raw_html_is_escaped() {
        let page = render("en", "<script>alert(1)</script>\n\nInline <b>bold</b>.\n");
        assert!(
            !page.html.contains("<script>") && !page.html.contains("<b>"),
            "{}",
            page.html
        );
        assert!(page.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn doc_links_become_site_links_and_external_links_get_noopener() {
        let page = render(
            "fr",
            "See [a](doc:phases/y#part), [b](doc:keys/run) and [c](https://circleci.com/docs/).\n",
        );
        assert!(
            page.html
                .contains("<a href=\"fr/docs/phases/y#part\">a</a>"),
            "{}",
            page.html
        );
        assert!(page.html.contains("<a href=\"fr/docs/keys/run\">b</a>"));
        assert!(page
            .html
            .contains("<a href=\"https://circleci.com/docs/\" rel=\"noopener\">c</a>"));
        let targets: Vec<_> = page
            .links
            .iter()
            .map(|l| (l.page.as_str(), l.anchor.as_deref()))
            .collect();
        assert_eq!(
            targets,
            vec![("phases/y", Some("part")), ("keys/run", None)]
        );
        assert!(matches!(
            &render("en", "[x](other.md)\n").problems[..],
            [RenderProblem::UnsupportedLink { .. }]
        ));
    }

    #[test]
    fn screenshots_render_a_figure_with_a_download_link() {
        let labels = render_labels("en").expect("english");
        let page = PageContext {
            lang: "en",
            id: "guides/w",
            title: "Walk",
            screenshot: Some("top"),
            labels,
        };
        let rendered = render_page(
            "Intro.\n\n![The checkout phase](screenshot:checkout-code)\n",
            &page,
        );
        assert_eq!(
            rendered.screenshots,
            vec!["top".to_owned(), "checkout-code".to_owned()]
        );
        assert!(
            rendered.html.contains(
                "<img src=\"screenshots/en/checkout-code.png\" alt=\"The checkout phase\""
            ),
            "{}",
            rendered.html
        );
        assert!(rendered.html.contains("download=\"pipeline-lens-en-checkout-code.png\" data-testid=\"download-screenshot\">Download the screenshot</a>"));
        assert!(rendered.html.starts_with(
            "<figure class=\"screenshot\"><img src=\"screenshots/en/top.png\" alt=\"Pipeline Lens showing this step in the log of the sample job\""
        ));
        assert!(!rendered.html.contains("<p><figure"));
        let inline = render("en", "Text ![x](screenshot:y) more.\n");
        assert!(
            matches!(&inline.problems[..], [RenderProblem::MisplacedFigure { kind: FigureKind::Screenshot, name, .. }] if name == "y")
        );
    }

    #[test]
    fn diagrams_render_a_figure_with_a_download_link() {
        let rendered = render(
            "fr",
            "Avant.\n\n![Le workflow et son job `deploy`](diagram:sample-workflow)\n",
        );
        assert_eq!(rendered.diagrams, vec!["sample-workflow".to_owned()]);
        assert!(rendered.screenshots.is_empty());
        assert_eq!(
            rendered.figures(FigureKind::Diagram),
            &["sample-workflow".to_owned()]
        );
        assert!(
            rendered.html.contains(
                "<figure class=\"diagram\"><img src=\"diagrams/fr/sample-workflow.svg\" \
                 alt=\"Le workflow et son job deploy\" width=\"400\" loading=\"lazy\">"
            ),
            "{}",
            rendered.html
        );
        assert!(rendered.html.contains(
            "download=\"pipeline-lens-fr-sample-workflow.svg\" data-testid=\"download-diagram\">Télécharger le schéma</a>"
        ));
        assert!(!rendered.html.contains("<p><figure"));
        let inline = render("en", "See ![x](diagram:y).\n");
        assert!(
            matches!(&inline.problems[..], [RenderProblem::MisplacedFigure { kind: FigureKind::Diagram, name, .. }] if name == "y")
        );
        let no_alt = render("en", "![](diagram:y)\n");
        assert!(no_alt.diagrams.is_empty());
        assert_eq!(no_alt.problems.len(), 1);
        assert_eq!(
            FigureKind::parse("screenshot:a"),
            Some((FigureKind::Screenshot, "a"))
        );
        assert_eq!(FigureKind::parse("https://x/y.svg"), None);
        assert_eq!(
            FigureKind::Screenshot.path("en", "a"),
            "screenshots/en/a.png"
        );
    }

    #[test]
    fn prose_and_search_text_are_collected_per_block_and_section() {
        let page = render("fr", "Avant `code` : oui.\n\n## Titre {#t}\n\nLe [lien](doc:keys/run) ici.\n\n```shell\necho secret\n```\n");
        let prose: Vec<&str> = page.prose.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(prose, vec!["Avant x : oui.", "Titre", "Le lien ici."]);
        assert_eq!(page.search.len(), 2);
        assert_eq!(page.search[0].section, "");
        assert_eq!(page.search[0].text, "Avant code : oui.");
        assert_eq!(page.search[1].section_title, "Titre");
        assert_eq!(page.search[1].text, "Le lien ici. echo secret");
    }

    #[test]
    fn tables_footnotes_and_strikethrough_are_enabled() {
        let page = render(
            "en",
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ text[^1]\n\n[^1]: A note.\n",
        );
        assert!(page.html.contains("<table>"));
        assert!(page.html.contains("<del>old</del>"));
        assert!(page.html.contains("footnote-definition"));
    }

    proptest! {
        #[test]
        fn any_markdown_renders_without_passing_html_through(
            body in "([#>*`|\\[\\]()!:{}<>a-z \n-]|<script>|doc:x#y|screenshot:z|diagram:z|```yaml\n|> \\[!NOTE\\]\n){0,60}"
        ) {
            let page = render("fr", &body);
            prop_assert!(!page.html.contains("<script"), "{}", page.html);
            for section in &page.sections {
                let id_attribute = format!("id=\"{}\"", section.id);
                prop_assert!(page.html.contains(&id_attribute));
            }
        }
    }
}
