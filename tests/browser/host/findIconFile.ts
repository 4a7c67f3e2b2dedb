import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * The SVG for Grafana's icon path (`unicons/<name>.svg`, `mono/…`, …): @grafana/ui ships the icons its own
 * components use, Grafana the full Unicons set (from @iconscout/unicons, used here when installed).
 */
export function findIconFile(iconPath: string): string | undefined {
  const relative = normalize(iconPath).replace(/^(\.\.[/\\])+/, '');
  const candidates = [packageFile('@grafana/ui', 'dist', 'public', 'img', 'icons', relative)];
  if (relative.startsWith('unicons/')) {
    candidates.push(packageFile('@iconscout/unicons', 'svg', 'line', relative.slice('unicons/'.length)));
  }
  return candidates.find((file): file is string => file !== undefined && existsSync(file));
}

function packageFile(name: string, ...parts: string[]): string | undefined {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), ...parts);
  } catch {
    return undefined;
  }
}
