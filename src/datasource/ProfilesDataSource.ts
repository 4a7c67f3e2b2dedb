import { type DataSourceInstanceSettings, type ScopedVars } from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';

import { DEFAULT_QUERY, type ProfileQuery, type ProfilesJsonData } from './types';

export class ProfilesDataSource extends DataSourceWithBackend<ProfileQuery, ProfilesJsonData> {
  constructor(instanceSettings: DataSourceInstanceSettings<ProfilesJsonData>) {
    super(instanceSettings);
  }

  getDefaultQuery(): Partial<ProfileQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: ProfileQuery): boolean {
    return Boolean(query.profileTypeId);
  }

  applyTemplateVariables(query: ProfileQuery, scopedVars: ScopedVars): ProfileQuery {
    const templateSrv = getTemplateSrv();
    return {
      ...query,
      labelSelector: templateSrv.replace(query.labelSelector ?? '{}', scopedVars),
      profileTypeId: templateSrv.replace(query.profileTypeId ?? '', scopedVars),
    };
  }
}
