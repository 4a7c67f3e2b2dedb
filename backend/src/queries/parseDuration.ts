const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Milliseconds of a Grafana-style duration: an optional sign, then one or more `<integer><unit>` parts with
 * units ms, s, m, h, d, w (`1w`, `24h`, `-1h`, `1h30m`). Undefined when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^([+-]?)((?:\d+(?:ms|s|m|h|d|w))+)$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  let ms = 0;
  for (const [, amount, unit] of match[2]!.matchAll(/(\d+)(ms|s|m|h|d|w)/g)) {
    ms += Number(amount) * unitMs[unit!]!;
  }
  return match[1] === '-' ? -ms : ms;
}
