import type { DataSourceInstanceSettings } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { useCallback, useMemo } from 'react';

import { DATASOURCE_TYPE } from '../../../constants';
import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import { type AsyncState, useAsync } from '../../../shared/useAsync';

/** The datasources of our type, and the instance of the chosen one. */
export function useDataSources(uid: string): {
  list: DataSourceInstanceSettings[];
  datasource: AsyncState<ProfilesDataSource>;
} {
  // getDataSourceSrv is deprecated in favour of @grafana/runtime/unstable, which plugins must not use.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const list = useMemo(() => getDataSourceSrv().getList({ type: DATASOURCE_TYPE }), []);
  const known = list.some((settings) => settings.uid === uid);
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const load = useCallback(() => getDataSourceSrv().get(uid) as Promise<ProfilesDataSource>, [uid]);
  const datasource = useAsync(known ? load : undefined);
  return { list, datasource };
}
