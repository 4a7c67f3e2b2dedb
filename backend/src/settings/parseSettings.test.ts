import type { DataSourceInstance } from '../plugin/types';
import { parseSettings } from './parseSettings';
import { SettingsError } from './SettingsError';

function instance(overrides: Partial<DataSourceInstance> = {}): DataSourceInstance {
  return {
    uid: 'ds1',
    name: 'Pyroscope',
    url: 'http://localhost:4040',
    jsonData: {},
    secureJsonData: {},
    basicAuthEnabled: false,
    basicAuthUser: '',
    lastUpdatedMs: 1,
    ...overrides,
  };
}

function settingsError(input: DataSourceInstance): SettingsError {
  try {
    parseSettings(input);
  } catch (err) {
    if (err instanceof SettingsError) {
      return err;
    }
    throw err;
  }
  throw new Error('parseSettings did not throw');
}

describe('parseSettings', () => {
  it('applies the defaults', () => {
    expect(parseSettings(instance())).toEqual({
      url: 'http://localhost:4040',
      auth: { mode: 'none' },
      headers: {},
      timeoutMs: 30000,
      spanWindowPadMs: 60000,
      minStepSeconds: 15,
      compression: 'auto',
    });
  });

  it.each([
    ['http://localhost:4040/', 'http://localhost:4040'],
    ['  https://profiles.example.com//  ', 'https://profiles.example.com'],
    ['http://proxy:8080/pyroscope/', 'http://proxy:8080/pyroscope'],
    ['HTTP://Host:4040', 'http://host:4040'],
  ])('normalises the URL %j to %j', (url, expected) => {
    expect(parseSettings(instance({ url })).url).toBe(expected);
  });

  it.each([
    ['', 'url', 'Set the Pyroscope URL in the datasource settings (for example http://localhost:4040)'],
    ['localhost:4040', 'url', 'must start with http:// or https://'],
    ['not a url', 'url', 'is not a valid URL'],
    ['ftp://host', 'url', 'must start with http:// or https://'],
    ['http://host:4040/?x=1', 'url', 'Remove the query string'],
  ])('rejects the URL %j', (url, setting, message) => {
    const err = settingsError(instance({ url }));
    expect(err.setting).toBe(setting);
    expect(err.message).toContain(message);
  });

  it('rejects credentials in the URL without echoing them', () => {
    const err = settingsError(instance({ url: 'http://admin:hunter2@host:4040' }));
    expect(err.message).toContain('Basic auth');
    expect(err.message).not.toContain('hunter2');
  });

  it.each<[string, Partial<DataSourceInstance>, unknown]>([
    ['none by default', {}, { mode: 'none' }],
    [
      'basic when Grafana basic auth is on',
      { basicAuthEnabled: true, basicAuthUser: 'u1', secureJsonData: { basicAuthPassword: 'p1' } },
      { mode: 'basic', user: 'u1', password: 'p1' },
    ],
    [
      'basic user from jsonData first',
      {
        jsonData: { authType: 'basic', basicAuthUser: 'u2' },
        basicAuthUser: 'u1',
        secureJsonData: { basicAuthPassword: 'p' },
      },
      { mode: 'basic', user: 'u2', password: 'p' },
    ],
    [
      'bearer',
      { jsonData: { authType: 'bearer' }, secureJsonData: { bearerToken: 't' } },
      { mode: 'bearer', token: 't' },
    ],
    [
      'explicit none wins over basicAuthEnabled',
      { jsonData: { authType: 'none' }, basicAuthEnabled: true },
      { mode: 'none' },
    ],
  ])('auth: %s', (_name, overrides, expected) => {
    expect(parseSettings(instance(overrides)).auth).toEqual(expected);
  });

  it.each<[string, Partial<DataSourceInstance>, string, string]>([
    [
      'basic without user',
      { jsonData: { authType: 'basic' }, secureJsonData: { basicAuthPassword: 'p' } },
      'basicAuthUser',
      'set the Basic auth user',
    ],
    [
      'basic without password',
      { jsonData: { authType: 'basic', basicAuthUser: 'u' } },
      'basicAuthPassword',
      'set the Basic auth password',
    ],
    ['bearer without token', { jsonData: { authType: 'bearer' } }, 'bearerToken', 'set the bearer token'],
    ['unknown auth type', { jsonData: { authType: 'oauth' } }, 'authType', 'choose none, basic or bearer'],
    ['tenant with a space', { jsonData: { tenantId: 'team a' } }, 'tenantId', 'is not valid'],
    ['tenant that is not text', { jsonData: { tenantId: 5 } }, 'tenantId', 'must be text'],
    ['zero timeout', { jsonData: { timeoutSeconds: 0 } }, 'timeoutSeconds', 'greater than 0 and at most 600'],
    ['huge timeout', { jsonData: { timeoutSeconds: '601' } }, 'timeoutSeconds', 'at most 600'],
    [
      'timeout that is not a number',
      { jsonData: { timeoutSeconds: 'soon' } },
      'timeoutSeconds',
      'The setting timeoutSeconds is "soon"',
    ],
    ['negative span pad', { jsonData: { spanWindowPadSeconds: -1 } }, 'spanWindowPadSeconds', '0 or more'],
    ['minStep with a bad unit', { jsonData: { minStep: '15 parsecs' } }, 'minStep', 'such as 15s, 1m or 500ms'],
    ['minStep of zero', { jsonData: { minStep: '0s' } }, 'minStep', 'at least 1ms'],
    ['bad header name', { jsonData: { httpHeaderName1: 'X Bad' } }, 'httpHeaderName1', 'not a valid header name'],
    [
      'reserved header',
      { jsonData: { httpHeaderName1: 'Content-Type' } },
      'httpHeaderName1',
      'the datasource sets it itself',
    ],
    [
      'an Accept-Encoding header',
      { jsonData: { httpHeaderName1: 'accept-encoding' } },
      'httpHeaderName1',
      'the compression setting (auto, gzip or none) decides it',
    ],
    ['unknown compression', { jsonData: { compression: 'br' } }, 'compression', 'is "br": choose auto'],
    ['compression that is not text', { jsonData: { compression: true } }, 'compression', 'auto'],
    [
      'Authorization header with bearer auth',
      { jsonData: { authType: 'bearer', httpHeaderName1: 'authorization' }, secureJsonData: { bearerToken: 't' } },
      'httpHeaderName1',
      'conflicts with bearer authentication',
    ],
    [
      'X-Scope-OrgID header with a tenant',
      { jsonData: { tenantId: 'a', httpHeaderName2: 'X-Scope-OrgID' } },
      'httpHeaderName2',
      'conflicts with the Tenant ID',
    ],
    [
      'duplicate header',
      { jsonData: { httpHeaderName1: 'X-A', httpHeaderName2: 'x-a' } },
      'httpHeaderName2',
      'set twice',
    ],
  ])('rejects %s', (_name, overrides, setting, message) => {
    const err = settingsError(instance(overrides));
    expect(err.setting).toBe(setting);
    expect(err.message).toContain(message);
  });

  it('never puts secrets into error messages', () => {
    const err = settingsError(
      instance({
        jsonData: { authType: 'basic', httpHeaderName1: 'Content-Type' },
        basicAuthUser: 'u',
        secureJsonData: { basicAuthPassword: 's3cret', httpHeaderValue1: 'v3ry' },
      })
    );
    expect(err.message).not.toMatch(/s3cret|v3ry/);
  });

  it('reads the tenant and custom headers', () => {
    const settings = parseSettings(
      instance({
        jsonData: {
          tenantId: ' team-a|team_b ',
          httpHeaderName1: 'X-Team',
          httpHeaderName3: 'Authorization',
          httpHeaderName4: '',
        },
        secureJsonData: { httpHeaderValue1: 'blue', httpHeaderValue3: 'Token abc' },
      })
    );
    expect(settings.tenantId).toBe('team-a|team_b');
    expect(settings.headers).toEqual({ 'X-Team': 'blue', Authorization: 'Token abc' });
  });

  it('treats an empty tenant as none', () => {
    expect(parseSettings(instance({ jsonData: { tenantId: '  ' } }))).not.toHaveProperty('tenantId');
  });

  it.each<[unknown, number]>([
    [45, 45000],
    ['12.5', 12500],
    [600, 600000],
    ['', 30000],
  ])('timeoutSeconds %j → %d ms', (timeoutSeconds, expected) => {
    expect(parseSettings(instance({ jsonData: { timeoutSeconds } })).timeoutMs).toBe(expected);
  });

  it.each<[unknown, number]>([
    [0, 0],
    ['300', 300000],
  ])('spanWindowPadSeconds %j → %d ms', (spanWindowPadSeconds, expected) => {
    expect(parseSettings(instance({ jsonData: { spanWindowPadSeconds } })).spanWindowPadMs).toBe(expected);
  });

  it.each<[unknown, number]>([
    ['15s', 15],
    ['1m', 60],
    ['1m30s', 90],
    ['500ms', 0.5],
    ['2h', 7200],
    ['1d', 86400],
    [' 30s ', 30],
    ['20', 20],
    [5, 5],
    [null, 15],
  ])('minStep %j → %d s', (minStep, expected) => {
    expect(parseSettings(instance({ jsonData: { minStep } })).minStepSeconds).toBe(expected);
  });

  it.each<[unknown, string]>([
    [undefined, 'auto'],
    [null, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    ['gzip', 'gzip'],
    ['none', 'none'],
  ])('compression %j → %s', (compression, expected) => {
    expect(parseSettings(instance({ jsonData: { compression } })).compression).toBe(expected);
  });
});
