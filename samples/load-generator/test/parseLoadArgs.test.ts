import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MIXES } from '../src/mixes';
import { parseLoadArgs } from '../src/parseLoadArgs';

describe('parseLoadArgs', () => {
  it('applies defaults: 8 workers, the standard mix, 30 s', () => {
    const args = parseLoadArgs(['--url', 'http://127.0.0.1:8080']);
    assert.deepEqual(
      { ...args, mix: undefined },
      {
        url: 'http://127.0.0.1:8080',
        concurrency: 8,
        mixName: 'standard',
        mix: undefined,
        warmupS: 0,
        durationS: 30,
        requests: undefined,
        thinkMs: 0,
        timeoutMs: 30000,
        control: false,
      }
    );
    assert.equal(args.mix, MIXES.standard);
  });

  it('bounds a request-count run by an hour unless --duration says otherwise', () => {
    assert.equal(parseLoadArgs(['--url', 'http://x', '--requests', '500']).durationS, 3600);
    assert.equal(parseLoadArgs(['--url', 'http://x', '--requests', '500', '--duration', '5']).durationS, 5);
  });

  it('says which flag to change', () => {
    assert.throws(() => parseLoadArgs([]), /--url must be the service's base URL/);
    assert.throws(() => parseLoadArgs(['--url', 'http://x', '--mix', 'heavy']), /--mix must be one of standard, light/);
    assert.throws(
      () => parseLoadArgs(['--url', 'http://x', '--concurrency', '0']),
      /--concurrency must be a number from 1 to 1024, got "0"/
    );
    assert.throws(() => parseLoadArgs(['--url', 'http://x', '--bogus']), /Unknown option '--bogus'/);
  });
});
