import { parseBenchArgs } from './parseBenchArgs';

describe('parseBenchArgs', () => {
  it('runs eight switchback blocks of 20 s by default and passes no extra flags', () => {
    const args = parseBenchArgs([]);
    expect(args.switchback).toEqual({ blocks: 8, blockS: 20, settleS: 3 });
    expect(args.nodeFlags).toEqual([]);
  });

  it("runs every part by default, V8's floor pairs among them, and only the named ones with --only", () => {
    expect(parseBenchArgs([]).parts).toEqual(['control', 'peer', 'floor', 'agent', 'span', 'stall', 'outage']);
    expect(parseBenchArgs(['--only', 'floor, agent']).parts).toEqual(['floor', 'agent']);
    expect(() => parseBenchArgs(['--only', 'agent,sampler'])).toThrow(
      '--only takes a comma-separated list of control, peer, floor, agent, span, stall, outage; unknown: sampler'
    );
  });

  it("leaves 40 ms between a load worker's requests unless --think-ms says otherwise", () => {
    expect(parseBenchArgs([]).thinkMs).toBe(40);
    expect(parseBenchArgs(['--think-ms', '0']).thinkMs).toBe(0);
    expect(() => parseBenchArgs(['--think-ms=fast'])).toThrow(
      '--think-ms must be a whole number from 0 to 1000, got "fast"'
    );
  });

  it('splits --node-flags into flags for the servers', () => {
    const args = parseBenchArgs(['--node-flags=--no-allocation-site-pretenuring  --max-semi-space-size=16']);
    expect(args.nodeFlags).toEqual(['--no-allocation-site-pretenuring', '--max-semi-space-size=16']);
  });

  it('refuses --node-flags words that are not flags, naming them', () => {
    expect(() => parseBenchArgs(['--node-flags=--trace-gc app.js'])).toThrow(
      '--node-flags takes Node/V8 flags separated by spaces (like "--no-allocation-site-pretenuring"); not flags: app.js'
    );
  });

  it('runs the sample app under tsx unless --app built says otherwise, and names the modes when wrong', () => {
    expect(parseBenchArgs([]).app).toBe('tsx');
    expect(parseBenchArgs(['--app', 'built']).app).toBe('built');
    expect(() => parseBenchArgs(['--app', 'bundle'])).toThrow('--app must be one of tsx, built, got "bundle"');
  });
});
