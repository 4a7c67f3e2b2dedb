import type { DataSourceInstanceSettings } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { ProfilesDataSource } from '../ProfilesDataSource';
import type { ProfilesJsonData } from '../types';
import { fakeTemplateSrv } from './fakeTemplateSrv';

/** A datasource instance as Grafana builds it, with uid `profiles-uid`. */
export function testDataSource(templateSrv: TemplateSrv = fakeTemplateSrv([])): ProfilesDataSource {
  const settings = {
    id: 1,
    uid: 'profiles-uid',
    type: 'emberlabs-profiles-datasource',
    name: 'Profiles',
    access: 'proxy',
    readOnly: false,
    jsonData: {},
    meta: { id: 'emberlabs-profiles-datasource', name: 'Profiles', type: 'datasource', info: {}, module: '' },
  } as unknown as DataSourceInstanceSettings<ProfilesJsonData>;
  return new ProfilesDataSource(settings, templateSrv);
}
