import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../src/config/resolveConfig';

const pkg = { name: '@acme/checkout', version: '1.2.3' };
const resolve = (env: Record<string, string>, options = {}) => resolveConfig(options, env, pkg);

describe('resolveConfig', () => {
  it('has the documented defaults', () => {
    const { config, warnings } = resolve({});
    assert.deepEqual(warnings, []);
    assert.equal(config.enabled, true);
    assert.equal(config.serverAddress, 'http://localhost:4040');
    assert.equal(config.sampleRate, 100);
    assert.equal(config.uploadIntervalMs, 10_000);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.collector, 'auto');
    assert.equal(config.applicationName, 'acme/checkout');
    assert.deepEqual(config.tags, { service: '@acme/checkout', version: '1.2.3' });
    assert.equal(config.authToken, undefined);
    assert.equal(config.tenantId, undefined);
    assert.equal(config.uploadTimeoutMs, 8000);
    assert.equal(config.maxQueuedProfiles, 6);
  });

  const valid: Array<[string, Record<string, string>, (c: ReturnType<typeof resolve>['config']) => unknown, unknown]> =
    [
      ['PYROSCOPE_ENABLED=false', { PYROSCOPE_ENABLED: 'false' }, (c) => c.enabled, false],
      ['PYROSCOPE_ENABLED=0', { PYROSCOPE_ENABLED: '0' }, (c) => c.enabled, false],
      ['PYROSCOPE_ENABLED=no', { PYROSCOPE_ENABLED: 'no' }, (c) => c.enabled, false],
      ['PYROSCOPE_ENABLED=TRUE', { PYROSCOPE_ENABLED: 'TRUE' }, (c) => c.enabled, true],
      ['PYROSCOPE_ENABLED=1', { PYROSCOPE_ENABLED: '1' }, (c) => c.enabled, true],
      [
        'PYROSCOPE_SERVER_ADDRESS',
        { PYROSCOPE_SERVER_ADDRESS: 'https://profiles.example.net/' },
        (c) => c.serverAddress,
        'https://profiles.example.net',
      ],
      ['PYROSCOPE_AUTH_TOKEN', { PYROSCOPE_AUTH_TOKEN: 'glc_secret' }, (c) => c.authToken, 'glc_secret'],
      [
        'PYROSCOPE_AUTH_TOKEN (from a file)',
        { PYROSCOPE_AUTH_TOKEN: 'glc_secret\n' },
        (c) => c.authToken,
        'glc_secret',
      ],
      [
        'PYROSCOPE_BASIC_AUTH_*',
        { PYROSCOPE_BASIC_AUTH_USER: '123456', PYROSCOPE_BASIC_AUTH_PASSWORD: 'pw' },
        (c) => [c.basicAuthUser, c.basicAuthPassword],
        ['123456', 'pw'],
      ],
      ['PYROSCOPE_TENANT_ID', { PYROSCOPE_TENANT_ID: 'team-a' }, (c) => c.tenantId, 'team-a'],
      [
        'PYROSCOPE_APPLICATION_NAME',
        { PYROSCOPE_APPLICATION_NAME: 'checkout-api' },
        (c) => c.applicationName,
        'checkout-api',
      ],
      ['PYROSCOPE_SAMPLE_RATE', { PYROSCOPE_SAMPLE_RATE: '250' }, (c) => c.sampleRate, 250],
      ['PYROSCOPE_UPLOAD_INTERVAL=10s', { PYROSCOPE_UPLOAD_INTERVAL: '10s' }, (c) => c.uploadIntervalMs, 10_000],
      ['PYROSCOPE_UPLOAD_INTERVAL=15', { PYROSCOPE_UPLOAD_INTERVAL: '15' }, (c) => c.uploadIntervalMs, 15_000],
      ['PYROSCOPE_UPLOAD_INTERVAL=1m', { PYROSCOPE_UPLOAD_INTERVAL: '1m' }, (c) => c.uploadIntervalMs, 60_000],
      ['PYROSCOPE_UPLOAD_INTERVAL=2500ms', { PYROSCOPE_UPLOAD_INTERVAL: '2500ms' }, (c) => c.uploadIntervalMs, 2500],
      ['PYROSCOPE_LOG_LEVEL', { PYROSCOPE_LOG_LEVEL: 'DEBUG' }, (c) => c.logLevel, 'debug'],
      ['PYROSCOPE_LOG_LEVEL=silent', { PYROSCOPE_LOG_LEVEL: 'silent' }, (c) => c.logLevel, 'silent'],
      ['PYROSCOPE_COLLECTOR', { PYROSCOPE_COLLECTOR: 'inspector' }, (c) => c.collector, 'inspector'],
      [
        'PYROSCOPE_TAGS',
        { PYROSCOPE_TAGS: 'region=eu-1, team = payments' },
        (c) => [c.tags.region, c.tags.team],
        ['eu-1', 'payments'],
      ],
    ];
  for (const [name, env, read, expected] of valid) {
    it(`reads ${name}`, () => {
      const { config, warnings } = resolve(env);
      assert.deepEqual(warnings, []);
      assert.deepEqual(read(config), expected);
    });
  }

  const invalid: Array<
    [Record<string, string>, string, (c: ReturnType<typeof resolve>['config']) => unknown, unknown]
  > = [
    [{ PYROSCOPE_ENABLED: 'maybe' }, 'PYROSCOPE_ENABLED', (c) => c.enabled, true],
    [
      { PYROSCOPE_SERVER_ADDRESS: 'localhost:4040' },
      'PYROSCOPE_SERVER_ADDRESS',
      (c) => c.serverAddress,
      'http://localhost:4040',
    ],
    [
      { PYROSCOPE_SERVER_ADDRESS: 'ftp://x' },
      'PYROSCOPE_SERVER_ADDRESS',
      (c) => c.serverAddress,
      'http://localhost:4040',
    ],
    [{ PYROSCOPE_SAMPLE_RATE: 'fast' }, 'PYROSCOPE_SAMPLE_RATE', (c) => c.sampleRate, 100],
    [{ PYROSCOPE_SAMPLE_RATE: '0' }, 'PYROSCOPE_SAMPLE_RATE', (c) => c.sampleRate, 100],
    [{ PYROSCOPE_SAMPLE_RATE: '99.5' }, 'PYROSCOPE_SAMPLE_RATE', (c) => c.sampleRate, 100],
    [{ PYROSCOPE_UPLOAD_INTERVAL: 'soon' }, 'PYROSCOPE_UPLOAD_INTERVAL', (c) => c.uploadIntervalMs, 10_000],
    [{ PYROSCOPE_UPLOAD_INTERVAL: '500ms' }, 'PYROSCOPE_UPLOAD_INTERVAL', (c) => c.uploadIntervalMs, 10_000],
    [{ PYROSCOPE_UPLOAD_INTERVAL: '2h' }, 'PYROSCOPE_UPLOAD_INTERVAL', (c) => c.uploadIntervalMs, 10_000],
    [{ PYROSCOPE_LOG_LEVEL: 'verbose' }, 'PYROSCOPE_LOG_LEVEL', (c) => c.logLevel, 'info'],
    [{ PYROSCOPE_COLLECTOR: 'perf' }, 'PYROSCOPE_COLLECTOR', (c) => c.collector, 'auto'],
    [{ PYROSCOPE_TENANT_ID: 'a b' }, 'PYROSCOPE_TENANT_ID', (c) => c.tenantId, undefined],
    [{ PYROSCOPE_AUTH_TOKEN: 'glc_a\r\nX-Injected: 1' }, 'PYROSCOPE_AUTH_TOKEN', (c) => c.authToken, undefined],
    [
      { PYROSCOPE_APPLICATION_NAME: 'my app!' },
      'PYROSCOPE_APPLICATION_NAME',
      (c) => c.applicationName,
      'acme/checkout',
    ],
    [{ PYROSCOPE_TAGS: 'ok=1,bad key=2,__x=3,novalue' }, 'PYROSCOPE_TAGS', (c) => c.tags.ok, '1'],
    [{ PYROSCOPE_BASIC_AUTH_USER: '123' }, 'PYROSCOPE_BASIC_AUTH_PASSWORD', (c) => c.basicAuthUser, undefined],
  ];
  for (const [env, variable, read, fallback] of invalid) {
    it(`warns once about ${variable}=${JSON.stringify(Object.values(env)[0])} and falls back`, () => {
      const { config, warnings } = resolve(env);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, new RegExp(variable));
      assert.match(warnings[0]!, /expected|must|ignoring/);
      assert.deepEqual(read(config), fallback);
    });
  }

  it('never puts a secret in a warning', () => {
    const { warnings } = resolveConfig({ authToken: '' as string }, { PYROSCOPE_BASIC_AUTH_PASSWORD: 'hunter2' }, pkg);
    assert.ok(warnings.every((w) => !w.includes('hunter2')));
  });

  it('derives service, environment and version from OpenTelemetry; the app name is the service name', () => {
    const { config, warnings } = resolve({
      OTEL_SERVICE_NAME: 'checkout',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=production,service.version=2.0.1',
      NODE_ENV: 'development',
    });
    assert.deepEqual(warnings, []);
    // Pyroscope's service_name = the app name, which Tempo's span link matches to service.name.
    assert.equal(config.applicationName, 'checkout');
    assert.deepEqual(config.tags, { service: 'checkout', environment: 'production', version: '2.0.1' });
  });

  it('takes the environment from NODE_ENV and service.name from the resource', () => {
    const { config } = resolve({
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=cart,deployment.environment=staging',
      NODE_ENV: 'x',
    });
    assert.equal(config.tags.environment, 'staging');
    assert.equal(config.applicationName, 'cart');
    assert.equal(resolve({ NODE_ENV: 'production', OTEL_SERVICE_NAME: 'cart' }).config.tags.environment, 'production');
  });

  it('lets PYROSCOPE_TAGS override the derived tags, but not service_name', () => {
    const { config, warnings } = resolve({
      OTEL_SERVICE_NAME: 'cart',
      PYROSCOPE_TAGS: 'environment=canary,version=9,service_name=x',
    });
    assert.equal(config.tags.environment, 'canary');
    assert.equal(config.tags.version, '9');
    assert.equal(config.tags.service_name, undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /service_name/);
  });

  it('keeps an explicit app name, and warns once when span links cannot find it', () => {
    const plain = resolve({ PYROSCOPE_APPLICATION_NAME: 'checkout-api' });
    assert.equal(plain.config.applicationName, 'checkout-api');
    assert.deepEqual(plain.warnings, []);
    const mismatch = resolve({ PYROSCOPE_APPLICATION_NAME: 'checkout-eu', OTEL_SERVICE_NAME: 'checkout' });
    assert.equal(mismatch.config.applicationName, 'checkout-eu');
    assert.equal(mismatch.warnings.length, 1);
    assert.match(mismatch.warnings[0]!, /not the OpenTelemetry service name "checkout"/);
  });

  it('prefers start() options over the environment and validates them too', () => {
    const { config, warnings } = resolve(
      { PYROSCOPE_SAMPLE_RATE: '50', PYROSCOPE_APPLICATION_NAME: 'env-name' },
      { sampleRate: 200, applicationName: 'code-name', tags: { team: 'x' }, uploadIntervalMs: 10 }
    );
    assert.equal(config.sampleRate, 200);
    assert.equal(config.applicationName, 'code-name');
    assert.equal(config.tags.team, 'x');
    assert.equal(config.uploadIntervalMs, 10_000);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /start\(\{ uploadIntervalMs \}\)/);
  });
});
