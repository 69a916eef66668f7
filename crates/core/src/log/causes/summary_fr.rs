//! La phrase française de chaque cause, avec ses arguments.

use super::{ArgName, Cause, CauseId};

/// `text` où `{}` est remplacé par l’argument, ou `""` quand la cause ne l’a pas.
fn with(cause: &Cause, name: ArgName, text: &str) -> String {
    cause
        .arg(name)
        .map(|value| text.replace("{}", value))
        .unwrap_or_default()
}

/// Un nom entre guillemets français, avec espaces insécables.
fn q(name: &str) -> String {
    format!("«\u{a0}{name}\u{a0}»")
}

/// L’argument entre guillemets, précédé de `before`, ou `""`.
fn quoted(cause: &Cause, name: ArgName, before: &str) -> String {
    cause
        .arg(name)
        .map(|value| format!("{before}{}", q(value)))
        .unwrap_or_default()
}

/// « 1 test » ou « 3 tests ».
fn count(number: &str, one: &str, many: &str) -> String {
    if number == "1" {
        format!("1\u{a0}{one}")
    } else {
        format!("{number}\u{a0}{many}")
    }
}

/// Les tests en échec, les trois premiers nommés.
fn tests(cause: &Cause) -> String {
    let names: Vec<&str> = cause.all(ArgName::Test).collect();
    if names.is_empty() {
        return String::new();
    }
    let shown = names.len().min(3);
    let mut text = format!("\u{a0}: {}", names[..shown].join(", "));
    if names.len() > shown {
        text.push_str(&format!(" et {}\u{a0}autres", names.len() - shown));
    }
    text
}

/// La phrase des échecs d’un lanceur de tests.
fn runner(cause: &Cause, runner: &str) -> String {
    let number = cause.arg(ArgName::Count).unwrap_or("");
    let failing = if number.is_empty() {
        "des tests en échec".to_owned()
    } else {
        count(number, "test en échec", "tests en échec")
    };
    format!("{runner} signale {failing}{}.", tests(cause))
}

/// La phrase, en français.
pub(crate) fn summary(cause: &Cause) -> String {
    use ArgName as A;
    use CauseId as C;
    match cause.id {
        C::ConfigYamlInvalid => format!(
            "CircleCI n’a pas pu lire la configuration\u{a0}: ce n’est pas du YAML valide{}. Aucun job n’a tourné.",
            with(cause, A::Detail, " ({})")
        ),
        C::ConfigJobNotFound => format!(
            "CircleCI n’a trouvé aucun job{} à lancer\u{a0}: un workflow nomme un job que jobs: ne définit pas, ou la clé workflows: manque. Aucun job n’a tourné.",
            quoted(cause, A::Job, " nommé ")
        ),
        C::ConfigPipelinesNotEnabled => format!(
            "La configuration est en version 2.1, ce que les réglages du projet n’autorisaient pas ({}, autrefois {}). Aucun job n’a tourné.",
            q("Enable Pipelines"),
            q("Enable Build Processing")
        ),
        C::ConfigOrbNotFound => format!(
            "L’orb{} n’existe pas dans le registre des orbs\u{a0}: son espace de noms, son nom ou sa version est faux. Aucun job n’a tourné.",
            quoted(cause, A::Package, " ")
        ),
        C::ConfigOrbNotAllowed => format!(
            "L’organisation n’autorise pas l’orb{}\u{a0}: les orbs tiers (non certifiés) sont désactivés. Aucun job n’a tourné.",
            quoted(cause, A::Package, " ")
        ),
        C::ConfigTooLarge => "La configuration, une fois ses orbs et ses ancres développés, dépasse la taille que CircleCI accepte. Aucun job n’a tourné.".to_owned(),
        C::ConfigInvalid => format!(
            "CircleCI a trouvé des erreurs dans la configuration{}.",
            with(cause, A::Detail, "\u{a0}: {}")
        ),
        C::LocalConfigUnprocessed => "Cette version de la CLI de CircleCI ne peut pas exécuter localement une configuration en version 2.1 avant qu’elle soit traitée par circleci config process.".to_owned(),
        C::InfrastructureFailure => format!(
            "CircleCI n’a pas pu préparer la machine ou les conteneurs de ce job{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::MachineImageUnsupported => format!(
            "L’image{} n’est plus proposée (ou son nom est mal écrit)\u{a0}: aucune machine n’a pu être créée.",
            quoted(cause, A::Image, " ")
        ),
        C::RemoteDockerVersionUnsupported => format!(
            "setup_remote_docker demande Docker{}, une version que CircleCI ne propose plus.",
            with(cause, A::Detail, " {}")
        ),
        C::ResourceClassUnavailable => format!(
            "La classe de ressources{} n’existe pas pour cet exécuteur, l’offre ne la comprend pas, ou elle (ou l’image) est en cours de retrait.",
            quoted(cause, A::ResourceClass, " ")
        ),
        C::DockerLayerCachingUnavailable => "Le job demande le cache des couches Docker, que l’offre ne proposait pas à l’époque.".to_owned(),
        C::ImageNotFound => format!(
            "L’image{} n’existe pas\u{a0}: son tag ou son nom est faux.",
            quoted(cause, A::Image, " ")
        ),
        C::ImagePullDenied => format!(
            "Le registre a refusé de fournir l’image{}\u{a0}: elle est privée, ou les identifiants sont faux ou absents.",
            quoted(cause, A::Image, " ")
        ),
        C::DockerHubRateLimit => format!(
            "Docker Hub a refusé le téléchargement{}\u{a0}: trop de téléchargements anonymes sont venus de cette adresse.",
            quoted(cause, A::Image, " de ")
        ),
        C::ImageReferenceInvalid => format!(
            "Le nom d’image{} n’est pas une référence d’image valide.",
            quoted(cause, A::Image, " ")
        ),
        C::ImageWrongPlatform => format!(
            "L’image{} est construite pour un autre processeur que celui de l’exécuteur.",
            quoted(cause, A::Image, " ")
        ),
        C::UsernsRemap => format!(
            "L’image{} contient des fichiers dont l’identifiant de propriétaire est trop élevé pour que CircleCI puisse le réattribuer\u{a0}: le conteneur ne peut pas démarrer.",
            quoted(cause, A::Image, " ")
        ),
        C::ContainerStartFailed => format!(
            "Le conteneur{} n’a pas pu démarrer\u{a0}: son point d’entrée ou sa commande a échoué.",
            quoted(cause, A::Image, " de l’image ")
        ),
        C::OutOfMemory if cause.arg(A::Detail).is_some() => format!(
            "Un processus de l’étape est mort sans dire pourquoi ({}), le plus souvent parce que le système l’a tué faute de mémoire{}.",
            cause.arg(A::Detail).unwrap_or_default(),
            with(cause, A::ExitCode, " (code de sortie {})")
        ),
        C::OutOfMemory => format!(
            "L’étape a manqué de mémoire{}{}.",
            if cause.arg(A::Signal).is_some() {
                " et le système l’a tuée"
            } else {
                ""
            },
            with(cause, A::ExitCode, " (code de sortie {})")
        ),
        C::JvmHeapExhausted => "La machine virtuelle Java a manqué de mémoire pour son tas\u{a0}: elle a atteint sa propre limite (-Xmx), pas celle du conteneur.".to_owned(),
        C::NodeHeapExhausted => "Node.js a manqué de mémoire pour son tas\u{a0}: il a atteint sa propre limite, pas celle du conteneur.".to_owned(),
        C::AgentKilled => "L’agent de CircleCI a été tué au milieu du job, le plus souvent parce que le job utilisait trop de mémoire.".to_owned(),
        C::NoOutputTimeout => format!(
            "L’étape n’a rien affiché pendant{} et a été arrêtée (no_output_timeout).",
            cause.arg(A::Limit).map_or(" trop longtemps".to_owned(), |limit| format!(" {limit}"))
        ),
        C::JobRuntimeLimit => "Le job a duré plus longtemps que son offre ne le permet et a été arrêté.".to_owned(),
        C::StepTerminated => format!(
            "L’étape a été arrêtée par {} venu de l’extérieur{}\u{a0}: le job a été annulé ou a atteint une limite de durée.",
            cause.arg(A::Signal).map_or("un signal".to_owned(), |signal| format!("le signal {signal}")),
            with(cause, A::ExitCode, " (code de sortie {})")
        ),
        C::NoSpaceLeft => "Le disque est plein\u{a0}: plus d’espace disponible sur le périphérique.".to_owned(),
        C::BashEnvBroken => format!(
            "$BASH_ENV contient autre chose que du shell{}, et chaque étape suivante l’exécute d’abord.",
            quoted(cause, A::Command, "\u{a0}: il exécute ")
        ),
        C::CheckoutPublickey => format!(
            "L’hébergeur Git a refusé la clé SSH{}\u{a0}: la clé de checkout manque, a été révoquée ou n’a pas accès au dépôt.",
            with(cause, A::Repository, " pour {}")
        ),
        C::GitSshKeyRefused => format!(
            "L’hébergeur Git a refusé la clé SSH de cette étape{}\u{a0}: la clé dont dispose le job ne peut pas lire ce dépôt.",
            with(cause, A::Repository, " pour {}")
        ),
        C::CheckoutHostKey => "La clé SSH de l’hébergeur Git n’est pas une clé que le job connaît\u{a0}: la vérification de la clé d’hôte a échoué, ou ssh a demandé s’il fallait faire confiance à l’hôte et attendu une réponse.".to_owned(),
        C::CheckoutRepositoryNotFound => format!(
            "Le dépôt{} n’existe pas pour la clé utilisée par le job (un fork, ou un dépôt privé).",
            with(cause, A::Repository, " {}")
        ),
        C::CheckoutDirectoryNotEmpty => format!(
            "Le répertoire de checkout{} contient déjà des fichiers\u{a0}: checkout ne peut pas y cloner le dépôt.",
            with(cause, A::Path, " {}")
        ),
        C::CheckoutCommitMissing => "Le commit à construire n’est plus dans le dépôt (réécrit par un push forcé\u{a0}?).".to_owned(),
        C::GitCloneFailed => format!("git clone{} a échoué.", with(cause, A::Repository, " de {}")),
        C::GitPushReadOnlyKey => "Le push a utilisé la clé de checkout, qui est en lecture seule.".to_owned(),
        C::GitPushRejected => format!(
            "Le dépôt distant a refusé le push{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::CacheKeyTemplateError => match cause.arg(A::File) {
            Some(file) => format!("La clé de cache n’a pas pu être calculée\u{a0}: {file} n’existe pas à ce moment du job."),
            None => "Un modèle de la clé de cache n’a pas pu être calculé.".to_owned(),
        },
        C::CacheExtractFailed => format!(
            "Le cache restauré n’a pas pu être décompressé{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::CacheUploadFailed => format!(
            "Le cache n’a pas pu être enregistré{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::WorkspaceConcurrentFiles => format!(
            "Deux jobs exécutés en parallèle ont persisté le même fichier{} dans le workspace.",
            with(cause, A::Path, " ({})")
        ),
        C::WorkspacePathMissing => format!(
            "persist_to_workspace n’a rien trouvé à persister{}.",
            with(cause, A::Path, " dans {}")
        ),
        C::WorkspaceDownloadFailed => format!(
            "Le workspace n’a pas pu être téléchargé ou décompressé{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::WorkspaceUploadFailed => format!(
            "Le workspace n’a pas pu être envoyé{}.",
            with(cause, A::Detail, " ({})")
        ),
        C::TestResultsInvalid => format!(
            "CircleCI n’a pas pu lire les résultats de tests{}\u{a0}: ce n’est pas du JUnit XML qu’il accepte.",
            with(cause, A::File, " de {}")
        ),
        C::DockerDaemonUnavailable => match cause.arg(A::Host) {
            Some(host) if super::summary_en::on_this_container(host) => format!(
                "docker a été dirigé vers un moteur sur ce conteneur ({host}), où aucun ne tourne\u{a0}: avec setup_remote_docker, le moteur est sur une autre machine\u{a0}; utilisez le DOCKER_HOST que CircleCI définit, ou un exécuteur machine."
            ),
            _ => "docker n’a aucun moteur à qui parler\u{a0}: le job a besoin de setup_remote_docker, ou d’un exécuteur machine.".to_owned(),
        },
        C::DockerLoginFailed => format!(
            "docker login a été refusé{}\u{a0}: le nom d’utilisateur ou le mot de passe (jeton) est faux ou vide.",
            with(cause, A::Host, " par {}")
        ),
        C::DockerPushDenied => format!(
            "Le registre a refusé le push{}\u{a0}: pas connecté au registre, ou pas le droit d’y publier.",
            with(cause, A::Repository, " vers {}")
        ),
        C::NetworkFailure => match cause.arg(A::Host) {
            Some(host) if super::summary_en::is_local(host) => format!(
                "Rien n’a répondu sur {host}\u{a0}: le service auquel l’étape s’adresse ne tournait pas (encore)."
            ),
            host => format!(
                "Un accès réseau a échoué{}\u{a0}: l’hôte est introuvable, injoignable à temps ou son certificat est refusé.",
                host.map(|host| format!(" ({host})")).unwrap_or_default()
            ),
        },
        C::CommandNotFound => format!(
            "Le shell n’a pas trouvé la commande{}{}.",
            quoted(cause, A::Command, " "),
            with(cause, A::ExitCode, " (code de sortie {})")
        ),
        C::PathNotFound => format!(
            "Une commande avait besoin {}, qui n’existe pas{}.",
            cause
                .arg(A::Path)
                .map_or("d’un fichier ou d’un dossier".to_owned(), |path| format!("du chemin {}", q(path))),
            with(cause, A::ExitCode, " (code de sortie {})")
        ),
        C::NotExecutable => format!(
            "{} n’a pas pu être lancé\u{a0}: il n’est pas exécutable{}.",
            cause.arg(A::File).unwrap_or("Un fichier"),
            with(cause, A::ExitCode, " (code de sortie {})")
        ),
        C::LockfileOutOfDate => format!(
            "Le fichier de verrouillage{}{} ne correspond plus aux dépendances qu’il fige.",
            with(cause, A::File, " {}"),
            with(cause, A::Tool, " ({})")
        ),
        C::NpmDependencyConflict => "npm n’a pas pu résoudre l’arbre des dépendances\u{a0}: deux paquets demandent des versions incompatibles.".to_owned(),
        C::PipNoMatchingDistribution => format!(
            "pip n’a trouvé aucune version{} qui convienne à ce Python et à cette plateforme, ou les exigences se contredisent.",
            with(cause, A::Package, " de {}")
        ),
        C::PipWheelBuildFailed => format!(
            "pip n’a pas pu compiler{} depuis les sources\u{a0}: aucune wheel toute prête ne convient à ce Python et à cette plateforme, et la compilation demande un compilateur ou des en-têtes absents de l’image.",
            quoted(cause, A::Package, " ")
        ),
        C::BundlerVersionMismatch => format!(
            "Le fichier de verrouillage demande Bundler{}, qui n’est pas installé dans l’image.",
            with(cause, A::Version, " {}")
        ),
        C::ComposerUnresolvable => format!(
            "Composer n’a trouvé aucun ensemble de versions qui respecte les contraintes et ce PHP{}.",
            with(cause, A::Detail, "\u{a0}: {}")
        ),
        C::SecurityScanFindings => format!(
            "Une analyse de sécurité a trouvé {}{} et a fait échouer l’étape à dessein.",
            cause
                .arg(A::Count)
                .map_or("des problèmes".to_owned(), |number| count(number, "problème", "problèmes")),
            cause
                .arg(A::Package)
                .map(|package| format!(" (le premier dans {})", q(package)))
                .unwrap_or_default()
        ),
        C::KubectlRolloutTimeout => format!(
            "Le déploiement{} n’est pas devenu prêt avant son délai de progression.",
            quoted(cause, A::Deployment, " ")
        ),
        C::SetupWorkflowsDisabled => "Le workflow de setup n’a pas pu poursuivre le pipeline\u{a0}: les workflows de setup ne sont pas activés pour le projet, ou la configuration n’a pas setup: true.".to_owned(),
        C::HttpErrorStatus => format!(
            "Un téléchargement a reçu {}{}\u{a0}: le serveur a été joint et a refusé.",
            cause
                .arg(A::Status)
                .map_or("une réponse HTTP d’erreur".to_owned(), |status| format!("la réponse HTTP {status}")),
            with(cause, A::Url, " pour {}")
        ),
        C::ServiceNotReady => format!(
            "Un service du job{} n’acceptait pas de connexion\u{a0}: il démarrait encore, ou il n’existe pas.",
            with(cause, A::Host, " ({})")
        ),
        C::DependencyResolutionFailed => format!(
            "L’outil de build n’a pas pu télécharger ou résoudre une dépendance{}.",
            with(cause, A::Package, "\u{a0}: {}")
        ),
        C::DependencyChecksumMismatch => format!(
            "Une dépendance téléchargée{} ne correspond pas à la somme de contrôle enregistrée pour elle (dans son fichier de verrouillage, ou à côté du téléchargement).",
            with(cause, A::Package, " ({})")
        ),
        C::CodeSigningFailed => format!(
            "Xcode n’a pas pu signer l’application{}\u{a0}: le certificat ou le profil de provisionnement n’est pas installé sur cette machine, ou le trousseau est verrouillé.",
            with(cause, A::Detail, " ({})")
        ),
        C::CloudAuthFailed => format!(
            "{} n’avait pas d’identifiants valides\u{a0}: le secret n’est pas défini pour ce job, ou il a expiré.",
            cause.arg(A::Tool).map_or("Un outil en ligne de commande du cloud".to_owned(), |tool| format!("L’outil en ligne de commande {tool}"))
        ),
        C::DockerBuildFailed => format!(
            "Une commande du Dockerfile a échoué{}{}, et docker build s’est arrêté\u{a0}: son erreur est affichée au-dessus, dans la sortie du build.",
            cause
                .arg(A::Command)
                .map(|command| format!(" (RUN {})", q(command)))
                .unwrap_or_default(),
            with(cause, A::ExitCode, ", code de sortie {}")
        ),
        C::GitHttpsAuthFailed => format!(
            "git n’avait pas d’identifiants utilisables pour{} en HTTPS\u{a0}: aucun jeton dans le job, ou un jeton refusé.",
            cause.arg(A::Host).map_or(" l’hébergeur Git".to_owned(), |host| format!(" {host}"))
        ),
        C::PipExternallyManaged => "Le Python du système refuse pip install hors d’un environnement virtuel.".to_owned(),
        C::PythonModuleNotFound => format!(
            "Python n’a pas pu importer le module{}.",
            with(cause, A::Package, " {}")
        ),
        C::NodeModuleNotFound => format!(
            "Node.js n’a pas trouvé le module{}.",
            with(cause, A::Package, " {}")
        ),
        C::PytestFailures => runner(cause, "pytest"),
        C::UnittestFailures => runner(cause, "Le lanceur de tests (unittest)"),
        C::JestFailures => runner(cause, "Jest"),
        C::MochaFailures => runner(cause, "Mocha"),
        C::RspecFailures => runner(cause, "RSpec"),
        C::GoTestFailures => runner(cause, "go test"),
        C::CargoTestFailures => runner(cause, "cargo test"),
        C::MavenTestFailures => runner(cause, "Maven (Surefire)"),
        C::GradleTestFailures => runner(cause, "Gradle"),
        C::CoverageBelowThreshold => match (cause.arg(A::Total), cause.arg(A::Required)) {
            (Some(total), Some(required)) => format!("Les tests couvrent {total} du code, moins que les {required} exigés."),
            _ => "Les tests couvrent moins de code que le seuil exigé.".to_owned(),
        },
        C::LintFindings => format!(
            "Le linter ou le compilateur a trouvé {}{}.",
            cause
                .arg(A::Count)
                .map_or("des problèmes".to_owned(), |number| count(number, "problème", "problèmes")),
            with(cause, A::Location, ", le premier à {}")
        ),
        C::CacheMiss => format!(
            "Aucun cache ne correspond{}\u{a0}: premier build avec cette clé, ou la clé a changé. Ce n’est pas un échec.",
            with(cause, A::Key, " à la clé {}")
        ),
        C::CacheAlreadyExists => format!(
            "Un cache existe déjà pour{}, il n’est donc pas enregistré de nouveau. Ce n’est pas un échec.",
            cause.arg(A::Key).map_or(" cette clé".to_owned(), |key| format!(" la clé {key}"))
        ),
        C::CacheSavedEmpty => format!(
            "Un cache vide (32\u{a0}o) a été enregistré{}\u{a0}; il est restauré tel quel tant que sa clé ne change pas et qu’il n’expire pas.",
            with(cause, A::Path, "\u{a0}: {} manquait")
        ),
        C::ArtifactsNotFound => format!(
            "store_artifacts n’a rien trouvé{}. Ce n’est pas un échec en soi.",
            with(cause, A::Path, " dans {}")
        ),
        C::TestResultsNotFound => format!(
            "store_test_results n’a trouvé aucun résultat de tests{}. Ce n’est pas un échec en soi.",
            with(cause, A::Path, " dans {}")
        ),
        C::LocalStepUnsupported => "circleci local execute ne peut pas exécuter cette étape sur un poste de travail\u{a0}: c’est normal, ce n’est pas un échec.".to_owned(),
    }
}
