import type { ServiceOption } from '../../../datasource/types';
import { serviceChange } from './serviceChange';
import { profileTypeOption } from '../../../datasource/testing/profileTypeOption';

const type = profileTypeOption;
const services: ServiceOption[] = [
  { name: 'api', profileTypes: [type('memory:x:bytes:a:b'), type('process_cpu:cpu:nanoseconds:cpu:nanoseconds')] },
  { name: 'worker', profileTypes: [type('memory:x:bytes:a:b')] },
];

describe('serviceChange(service, profileTypeId, services)', () => {
  it('keeps the profile type the new service has', () => {
    expect(serviceChange('worker', 'memory:x:bytes:a:b', services)).toEqual({ service: 'worker' });
  });

  it("switches to the new service's default when it lacks the profile type", () => {
    expect(serviceChange('api', 'wall:wall:ns:wall:ns', services)).toEqual({
      service: 'api',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    });
  });

  it('keeps the profile type of a service it does not know (typed by hand)', () => {
    expect(serviceChange('other', 'x', services)).toEqual({ service: 'other' });
    expect(serviceChange('api', 'x', undefined)).toEqual({ service: 'api' });
  });
});
