import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { zipFolder } from './zipFolder';

// Python's zipfile reads the archive as an independent implementation: names, contents and Unix modes.
const LIST = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps({i.filename: [z.read(i).decode(), oct(i.external_attr >> 16)] for i in z.infolist()}))
`;

describe('zipFolder', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zip-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('packs a folder under one top folder, with contents and executable bits intact', () => {
    const plugin = join(dir, 'dist');
    mkdirSync(join(plugin, 'datasource'), { recursive: true });
    writeFileSync(join(plugin, 'plugin.json'), '{"id":"emberlabs-profiles-app"}');
    writeFileSync(join(plugin, 'datasource', 'gpx_profiles_linux_amd64'), '#!/bin/sh\nexec node "$0.js"\n'.repeat(20));
    chmodSync(join(plugin, 'datasource', 'gpx_profiles_linux_amd64'), 0o755);
    writeFileSync(join(plugin, 'empty.txt'), '');
    const zip = join(dir, 'plugin.zip');
    writeFileSync(zip, zipFolder(plugin, 'emberlabs-profiles-app'));

    const listed = JSON.parse(execFileSync('python3', ['-c', LIST, zip], { encoding: 'utf8' })) as Record<
      string,
      [string, string]
    >;
    expect(listed).toEqual({
      'emberlabs-profiles-app/': ['', '0o40755'],
      'emberlabs-profiles-app/datasource/': ['', '0o40755'],
      'emberlabs-profiles-app/datasource/gpx_profiles_linux_amd64': [
        '#!/bin/sh\nexec node "$0.js"\n'.repeat(20),
        '0o100755',
      ],
      'emberlabs-profiles-app/empty.txt': ['', '0o100644'],
      'emberlabs-profiles-app/plugin.json': ['{"id":"emberlabs-profiles-app"}', '0o100644'],
    });
  });

  it('packs the same folder to the same bytes', () => {
    writeFileSync(join(dir, 'a.txt'), 'a');
    expect(zipFolder(dir, 'p').equals(zipFolder(dir, 'p'))).toBe(true);
  });
});
