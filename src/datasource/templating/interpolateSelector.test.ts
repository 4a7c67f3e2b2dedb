import { fakeTemplateSrv, type FakeVariable } from '../testing/fakeTemplateSrv';
import { interpolateSelector } from './interpolateSelector';

const variables: FakeVariable[] = [
  { name: 'single', value: 'checkout' },
  { name: 'dotted', value: 'api.v1' },
  { name: 'textRegex', value: 'api-.*' },
  { name: 'multiOne', value: ['api.1'], multi: true },
  { name: 'multi', value: ['api-1', 'api-2'], multi: true },
  { name: 'meta', value: ['a.b', 'c|d', '(x)+', '^y$', '[z]*?', '{1}', 'back\\slash'], multi: true },
  { name: 'quotes', value: ['say "hi"', "it's"], multi: true },
  { name: 'all', value: '$__all', multi: true, includeAll: true, options: ['eu-1', 'us.2'] },
  { name: 'allCustom', value: ['$__all'], multi: true, includeAll: true, allValue: '.*', options: ['x', 'y'] },
  { name: 'singleWithAll', value: 'prod', includeAll: true, options: ['prod', 'dev'] },
  { name: 'empty', value: [], multi: true },
];

const interpolate = (selector: string, scopedVars = {}) =>
  interpolateSelector(selector, scopedVars, fakeTemplateSrv(variables));

describe('interpolateSelector(selector, scopedVars, templateSrv)', () => {
  describe('when a variable has one value', () => {
    it.each([
      ['{service_name="$single"}', '{service_name="checkout"}'],
      ['{service_name!="${single}"}', '{service_name!="checkout"}'],
      ['{service_name="[[single]]"}', '{service_name="checkout"}'],
      ['{pod="$dotted"}', '{pod="api.v1"}'],
      ['{pod="$multiOne"}', '{pod="api.1"}'],
      ['{pod="$single-$dotted"}', '{pod="checkout-api.v1"}'],
    ])('keeps equality matchers literal: %s → %s', (selector, expected) => {
      expect(interpolate(selector)).toBe(expected);
    });

    it.each([
      // A plain variable in a regex matcher is the user's regex (e.g. a text box).
      ['{pod=~"$textRegex"}', '{pod=~"api-.*"}'],
      // A multi-value or "All" variable's value is data: escaped.
      ['{pod=~"$multiOne"}', '{pod=~"api\\\\.1"}'],
      ['{env!~"$singleWithAll"}', '{env!~"prod"}'],
      ['{pod=~"$multiOne.*"}', '{pod=~"api\\\\.1.*"}'],
    ])('regex matchers: %s → %s', (selector, expected) => {
      expect(interpolate(selector)).toBe(expected);
    });
  });

  describe('when a variable has several values', () => {
    it.each([
      ['{pod="$multi"}', '{pod=~"api-1|api-2"}'],
      ['{pod!="$multi"}', '{pod!~"api-1|api-2"}'],
      ['{pod=~"$multi"}', '{pod=~"api-1|api-2"}'],
      ['{pod!~"${multi}"}', '{pod!~"api-1|api-2"}'],
      ['{pod="[[multi]]"}', '{pod=~"api-1|api-2"}'],
    ])('turns the matcher into a regex alternation: %s → %s', (selector, expected) => {
      expect(interpolate(selector)).toBe(expected);
    });

    it('regex-escapes every value (the literal then escapes the backslashes once more)', () => {
      expect(interpolate('{x="$meta"}')).toBe(
        '{x=~"a\\\\.b|c\\\\|d|\\\\(x\\\\)\\\\+|\\\\^y\\\\$|\\\\[z\\\\]\\\\*\\\\?|\\\\{1\\\\}|back\\\\\\\\slash"}'
      );
    });

    it('escapes quotes for the string literal', () => {
      expect(interpolate('{msg="$quotes"}')).toBe('{msg=~"say \\"hi\\"|it\'s"}');
    });

    it('parenthesises the alternation and escapes the literal text around it in a converted matcher', () => {
      expect(interpolate('{pod="$multi.prod"}')).toBe('{pod=~"(api-1|api-2)\\\\.prod"}');
      expect(interpolate('{pod="$single-$multi"}')).toBe('{pod=~"checkout-(api-1|api-2)"}');
    });

    it("keeps the user's regex around the variable in a regex matcher", () => {
      expect(interpolate('{pod=~"$multi.*"}')).toBe('{pod=~"(api-1|api-2).*"}');
    });

    it('interpolates each matcher on its own terms', () => {
      expect(interpolate('{service_name="$single", pod="$multi", env!="dev"}')).toBe(
        '{service_name="checkout", pod=~"api-1|api-2", env!="dev"}'
      );
    });
  });

  describe('when "All" is selected', () => {
    it('without a custom all value: every value, escaped, as an alternation', () => {
      expect(interpolate('{region="$all"}')).toBe('{region=~"eu-1|us\\\\.2"}');
      expect(interpolate('{region!="$all"}')).toBe('{region!~"eu-1|us\\\\.2"}');
    });

    it('with a custom all value: that value as a regex, unescaped', () => {
      expect(interpolate('{pod="$allCustom"}')).toBe('{pod=~".*"}');
      expect(interpolate('{pod=~"$allCustom"}')).toBe('{pod=~".*"}');
      expect(interpolate('{pod!="$allCustom"}')).toBe('{pod!~".*"}');
    });
  });

  describe('edge cases', () => {
    it('leaves selectors without variables alone, byte for byte', () => {
      expect(interpolate('{ a = "x" ,b=~`y` }')).toBe('{ a = "x" ,b=~`y` }');
    });

    it('leaves unknown variables as they are', () => {
      expect(interpolate('{pod="$nope", a="$single"}')).toBe('{pod="$nope", a="checkout"}');
    });

    it('respects an explicit format', () => {
      expect(interpolate('{pod="${multi:csv}"}')).toBe('{pod="api-1,api-2"}');
      expect(interpolate('{pod=~"${multi:pipe}"}')).toBe('{pod=~"api-1|api-2"}');
    });

    it('uses scoped variables (repeated panels)', () => {
      expect(interpolate('{pod="$multi"}', { multi: { text: 'api-9', value: 'api-9' } })).toBe('{pod="api-9"}');
    });

    it('treats a multi-value variable with nothing selected as an empty value', () => {
      expect(interpolate('{pod="$empty"}')).toBe('{pod=""}');
    });

    it('interpolates a selector it cannot parse as text, multi-values as an alternation', () => {
      expect(interpolate('{$single="x"}')).toBe('{checkout="x"}');
      expect(interpolate('{pod=~$multi}')).toBe('{pod=~api-1|api-2}');
    });
  });
});
