import { parseRssSplit, readRssSplit } from './readRssSplit';

describe('parseRssSplit', () => {
  it('reads RssAnon and RssFile in MB', () => {
    const status = ['Name:\tnode', 'VmRSS:\t   57220 kB', 'RssAnon:\t   14336 kB', 'RssFile:\t   43008 kB', ''].join(
      '\n'
    );
    expect(parseRssSplit(status)).toEqual({ anon_mb: 14, file_mb: 42 });
  });

  it('gives nothing when a field is missing', () => {
    expect(parseRssSplit('Name:\tnode\nRssAnon:\t 1024 kB\n')).toBeUndefined();
  });
});

describe('readRssSplit', () => {
  it("splits this process's RSS, whose parts add up to about VmRSS", () => {
    const split = readRssSplit(process.pid)!;
    const rssMb = process.memoryUsage.rss() / (1024 * 1024);
    expect(split.anon_mb).toBeGreaterThan(1);
    expect(split.file_mb).toBeGreaterThan(1);
    expect(Math.abs(split.anon_mb + split.file_mb - rssMb)).toBeLessThan(0.2 * rssMb);
  });

  it('gives nothing for a process that does not exist', () => {
    expect(readRssSplit(2 ** 22 + 1)).toBeUndefined();
  });
});
