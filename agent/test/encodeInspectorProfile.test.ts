import assert from 'node:assert/strict';
import { Session } from 'node:inspector';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { Profile } from 'pprof-format';
import { encodeCpuProfile } from '../src/pprof/encodeCpuProfile';
import { flattenInspectorProfile } from '../src/pprof/flattenInspectorProfile';
import { FrameTable } from '../src/pprof/FrameTable';
import type { InspectorProfile } from '../src/pprof/InspectorProfile';
import { runSteps } from '../src/pprof/runSteps';

// Code with known lines and columns, as if loaded from <cwd>/app/burn.js.
const file = path.join(process.cwd(), 'app', 'burn.js');
const source = [
  'function burnNamedLoop(ms) {', // line 1
  '  const end = Date.now() + ms; let x = 0;',
  '  while (Date.now() < end) { x += Math.sqrt(x + 1); }',
  '  return x;',
  '}',
  'const burnAnonymous = [0].map(() => function (ms) {', // line 6: anonymous; V8 places it at its (ms), column 46
  '  const end = Date.now() + ms; let s = "";',
  '  while (Date.now() < end) { s = String(Math.random()).repeat(3); }',
  '  return s;',
  '})[0];',
  '({ burnNamedLoop, burnAnonymous })',
].join('\n');
const code = vm.runInThisContext(source, { filename: file }) as {
  burnNamedLoop: (ms: number) => number;
  burnAnonymous: (ms: number) => string;
};

async function captureProfile(): Promise<InspectorProfile> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  for (let i = 0; i < 6; i++) {
    code.burnNamedLoop(40);
    code.burnAnonymous(40);
    await new Promise((resolve) => setTimeout(resolve, 20)); // some (idle) samples
  }
  const { profile } = await post<{ profile: InspectorProfile }>('Profiler.stop');
  session.disconnect();
  return profile;
}

describe('a real inspector profile as pprof', async () => {
  const profile = await captureProfile();
  const frames = new FrameTable();
  const flat = runSteps(
    flattenInspectorProfile(profile, frames, { startMs: 1_700_000_000_000, periodNanos: 1_000_000 })
  );
  const decoded = Profile.decode(runSteps(encodeCpuProfile(flat, frames)));
  const s = (index: number | bigint) => decoded.stringTable.strings[Number(index)]!;
  const functionNames = decoded.function.map((f) => s(f.name));

  it('has the sample and period types Pyroscope files as process_cpu', () => {
    assert.deepEqual(
      decoded.sampleType.map((t) => `${s(t.type)}/${s(t.unit)}`),
      ['samples/count', 'cpu/nanoseconds']
    );
    assert.equal(`${s(decoded.periodType!.type)}/${s(decoded.periodType!.unit)}`, 'cpu/nanoseconds');
    assert.equal(Number(decoded.period), 1_000_000);
    assert.equal(BigInt(decoded.timeNanos), 1_700_000_000_000n * 1_000_000n);
    assert.ok(Number(decoded.durationNanos) > 400_000_000);
  });

  it('names functions with file and line; anonymous ones by their place', () => {
    const named = decoded.function.find((f) => s(f.name) === 'burnNamedLoop');
    assert.ok(named, functionNames.join(', '));
    assert.equal(s(named.filename), 'app/burn.js');
    assert.equal(Number(named.startLine), 1);
    const anonymous = decoded.function.find((f) => s(f.name) === '(anonymous app/burn.js:6:46)');
    assert.ok(anonymous, functionNames.join(', '));
    assert.equal(Number(anonymous.startLine), 6);
    const location = decoded.location.find((l) => l.line[0]!.functionId === named.id)!;
    assert.equal(Number(location.line[0]!.line), 1);
  });

  it('drops (root) and (idle), keeps the CPU samples', () => {
    assert.ok(!functionNames.includes('(root)'));
    assert.ok(!functionNames.includes('(idle)'));
    const count = decoded.sample.reduce((sum, sample) => sum + Number(sample.value[0]), 0);
    const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id);
    const expected = (profile.samples ?? []).filter((id) => !idle.includes(id) && id !== profile.nodes[0]!.id).length;
    assert.equal(count, expected);
    const cpuNanos = decoded.sample.reduce((sum, sample) => sum + Number(sample.value[1]), 0);
    assert.ok(cpuNanos > 300_000_000 && cpuNanos < 1_000_000_000, String(cpuNanos));
  });

  it('puts the leaf first in each stack', () => {
    const named = decoded.function.find((f) => s(f.name) === 'burnNamedLoop')!;
    const locationOf = new Map(decoded.location.map((l) => [Number(l.id), Number(l.line[0]!.functionId)]));
    const withNamed = decoded.sample.filter((sample) =>
      sample.locationId.some((id) => locationOf.get(Number(id)) === Number(named.id))
    );
    assert.ok(withNamed.length > 0);
    // burnNamedLoop calls only builtins: wherever it appears, it is the leaf or just above a builtin leaf.
    for (const sample of withNamed) {
      const position = sample.locationId.findIndex((id) => locationOf.get(Number(id)) === Number(named.id));
      assert.ok(position <= 1, `burnNamedLoop at depth ${position}`);
    }
  });

  it('gives every location and function a non-zero id and keeps ids stable across windows', () => {
    assert.ok(decoded.location.every((l) => Number(l.id) > 0));
    assert.ok(decoded.function.every((f) => Number(f.id) > 0));
    const again = runSteps(flattenInspectorProfile(profile, frames, { startMs: 0, periodNanos: 1_000_000 }));
    assert.deepEqual([...again.nodeFrame], [...flat.nodeFrame]);
  });
});
