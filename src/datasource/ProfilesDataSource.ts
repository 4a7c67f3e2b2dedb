import {
  type AdHocVariableFilter,
  CoreApp,
  type DataSourceInstanceSettings,
  type LegacyMetricFindQueryOptions,
  type MetricFindValue,
  type ScopedVars,
  type TimeRange,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv, type TemplateSrv } from '@grafana/runtime';

import { interpolateQuery } from './templating/interpolateQuery';
import { interpolateSelector } from './templating/interpolateSelector';
import { ProfilesVariableSupport } from './ProfilesVariableSupport';
import { queryDisplayText } from './queryDisplayText';
import {
  DEFAULT_QUERY,
  type ProfileQuery,
  type ProfileTypeOption,
  type ProfilesJsonData,
  type ServiceOption,
  type SpanCpuAnswer,
  type SpanCpuRequest,
  type VariableQuery,
} from './types';

/** The range a resource call covers: epoch ms, as the backend's resource routes read them. */
function rangeParams(range: TimeRange | undefined): Record<string, number> {
  return range ? { from: range.from.valueOf(), to: range.to.valueOf() } : {};
}

export class ProfilesDataSource extends DataSourceWithBackend<ProfileQuery, ProfilesJsonData> {
  /** `templateSrv`: for tests; Grafana's own is looked up when needed (it may be set after construction). */
  constructor(
    instanceSettings: DataSourceInstanceSettings<ProfilesJsonData>,
    private readonly ownTemplateSrv?: TemplateSrv
  ) {
    super(instanceSettings);
    this.variables = new ProfilesVariableSupport(this);
  }

  private get templateSrv(): TemplateSrv {
    return this.ownTemplateSrv ?? getTemplateSrv();
  }

  getDefaultQuery(app: CoreApp): Partial<ProfileQuery> {
    // Explore draws the flame graph and the series of one query side by side.
    return app === CoreApp.Explore ? { ...DEFAULT_QUERY, queryType: 'both' } : DEFAULT_QUERY;
  }

  filterQuery(query: ProfileQuery): boolean {
    return !query.hide && Boolean(query.profileTypeId);
  }

  getQueryDisplayText(query: ProfileQuery): string {
    return queryDisplayText(query);
  }

  applyTemplateVariables(query: ProfileQuery, scopedVars: ScopedVars, filters?: AdHocVariableFilter[]): ProfileQuery {
    return interpolateQuery(query, scopedVars, this.templateSrv, filters);
  }

  /** Profile types with data in the range (resource `profile-types`). */
  getProfileTypes(range?: TimeRange): Promise<ProfileTypeOption[]> {
    return this.getResource<ProfileTypeOption[]>('profile-types', rangeParams(range));
  }

  getLabelNames(selector: string, range?: TimeRange): Promise<string[]> {
    return this.getResource<string[]>('label-names', { ...rangeParams(range), selector });
  }

  getLabelValues(label: string, selector: string, range?: TimeRange): Promise<string[]> {
    return this.getResource<string[]>('label-values', { ...rangeParams(range), label, selector });
  }

  /** Services (`service_name` values) with the profile types each has (resource `services`). */
  getServices(range?: TimeRange, selector = '{}'): Promise<ServiceOption[]> {
    return this.getResource<ServiceOption[]>('services', { ...rangeParams(range), selector });
  }

  /** The total of each span's samples and of the selector's (resource `span-cpu`, POST). */
  getSpanCpu(request: SpanCpuRequest): Promise<SpanCpuAnswer> {
    return this.postResource<SpanCpuAnswer>('span-cpu', request);
  }

  /** The merged profile as gzipped pprof (resource `export/pprof`). */
  exportPprof(profileTypeId: string, selector: string, range: TimeRange): Promise<Blob> {
    return this.getResource<Blob>(
      'export/pprof',
      { ...rangeParams(range), profileTypeId, selector },
      { responseType: 'blob' }
    );
  }

  /** Values of this datasource's template variables (see ProfilesVariableSupport). */
  async metricFindQuery(query: VariableQuery, options?: LegacyMetricFindQueryOptions): Promise<MetricFindValue[]> {
    const scopedVars = options?.scopedVars ?? {};
    const selector = interpolateSelector(query.labelSelector?.trim() || '{}', scopedVars, this.templateSrv);
    switch (query.type) {
      case 'profileType':
        return (await this.getProfileTypes(options?.range)).map((type) => ({ text: type.label, value: type.id }));
      case 'labelName':
        return (await this.getLabelNames(selector, options?.range)).map((name) => ({ text: name, value: name }));
      case 'labelValue': {
        const label = this.templateSrv.replace(query.labelName ?? '', scopedVars);
        if (label === '') {
          return [];
        }
        return (await this.getLabelValues(label, selector, options?.range)).map((value) => ({ text: value, value }));
      }
      default:
        return [];
    }
  }
}
