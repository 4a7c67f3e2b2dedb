import { type DataSourceApi, type DataSourceInstanceSettings, type DataSourceRef } from '@grafana/data';
import { type DataSourceSrv, type GetDataSourceListFilters } from '@grafana/runtime';

/** Grafana's datasource registry with the one datasource the host provisions. */
export class HostDataSourceSrv implements DataSourceSrv {
  constructor(
    private readonly instance: DataSourceApi,
    private readonly settings: DataSourceInstanceSettings
  ) {}

  async get(ref?: DataSourceRef | string | null): Promise<DataSourceApi> {
    if (!this.matches(ref)) {
      throw new Error(`The browser host has no datasource ${JSON.stringify(ref)}; it has ${this.settings.uid}`);
    }
    return this.instance;
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    const types = [filters.type ?? [], filters.pluginId ?? []].flat();
    const typeOk = types.length === 0 || types.includes(this.settings.type);
    return typeOk && (filters.filter?.(this.settings) ?? true) ? [this.settings] : [];
  }

  getInstanceSettings(ref?: DataSourceRef | string | null): DataSourceInstanceSettings | undefined {
    return this.matches(ref) ? this.settings : undefined;
  }

  async reload(): Promise<void> {}

  registerRuntimeDataSource(): void {}

  private matches(ref: DataSourceRef | string | null | undefined): boolean {
    if (ref === undefined || ref === null || ref === 'default') {
      return true;
    }
    const { uid, name, type } = this.settings;
    if (typeof ref === 'string') {
      return [uid, name].includes(ref);
    }
    return (ref.uid === undefined || ref.uid === uid) && (ref.type === undefined || ref.type === type);
  }
}
