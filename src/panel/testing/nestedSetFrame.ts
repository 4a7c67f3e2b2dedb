import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';

/** One row: label, level, value, self, and for a diff valueRight, selfRight. */
export type Row = [string, number, number, number, number?, number?];

/**
 * A flame graph frame as a query returns it, from rows written top-down. With `enumLabels`, `label` is an
 * enum over the distinct labels (our backend and Grafana's Pyroscope datasource), else a string field.
 */
export function nestedSetFrame(rows: Row[], { enumLabels = true } = {}): DataFrame {
  const texts = [...new Set(rows.map((row) => row[0]))];
  const isDiff = rows.some((row) => row[4] !== undefined);
  const column = (index: number) => rows.map((row) => row[index] as number);
  return createDataFrame({
    name: 'response',
    meta: { preferredVisualisationType: 'flamegraph' },
    fields: [
      enumLabels
        ? {
            name: 'label',
            type: FieldType.enum,
            values: rows.map((row) => texts.indexOf(row[0])),
            config: { type: { enum: { text: texts } } },
          }
        : { name: 'label', type: FieldType.string, values: rows.map((row) => row[0]) },
      { name: 'level', type: FieldType.number, values: column(1) },
      { name: 'value', type: FieldType.number, values: column(2), config: { unit: 'ns' } },
      { name: 'self', type: FieldType.number, values: column(3), config: { unit: 'ns' } },
      ...(isDiff
        ? [
            { name: 'valueRight', type: FieldType.number, values: column(4) },
            { name: 'selfRight', type: FieldType.number, values: column(5) },
          ]
        : []),
    ],
  });
}

/** A frame's column by field name. */
export function columnOf(frame: DataFrame, name: string): unknown[] {
  return [...(frame.fields.find((field) => field.name === name)?.values ?? [])];
}
