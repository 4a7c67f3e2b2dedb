import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A font Grafana's GlobalStyles asks for (public/fonts/…), as @fontsource names it and as fontconfig does. */
type FontFace = { family: string; fontsource: string; style: string };

/** The files GlobalStyles loads, by path under public/fonts/. */
const GRAFANA_FONTS: Record<string, FontFace> = {
  'inter/Inter-Regular.woff2': {
    family: 'Inter',
    fontsource: 'inter/files/inter-latin-400-normal.woff2',
    style: 'Regular',
  },
  'inter/Inter-Medium.woff2': {
    family: 'Inter',
    fontsource: 'inter/files/inter-latin-500-normal.woff2',
    style: 'Medium',
  },
  'inter/Inter-Italic.woff2': {
    family: 'Inter',
    fontsource: 'inter/files/inter-latin-400-italic.woff2',
    style: 'Italic',
  },
  'inter/Inter-MediumItalic.woff2': {
    family: 'Inter',
    fontsource: 'inter/files/inter-latin-500-italic.woff2',
    style: 'Medium Italic',
  },
};
const ROBOTO_MONO: FontFace = {
  family: 'Roboto Mono',
  fontsource: 'roboto-mono/files/roboto-mono-latin-400-normal.woff2',
  style: 'Regular',
};

/**
 * Where the host finds a font Grafana serves from public/fonts/: the @fontsource npm package if installed,
 * else the system's copy through fontconfig (Debian's fonts-inter), else nowhere (the browser then falls
 * back to Grafana's next font family, Helvetica/Arial).
 */
export function findFontFile(publicFontPath: string): string | undefined {
  const face = GRAFANA_FONTS[publicFontPath] ?? (publicFontPath.startsWith('roboto/') ? ROBOTO_MONO : undefined);
  if (!face) {
    return undefined;
  }
  const [packageName, ...rest] = face.fontsource.split('/');
  try {
    const file = join(dirname(require.resolve(`@fontsource/${packageName}/package.json`)), ...rest);
    if (existsSync(file)) {
      return file;
    }
  } catch {
    // not installed: try the system
  }
  try {
    const [family, file] = execFileSync(
      'fc-match',
      ['--format=%{family}|%{file}', `${face.family}:style=${face.style}`],
      {
        encoding: 'utf8',
      }
    ).split('|');
    return family?.split(',').includes(face.family) ? file : undefined;
  } catch {
    return undefined;
  }
}
