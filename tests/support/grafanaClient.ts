import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What Grafana would hand the backend for one datasource. */
export type GrafanaSettings = {
  url: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
  uid?: string;
  basicAuthEnabled?: boolean;
  basicAuthUser?: string;
};

export type ClientResult<T> = { exitCode: number; json?: T; stdout: string; stderr: string };

const repoRoot = resolve(__dirname, '..', '..');

/**
 * Runs the Go harness (`npm run grafana-client`), which starts dist/'s backend exactly as Grafana does,
 * and returns what it printed, parsed.
 */
export function grafanaClient<T>(
  command: string,
  settings: GrafanaSettings | undefined,
  args: string[] = []
): Promise<ClientResult<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'grafana-client-'));
  const settingsFile = join(dir, 'settings.json');
  writeFileSync(settingsFile, JSON.stringify(settings ?? {}));
  const settingsArgs = settings ? ['--settings', settingsFile] : [];
  return new Promise((resolvePromise) => {
    execFile(
      'bash',
      [join(repoRoot, 'tests', 'grafana-client', 'run.sh'), command, ...settingsArgs, ...args],
      { cwd: repoRoot, maxBuffer: 512 * 1024 * 1024, timeout: 180000 },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let json: T | undefined;
        try {
          json = stdout.trim() ? (JSON.parse(stdout) as T) : undefined;
        } catch {
          json = undefined;
        }
        resolvePromise({ exitCode, json, stdout, stderr });
      }
    );
  });
}

/** The JSON body Grafana's /api/ds/query returns. */
export type DsQueryBody = {
  results: Record<
    string,
    {
      status?: number;
      error?: string;
      errorSource?: string;
      frames?: FrameJson[];
    }
  >;
};

export type FrameJson = {
  schema: {
    name?: string;
    refId?: string;
    meta?: {
      preferredVisualisationType?: string;
      notices?: Array<{ severity: string; text: string }>;
      [key: string]: unknown;
    };
    fields: Array<{
      name: string;
      type: string;
      typeInfo?: { frame: string; nullable?: boolean };
      labels?: Record<string, string>;
      config?: Record<string, unknown>;
    }>;
  };
  data: { values: unknown[][] };
};

/** Runs a QueryData call for one query and returns Grafana's /api/ds/query body. */
export async function queryThroughGrafana(
  settings: GrafanaSettings,
  query: Record<string, unknown>,
  fromMs: number,
  toMs: number
): Promise<DsQueryBody> {
  const result = await grafanaClient<DsQueryBody>('query', settings, [
    '--query',
    JSON.stringify(query),
    '--from',
    String(fromMs),
    '--to',
    String(toMs),
  ]);
  if (result.exitCode !== 0 || !result.json) {
    throw new Error(`grafana-client query failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  return result.json;
}

/** Column `name` of a frame, by field name, as Grafana sends it (an enum field holds its indexes). */
export function column<T>(frame: FrameJson, name: string): T[] {
  return frame.data.values[fieldIndex(frame, name)] as T[];
}

/**
 * A flame graph frame's `label` column as text. Grafana sends an enum field as numbers with the texts in
 * `config.type.enum.text`; the browser's display processor resolves them, and so does this.
 */
export function labels(frame: FrameJson): string[] {
  const field = frame.schema.fields[fieldIndex(frame, 'label')]!;
  const values = column<string | number>(frame, 'label');
  if (field.type !== 'enum') {
    return values.map(String);
  }
  const texts = (field.config as { type?: { enum?: { text?: string[] } } } | undefined)?.type?.enum?.text ?? [];
  return values.map((value) => {
    const text = texts[Number(value)];
    if (text === undefined) {
      throw new Error(`label enum value ${value} has no text (${texts.length} texts)`);
    }
    return text;
  });
}

function fieldIndex(frame: FrameJson, name: string): number {
  const index = frame.schema.fields.findIndex((field) => field.name === name);
  if (index < 0) {
    throw new Error(`frame has no field "${name}" (fields: ${frame.schema.fields.map((f) => f.name).join(', ')})`);
  }
  return index;
}
