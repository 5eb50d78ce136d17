/** Unified social credit code (统一社会信用代码), GB 32100-2015. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let total = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    total += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (total % 31)) % 31];
}

/** Why a credit code is invalid, or null when it is valid. Same rule as the database's CHECK. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return 'may contain only digits and capital letters other than I, O, S, V and Z';
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return 'has a wrong check character (last character); please check the code on the licence';
  return null;
}

export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}
