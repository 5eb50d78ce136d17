import { textProblem } from './text';

describe('text rules', () => {
  const name = { max: 10 };
  it('accepts Chinese and mixed names', () => {
    expect(textProblem('河南针织 A-1', { max: 20 })).toBeNull();
  });
  it.each([
    ['', 'must not be empty'],
    [' 前后 ', 'must not start or end with spaces'],
    ['a\u0000b', 'must not contain control characters'],
    ['a\nb', 'must not contain control characters'],
    ['a\u202Eb', 'must not contain control characters'],
    ['开心😀', 'must not contain emoji or pictographs'],
    ['一二三四五六七八九十一', 'must be at most 10 characters'],
    [42, 'must be text'],
  ])('refuses %p: %s', (value, problem) => {
    expect(textProblem(value, name)).toBe(problem);
  });
  it('lets free text span lines and carry emoji', () => {
    expect(textProblem('第一行\n第二行 👍', { max: 100, multiline: true, allowEmoji: true })).toBeNull();
  });
  it('counts characters, not UTF-16 units', () => {
    expect(textProblem('𠀀𠀀', { max: 2 })).toBeNull();
  });
});
