import { formatSelector } from './formatSelector';
import { parseSelector } from './parseSelector';

describe('parseSelector(selector)', () => {
  it.each([
    ['', []],
    ['{}', []],
    ['  { }  ', []],
    ['{service_name="checkout"}', [{ name: 'service_name', operator: '=', value: 'checkout' }]],
    [
      '{a="1", b!="2", c=~"api-.*", d!~"us-.*",}',
      [
        { name: 'a', operator: '=', value: '1' },
        { name: 'b', operator: '!=', value: '2' },
        { name: 'c', operator: '=~', value: 'api-.*' },
        { name: 'd', operator: '!~', value: 'us-.*' },
      ],
    ],
    ['{"service.version"="1.2"}', [{ name: 'service.version', operator: '=', value: '1.2' }]],
    ["{a='single'}", [{ name: 'a', operator: '=', value: 'single' }]],
    ['{a=`raw\\d`}', [{ name: 'a', operator: '=', value: 'raw\\d' }]],
    ['{a="quote \\" backslash \\\\ tab \\t"}', [{ name: 'a', operator: '=', value: 'quote " backslash \\ tab \t' }]],
    ['{a="\\u00e9\\x41"}', [{ name: 'a', operator: '=', value: 'éA' }]],
    ['{a=~"x\\\\.y"}', [{ name: 'a', operator: '=~', value: 'x\\.y' }]],
  ])('reads %s', (selector, matchers) => {
    expect(parseSelector(selector)).toEqual({ matchers });
  });

  it.each([
    ['service_name="x"', 'starts with "{"'],
    ['{a}', 'expected =, !=, =~ or !~ after a'],
    ['{a=x}', 'expected a quoted value after a='],
    ['{a="x"', 'expected "," or "}"'],
    ['{a="x} ', 'unclosed'],
    ['{a="x"} extra', 'unexpected text after "}"'],
    ['{$label="x"}', 'expected a label name'],
    ['{a="\\q"}', 'badly escaped'],
  ])('says what is wrong with %s', (selector, message) => {
    const parsed = parseSelector(selector);
    expect('error' in parsed && parsed.error).toContain(message);
  });
});

describe('formatSelector(matchers)', () => {
  it('writes values as double-quoted literals and quotes names that are not identifiers', () => {
    expect(
      formatSelector([
        { name: 'service_name', operator: '=', value: 'check"out' },
        { name: 'service.version', operator: '!~', value: 'a\\.b' },
      ])
    ).toBe('{service_name="check\\"out", "service.version"!~"a\\\\.b"}');
  });

  it.each(['{}', '{a="1"}', '{a="x\\"y", b=~"p\\\\.q|r", "k.8s"!="\\n"}'])('round-trips %s', (selector) => {
    const parsed = parseSelector(selector);
    expect('matchers' in parsed && formatSelector(parsed.matchers)).toBe(selector);
  });
});
