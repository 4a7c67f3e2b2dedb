import type { ScopedVars, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/** A dashboard variable as the fake sees it; `value: '$__all'` means "All" is selected. */
export type FakeVariable = {
  name: string;
  value: string | string[];
  multi?: boolean;
  includeAll?: boolean;
  /** The custom "All" value, e.g. `.*`. */
  allValue?: string;
  /** Every value the variable offers (what "All" stands for without a custom all value). */
  options?: string[];
};

type FormatFunction = (value: unknown, variable: { name: string; multi?: boolean; includeAll?: boolean }) => string;

const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;
const ALL = '$__all';

/**
 * Grafana's TemplateSrv.replace for tests, with the behaviour our interpolation depends on (Grafana 10–13 and
 * Scenes alike): an explicit `${var:format}` wins over the caller's format; a format function gets the
 * value (an array for multi-value variables) and the variable; "All" with a custom all value returns that
 * value without calling the format; "All" without one is the list of every option; unknown variables stay.
 */
export function fakeTemplateSrv(variables: FakeVariable[]): TemplateSrv {
  const formatValue = (
    value: unknown,
    format: string | FormatFunction | undefined,
    variable: FakeVariable | undefined
  ) => {
    if (typeof format === 'function') {
      return format(value, { name: variable?.name ?? '', multi: variable?.multi, includeAll: variable?.includeAll });
    }
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    switch (format) {
      case 'csv':
        return values.join(',');
      case 'pipe':
        return values.join('|');
      case 'raw':
      case 'text':
        return values.join(',');
      default:
        return values.length > 1 ? `{${values.join(',')}}` : (values[0] ?? '');
    }
  };
  const replace = (target?: string, scopedVars?: ScopedVars, format?: string | Function): string =>
    (target ?? '').replace(VARIABLE, (match, var1, var2, fmt2, var3, _path, fmt3) => {
      const name: string = var1 ?? var2 ?? var3;
      const fmt = (fmt2 ?? fmt3 ?? format) as string | FormatFunction | undefined;
      const variable = variables.find((v) => v.name === name);
      const scoped = scopedVars?.[name];
      if (scoped) {
        return formatValue(scoped.value, fmt, variable);
      }
      if (variable === undefined) {
        return match;
      }
      let value: unknown = variable.value;
      if (value === ALL || (Array.isArray(value) && value[0] === ALL)) {
        if (variable.allValue !== undefined && fmt !== 'text' && fmt !== 'percentencode') {
          return variable.allValue;
        }
        value = variable.options ?? [];
      }
      return formatValue(value, fmt, variable);
    });
  return {
    replace,
    getVariables: () => variables as unknown as TypedVariableModel[],
    containsTemplate: (target?: string) => new RegExp(VARIABLE.source).test(target ?? ''),
    updateTimeRange: () => undefined,
  };
}
