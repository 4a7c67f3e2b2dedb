import type { Frame } from '../plugin/types';

/**
 * A flame graph frame's `label` column as text, whether it is an enum (indexes into
 * `config.type.enum.text`, as Grafana's display processor resolves them) or plain strings. For tests and
 * debugging.
 */
export function frameLabels(frame: Frame): string[] {
  const field = frame.fields.find((f) => f.name === 'label');
  if (field === undefined) {
    throw new Error(`frame ${JSON.stringify(frame.name)} has no label field`);
  }
  const texts = field.type === 'enum' ? (field.config?.type?.enum?.text ?? []) : undefined;
  return Array.from(field.values, (value) => (texts ? (texts[Number(value)] ?? String(value)) : String(value)));
}
