import type { TrigRecord } from './types';

const EPOCH_MS = Date.UTC(2026, 0, 1);
const TAGS = ['acute', 'obtuse', 'reflex', 'unit-circle', 'special', 'rational', 'irrational', 'benchmark'];

/**
 * `limit` trig records starting at `offset`: the list endpoint's hot path. Deterministic, so every request of
 * the same size does the same work (the benchmark and the CPU-share test rely on that).
 */
export function buildTrigRecords(limit: number, offset = 0): TrigRecord[] {
  const records: TrigRecord[] = [];
  for (let index = offset; index < offset + limit; index++) {
    const degrees = (index * 7.5) % 360;
    const radians = (degrees * Math.PI) / 180;
    const sin = Math.sin(radians);
    const cos = Math.cos(radians);
    const hypotenuse = 1 + (index % 17);
    const adjacent = Math.abs(cos * hypotenuse);
    const opposite = Math.abs(sin * hypotenuse);
    records.push({
      id: `trig-${String(index).padStart(6, '0')}`,
      label: `${degrees.toFixed(1)}° on the unit circle`,
      angle: { degrees, radians: round(radians), quadrant: quadrantOf(degrees) },
      ratios: {
        sin: round(sin),
        cos: round(cos),
        tan: ratio(sin, cos),
        cot: ratio(cos, sin),
        sec: ratio(1, cos),
        csc: ratio(1, sin),
      },
      triangle: {
        hypotenuse,
        adjacent: round(adjacent),
        opposite: round(opposite),
        area: round((adjacent * opposite) / 2),
        perimeter: round(hypotenuse + adjacent + opposite),
      },
      tags: [TAGS[index % TAGS.length]!, TAGS[(index * 3 + 1) % TAGS.length]!],
      createdAt: new Date(EPOCH_MS + index * 60_000).toISOString(),
    });
  }
  return records;
}

function quadrantOf(degrees: number): 1 | 2 | 3 | 4 {
  return degrees < 90 ? 1 : degrees < 180 ? 2 : degrees < 270 ? 3 : 4;
}

// Undefined ratios (tan 90°) become null: JSON has no Infinity.
function ratio(numerator: number, denominator: number): number | null {
  return Math.abs(denominator) < 1e-12 ? null : round(numerator / denominator);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
