// Where the real-world corpus of CircleCI logs and configs is (listed in corpus-manifest.tsv, fetched by
// scripts/fetch-corpus.sh): $PIPELENS_CORPUS, else ../shared/corpus beside the repository, else nowhere.
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

/** The corpus folder, or `null` when it is not on this machine. `$PIPELENS_CORPUS` must exist when set. */
export function corpusDir() {
  const configured = process.env.PIPELENS_CORPUS;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PIPELENS_CORPUS is ${configured}, which does not exist: run scripts/fetch-corpus.sh ${configured}`);
    return path.resolve(configured);
  }
  const beside = path.resolve(REPO, '../shared/corpus');
  return existsSync(beside) ? beside : null;
}

/** The path of a corpus file (`configs/x.yml`) when it is on this machine, else `null`. */
export function corpusFile(relative) {
  const dir = corpusDir();
  const file = dir && path.join(dir, relative);
  return file && existsSync(file) ? file : null;
}
