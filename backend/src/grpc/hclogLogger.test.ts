import { createHclogLogger, type LogFields } from './hclogLogger';

function capture(now = () => new Date('2024-01-02T03:04:05.678Z')) {
  const lines: string[] = [];
  const logger = createHclogLogger({ write: (line) => lines.push(line), now });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('createHclogLogger()', () => {
  it.each(['debug', 'info', 'warn', 'error'] as const)('writes one hclog JSON line at level %s', (level) => {
    const { logger, lines, parsed } = capture();
    logger[level]('query done', { refId: 'A', rows: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\{.*\}\n$/);
    expect(parsed()[0]).toEqual({
      '@level': level,
      '@message': 'query done',
      '@timestamp': '2024-01-02T03:04:05.678000Z',
      refId: 'A',
      rows: 3,
    });
  });

  it('formats @timestamp in the Go layout with exactly six fractional digits', () => {
    const { logger, parsed } = capture(() => new Date());
    logger.info('now');
    expect(parsed()[0]?.['@timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/);
  });

  it('keeps a multi-line message on one line', () => {
    const { logger, lines, parsed } = capture();
    logger.error('first\nsecond');
    expect(lines[0]?.split('\n')).toHaveLength(2);
    expect(parsed()[0]?.['@message']).toBe('first\nsecond');
  });

  it('does not let fields overwrite @level, @message or @timestamp', () => {
    const { logger, parsed } = capture();
    logger.info('real', { '@level': 'error', '@message': 'fake' });
    expect(parsed()[0]).toMatchObject({ '@level': 'info', '@message': 'real', _level: 'error', _message: 'fake' });
  });

  it('writes errors as their message, bigints as text and circular references as a marker', () => {
    const { logger, parsed } = capture();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    logger.warn('odd fields', { error: new Error('boom'), big: BigInt(2) ** BigInt(70), circular });
    expect(parsed()[0]).toMatchObject({
      error: 'boom',
      big: '1180591620717411303424',
      circular: { name: 'loop', self: '[Circular]' },
    });
  });

  it('still writes the message when the fields cannot be serialized', () => {
    const { logger, parsed } = capture();
    const fields: LogFields = {};
    Object.defineProperty(fields, 'bad', {
      enumerable: true,
      get: () => {
        throw new Error('getter failed');
      },
    });
    expect(() => logger.error('kept', fields)).not.toThrow();
    expect(parsed()[0]).toMatchObject({ '@level': 'error', '@message': 'kept' });
    expect(parsed()[0]?.log_error).toContain('getter failed');
  });

  it('never throws when writing fails', () => {
    const logger = createHclogLogger({
      write: () => {
        throw new Error('EPIPE');
      },
    });
    expect(() => logger.info('lost')).not.toThrow();
  });
});
