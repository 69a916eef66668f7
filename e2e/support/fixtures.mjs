// The project's own fixtures: real-shaped failed logs, one per cause of the failure catalogue
// (crates/core/tests/fixtures/causes/<id>.log, a header, `---`, then the log).
import fs from 'node:fs';
import path from 'node:path';

const CAUSES = path.resolve(import.meta.dirname, '../../crates/core/tests/fixtures/causes');

/** The log of the fixture `name` (e.g. `pytest-failures`), without its header. */
export function causeLog(name) {
  const text = fs.readFileSync(path.join(CAUSES, `${name}.log`), 'utf8');
  return text.slice(text.indexOf('\n---\n') + 5);
}
