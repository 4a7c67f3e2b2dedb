import { sameRoundDifferences } from './sameRoundDifferences';

describe('sameRoundDifferences', () => {
  it("subtracts the figures of the same round, in the first one's order", () => {
    const agent = new Map([
      [0, 16.31],
      [1, 13.91],
      [2, 17.07],
    ]);
    const floor = new Map([
      [2, 16.59],
      [0, 16.63],
      [1, 12.54],
    ]);
    expect(sameRoundDifferences(agent, floor).map((value) => Number(value.toFixed(2)))).toEqual([-0.32, 1.37, 0.48]);
  });

  it('skips rounds that only one side has (a failed pair, or more pairs of one config)', () => {
    const agent = new Map([
      [0, 10],
      [1, 11],
      [3, 13],
    ]);
    const floor = new Map([
      [0, 9],
      [2, 12],
      [3, 10],
    ]);
    expect(sameRoundDifferences(agent, floor)).toEqual([1, 3]);
  });
});
