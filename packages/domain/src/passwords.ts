/**
 * Passwords people must not choose: the most common ones in published breach lists (each at least 10
 * characters, the shortest we accept, or a short one padded the usual ways), and the person's own e-mail.
 */
const common = new Set(
  [
    '1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111', '0000000000', '1234512345',
    '1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'asdfghjkl1', 'asdfghjkl;',
    'zxcvbnm123', 'password12', 'password123', 'password1234', 'password12345', 'password!1', 'password01', 'passw0rd123',
    'p@ssw0rd123', 'p@ssword123', 'iloveyou12', 'iloveyou123', 'letmein123', 'welcome123', 'welcome1234', 'welcome2024',
    'welcome2025', 'welcome2026', 'changeme123', 'changeme1234', 'administrator', 'admin12345', 'admin123456', 'football123',
    'baseball123', 'basketball', 'superman123', 'batman1234', 'princess123', 'sunshine123', 'starwars123', 'trustno1234',
    'monkey12345', 'dragon12345', 'master12345', 'michael123', 'jennifer123', 'shadow12345', 'abc1234567', 'abcdefghij',
    'abcd123456', 'a123456789', 'aa12345678', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'zaq12wsx', 'zaq1zaq1zaq1', 'qazwsxedc123',
    'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026', 'spring2025', 'autumn2025',
    'marketing1', 'marketing123', 'marketing2025', 'marketing2026', 'company123', 'company2025', 'secret1234', 'secret12345',
    'mypassword', 'mypassword1', 'mypassword123', 'newpassword', 'newpassword1', 'newpassword123', 'passwordpassword',
    'computer123', 'internet123', 'whatever123', 'qwertyqwerty', 'asdfasdfasdf', '1234qwer!@#$', '!qaz2wsx#edc', 'Password1!',
  ].map((p) => p.toLowerCase()),
);

/** Why a new password is refused, or null when it may be used. Length limits are the schema's business. */
export function passwordProblem(password: string, email: string): string | null {
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (address && (lower === address || (localPart.length >= 3 && lower === localPart))) return 'must not be your e-mail address';
  if (common.has(lower)) return 'is one of the most common passwords; choose another';
  if (/^(.)\1+$/.test(password)) return 'must not repeat one character';
  return null;
}
