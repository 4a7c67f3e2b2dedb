import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Frame = { name: string; file: string; line: number };

const MAX_FRAMES = 100_000;

/**
 * Function/location ids that stay the same across windows, so each window only looks up what it has not
 * seen before. Anonymous functions are named after their place (`(anonymous src/app.js:12:5)`) so that
 * different closures do not merge in the flame graph. Paths under the working directory are made relative.
 */
export class FrameTable {
  private readonly byScript = new Map<string | number, Map<string | number, number>>();
  /** One shortened path per script URL, shared by its frames (thousands of frames, a few hundred files). */
  private readonly files = new Map<string, string>();
  private frames: Frame[] = [{ name: '', file: '', line: 0 }];

  constructor(private readonly cwd: string = process.cwd()) {}

  /** Frame by id (ids start at 1). */
  get(id: number): Frame {
    return this.frames[id]!;
  }

  /** Forgets everything when it has grown too big (eval-heavy apps); only call between windows. */
  trim(): void {
    if (this.frames.length > MAX_FRAMES) {
      this.byScript.clear();
      this.files.clear();
      this.frames = [{ name: '', file: '', line: 0 }];
    }
  }

  /**
   * The id of a function, by its place: a script and a 1-based line and column (0 when unknown). Frames
   * with no script (`(program)`, `(garbage collector)`, natives) are told apart by name.
   */
  idOf(scriptId: string | number, name: string, url: string, line: number, column: number): number {
    let places = this.byScript.get(scriptId);
    if (places === undefined) {
      places = new Map();
      this.byScript.set(scriptId, places);
    }
    const place = url === '' && line <= 0 ? name : line * 100_000 + column;
    let id = places.get(place);
    if (id === undefined) {
      id = this.frames.length;
      this.frames.push(this.describe(name, url, line, column));
      places.set(place, id);
    }
    return id;
  }

  private describe(name: string, url: string, line: number, column: number): Frame {
    let file = this.files.get(url);
    if (file === undefined) {
      file = this.shortFile(url);
      this.files.set(url, file);
    }
    if (name !== '') {
      return { name, file, line };
    }
    const place = file === '' ? '' : ` ${file}:${line}${column > 0 ? `:${column}` : ''}`;
    return { name: `(anonymous${place})`, file, line };
  }

  private shortFile(url: string): string {
    let file = url;
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file);
      } catch {
        return file;
      }
    }
    if (path.isAbsolute(file)) {
      const relative = path.relative(this.cwd, file);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
        return relative.split(path.sep).join('/');
      }
    }
    return file;
  }
}
