//! The few words the renderer writes into the pages itself, in each language of the documentation.

/// The labels of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderLabels {
    /// The title of a `> [!NOTE]` admonition.
    pub note: &'static str,
    /// The title of a `> [!TIP]` admonition.
    pub tip: &'static str,
    /// The title of a `> [!IMPORTANT]` admonition.
    pub important: &'static str,
    /// The title of a `> [!WARNING]` admonition.
    pub warning: &'static str,
    /// The title of a `> [!CAUTION]` admonition.
    pub caution: &'static str,
    /// The text of a screenshot's download link.
    pub download: &'static str,
    /// The text of a diagram's download link.
    pub download_diagram: &'static str,
    /// The caption (and alternative text) of the screenshot named by a page's front matter: the phase the
    /// page explains, in the sample job's log, as Pipeline Lens shows it.
    pub page_screenshot: &'static str,
    /// The accessible name of the `#` link beside each heading.
    pub section_link: &'static str,
}

/// The English labels.
const EN: RenderLabels = RenderLabels {
    note: "Note",
    tip: "Tip",
    important: "Important",
    warning: "Warning",
    caution: "Caution",
    download: "Download the screenshot",
    download_diagram: "Download the diagram",
    page_screenshot: "Pipeline Lens showing this step in the log of the sample job",
    section_link: "Link to this section",
};

/// The French labels.
const FR: RenderLabels = RenderLabels {
    note: "Remarque",
    tip: "Astuce",
    important: "Important",
    warning: "Attention",
    caution: "Prudence",
    download: "Télécharger la capture d’écran",
    download_diagram: "Télécharger le schéma",
    page_screenshot: "Pipeline Lens affichant cette étape dans le journal du job d’exemple",
    section_link: "Lien vers cette section",
};

/// The languages of the documentation, by code.
pub const LANGUAGES: [&str; 2] = ["en", "fr"];

/// The labels of the language `code`, if the documentation has it.
pub fn render_labels(code: &str) -> Option<&'static RenderLabels> {
    match code {
        "en" => Some(&EN),
        "fr" => Some(&FR),
        _ => None,
    }
}
