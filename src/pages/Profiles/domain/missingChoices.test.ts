import type { DataSourceInstanceSettings } from '@grafana/data';

import type { ServiceOption } from '../../../datasource/types';
import { missingChoices } from './missingChoices';
import { parse } from './urlState';
import { profileTypeOption } from '../../../datasource/testing/profileTypeOption';

const dataSources = [{ uid: 'a' }, { uid: 'b' }] as DataSourceInstanceSettings[];
const type = profileTypeOption;
const services: ServiceOption[] = [
  {
    name: 'cart',
    profileTypes: [type('memory:alloc_space:bytes:space:bytes'), type('process_cpu:cpu:nanoseconds:cpu:nanoseconds')],
  },
  { name: 'checkout', profileTypes: [type('wall:wall:nanoseconds:wall:nanoseconds')] },
];

describe('missingChoices(state, dataSources, remembered, services)', () => {
  it('takes the remembered datasource, else the first', () => {
    expect(missingChoices(parse(''), dataSources, 'b', undefined)).toEqual({ datasource: 'b' });
    expect(missingChoices(parse(''), dataSources, 'gone', undefined)).toEqual({ datasource: 'a' });
    expect(missingChoices(parse('ds=gone'), dataSources, undefined, undefined)).toEqual({ datasource: 'a' });
    expect(missingChoices(parse(''), [], 'b', undefined)).toEqual({});
  });

  it("takes the first service and its CPU profile, else the service's first", () => {
    expect(missingChoices(parse('ds=a'), dataSources, undefined, services)).toEqual({
      main: { service: 'cart', profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' },
    });
    expect(missingChoices(parse('ds=a&service=checkout'), dataSources, undefined, services)).toEqual({
      main: { profileTypeId: 'wall:wall:nanoseconds:wall:nanoseconds' },
    });
  });

  it('keeps what the URL chose, even without data in the range', () => {
    expect(missingChoices(parse('ds=a&service=gone&type=x'), dataSources, undefined, services)).toEqual({});
    expect(missingChoices(parse('ds=a'), dataSources, undefined, [])).toEqual({});
  });
});
