import { readFileSync } from 'node:fs';

/** Busy time (everything but idle and iowait) per CPU, in ms, from /proc/stat; empty where /proc is missing. */
export function readCpuBusy(): Record<string, number> {
  const busy: Record<string, number> = {};
  let text = '';
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return busy;
  }
  for (const line of text.split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line);
    if (!match) {
      continue;
    }
    // user nice system idle iowait irq softirq steal …, in clock ticks of 10 ms (USER_HZ = 100 on Linux)
    const fields = match[2]!.trim().split(/\s+/).map(Number);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    busy[match[1]!] = (total - fields[3]! - fields[4]!) * 10;
  }
  return busy;
}
