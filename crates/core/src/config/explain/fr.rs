//! L’explication d’une partie de configuration, en français.

use super::{code_list, ClassFamily, ImageFamily, LanguageKey, PartNote};
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
        PartNote::JobGroupJob { group, job, name: None } => format!("Le groupe de jobs `{group}` lance ici le job `{job}`."),
        PartNote::JobGroupJob { group, job, name: Some(name) } => format!("Le groupe de jobs `{group}` lance ici le job `{job}`, sous le nom `{name}`."),
        PartNote::RunsJobGroup { workflow, group, jobs } => format!("Le workflow `{workflow}` lance ici le groupe de jobs `{group}` : ses jobs ({list}) s’exécutent comme un tout, que d’autres jobs peuvent attendre en citant le nom du groupe.", list = &code_list(jobs)),
        PartNote::JobGroup { name, jobs } => format!("Le groupe de jobs `{name}` : {jobs} entrée(s) de job, avec leurs propres `requires`, qu’un workflow lance en citant `{name}` parmi ses jobs."),
        PartNote::JobGroupRunBy { workflows } => format!("Workflows qui le lancent : {list}.", list = &code_list(workflows)),
        PartNote::JobGroupUnused => "Aucun workflow ne cite ce groupe : ses jobs ne s’exécutent donc jamais.".to_owned(),
        PartNote::RequiresStatuses { job, statuses } => format!("Il attend que `{job}` se termine avec l’un de ces statuts : {list}{terminal}.", list = &code_list(statuses), terminal = if statuses.iter().any(|s| s == "terminal") { " (`terminal` désigne toute fin : réussite, échec, annulation, refus d’autorisation ou job non lancé)" } else { "" }),
        PartNote::FiltersExpression { expression } => format!("Il ne s’exécute que si cette expression est vraie : `{expression}`. CircleCI la calcule au démarrage du pipeline, à partir des valeurs et des paramètres du pipeline."),
        PartNote::SerialGroup { group } => format!("Groupe série `{group}` : sur tous les pipelines de l’organisation, un seul job (ou groupe de jobs) de ce groupe série s’exécute à la fois ; les autres sont mis en file d’attente (cinq heures au plus, puis annulés)."),
        PartNote::OverrideWith { job } => format!("Si le job d’orb `{job}` existe, c’est lui qui s’exécute ici à la place de ce job ; sinon, ce job s’exécute tel qu’il est écrit."),
        PartNote::WorkflowCondition { when: true, expression } => format!("Le workflow ne s’exécute que si `{expression}` est vrai, ce qui est décidé au démarrage du pipeline."),
        PartNote::WorkflowCondition { when: false, expression } => format!("Le workflow ne s’exécute pas si `{expression}` est vrai, ce qui est décidé au démarrage du pipeline."),
        PartNote::WorkflowReruns { count } => format!("S’il échoue, CircleCI le relance lui-même à partir des jobs en échec, jusqu’à {count} fois."),
        PartNote::JobType { kind } => job_type_fr(kind),
        PartNote::RetentionCaches { days } => format!("Les caches qu’il enregistre sont conservés `{days}` au lieu de la durée fixée pour l’organisation."),
        PartNote::IpRanges => "Il s’exécute depuis les plages d’adresses IP publiées par CircleCI, pour qu’un pare-feu puisse le laisser passer.".to_owned(),
        PartNote::ResourceClass { class, family } => format!("`{class}` : {}", family_fr(*family)),
        PartNote::MachineImage { image, family, current } => format!("`{image}` : {}{}", image_fr(family), if *current { " `current` suit chaque nouvelle image : un tag daté (`2025.09.1`) garde les builds reproductibles." } else { "" }),
        PartNote::About(key) => about_fr(*key),
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

/// Ce que fait un `type` de job.
fn job_type_fr(kind: &str) -> String {
    match kind {
        "build" => "`type: build` : un job ordinaire qui exécute ses étapes (le type par défaut).".to_owned(),
        "approval" => "`type: approval` : une pause ; le workflow attend ici que quelqu’un l’approuve dans l’application CircleCI.".to_owned(),
        "release" => "`type: release` : un job de mise en production ; il doit nommer son plan de mise en production dans `plan_name`.".to_owned(),
        "lock" => "`type: lock` : un job de verrouillage ; il doit nommer le verrou dans `key`, et un job `unlock` de même `key` le libère.".to_owned(),
        "unlock" => "`type: unlock` : un job de déverrouillage ; il doit nommer dans `key` le verrou qu’il libère.".to_owned(),
        "no-op" => "`type: no-op` : un repère dans le workflow, que d’autres jobs peuvent attendre ; les étapes qu’on y écrit sont ignorées.".to_owned(),
        other => format!("`type: {other}` n’est pas un type de job connu de CircleCI (`build`, `release`, `lock`, `unlock`, `approval`, `no-op`)."),
    }
}

/// Ce qu’est une famille de classes de ressources.
fn family_fr(family: ClassFamily) -> String {
    match family {
        ClassFamily::Standard => "une classe de ressources x86-64 standard.",
        ClassFamily::Arm => "une classe de ressources Arm (aarch64) : les images et les binaires du job doivent être compilés pour Arm.",
        ClassFamily::Gen2 => "une classe de ressources de deuxième génération (`.gen2`) : la même taille sur des processeurs plus récents et plus rapides.",
        ClassFamily::Gpu => "une classe de ressources avec un GPU NVIDIA.",
        ClassFamily::Macos => "une classe de ressources macOS sur puce Apple.",
        ClassFamily::Runner => "un runner auto-hébergé (`espace/nom`) : le job s’exécute sur votre propre machine.",
        ClassFamily::Other => "une classe de ressources que cette page ne décrit pas ; vérifiez-la dans la liste de CircleCI.",
    }
    .to_owned()
}

/// Ce que fait une clé du langage de 2024–2026.
fn about_fr(key: LanguageKey) -> String {
    match key {
        LanguageKey::JobGroups => "Nomme des ensembles de jobs, avec les `requires` qui les lient, qu’un workflow lance comme un tout en citant l’ensemble parmi ses jobs.",
        LanguageKey::SerialGroup => "Les jobs d’un même groupe série s’exécutent un par un sur tous les projets et pipelines de l’organisation ; les autres attendent dans une file.",
        LanguageKey::OverrideWith => "Remplace ce job par un job d’orb (`orb/job`) quand l’orb en a un ; sinon, le job s’exécute tel qu’il est écrit.",
        LanguageKey::StepReruns => "Quand cette étape échoue, CircleCI la relance, jusqu’à ce nombre de fois (de 1 à 5), avant de faire échouer le job.",
        LanguageKey::WorkflowReruns => "Quand le workflow échoue, CircleCI le relance lui-même à partir des jobs en échec, jusqu’à ce nombre de fois (de 1 à 5).",
        LanguageKey::RerunDelay => "Le temps d’attente avant chaque relance automatique de l’étape (`30s`, `2m` ; au plus `10m`) ; il faut aussi `max_auto_reruns`.",
        LanguageKey::Retention => "La durée de conservation des caches que ce job enregistre : `caches: 7d`, de `1d` à `15d`.",
        LanguageKey::IpRanges => "`true` fait partir le job des plages d’adresses IP publiées par CircleCI, pour qu’un pare-feu puisse l’autoriser.",
        LanguageKey::CheckoutMethod => "La façon dont `checkout` clone le dépôt : `full` (par défaut) récupère tout, `blobless` ne récupère le contenu des fichiers qu’au besoin, `shallow` seulement les `depth` derniers commits.",
        LanguageKey::JobType => "Le genre de job : `build` (par défaut) exécute ses étapes ; `approval` et `no-op` sont des repères du workflow dont les étapes sont ignorées ; `release` demande `plan_name`, `lock` et `unlock` demandent `key`.",
    }
    .to_owned()
}

/// Ce qu’est une famille d’images de machine.
fn image_fr(family: &ImageFamily) -> String {
    match family {
        ImageFamily::Ubuntu { release } if release == "24.04" => "une machine virtuelle avec Ubuntu 24.04, Docker et les outils de build habituels, l’image Linux actuelle de CircleCI ; elle fonctionne aussi avec les classes `arm.*`.".to_owned(),
        ImageFamily::Ubuntu { release } => format!("une machine virtuelle avec Ubuntu {release}, Docker et les outils de build habituels."),
        ImageFamily::Android => "une machine virtuelle avec le SDK et le NDK Android.".to_owned(),
        ImageFamily::Windows => "une machine virtuelle Windows.".to_owned(),
        ImageFamily::Other => "une image de machine que cette page ne décrit pas.".to_owned(),
    }
}
