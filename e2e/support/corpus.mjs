// Reading the shared corpus of real CircleCI logs and configs (../shared/corpus beside the repository)
// and the project's own samples.
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(REPO, '../shared/corpus');

/** The text of a corpus file, e.g. `logs/issue__regro__libcfgraph__17.txt`; fails loudly if missing. */
export function corpusText(relative) {
  return fs.readFileSync(path.join(CORPUS, relative), 'utf8');
}

/** The path of a project sample, e.g. `seed-build-and-test.log`. */
export function samplePath(name) {
  return path.join(REPO, 'samples', name);
}

/** The titles of the twelve phases of the seed log (`samples/seed-build-and-test.log`), in order. */
export const SEED_PHASE_TITLES = [
  'Spin up environment',
  'Preparing environment variables',
  'Checkout code',
  'Link lockfile',
  'Save python version',
  'Restoring cache',
  'Move restored cache',
  'Install dependencies with pipenv using project Pipfile or inline packages',
  'Copy to cache directory',
  'Saving cache',
  'Run tests',
  'Persisting to workspace',
];
