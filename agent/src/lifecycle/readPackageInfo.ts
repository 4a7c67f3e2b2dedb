import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageInfo } from '../config/resolveConfig';

/** name and version from the working directory's package.json, if there is one. */
export function readPackageInfo(dir: string = process.cwd()): PackageInfo | undefined {
  try {
    const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof json.name === 'string' ? { name: json.name } : {}),
      ...(typeof json.version === 'string' ? { version: json.version } : {}),
    };
  } catch {
    return undefined;
  }
}
