import { parseMallocInfo } from './readMallocInfo';

const MB = 1024 * 1024;

/** One arena's element, as glibc 2.36 prints it. */
function heap(nr: number, restMb: number, systemMb: number): string {
  return [
    `<heap nr="${nr}">`,
    '<sizes>',
    '</sizes>',
    '<total type="fast" count="0" size="0"/>',
    `<total type="rest" count="1" size="${restMb * MB}"/>`,
    `<system type="current" size="${systemMb * MB}"/>`,
    `<system type="max" size="${systemMb * MB}"/>`,
    '</heap>',
  ].join('\n');
}

// Per-arena <heap> elements, then the process-wide totals (which differ from any one arena's).
const XML = `<malloc version="1">
${heap(0, 5, 8)}
${heap(1, 1, 2)}
<total type="fast" count="3" size="${0.5 * MB}"/>
<total type="rest" count="41" size="${6 * MB}"/>
<total type="mmap" count="2" size="${1.5 * MB}"/>
<system type="current" size="${10 * MB}"/>
<system type="max" size="${11 * MB}"/>
<aspace type="total" size="${10 * MB}"/>
<aspace type="mprotect" size="${10 * MB}"/>
</malloc>
`;

describe('parseMallocInfo', () => {
  it('reads the process-wide totals, not the first arena, and counts mmapped chunks as in use', () => {
    expect(parseMallocInfo(XML)).toEqual({
      system_mb: 11.5,
      free_mb: 6.5,
      in_use_mb: 5,
      main_arena_free_mb: 5,
      arenas: 2,
    });
  });

  it("reads the main arena's free memory from its own element", () => {
    const xml = XML.replace(heap(0, 5, 8), heap(0, 2, 8)).replace(heap(1, 1, 2), heap(1, 3, 4));
    expect(parseMallocInfo(xml)?.main_arena_free_mb).toBe(2);
  });

  it('gives undefined for output without the totals', () => {
    expect(parseMallocInfo('<malloc version="1">\n</malloc>\n')).toBeUndefined();
    expect(parseMallocInfo('')).toBeUndefined();
  });
});
