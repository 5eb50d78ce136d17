import { creditCodeCheckCharacter, creditCodeProblem, normalizeCreditCode } from './venues.rules';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published example codes from real business licences.
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts the valid code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character over the first 17 characters', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('9135010OM000100Y4')).toBeNull();
  });

  it('refuses a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
  });

  it('refuses the wrong length and letters outside the alphabet (I, O, S, V, Z)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 characters/);
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      expect(creditCodeProblem(`9135010${letter}M000100Y43`)).toMatch(/capital letters/);
    }
  });

  it('normalizes case and surrounding spaces before checking', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
