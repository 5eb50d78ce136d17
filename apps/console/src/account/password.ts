/**
 * The API's password rule (libs/access/src/password.ts), checked in the form first so the user
 * sees the problem before sending. Answers an i18n key (with its arguments), or undefined when the password is fine.
 */
export function passwordRule(value: string | undefined): string | { message: string; args: Record<string, unknown> } | undefined {
  if (!value) return undefined;
  if (value.length < 10) return 'xp.validation.passwordLength';
  if (value.length > 200) return { message: 'xp.validation.maxLength', args: { max: 200 } };
  if (/^(.)\1*$/.test(value)) return 'xp.validation.passwordRepeated';
  if (!/[A-Za-z\u4e00-\u9fff]/.test(value) || !/[^A-Za-z\u4e00-\u9fff]/.test(value)) return 'xp.validation.passwordMix';
  return undefined;
}
