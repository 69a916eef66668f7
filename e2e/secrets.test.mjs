// Secrets in pasted text are pointed out, line by line, and can be masked in the editor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

const TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
const LOG = [
  'Run tests',
  '#!/bin/bash -eo pipefail',
  `git clone https://x-access-token:${TOKEN}@github.com/acme/app.git`,
  '',
  'export DB_PASSWORD=hunter2xyz',
  'echo $DB_PASSWORD is a reference, not a secret',
  '',
].join('\n');

test('secrets in a log are listed with their lines, then masked in the editor', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', LOG);
  const notice = lens.byTestId('secrets-notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /Secrets found: 2\./);
  assert.match(text, /line 3/);
  assert.match(text, /a password \(line 5\)/);

  await lens.byTestId('lang-fr').click();
  await lens.byTestId('secrets-notice').filter({ hasText: 'un mot de passe (ligne 5)' }).waitFor();

  await lens.byTestId('mask-secrets').click();
  await lens.byTestId('secrets-masked').waitFor();
  const masked = await lens.byTestId('log-input').inputValue();
  assert.ok(!masked.includes(TOKEN) && !masked.includes('hunter2xyz'), masked);
  assert.match(masked, /export DB_PASSWORD=••••••••/);
  assert.equal(masked.split('\n').length, LOG.split('\n').length);
  assert.match(masked, /echo \$DB_PASSWORD is a reference/);
  await lens.close();
});

test('a literal secret in a config is pointed out too', async () => {
  const lens = await site.open('en/config');
  const config = 'version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n        auth:\n          username: me\n          password: s3cr3t-Passw0rd\n    steps: [checkout]\nworkflows:\n  main:\n    jobs: [build]\n';
  await lens.paste('config-input', config);
  await lens.byTestId('secrets-notice').filter({ hasText: 'a password (line 8)' }).waitFor();
  await lens.byTestId('mask-secrets').click();
  assert.match(await lens.byTestId('config-input').inputValue(), /password: ••••••••\n/);
  await lens.close();
});
