import type { AgentConfig } from './AgentConfig';
import { parseSetting, sanitizeName, type Parsed } from './parseSetting';
import { readOtelResource } from './readOtelResource';

/** The app's own package.json fields the defaults may use. */
export type PackageInfo = { name?: string; version?: string };

export type ResolvedConfig = {
  config: AgentConfig;
  /** One line per invalid setting: what was wrong, what is allowed, what is used instead. */
  warnings: string[];
};

const DEFAULT_SERVER = 'http://localhost:4040';
const NOT_APP_NAME = /[^A-Za-z0-9_.\-/]/g;
const NOT_TAG_VALUE = /[,{}]/g;

/**
 * Merges `start()` options over `PYROSCOPE_*` / OpenTelemetry environment variables over defaults.
 * Pure: the environment and package.json come in as arguments. Invalid values fall back to the default
 * with one warning each; nothing throws.
 */
export function resolveConfig(
  options: Partial<AgentConfig> | undefined,
  env: Record<string, string | undefined>,
  pkg: PackageInfo | undefined
): ResolvedConfig {
  const warnings: string[] = [];
  const given = options ?? {};

  function pick<T>(
    key: keyof AgentConfig,
    envName: string | undefined,
    parse: (raw: unknown) => Parsed<T>,
    fallback: T,
    opts: { secret?: boolean; fallbackText?: string } = {}
  ): T {
    const fromOption = given[key] !== undefined;
    const raw = fromOption ? given[key] : envName !== undefined ? env[envName] : undefined;
    if (raw === undefined || (!fromOption && raw === '')) {
      return fallback;
    }
    const parsed = parse(raw);
    if (parsed.ok) {
      return parsed.value;
    }
    const where = fromOption ? `start({ ${key} })` : envName!;
    const shown = opts.secret ? '' : `=${JSON.stringify(raw)}`;
    const instead = opts.fallbackText ?? (fallback === undefined ? 'it is ignored' : `using ${String(fallback)}`);
    warnings.push(`${where}${shown} is not valid: expected ${parsed.allowed}; ${instead}`);
    return fallback;
  }

  const enabled = pick('enabled', 'PYROSCOPE_ENABLED', parseSetting.enabled, true);
  const serverAddress = pick('serverAddress', 'PYROSCOPE_SERVER_ADDRESS', parseSetting.serverAddress, DEFAULT_SERVER);
  const authToken = pick<string | undefined>('authToken', 'PYROSCOPE_AUTH_TOKEN', parseSetting.bearerToken, undefined, {
    secret: true,
  });
  const basicAuthUser = pick<string | undefined>(
    'basicAuthUser',
    'PYROSCOPE_BASIC_AUTH_USER',
    parseSetting.secret,
    undefined
  );
  const basicAuthPassword = pick<string | undefined>(
    'basicAuthPassword',
    'PYROSCOPE_BASIC_AUTH_PASSWORD',
    parseSetting.secret,
    undefined,
    { secret: true }
  );
  if ((basicAuthUser === undefined) !== (basicAuthPassword === undefined) && authToken === undefined) {
    warnings.push(
      'PYROSCOPE_BASIC_AUTH_USER and PYROSCOPE_BASIC_AUTH_PASSWORD must be set together; sending no credentials'
    );
  }
  const tenantId = pick<string | undefined>('tenantId', 'PYROSCOPE_TENANT_ID', parseSetting.tenantId, undefined);
  const sampleRate = pick('sampleRate', 'PYROSCOPE_SAMPLE_RATE', parseSetting.sampleRate, 100);
  const uploadIntervalMs = pick('uploadIntervalMs', 'PYROSCOPE_UPLOAD_INTERVAL', parseSetting.uploadInterval, 10_000, {
    fallbackText: 'using 10s',
  });
  const logLevel = pick('logLevel', 'PYROSCOPE_LOG_LEVEL', parseSetting.logLevel, 'info');
  const collector = pick('collector', 'PYROSCOPE_COLLECTOR', parseSetting.collector, 'auto');
  const uploadTimeoutMs = pick(
    'uploadTimeoutMs',
    undefined,
    parseSetting.positiveInteger,
    Math.min(10_000, Math.round(uploadIntervalMs * 0.8))
  );
  const maxQueuedProfiles = pick('maxQueuedProfiles', undefined, parseSetting.positiveInteger, 6);
  const exitFlushTimeoutMs = pick('exitFlushTimeoutMs', undefined, parseSetting.positiveInteger, 3000);

  // Service, environment and version: PYROSCOPE_TAGS wins, then OpenTelemetry's resource, then Node's own.
  const resource = readOtelResource(env.OTEL_RESOURCE_ATTRIBUTES);
  const otelService = nonEmpty(env.OTEL_SERVICE_NAME) ?? resource['service.name'];
  const derived: Record<string, string> = {};
  const service = otelService ?? nonEmpty(pkg?.name) ?? 'nodejs-app';
  derived.service = service;
  const environment =
    resource['deployment.environment.name'] ?? resource['deployment.environment'] ?? nonEmpty(env.NODE_ENV);
  if (environment !== undefined) {
    derived.environment = environment;
  }
  const version = resource['service.version'] ?? nonEmpty(pkg?.version);
  if (version !== undefined) {
    derived.version = version;
  }
  for (const key of Object.keys(derived)) {
    derived[key] = derived[key]!.replace(NOT_TAG_VALUE, '_');
  }

  const fromEnv = parseSetting.tags(env.PYROSCOPE_TAGS ?? '');
  if (fromEnv.rejected.length > 0) {
    warnings.push(
      `PYROSCOPE_TAGS: ignoring ${fromEnv.rejected.map((t) => JSON.stringify(t)).join(', ')}: expected k=v pairs ` +
        'separated by commas, keys of letters, digits, _ and . (not starting with __), values without , { }'
    );
  }
  const fromOptions = parseSetting.tags(given.tags ?? {});
  if (fromOptions.rejected.length > 0) {
    warnings.push(
      `start({ tags }): ignoring ${fromOptions.rejected.map((t) => JSON.stringify(t)).join(', ')}: keys of letters, ` +
        'digits, _ and . (not starting with __), non-empty string values without , { }'
    );
  }
  const tags: Record<string, string> = { ...derived, ...fromEnv.tags, ...fromOptions.tags };

  // Pyroscope files /ingest profiles under service_name = the application name (a service_name tag on top is
  // refused with HTTP 422), and Tempo's trace→profile link looks them up by service_name = OpenTelemetry's
  // service.name: so the default name is the service name itself; the environment is a tag.
  if (tags.service_name !== undefined) {
    warnings.push('PYROSCOPE_TAGS: ignoring service_name: Pyroscope takes it from PYROSCOPE_APPLICATION_NAME');
    delete tags.service_name;
  }
  const defaultName = sanitizeName(tags.service ?? service, NOT_APP_NAME);
  const applicationName = pick(
    'applicationName',
    'PYROSCOPE_APPLICATION_NAME',
    parseSetting.applicationName,
    defaultName
  );
  if (otelService !== undefined && applicationName !== otelService) {
    warnings.push(
      `the application name "${applicationName}" is not the OpenTelemetry service name "${otelService}": Tempo's ` +
        '"Profiles for this span" looks profiles up by service_name = service.name and will find none; set ' +
        'PYROSCOPE_APPLICATION_NAME to the service name'
    );
  }

  return {
    config: {
      enabled,
      serverAddress,
      ...(authToken !== undefined ? { authToken } : {}),
      ...(basicAuthUser !== undefined && basicAuthPassword !== undefined ? { basicAuthUser, basicAuthPassword } : {}),
      ...(tenantId !== undefined ? { tenantId } : {}),
      applicationName,
      tags,
      sampleRate,
      uploadIntervalMs,
      logLevel,
      collector,
      uploadTimeoutMs,
      maxQueuedProfiles,
      exitFlushTimeoutMs,
    },
    warnings,
  };
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
