import { CustomVariableSupport, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { from, map, type Observable } from 'rxjs';

import { VariableQueryEditor } from './components/VariableQueryEditor';
import type { ProfilesDataSource } from './ProfilesDataSource';
import type { VariableQuery } from './types';

/** Query variables over profile types, label names and label values, answered by metricFindQuery. */
export class ProfilesVariableSupport extends CustomVariableSupport<ProfilesDataSource, VariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: ProfilesDataSource) {
    super();
  }

  query(request: DataQueryRequest<VariableQuery>): Observable<DataQueryResponse> {
    const query = request.targets[0];
    if (query === undefined) {
      return from([{ data: [] }]);
    }
    return from(this.datasource.metricFindQuery(query, { range: request.range, scopedVars: request.scopedVars })).pipe(
      map((data) => ({ data }))
    );
  }
}
