//! Les phrases françaises de chaque diagnostic de configuration.

use super::diagnostic::{Message, ReferenceKind};

/// Le nom français d'un genre de référence, avec son article indéfini.
fn kind(kind: ReferenceKind) -> &'static str {
    match kind {
        ReferenceKind::Executor => "l’exécuteur",
        ReferenceKind::Command => "la commande",
        ReferenceKind::Orb => "l’orb",
        ReferenceKind::Job => "le job",
        ReferenceKind::Parameter => "le paramètre",
        ReferenceKind::PipelineParameter => "le paramètre de pipeline",
    }
}

/// Un nom entre guillemets français, avec espaces insécables.
fn q(name: &str) -> String {
    format!("«\u{a0}{name}\u{a0}»")
}

/// « ; vouliez-vous dire « x » ? » quand une suggestion existe.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("\u{a0}; vouliez-vous dire {}\u{a0}?", q(s)))
        .unwrap_or_default()
}

/// Le message en français.
pub(crate) fn message(message: &Message) -> String {
    match message {
        Message::YamlSyntax { detail } => format!("le YAML n’est pas valide\u{a0}: {detail}"),
        Message::YamlUndefinedAlias { alias } => format!(
            "l’alias {} ne renvoie à aucune ancre {} définie avant lui",
            q(&format!("*{alias}")),
            q(&format!("&{alias}"))
        ),
        Message::YamlTooLarge => "les alias se déploient en un document démesuré\u{a0}: cela ressemble à une attaque «\u{a0}billion laughs\u{a0}»".into(),
        Message::YamlTooDeep => "les mappings et les listes sont imbriqués trop profondément".into(),
        Message::YamlNotAMapping => format!("une configuration doit être un mapping de clés comme {} et {}", q("version"), q("jobs")),
        Message::UnknownRequires { workflow, required, suggestion } => format!(
            "{} est exigé par `requires`, mais aucun job du workflow {} ne porte ce nom{}",
            q(required),
            q(workflow),
            did_you_mean(suggestion)
        ),
        Message::WorkflowCycle { workflow, jobs } => format!(
            "dans le workflow {}, les jobs {} s’attendent mutuellement en cycle\u{a0}: aucun ne peut démarrer",
            q(workflow),
            jobs.iter().map(|j| q(j)).collect::<Vec<_>>().join(", ")
        ),
        Message::UnusedJob { job } => format!("le job {} est défini, mais aucun workflow ne l’exécute", q(job)),
        Message::DuplicateKey { key, first_line } => format!(
            "la clé {} est déjà écrite ligne {first_line} dans le même mapping\u{a0}; CircleCI refuse une clé écrite deux fois",
            q(key)
        ),
        Message::UndefinedReference { kind: k, name, suggestion } => {
            let defined = if *k == ReferenceKind::Command { "définie" } else { "défini" };
            format!("{} {} n’est {defined} nulle part{}", kind(*k), q(name), did_you_mean(suggestion))
        }
        Message::DeprecatedImage { image, replacement } if !replacement.contains(':') => format!(
            "{} est une ancienne image de commodité, dépréciée\u{a0}; utilisez {} avec un tag majeur.mineur (les images cimg/ n’ont ni tag {} ni tag de version majeure seule)",
            q(image),
            q(replacement),
            q("latest")
        ),
        Message::DeprecatedImage { image, replacement } => format!(
            "{} est une ancienne image de commodité, dépréciée\u{a0}; utilisez {}",
            q(image),
            q(replacement)
        ),
        Message::UnpinnedImage { image } => format!(
            "l’image {} n’est pas figée sur une version\u{a0}: une nouvelle publication peut changer le build sans prévenir",
            q(image)
        ),
        Message::PlaintextSecret { variable } => {
            format!("{} ressemble à un secret, et sa valeur est écrite en clair dans la configuration", q(variable))
        }
        Message::DockerLoginPasswordArg => format!(
            "{} reçoit le mot de passe en argument, où la liste des processus et les journaux peuvent l’afficher",
            q("docker login")
        ),
        Message::CacheKeyNoChecksum { key } => format!(
            "la clé de cache {} ne change jamais\u{a0}: le premier cache enregistré est conservé pour toujours",
            q(key)
        ),
        Message::SaveWithoutRestore { key } => {
            format!("le cache {} est enregistré, mais aucune étape restore_cache ne peut le retrouver", q(key))
        }
        Message::RestoreWithoutSave { key } => format!(
            "aucune étape save_cache de cette configuration n’enregistre de cache que {} puisse retrouver",
            q(key)
        ),
        Message::VersionMismatch { feature } => format!(
            "{} exige {}, or cette configuration déclare {}",
            q(feature),
            q("version: 2.1"),
            q("version: 2")
        ),
        Message::UnknownKey { key, place, suggestion } => {
            format!("clé inconnue {} dans {}{}", q(key), place_name(place), did_you_mean(suggestion))
        }
        Message::DeprecatedDeploy => format!("l’étape {} est dépréciée\u{a0}: elle fait désormais exactement ce que fait {}", q("deploy"), q("run")),
        Message::TestResultsWithoutPath => format!(
            "{} n’a pas de {}\u{a0}: CircleCI refuse l’étape et aucun résultat de test n’est envoyé",
            q("store_test_results"),
            q("path")
        ),
        Message::SaveCacheWithoutPaths => format!(
            "{} n’a pas de {}\u{a0}: CircleCI refuse l’étape et rien n’est enregistré",
            q("save_cache"),
            q("paths")
        ),
        Message::RestoreCachePaths => format!(
            "{} ignore {}\u{a0}: un cache est restauré là d’où il a été enregistré",
            q("restore_cache"),
            q("paths")
        ),
        Message::AutoRerunsOutOfRange { value } => format!(
            "{} sort de ce que CircleCI accepte, de 1 à 5 relances",
            q(&format!("max_auto_reruns: {value}"))
        ),
        Message::AutoRerunDelayTooLong { delay } => format!(
            "{} dépasse les 10 minutes que CircleCI accepte",
            q(&format!("auto_rerun_delay: {delay}"))
        ),
        Message::BackgroundAutoRerun => "une étape en arrière-plan n’est jamais relancée\u{a0}: le job n’attend pas son résultat".into(),
        Message::UnusedCommand { command } => format!("la commande {} est définie mais aucune étape ne l’appelle", q(command)),
        Message::UnusedExecutor { executor } => format!("l’exécuteur {} est défini mais aucun job ne l’utilise", q(executor)),
        Message::UnusedOrb { orb } => format!(
            "l’orb {} est importé mais rien ne s’en sert (aucun job, commande ou exécuteur {})",
            q(orb),
            q(&format!("{orb}/…"))
        ),
        Message::UnusedAnchor { anchor } => format!(
            "l’ancre {} n’est reprise par aucun alias {}",
            q(&format!("&{anchor}")),
            q(&format!("*{anchor}"))
        ),
        Message::UnknownResourceClass { class, suggestion } => format!(
            "{} n’est pas une classe de ressources proposée par CircleCI{}",
            q(class),
            did_you_mean(suggestion)
        ),
        Message::RetiredMachineImage { image, removed, .. } => format!(
            "{} a été retirée par CircleCI le {}\u{a0}: un job qui la nomme est refusé avant sa première étape",
            q(image),
            removed
        ),
        Message::RetiredRemoteDocker { version, removed, .. } => format!(
            "Docker {} de setup_remote_docker a été retiré par CircleCI le {}\u{a0}: un job qui le demande est refusé",
            version, removed
        ),
        Message::RetiredXcode { version, .. } => format!(
            "Xcode {} n’est plus proposé par CircleCI\u{a0}: un job qui le nomme est refusé avant sa première étape",
            version
        ),
        Message::UnknownMachineImage { image, suggestion } => format!(
            "{} n’est pas une image de machine proposée par CircleCI{}",
            q(image),
            did_you_mean(suggestion)
        ),
        Message::TagFilterRequiresUntagged { workflow, job, required } => format!(
            "{} du workflow {} tourne sur les tags mais requiert {}, qui n’a pas de filtre de tags et ne tourne donc jamais sur un tag\u{a0}: {} ne tourne jamais sur les tags non plus",
            q(job),
            q(workflow),
            q(required),
            q(job)
        ),
        Message::MissingArgument { parameter, of } => format!(
            "{} exige le paramètre {} (il n’a pas de valeur par défaut), qui n’est pas donné",
            q(of),
            q(parameter)
        ),
        Message::InvalidEnumDefault { parameter, default, allowed } => format!(
            "la valeur par défaut {} du paramètre {} ne fait pas partie de ses valeurs enum {}",
            q(default),
            q(parameter),
            quoted(allowed)
        ),
        Message::ArgumentType { parameter, value, expected, allowed } if allowed.is_empty() => format!(
            "{} n’est pas {}, or le paramètre {} est de type {expected}",
            q(value),
            if expected == "boolean" { "un booléen" } else { "un nombre entier" },
            q(parameter)
        ),
        Message::ArgumentType { parameter, value, allowed, .. } => format!(
            "{} ne fait pas partie des valeurs {} du paramètre {}",
            q(value),
            quoted(allowed),
            q(parameter)
        ),
        Message::SecondDocument => "un second document YAML commence ici\u{a0}; CircleCI lit le fichier de configuration comme un seul document et en refuse un second".into(),
    }
}

/// Comment corriger, en français.
pub(crate) fn hint(message: &Message) -> String {
    match message {
        Message::YamlSyntax { .. } => "vérifiez l’indentation et la ponctuation à l’endroit indiqué".into(),
        Message::YamlUndefinedAlias { alias } => format!(
            "définissez {} sur un nœud situé plus haut, ou corrigez le nom de l’alias",
            q(&format!("&{alias}"))
        ),
        Message::YamlTooLarge => "imbriquez moins d’alias".into(),
        Message::YamlTooDeep => "aplatissez la structure".into(),
        Message::YamlNotAMapping => "collez le fichier .circleci/config.yml en entier".into(),
        Message::UnknownRequires { .. } => format!(
            "utilisez le {} du job s’il en a un, sinon sa clé, et listez-le dans le même workflow",
            q("name")
        ),
        Message::WorkflowCycle { .. } => "retirez l’une des dépendances `requires` qui ferment le cycle".into(),
        Message::UnusedJob { .. } => "ajoutez ce job à un workflow, ou supprimez-le".into(),
        Message::DuplicateKey { .. } => "fusionnez les deux, ou renommez l’une d’elles".into(),
        Message::UndefinedReference { kind: ReferenceKind::Orb, .. } => {
            format!("importez l’orb sous la clé {} de premier niveau", q("orbs"))
        }
        Message::UndefinedReference { kind: ReferenceKind::PipelineParameter, .. } => {
            format!("déclarez-le sous la clé {} de premier niveau", q("parameters"))
        }
        Message::UndefinedReference { kind: ReferenceKind::Parameter, .. } => {
            format!("déclarez-le sous {} du job, de la commande ou de l’exécuteur qui l’utilise", q("parameters"))
        }
        Message::UndefinedReference { kind: ReferenceKind::Command, .. } => "définissez-la, ou corrigez son nom".into(),
        Message::UndefinedReference { .. } => "définissez-le, ou corrigez son nom".into(),
        Message::DeprecatedImage { replacement, .. } if !replacement.contains(':') => format!(
            "passez à {} suivi d’une version listée sur sa page Docker Hub, comme {}",
            q(&format!("{replacement}:")),
            q("20.11")
        ),
        Message::DeprecatedImage { replacement, .. } => format!("passez à {} (les images cimg/)", q(replacement)),
        Message::UnpinnedImage { .. } => format!("ajoutez un tag de version comme {}, ou un digest", q(":3.12")),
        Message::PlaintextSecret { .. } => {
            "rangez la valeur dans une variable d’environnement du projet ou dans un contexte, et retirez-la d’ici".into()
        }
        Message::DockerLoginPasswordArg => format!(
            "passez-le plutôt par l’entrée standard\u{a0}: {}",
            q("echo \"$DOCKER_PASS\" | docker login -u \"$DOCKER_USER\" --password-stdin")
        ),
        Message::CacheKeyNoChecksum { .. } => format!("ajoutez {} à la clé", q("{{ checksum \"votre-fichier-de-verrouillage\" }}")),
        Message::SaveWithoutRestore { .. } => {
            "ajoutez une étape restore_cache dont la clé est un préfixe de celle-ci, ou supprimez l’enregistrement".into()
        }
        Message::RestoreWithoutSave { .. } => {
            "enregistrez le cache avec save_cache, sous une clé dont celle-ci est un préfixe".into()
        }
        Message::VersionMismatch { .. } => format!("écrivez {} en tête du fichier", q("version: 2.1")),
        Message::UnknownKey { suggestion: Some(s), .. } => format!("renommez-la {}", q(s)),
        Message::UnknownKey { .. } => "supprimez-la, ou déplacez-la là où elle a sa place".into(),
        Message::DeprecatedDeploy => format!("renommez l’étape\u{a0}: {} avec les mêmes clés", q("- run:")),
        Message::TestResultsWithoutPath => format!(
            "indiquez le dossier des rapports JUnit XML\u{a0}: {}",
            q("store_test_results: {path: test-results}")
        ),
        Message::SaveCacheWithoutPaths => format!(
            "listez ce qu’il faut enregistrer\u{a0}: {} (les dossiers à mettre en cache)",
            q("paths: [node_modules]")
        ),
        Message::RestoreCachePaths => format!("supprimez {} ici, et mettez-le sous le save_cache correspondant", q("paths")),
        Message::AutoRerunsOutOfRange { .. } => format!("écrivez un nombre de 1 à 5, par exemple {}", q("max_auto_reruns: 3")),
        Message::AutoRerunDelayTooLong { .. } => format!("écrivez 10 minutes ou moins, par exemple {}", q("auto_rerun_delay: 5m")),
        Message::BackgroundAutoRerun => format!("supprimez {}, ou exécutez l’étape au premier plan", q("max_auto_reruns")),
        Message::UnusedCommand { .. } => "appelez-la comme étape d’un job, ou supprimez-la".into(),
        Message::UnusedExecutor { .. } => format!("utilisez-le avec {} dans un job, ou supprimez-le", q("executor:")),
        Message::UnusedOrb { .. } => "utilisez l’un de ses jobs, commandes ou exécuteurs, ou supprimez l’import".into(),
        Message::UnusedAnchor { .. } => "reprenez-la avec un alias, ou supprimez l’ancre (et le bloc, s’il n’existe que pour être repris)".into(),
        Message::UnknownResourceClass { suggestion: Some(s), .. } => format!("écrivez {}", q(&format!("resource_class: {s}"))),
        Message::UnknownResourceClass { .. } => format!(
            "choisissez une classe de la liste de CircleCI pour cet exécuteur, comme {} ou {}\u{a0}; un runner auto-hébergé s’écrit {}",
            q("medium"),
            q("large"),
            q("namespace/nom")
        ),
        Message::RetiredMachineImage { replacement, .. } => format!(
            "écrivez {}, ou une version datée que CircleCI propose encore",
            q(&format!("image: {replacement}"))
        ),
        Message::RetiredRemoteDocker { replacement, .. } => format!(
            "écrivez {}, ou retirez la version pour avoir le Docker actuel de CircleCI",
            q(&format!("version: {replacement}"))
        ),
        Message::RetiredXcode { replacement, .. } => format!(
            "écrivez une version que CircleCI propose encore, comme {} (une nouvelle version majeure d’Xcode peut demander des changements au projet)",
            q(&format!("xcode: {replacement}"))
        ),
        Message::UnknownMachineImage { suggestion: Some(s), .. } => {
            format!("écrivez {}, ou une de ses versions datées", q(&format!("image: {s}:current")))
        }
        Message::UnknownMachineImage { .. } => format!("choisissez une image de la liste de CircleCI, comme {}", q("ubuntu-2404:current")),
        Message::TagFilterRequiresUntagged { required, .. } => format!(
            "donnez à {} le même {}, ou retirez le filtre de tags du job qui le requiert",
            q(required),
            q("filters: tags:")
        ),
        Message::MissingArgument { parameter, .. } => format!(
            "donnez {} là où il est utilisé, ou une valeur {} dans sa déclaration",
            q(&format!("{parameter}: …")),
            q("default:")
        ),
        Message::InvalidEnumDefault { allowed, .. } => format!(
            "choisissez comme valeur par défaut l’une de {}, ou ajoutez la valeur à {}",
            quoted(allowed),
            q("enum")
        ),
        Message::ArgumentType { expected, allowed, .. } if allowed.is_empty() => {
            if expected == "boolean" {
                "écrivez true ou false, sans guillemets".into()
            } else {
                "écrivez un nombre entier, sans guillemets".into()
            }
        }
        Message::ArgumentType { allowed, .. } => format!("écrivez l’une de ces valeurs\u{a0}: {}", quoted(allowed)),
        Message::SecondDocument => format!(
            "supprimez la ligne {} et fusionnez les deux moitiés en un seul mapping, ou mettez la seconde dans son propre fichier",
            q("---")
        ),
    }
}

/// L'endroit où une clé a été trouvée, en français.
fn place_name(place: &str) -> String {
    match place.strip_prefix("step ") {
        Some(step) => format!("l’étape {}", q(step)),
        None => match place {
            "top-level" => "le premier niveau".into(),
            "job" => "un job".into(),
            "executor" => "un exécuteur".into(),
            "command" => "une commande".into(),
            "docker-image" => "une image docker".into(),
            "workflow" => "un workflow".into(),
            "workflow-job" => "un job de workflow".into(),
            "parameter" => "une déclaration de paramètre".into(),
            "job-group" => "un groupe de jobs".into(),
            "retention" => "la rétention d’un job".into(),
            other => q(other),
        },
    }
}

/// Des noms entre guillemets français, séparés par des virgules.
fn quoted(names: &[String]) -> String {
    names.iter().map(|n| q(n)).collect::<Vec<_>>().join(", ")
}
