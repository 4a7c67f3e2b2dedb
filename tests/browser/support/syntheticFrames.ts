import { flameGraphToFrame } from '../../../backend/src/frames/flameGraphToFrame';
import { syntheticFlameGraph } from '../../../backend/src/frames/syntheticFlameGraph';
import type { FieldType, Frame } from '../../../backend/src/plugin/types';
import type { DsQueryBody, FrameJson } from '../../support/grafanaClient';
import { CPU } from './recordedData';

/** The JSON type Grafana's /api/ds/query gives each backend field type (as the Go client prints it). */
const JSON_TYPES: Record<FieldType, { type: string; frame: string }> = {
  enum: { type: 'enum', frame: 'enum' },
  string: { type: 'string', frame: 'string' },
  int64: { type: 'number', frame: 'int64' },
  uint16: { type: 'number', frame: 'uint16' },
  float64: { type: 'number', frame: 'float64' },
  time: { type: 'time', frame: 'time.Time' },
  bool: { type: 'boolean', frame: 'bool' },
};

/** A backend frame (backend/src/plugin/types.ts) as Grafana's /api/ds/query body for one query. */
export function frameToBody(frame: Frame, refId = 'A'): DsQueryBody {
  const json: FrameJson = {
    schema: {
      name: frame.name,
      refId,
      meta: frame.meta as FrameJson['schema']['meta'],
      fields: frame.fields.map((field) => ({
        name: field.name,
        type: JSON_TYPES[field.type].type,
        typeInfo: { frame: JSON_TYPES[field.type].frame },
        ...(field.config ? { config: field.config as Record<string, unknown> } : {}),
      })),
    },
    data: { values: frame.fields.map((field) => Array.from(field.values)) },
  };
  return { results: { [refId]: { status: 200, frames: [json] } } };
}

/** The backend's own frame of a deterministic synthetic flame graph of `nodes` nodes (as bench:backend uses). */
export function syntheticProfileBody(nodes: number): DsQueryBody {
  return frameToBody(flameGraphToFrame(syntheticFlameGraph(nodes), CPU, 'A'));
}

/** One flame graph row: label, level, total, self. */
type Row = [string, number, number, number];

/** A profile frame from rows in depth-first order, labels as an enum like the backend sends them. */
export function nestedSetBody(rows: Row[]): DsQueryBody {
  const texts = [...new Set(rows.map(([label]) => label))];
  const index = new Map(texts.map((text, i) => [text, i]));
  const config = { unit: 'ns' };
  return frameToBody({
    name: 'response',
    refId: 'A',
    meta: { preferredVisualisationType: 'flamegraph' },
    fields: [
      {
        name: 'label',
        type: 'enum',
        values: rows.map(([label]) => index.get(label)!),
        config: { type: { enum: { text: texts } } },
      },
      { name: 'level', type: 'int64', values: rows.map((row) => row[1]) },
      { name: 'value', type: 'int64', values: rows.map((row) => row[2]), config },
      { name: 'self', type: 'int64', values: rows.map((row) => row[3]), config },
    ],
  });
}

/** A single call chain `depth` frames deep, every frame the full width (all time is the deepest frame's). */
export function deepChainBody(depth: number): DsQueryBody {
  return nestedSetBody(
    Array.from({ length: depth }, (_, level): Row => [
      level === 0 ? 'total' : `deep.frame${level}`,
      level,
      1e9,
      level === depth - 1 ? 1e9 : 0,
    ])
  );
}

/** A root with `width` callees of different sizes (a profile of very many small functions). */
export function wideBody(width: number): DsQueryBody {
  const children = Array.from({ length: width }, (_, i): Row => [
    `wide.function${i}`,
    1,
    1000 + (i % 1000),
    1000 + (i % 1000),
  ]);
  const total = children.reduce((sum, row) => sum + row[2], 0);
  return nestedSetBody([['total', 0, total, 0], ...children]);
}
