#!/usr/bin/env node
// Writes a large, realistic CircleCI job-page log for the benchmarks (BENCHMARKS.md):
//
//   node scripts/make-big-log.mjs [SIZE_MB=100] [OUT=target/bench/big-<SIZE_MB>mb.log]
//
// The log starts with the seed log's spin-up, environment and checkout steps, then repeats run steps with
// varied titles until it reaches SIZE_MB (10^6 bytes each): pytest, jest, npm, docker and pip output with
// the ANSI colours and bold those tools print, `\r` progress redraws, steps copied from the seed log and
// runs of lines from the corpus logs (or, without the corpus, from the tests' fixtures), and now and then
// a failing step. It is deterministic: the same size and inputs give the same bytes (a seeded generator,
// and the inputs read in sorted order).
import { mkdirSync, openSync, readdirSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from './lib/corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Filler lines come from the real-world corpus when it is here, else from the tests' own fixtures (the log
// is then different, and its figures are not comparable with those in BENCHMARKS.md: it says so).
const CORPUS = corpusDir();
const FILLER_LOGS = CORPUS ? [join(CORPUS, 'logs')] : [join(ROOT, 'crates/core/tests/fixtures/logs'), join(ROOT, 'crates/core/tests/fixtures/causes')];
if (!CORPUS) console.error('make-big-log: the corpus is not here; filler lines come from the fixtures instead');
const SEED_LOG = join(ROOT, 'samples/seed-build-and-test.log');

const sizeMb = Number(process.argv[2] ?? 100);
if (!Number.isFinite(sizeMb) || sizeMb <= 0) {
  console.error(`make-big-log: size must be a positive number of MB, got ${process.argv[2]}`);
  process.exit(2);
}
const out = resolve(process.argv[3] ?? join(ROOT, `target/bench/big-${sizeMb}mb.log`));
const targetBytes = Math.round(sizeMb * 1e6);

/** mulberry32: a small, seeded pseudo-random generator, so that every run writes the same log. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20240226);
const int = (below) => Math.floor(random() * below);
const pick = (items) => items[int(items.length)];
const chance = (p) => random() < p;

// ANSI SGR sequences as jest, pytest and npm print them.
const CSI = '\x1b[';
const sgr = (codes, text) => `${CSI}${codes}m${text}${CSI}0m`;
const green = (text) => `${CSI}32m${text}${CSI}39m`;
const red = (text) => `${CSI}31m${text}${CSI}39m`;
const yellow = (text) => `${CSI}33m${text}${CSI}39m`;
const grey = (text) => `${CSI}90m${text}${CSI}39m`;
const bold = (text) => `${CSI}1m${text}${CSI}22m`;

// The seed log: its first three steps open the log; its later steps are reused whole.
const seedLines = readFileSync(SEED_LOG, 'utf8').replace(/\n$/, '').split('\n');
const linkLockfile = seedLines.indexOf('Link lockfile');
const preamble = seedLines.slice(0, linkLockfile);
const seedSteps = splitSeedSteps(seedLines.slice(linkLockfile));

/** Splits the seed log's run steps: each title is the line after a blank line that a shebang follows. */
function splitSeedSteps(lines) {
  const steps = [];
  let current = null;
  lines.forEach((line, index) => {
    const startsStep =
      (index === 0 || lines[index - 1] === '') &&
      line !== '' &&
      (lines[index + 1]?.startsWith('#!') || /^(Restoring|Saving) cache$|^Persisting/.test(line));
    if (startsStep) {
      current = { title: line, body: [] };
      steps.push(current);
    } else if (current) {
      current.body.push(line);
    }
  });
  return steps;
}

// The corpus logs' lines, as filler output; lines that would change the log's format (local-execute
// headers, JSON) or start a new step (shebangs) are left out.
const corpusLines = FILLER_LOGS
  .flatMap((dir) => readdirSync(dir)
    .filter((name) => /\.(txt|log)$/.test(name) && !name.startsWith('api-'))
    .sort()
    .map((name) => join(dir, name)))
  .flatMap((file) => readFileSync(file, 'utf8').split(/\r?\n/))
  .filter((line) => line.trim() !== '' && !/^\s*(#!|[{}[\]])/.test(line) && !/====>>|Exited with code/.test(line));

const PACKAGES = ['lodash', 'react', 'webpack', 'babel-core', 'typescript', 'eslint', 'jest-circus', 'chokidar',
  'fsevents', 'request', 'uuid', 'glob', 'rimraf', 'inflight', 'node-fetch', 'axios', 'moment', 'core-js'];
const MODULES = ['api', 'auth', 'billing', 'cart', 'catalog', 'checkout', 'core', 'i18n', 'orders', 'profiles',
  'search', 'shipping', 'users', 'utils', 'webhooks'];
const VERBS = ['renders', 'returns', 'rejects', 'parses', 'serialises', 'retries', 'caches', 'validates',
  'redirects', 'paginates', 'sorts', 'filters'];
const NOUNS = ['an empty list', 'the default locale', 'a missing token', 'a 404 page', 'the cart total',
  'unicode names', 'a stale cache entry', 'three pages of results', 'an expired session', 'nested routes'];
const testName = () => `${pick(VERBS)} ${pick(NOUNS)} when ${pick(NOUNS)} is given`;
const hex = (length) => Array.from({ length }, () => '0123456789abcdef'[int(16)]).join('');

/** pytest with `--color=yes`: bold session rules, green dots and red Fs, a coloured summary. */
function pytestOutput(failing) {
  const lines = [
    bold('============================= test session starts =============================='),
    'platform linux -- Python 3.12.0, pytest-8.0.2, pluggy-1.4.0',
    'rootdir: /home/circleci/project',
    `collected ${100 + int(900)} items`,
    '',
  ];
  const files = 20 + int(60);
  for (let file = 0; file < files; file += 1) {
    const count = 2 + int(14);
    const marks = Array.from({ length: count }, () => (failing && chance(0.01) ? red('F') : green('.'))).join('');
    lines.push(`tests/${pick(MODULES)}/test_${pick(MODULES)}_${file}.py ${marks}${' '.repeat(int(20))}${green(`[${Math.round(((file + 1) / files) * 100)}%]`)}`);
  }
  lines.push('');
  if (failing) {
    lines.push(red('=================================== FAILURES ==================================='));
    lines.push(red(bold(`_____________________ test_${pick(MODULES)}_${int(99)} _____________________`)));
    lines.push(`    def test_${pick(MODULES)}():`, `>       assert response.status_code == 200`, red(bold('E       assert 500 == 200')));
    lines.push(red(`=========== 1 failed, ${200 + int(700)} passed, 3 warnings in ${int(90)}.${int(99)}s ===========`));
  } else {
    lines.push(green(`======================= ${200 + int(700)} passed, 2 warnings in ${int(90)}.${int(99)}s =======================`));
  }
  return lines;
}

/** jest: inverse-video PASS/FAIL badges, green ticks, grey timings, a bold summary. */
function jestOutput(failing) {
  const lines = [];
  const suites = 10 + int(30);
  for (let suite = 0; suite < suites; suite += 1) {
    const fails = failing && suite === suites - 1;
    const badge = fails ? `${CSI}1m${CSI}41m FAIL ${CSI}49m${CSI}22m` : `${CSI}1m${CSI}42m${CSI}30m PASS ${CSI}39m${CSI}49m${CSI}22m`;
    lines.push(`${badge} ${grey(`src/${pick(MODULES)}/`)}${bold(`${pick(MODULES)}.test.ts`)} (${int(9)}.${int(999)} s)`);
    lines.push(`  ${pick(MODULES)}`);
    const tests = 3 + int(12);
    for (let test = 0; test < tests; test += 1) {
      const failsHere = fails && test === 0;
      lines.push(`    ${failsHere ? red('✕') : green('✓')} ${testName()} ${grey(`(${1 + int(300)} ms)`)}`);
    }
    lines.push('');
  }
  lines.push(`${bold('Test Suites:')} ${failing ? `${red(bold('1 failed'))}, ` : ''}${green(bold(`${suites} passed`))}, ${suites} total`);
  lines.push(`${bold('Tests:')}       ${green(bold(`${suites * 8} passed`))}, ${suites * 8} total`);
  lines.push(`${bold('Time:')}        ${int(120)}.${int(999)} s`);
  lines.push(grey('Ran all test suites.'));
  return lines;
}

/** npm ci: yellow WARN lines, a progress bar redrawn with `\r`, the final count. */
function npmOutput() {
  const lines = [];
  for (let warn = 0; warn < 3 + int(10); warn += 1) {
    lines.push(`${yellow('npm')} ${sgr('30;43', 'WARN')} ${sgr('35', 'deprecated')} ${pick(PACKAGES)}@${int(9)}.${int(20)}.${int(9)}: This version is no longer supported. Please upgrade to the latest version.`);
  }
  for (let burst = 0; burst < 10 + int(20); burst += 1) {
    const frames = 2 + int(3);
    const redraws = Array.from({ length: frames }, (_, frame) => {
      const done = Math.min(18, Math.round(((burst * frames + frame) % 60) / 3.3));
      return `${CSI}2K${grey('⸨')}${'#'.repeat(done)}${'·'.repeat(18 - done)}${grey('⸩')} ⠧ reify:${pick(PACKAGES)}: ${sgr('32', 'timing')} reifyNode:node_modules/${pick(PACKAGES)} Completed in ${int(3000)}ms`;
    });
    lines.push(redraws.join('\r'));
  }
  lines.push('', `added ${800 + int(1500)} packages, and audited ${900 + int(1500)} packages in ${int(60)}s`, '');
  lines.push(`${120 + int(80)} packages are looking for funding`, '  run `npm fund` for details', '');
  lines.push(`${int(12)} vulnerabilities (${int(5)} ${bold('moderate')}, ${int(5)} ${red(bold('high'))})`);
  return lines;
}

/** docker build and push: layer progress redrawn with `\r`, steps, digests. */
function dockerOutput() {
  const lines = [`Sending build context to Docker daemon  ${int(400)}.${int(99)}MB`];
  const steps = 8 + int(12);
  for (let step = 1; step <= steps; step += 1) {
    lines.push(`Step ${step}/${steps} : RUN pip install --no-cache-dir -r requirements-${pick(MODULES)}.txt`);
    lines.push(` ---> Running in ${hex(12)}`);
    for (let layer = 0; layer < 2 + int(5); layer += 1) {
      const id = hex(12);
      const frames = Array.from({ length: 2 + int(3) }, (_, frame) => `${id}: Downloading [${'='.repeat(frame * 6)}>${' '.repeat(Math.max(0, 48 - frame * 6))}]  ${frame * 4}.${int(9)}MB/${40 + int(30)}MB`);
      lines.push(frames.join('\r'), `${id}: Pull complete`);
    }
    lines.push(` ---> ${hex(12)}`, `Removing intermediate container ${hex(12)}`);
  }
  lines.push(`Successfully built ${hex(12)}`, `Successfully tagged ${pick(MODULES)}:${hex(7)}`);
  lines.push(`${pick(MODULES)}: digest: sha256:${hex(64)} size: ${1000 + int(9000)}`);
  return lines;
}

/** pip install: Collecting/Downloading lines, a coloured progress bar, the installed list. */
function pipOutput() {
  const lines = [];
  const names = [];
  for (let count = 0; count < 15 + int(40); count += 1) {
    const name = `${pick(MODULES)}-${pick(['client', 'core', 'sdk', 'utils', 'plugin'])}`;
    names.push(`${name}-${int(9)}.${int(30)}.${int(9)}`);
    lines.push(`Collecting ${name}==${int(9)}.${int(30)}.${int(9)} (from -r requirements.txt (line ${1 + int(80)}))`);
    lines.push(`  Downloading ${name.replace('-', '_')}-${int(9)}.${int(30)}.${int(9)}-py3-none-any.whl (${int(900)} kB)`);
    lines.push(`     ${sgr('38;2;114;156;31', '━'.repeat(40))} ${sgr('32', `${int(900)}.${int(9)}/${int(900)}.${int(9)} kB`)} ${sgr('31', `${int(40)}.${int(9)} MB/s`)} eta ${sgr('36', '0:00:00')}`);
  }
  lines.push(`Installing collected packages: ${names.slice(0, 12).join(', ')}`);
  lines.push(`Successfully installed ${names.join(' ')}`);
  return lines;
}

/** A run of consecutive corpus lines, as the output of some build script. */
function corpusOutput() {
  const start = int(corpusLines.length);
  return corpusLines.slice(start, start + 40 + int(160));
}

const RUN_STEPS = [
  { weight: 3, titles: ['Run tests', 'pytest (shard %)', 'Run unit tests for %', 'Integration tests: %'], command: 'pipenv run pytest --color=yes -n 4 tests/%', output: pytestOutput, fails: 0.05 },
  { weight: 3, titles: ['Run jest', 'yarn test --shard=%', 'Test web app (%)', 'Frontend tests %'], command: 'npx jest --ci --colors --shard=%/40', output: jestOutput, fails: 0.05 },
  { weight: 2, titles: ['npm ci', 'Install node modules (%)', 'Install dependencies %'], command: 'npm ci --no-audit --loglevel=timing', output: npmOutput, fails: 0 },
  { weight: 1, titles: ['Build and push image %', 'docker build %', 'Build container (%)'], command: 'docker build -t app:$CIRCLE_SHA1 services/%', output: dockerOutput, fails: 0.02 },
  { weight: 2, titles: ['pip install (%)', 'Install Python requirements %'], command: 'pip install -r requirements/%.txt', output: pipOutput, fails: 0 },
  { weight: 2, titles: ['Run build script %', 'make % ', 'Deploy % to staging'], command: './scripts/ci/%.sh', output: corpusOutput, fails: 0.03 },
];
const WEIGHTED = RUN_STEPS.flatMap((step) => Array(step.weight).fill(step));

/** The lines of one step: a run step with a varied title, or a step of the seed log. */
function nextStep(counter) {
  if (chance(0.15)) {
    const step = pick(seedSteps);
    return [step.title, ...step.body];
  }
  const kind = pick(WEIGHTED);
  const label = `${pick(MODULES)}-${counter}`;
  const failing = chance(kind.fails);
  const lines = [pick(kind.titles).replace('%', label), '#!/bin/bash -eo pipefail', kind.command.replace('%', label), '', ...kind.output(failing)];
  if (failing) {
    lines.push('', 'Exited with code exit status 1');
  }
  lines.push('');
  return lines;
}

mkdirSync(dirname(out), { recursive: true });
const fd = openSync(out, 'w');
let written = 0;
let lineCount = 0;
let pending = [];
let pendingBytes = 0;
const flush = () => {
  writeSync(fd, pending.join(''));
  pending = [];
  pendingBytes = 0;
};
const emit = (lines) => {
  const text = `${lines.join('\n')}\n`;
  const bytes = Buffer.byteLength(text);
  pending.push(text);
  pendingBytes += bytes;
  written += bytes;
  lineCount += lines.length;
  if (pendingBytes > 4e6) flush();
};

emit(preamble);
for (let counter = 1; written < targetBytes; counter += 1) {
  emit(nextStep(counter));
}
flush();
closeSync(fd);
console.log(`make-big-log: wrote ${out}: ${written} bytes, ${lineCount} lines`);
