import { yuanNumber } from './report.workbook';

describe('the venue report workbook', () => {
  it('writes fen as the yuan number of its exact decimal', () => {
    expect(yuanNumber(136_500)).toBe(1365);
    expect(yuanNumber(1)).toBe(0.01);
    expect(yuanNumber(-3_500)).toBe(-35);
    expect(yuanNumber(123_456_789)).toBe(1234567.89);
  });
});
