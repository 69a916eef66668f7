//! L’explication d’une partie de configuration, en français.

use super::{code_list, PartNote};
use crate::config::templates::{KeyTemplate, PipelineValue};

/// The sentence of `note`; names are written between backticks.
pub(super) fn text(note: &PartNote) -> String {
    match note {
        PartNote::Key { name } => format!("`{name}` est une clé de la configuration."),
        PartNote::Job { name } => format!("La définition du job `{name}` : où il s’exécute et les étapes qu’il enchaîne, dans l’ordre."),
        PartNote::JobRunBy { workflows } => format!("Workflows qui le lancent : {list}.", list = &code_list(workflows)),
        PartNote::JobUnused => "Aucun workflow ne lance ce job : il ne s’exécute donc jamais.".to_owned(),
        PartNote::BuiltinStep { name } => format!("`{name}` est une étape intégrée à CircleCI."),
        PartNote::CommandStep { name } => format!("Exécute les étapes de la commande `{name}`, définie dans ce fichier sous `commands:`."),
        PartNote::UndefinedCommandStep { name } => format!("Exécute `{name}`, une commande que ce fichier ne définit pas."),
        PartNote::OrbStep { orb, command } => format!("Exécute la commande `{command}` de l’orb `{orb}`."),
        PartNote::ParameterSteps { name } => format!("Exécute les étapes passées en paramètre : `{name}`."),
        PartNote::Executor { name } => format!("L’exécuteur réutilisable `{name}` : un job qui indique `executor: {name}` s’exécute dedans."),
        PartNote::Command { name, steps } => format!("La commande réutilisable `{name}` : une étape écrite `- {name}` exécute ses étapes ({steps})."),
        PartNote::Orb { name, reference } => format!("L’orb `{name}` importe `{reference}` depuis le registre des orbs : ses jobs, commandes et exécuteurs s’écrivent `{name}/…`."),
        PartNote::InlineOrb { name } => format!("L’orb `{name}`, écrit en entier dans ce fichier : ses jobs, commandes et exécuteurs s’écrivent `{name}/…`."),
        PartNote::Parameter { name } => format!("La déclaration du paramètre `{name}` : son type, et sa valeur par défaut s’il en a une."),
        PartNote::Workflow { name, jobs, stages } => format!("Le workflow `{name}` : {jobs} job(s) en {stages} vague(s) successive(s) ; les jobs d’une même vague s’exécutent en même temps."),
        PartNote::WorkflowEmpty { name } => format!("Le workflow `{name}`."),
        PartNote::WorkflowSchedule { crons } => format!("Il se lance aussi selon un calendrier : {list}.", list = &code_list(crons)),
        PartNote::WorkflowJob { workflow, job, name: None } => format!("Le workflow `{workflow}` lance ici le job `{job}`."),
        PartNote::WorkflowJob { workflow, job, name: Some(name) } => format!("Le workflow `{workflow}` lance ici le job `{job}`, sous le nom `{name}`."),
        PartNote::Approval => "C’est une approbation : le workflow s’arrête ici jusqu’à ce que quelqu’un l’approuve dans l’application CircleCI.".to_owned(),
        PartNote::Requires { jobs } => format!("Il attend la réussite de {list}.", list = &code_list(jobs)),
        PartNote::RequiresNone => "Il démarre dès le lancement du workflow.".to_owned(),
        PartNote::Contexts { names } => format!("Il reçoit les variables d’environnement de ces contextes : {list}.", list = &code_list(names)),
        PartNote::BranchesOnly { names } => format!("Il ne s’exécute que sur ces branches : {list}.", list = &code_list(names)),
        PartNote::BranchesIgnore { names } => format!("Il s’exécute sur toutes les branches sauf celles-ci : {list}.", list = &code_list(names)),
        PartNote::TagsOnly { names } => format!("Il s’exécute pour ces tags : {list}.", list = &code_list(names)),
        PartNote::TagsIgnore { names } => format!("Il ne s’exécute pas pour ces tags : {list}.", list = &code_list(names)),
        PartNote::Matrix { parameters } => format!("Il s’exécute une fois pour chaque combinaison de ces paramètres de matrice : {list}.", list = &code_list(parameters)),
        PartNote::Template(template) => template_sentence(template),
        PartNote::KeyPieces { key } => format!("La clé entière, `{key}`, morceau par morceau :"),
        PartNote::KeyLiteral { text } => format!("`{text}` : texte fixe."),
        PartNote::KeyTemplatePiece { written, template } => format!("`{written}`{}{}", " : ", template_sentence(template)),
        PartNote::KeyRestore { prefix } => format!("`restore_cache` essaie ses clés dans l’ordre et restaure le cache le plus récent dont la clé commence par la clé calculée ; toute clé trouvée commence par `{prefix}`."),
        PartNote::KeySave => "`save_cache` n’écrase jamais un cache : si un cache porte déjà cette clé calculée, rien n’est enregistré.".to_owned(),
        PartNote::ValueCompiled { name } => format!("`{name}` est remplacé à la compilation de la configuration, avant qu’aucun job ne démarre."),
        PartNote::PipelineParameter { name } => format!("Le paramètre de pipeline `{name}` : sa valeur est donnée au déclenchement du pipeline (par l’API ou un calendrier)."),
        PartNote::ValueDefault { default } => format!("Sinon, il prend sa valeur par défaut, `{default}`."),
        PartNote::ValueNoDefault => "Il n’a pas de valeur par défaut, ce que CircleCI refuse : un paramètre de pipeline doit en déclarer une.".to_owned(),
        PartNote::ValueUndeclared => "Il n’est pas déclaré sous le `parameters:` de premier niveau, donc la configuration est refusée.".to_owned(),
        PartNote::ParameterValue { name } => format!("Remplacé par la valeur du paramètre `{name}` du job, de la commande ou de l’exécuteur où il est écrit."),
        PartNote::MatrixValue { name } => format!("Remplacé par chaque valeur du paramètre de matrice `{name}` : une copie du job par valeur."),
        PartNote::PipelineValueMeaning(value) => meaning(*value),
        PartNote::UnknownPipelineValue { name } => format!("CircleCI ne documente aucune valeur de pipeline `{name}` : vérifiez son orthographe."),
    }
}

/// The sentence of a cache key template.
fn template_sentence(template: &KeyTemplate) -> String {
    match template {
        KeyTemplate::Branch => "Le nom de la branche construite : chaque branche a ses propres caches.".to_owned(),
        KeyTemplate::Revision => "Le hash du commit construit : un nouveau cache à chaque commit.".to_owned(),
        KeyTemplate::BuildNum => "Le numéro du job : un nouveau cache à chaque build.".to_owned(),
        KeyTemplate::CheckoutKey => "La clé SSH utilisée pour récupérer le code.".to_owned(),
        KeyTemplate::Environment(name) => format!("La valeur de la variable d’environnement `{name}` (une variable fournie par CircleCI ou par un contexte)."),
        KeyTemplate::Checksum(file) => format!("Une somme de contrôle (SHA-256) du contenu du fichier `{file}` : la clé change dès que ce fichier change, si bien qu’un nouveau cache est enregistré quand les dépendances changent."),
        KeyTemplate::Epoch => "L’heure actuelle en secondes : la clé change à chaque exécution, donc le cache est enregistré à chaque fois.".to_owned(),
        KeyTemplate::Arch => "Le système d’exploitation et le processeur (par exemple `linux-amd64`) : des machines de types différents ne partagent pas leurs caches.".to_owned(),
        KeyTemplate::Unknown(name) => format!("`{name}` n’est pas un modèle connu de CircleCI."),
    }
}

/// What a pipeline value expands to.
fn meaning(value: PipelineValue) -> String {
    match value {
        PipelineValue::Id => "Il vaut l’identifiant unique du pipeline.".to_owned(),
        PipelineValue::Number => "Il vaut le numéro du pipeline dans le projet (1, 2, 3…).".to_owned(),
        PipelineValue::GitUrl => "Il vaut l’adresse du dépôt du projet.".to_owned(),
        PipelineValue::ProjectType => "Il vaut le nom de l’hébergeur du code, comme `github` ou `bitbucket`.".to_owned(),
        PipelineValue::GitTag => "Il vaut le tag git qui a déclenché le pipeline, ou rien si aucun tag ne l’a déclenché.".to_owned(),
        PipelineValue::GitBranch => "Il vaut le nom de la branche construite.".to_owned(),
        PipelineValue::GitRevision => "Il vaut le hash complet (40 caractères) du commit construit.".to_owned(),
        PipelineValue::GitBaseRevision => "Il vaut le hash du commit construit par le pipeline précédent de cette branche.".to_owned(),
        PipelineValue::InSetup => "Il vaut `true` pendant l’exécution d’une configuration de setup, `false` ensuite.".to_owned(),
        PipelineValue::TriggerSource => "Il vaut ce qui a lancé le pipeline : `webhook`, `api` ou `scheduled_pipeline`.".to_owned(),
        PipelineValue::ScheduleName => "Il vaut le nom du calendrier qui a lancé le pipeline (vide sinon).".to_owned(),
        PipelineValue::ScheduleId => "Il vaut l’identifiant du calendrier qui a lancé le pipeline (vide sinon).".to_owned(),
        PipelineValue::TriggerParameter => "Il vaut une donnée envoyée par le déclencheur du pipeline (une GitHub App ou un webhook personnalisé), comme le hash du commit ou la branche.".to_owned(),
    }
}
