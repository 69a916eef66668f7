//! The sentences of the processed view, in English and in French.

use super::{LineNote, ProcessMessage};
use crate::Lang;

/// A name in the quotes of `lang`, with French non-breaking spaces.
fn quoted(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("`{name}`"),
        Lang::Fr => format!("«\u{a0}{name}\u{a0}»"),
    }
}

impl LineNote {
    /// The remark, short enough to sit beside a line.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Orb { orb }, Lang::En) => {
                format!(
                    "defined by the orb {}, fetched by CircleCI",
                    quoted(orb, lang)
                )
            }
            (Self::Orb { orb }, Lang::Fr) => {
                format!(
                    "défini par l’orb {}, que CircleCI télécharge",
                    quoted(orb, lang)
                )
            }
            (Self::Command { command }, Lang::En) => {
                format!("from the command {}", quoted(command, lang))
            }
            (Self::Command { command }, Lang::Fr) => {
                format!("venu de la commande {}", quoted(command, lang))
            }
            (Self::Executor { executor }, Lang::En) => {
                format!("from the executor {}", quoted(executor, lang))
            }
            (Self::Executor { executor }, Lang::Fr) => {
                format!("venu de l’exécuteur {}", quoted(executor, lang))
            }
            (Self::DecidedWhenRunning, Lang::En) => {
                "decided by CircleCI when the pipeline runs".to_owned()
            }
            (Self::DecidedWhenRunning, Lang::Fr) => {
                "décidé par CircleCI au lancement du pipeline".to_owned()
            }
        }
    }
}

impl ProcessMessage {
    /// The sentence.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty, Lang::En) => {
                "Nothing to process yet: the text holds no configuration, only blanks or comments."
                    .to_owned()
            }
            (Self::Empty, Lang::Fr) => {
                "Rien à traiter pour l’instant\u{a0}: le texte ne contient aucune configuration, seulement des blancs ou des commentaires."
                    .to_owned()
            }
            (Self::Unreadable, Lang::En) => {
                "This text is not a readable configuration: the Explained tab says why.".to_owned()
            }
            (Self::Unreadable, Lang::Fr) => {
                "Ce texte n’est pas une configuration lisible\u{a0}: l’onglet «\u{a0}Expliquée\u{a0}» dit pourquoi."
                    .to_owned()
            }
            (Self::MissingArgument { parameter, owner }, Lang::En) => format!(
                "The parameter {} of {} has no default and is given no value: CircleCI would refuse this configuration.",
                quoted(parameter, lang),
                quoted(owner, lang)
            ),
            (Self::MissingArgument { parameter, owner }, Lang::Fr) => format!(
                "Le paramètre {} de {} n’a pas de valeur par défaut et n’en reçoit aucune\u{a0}: CircleCI refuserait cette configuration.",
                quoted(parameter, lang),
                quoted(owner, lang)
            ),
            (Self::UnknownParameter { name }, Lang::En) => format!(
                "The parameter {} is not declared where it is used: it is left as written.",
                quoted(name, lang)
            ),
            (Self::UnknownParameter { name }, Lang::Fr) => format!(
                "Le paramètre {} n’est pas déclaré là où il sert\u{a0}: il reste tel quel.",
                quoted(name, lang)
            ),
            (Self::UnknownPipelineParameter { name }, Lang::En) => format!(
                "The pipeline parameter {} is not declared under the top-level parameters.",
                quoted(name, lang)
            ),
            (Self::UnknownPipelineParameter { name }, Lang::Fr) => format!(
                "Le paramètre de pipeline {} n’est pas déclaré dans les parameters de premier niveau.",
                quoted(name, lang)
            ),
            (Self::WorkflowSkipped { workflow }, Lang::En) => format!(
                "The workflow {} does not run with these parameter values: its condition rules it out.",
                quoted(workflow, lang)
            ),
            (Self::WorkflowSkipped { workflow }, Lang::Fr) => format!(
                "Le workflow {} ne s’exécute pas avec ces valeurs de paramètres\u{a0}: sa condition l’écarte.",
                quoted(workflow, lang)
            ),
            (Self::TooDeep { command }, Lang::En) => format!(
                "The command {} is left as a call: commands call each other too deep or too often to be inlined.",
                quoted(command, lang)
            ),
            (Self::TooDeep { command }, Lang::Fr) => format!(
                "La commande {} reste un appel\u{a0}: les commandes s’appellent trop profondément ou trop souvent pour être développées.",
                quoted(command, lang)
            ),
            (Self::MatrixTooLarge, Lang::En) => {
                "This matrix creates more than 1,000 jobs; only the first 1,000 are shown.".to_owned()
            }
            (Self::MatrixTooLarge, Lang::Fr) => {
                "Cette matrice crée plus de 1\u{202f}000 jobs\u{a0}; seuls les 1\u{202f}000 premiers sont montrés."
                    .to_owned()
            }
        }
    }
}
