import { validateLabelSelector } from './validateLabelSelector';

describe('validateLabelSelector', () => {
  it.each([
    '{}',
    ' { } ',
    '{service_name="checkout"}',
    '{service_name="checkout", env!="dev", pod=~"api-.*", zone!~"us-.*"}',
    '{service_name="checkout",}',
    '{"service.version"="1.2"}',
    "{env='prod'}",
    '{path=`C:\\tmp`}',
    '{msg="say \\"hi\\""}',
    '{ service_name = "x" ,env="y" }',
    '{_private="1", __name__="process_cpu"}',
  ])('accepts %s', (selector) => {
    expect(validateLabelSelector(selector)).toBeUndefined();
  });

  it.each([
    ['', 'must start with "{" at position 1, found the end'],
    ['service_name="x"', 'must start with "{" at position 1, found "s"'],
    [
      'process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name="x"}',
      'starts with a name before "{"; put the profile type in profileTypeId and only {…} here',
    ],
    ['{service_name="x"', 'expected "," or "}" at position 18, found the end'],
    ['{service_name x}', 'expected =, !=, =~ or !~ after label name service_name at position 15, found "x"'],
    [
      '{service_name=checkout}',
      'expected a quoted value after service_name= at position 15, found "c"; quote values like service_name="value"',
    ],
    [
      '{service_name=="x"}',
      'expected a quoted value after service_name= at position 15, found "="; quote values like service_name="value"',
    ],
    ['{=x}', 'expected a label name or "}" at position 2, found "="'],
    ['{,}', 'expected a label name or "}" at position 2, found ","'],
    ['{a="1",,}', 'expected a label name or "}" at position 8, found ","'],
    ['{a="1" b="2"}', 'expected "," or "}" at position 8, found "b"'],
    ['{a="1}', 'the string that starts at position 4 is not closed with "'],
    [
      '{"service.version="1"}',
      'expected =, !=, =~ or !~ after label name "service.version=" at position 20, found "1"',
    ],
    ['{a="1"} extra', 'unexpected text after "}" at position 9'],
    ['{a="x\ny"}', 'the string that starts at position 4 is not closed with "'],
    ['{1a="x"}', 'expected a label name or "}" at position 2, found "1"'],
  ])('rejects %j: %s', (selector, message) => {
    expect(validateLabelSelector(selector)).toBe(message);
  });
});
