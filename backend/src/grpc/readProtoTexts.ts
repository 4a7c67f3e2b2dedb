import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** The .proto sources read from backend/proto/, for Node code that is not bundled (tests, tools). */
export function readProtoTexts(): string[] {
  const dir = join(__dirname, '../../proto');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.proto'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}
