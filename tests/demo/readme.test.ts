import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { variablesReadBy } from '../support/variablesReadBy';

const root = resolve(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README.md names only settings and commands that exist', () => {
  it('every PYROSCOPE_* variable it names is read by the agent, the FastAPI scenario or `npm run pyroscope`', () => {
    const readers = variablesReadBy(
      [
        join(root, 'agent', 'src', 'config'),
        join(root, 'samples', 'fastapi-app', 'app'),
        join(root, 'tests', 'pyroscope'),
      ],
      ['.ts', '.py']
    );
    const named = [...new Set(readme.match(/\bPYROSCOPE_[A-Z_]+\b/g) ?? [])];
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !readers.has(name))).toEqual([]);
  });

  it('every `npm run` script it names is in package.json', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    );
    const named = [...new Set([...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((match) => match[1]!))];
    expect(named).toContain('package');
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('every repository file or folder it links to exists', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !existsSync(join(root, link)))).toEqual([]);
  });
});
