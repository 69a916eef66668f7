// The project's own inputs, so that the end-to-end tests need nothing beside the repository: the samples
// (samples/), the hand-written fixtures of the core's tests (crates/core/tests/fixtures/logs, configs) and
// the real-shaped failed logs, one per cause of the failure catalogue (crates/core/tests/fixtures/causes/<id>.log,
// a header, `---`, then the log).
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(REPO, 'crates/core/tests/fixtures');

/** The log of the cause fixture `name` (e.g. `pytest-failures`), without its header. */
export function causeLog(name) {
  const text = fs.readFileSync(path.join(FIXTURES, 'causes', `${name}.log`), 'utf8');
  return text.slice(text.indexOf('\n---\n') + 5);
}

/** The text of a fixture, e.g. `logs/job-page-passing.txt` or `configs/version-2.yml`. */
export function fixtureText(relative) {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
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
