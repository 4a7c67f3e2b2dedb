import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { ProfilesDataSource } from './ProfilesDataSource';
import { type ProfileQuery, type ProfilesJsonData } from './types';

export const plugin = new DataSourcePlugin<ProfilesDataSource, ProfileQuery, ProfilesJsonData>(ProfilesDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
