import { type ScopedVars, type TimeRange, type TypedVariableModel } from '@grafana/data';
import { type TemplateSrv } from '@grafana/runtime';

const VARIABLE = /\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g;

/** Grafana's template service for a dashboard without variables: only scoped variables are replaced. */
export class HostTemplateSrv implements TemplateSrv {
  getVariables(): TypedVariableModel[] {
    return [];
  }

  replace(target?: string, scopedVars?: ScopedVars): string {
    return (target ?? '').replace(VARIABLE, (match, ...names: Array<string | undefined>) => {
      const name = names.slice(0, 3).find(Boolean);
      const variable = name ? scopedVars?.[name] : undefined;
      return variable ? String(variable.value) : match;
    });
  }

  containsTemplate(target?: string): boolean {
    return (target ?? '').search(VARIABLE) >= 0;
  }

  updateTimeRange(_timeRange: TimeRange): void {}
}
