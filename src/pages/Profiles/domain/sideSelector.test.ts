import { sideSelector } from './sideSelector';

describe('sideSelector(side)', () => {
  it.each([
    ['checkout', '{}', '{service_name="checkout"}'],
    ['checkout', '', '{service_name="checkout"}'],
    ['checkout', '{env="prod", pod=~"a.*"}', '{service_name="checkout", env="prod", pod=~"a.*"}'],
    ['checkout', '{env="prod",}', '{service_name="checkout", env="prod"}'],
    ['', '{env="prod"}', '{env="prod"}'],
    ['', '{}', '{}'],
    ['we"ird', '{}', '{service_name="we\\"ird"}'],
    // Text the builder cannot read is kept as typed; the backend says what is wrong with it.
    ['checkout', '{$label="x"}', '{service_name="checkout", $label="x"}'],
  ])('service %j with filters %j → %s', (service, filters, selector) => {
    expect(sideSelector({ service, filters })).toBe(selector);
  });
});
