import { PyroscopeError, type PyroscopeErrorKind } from '../pyroscope/PyroscopeError';
import { errorResponse } from './errorResponse';
import { QueryError } from './QueryError';

describe('errorResponse', () => {
  it('answers a bad query with 400 from the plugin, with its message', () => {
    expect(errorResponse(new QueryError('profileTypeId is required'), 'A')).toEqual({
      frames: [],
      status: 400,
      error: 'profileTypeId is required',
      errorSource: 'plugin',
    });
  });

  it.each([
    ['invalid_argument', 400],
    ['timeout', 504],
    ['unreachable', 502],
    ['tls', 502],
    ['auth_refused', 502],
    ['missing_tenant', 502],
    ['not_pyroscope', 502],
    ['upstream', 502],
  ] as Array<[PyroscopeErrorKind, number]>)('answers Pyroscope error %s with %d from downstream', (kind, status) => {
    expect(errorResponse(new PyroscopeError(kind, `${kind} happened`, 418), 'A')).toEqual({
      frames: [],
      status,
      error: `${kind} happened`,
      errorSource: 'downstream',
    });
  });

  it('answers anything else with 500 and a message that reveals nothing of the error', () => {
    const response = errorResponse(new Error('password=hunter2'), 'B');
    expect(response).toEqual({
      frames: [],
      status: 500,
      error: 'Query B failed inside the datasource backend; the Grafana server log has the details',
      errorSource: 'plugin',
    });
  });
});
