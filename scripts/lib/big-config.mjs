// A large CircleCI configuration written from nothing, the same every time: the tests and benchmarks that
// need thousands of lines do not depend on the real-world corpus being beside the repository.

/** One test job of the Orange County Lettings project, for app number `index`, with `checks` lines of
 * checking script. */
function testJob(index, checks) {
  const app = `app${String(index).padStart(3, '0')}`;
  return [
    `  test-${app}:`,
    '    executor: python',
    '    parallelism: 2',
    '    environment:',
    `      DJANGO_SETTINGS_MODULE: ${app}.settings.ci`,
    '      DATABASE_URL: postgres://postgres@localhost/lettings',
    '      PYTHONDONTWRITEBYTECODE: "1"',
    '    steps:',
    '      - checkout',
    '      - install',
    '      - run:',
    `          name: Lint ${app}`,
    `          command: flake8 ${app}`,
    '      - run:',
    `          name: Test ${app}`,
    '          command: |',
    `            TESTS=$(circleci tests glob "${app}/tests/**/test_*.py" | circleci tests split --split-by=timings)`,
    '            pipenv run pytest --junitxml=test-results/junit.xml $TESTS',
    '      - run:',
    '          name: Save the logs of a failed run',
    '          when: on_fail',
    `          command: mkdir -p /tmp/logs && cp -r ${app}/logs /tmp/logs || true`,
    '      - run:',
    '          name: Check the migrations and the templates',
    '          command: |',
    ...Array.from({ length: checks }, (_, check) => `            pipenv run python manage.py check --tag check${check} ${app}`),
    '      - store_test_results:',
    '          path: test-results',
    '      - store_artifacts:',
    '          path: htmlcov',
    `          destination: coverage-${app}`,
    '      - persist_to_workspace:',
    '          root: .',
    '          paths:',
    `            - ${app}/dist`,
    '',
  ];
}

/**
 * A version 2.1 configuration of about `minimumLines` lines (at least that many): an executor, a command
 * with a cache, `jobs` test jobs, one per application, and a workflow where every test job waits for the
 * build and the deploy waits for them all.
 */
export function bigConfig(minimumLines = 17_800, jobs = 250) {
  const head = [
    'version: 2.1',
    '',
    'executors:',
    '  python:',
    '    docker:',
    '      - image: cimg/python:3.12',
    '        environment:',
    '          PIPENV_VENV_IN_PROJECT: "true"',
    '      - image: cimg/postgres:16.2',
    '',
    'commands:',
    '  install:',
    '    steps:',
    '      - restore_cache:',
    '          keys:',
    '            - v1-deps-{{ checksum "Pipfile.lock" }}',
    '            - v1-deps-',
    '      - run: pipenv install --dev',
    '      - save_cache:',
    '          key: v1-deps-{{ checksum "Pipfile.lock" }}',
    '          paths:',
    '            - .venv',
    '',
    'jobs:',
    '  build:',
    '    executor: python',
    '    steps:',
    '      - checkout',
    '      - install',
    '      - run: pipenv run python manage.py collectstatic --noinput',
    '',
  ];
  const deploy = [
    '  deploy:',
    '    docker:',
    '      - image: cimg/base:2024.02',
    '    steps:',
    '      - attach_workspace:',
    '          at: .',
    '      - run: curl -fsS "$RENDER_DEPLOY_HOOK"',
    '',
  ];
  // Each test job costs its block, three lines in the workflow and one in the deploy's requirements.
  const fixed = head.length + deploy.length + 8 + jobs * (testJob(0, 0).length + 4);
  const checks = Math.max(0, Math.ceil((minimumLines - fixed) / jobs));
  const count = jobs;
  const names = Array.from({ length: count }, (_, index) => `test-app${String(index).padStart(3, '0')}`);
  const lines = [...head];
  for (let index = 0; index < count; index += 1) lines.push(...testJob(index, checks));
  lines.push(...deploy);
  lines.push('workflows:', '  build-test-deploy:', '    jobs:', '      - build');
  for (const name of names) lines.push(`      - ${name}:`, '          requires: [build]', '          context: lettings');
  lines.push('      - deploy:', '          requires:');
  for (const name of names) lines.push(`            - ${name}`);
  lines.push('          filters:', '            branches:', '              only: main');
  return `${lines.join('\n')}\n`;
}
