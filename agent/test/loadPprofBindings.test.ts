import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPprofBindings } from '../src/collect/loadPprofBindings';

const loadedAddon = (): boolean => Object.keys(require.cache).some((file) => file.includes('@datadog'));

describe('loadPprofBindings', () => {
  for (const version of ['20.20.2', '22.6.0', '18.20.0']) {
    it(`turns Node ${version} down without loading @datadog/pprof`, () => {
      const before = loadedAddon();
      const result = loadPprofBindings(version);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, /no AsyncContextFrame \(Node 22\.7\+\)/);
      assert.equal(loadedAddon(), before);
    });
  }

  it('loads the native time profiler where this runtime has AsyncContextFrame on', () => {
    const result = loadPprofBindings();
    const major = Number(process.versions.node.split('.')[0]);
    assert.equal(result.ok, major >= 24);
    if (major < 22) {
      assert.equal(loadedAddon(), false);
    }
  });
});
