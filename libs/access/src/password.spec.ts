import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('xuanpin-demo');
    const b = await hashPassword('xuanpin-demo');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('xuanpin-demo', a)).toBe(true);
    expect(await verifyPassword('xuanpin-demO', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('enforces a minimum policy', () => {
    expect(passwordProblem('short-1')).toMatch(/10 characters/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeated/);
    expect(passwordProblem('onlyletters')).toMatch(/mix/);
    expect(passwordProblem('me@test.cn1', 'ME@test.cn1')).toMatch(/e-mail/);
    expect(passwordProblem('xuanpin-demo')).toBeNull();
  });
});
