import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

type Entry = { name: string; mode: number; data: Buffer };

/**
 * The files under `folder` as a zip archive whose paths start with `prefix/` (Grafana expects a plugin zip to
 * hold one folder named after the plugin id). Unix modes are kept, so the backend launchers stay executable
 * when Grafana (or unzip) extracts them; hand-written because Node has no zip writer and the plugin has no
 * other use for one.
 */
export function zipFolder(folder: string, prefix: string): Buffer {
  const entries: Entry[] = [];
  const walk = (dir: string, name: string) => {
    entries.push({ name: `${name}/`, mode: 0o40755, data: Buffer.alloc(0) });
    for (const child of readdirSync(dir).sort()) {
      const path = join(dir, child);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        walk(path, `${name}/${child}`);
      } else {
        entries.push({ name: `${name}/${child}`, mode: 0o100000 | (stat.mode & 0o777), data: readFileSync(path) });
      }
    }
  };
  walk(folder, prefix);

  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = entry.data.length > 0 ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const method = entry.data.length > 0 ? 8 : 0;
    const crc = crc32(entry.data);
    // Fixed date (1980-01-01): the same dist/ always packs to the same bytes.
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(method, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x21, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(entry.data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes carry the mode
    common(central, 6);
    central.writeUInt32LE(entry.mode * 0x10000, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
