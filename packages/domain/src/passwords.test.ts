import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords';

describe('passwordProblem', () => {
  it('accepts an ordinary long password', () => {
    expect(passwordProblem('tangerine-ladder-42', 'maya@example.test')).toBeNull();
  });

  it('refuses the most common passwords, whatever their case', () => {
    expect(passwordProblem('password123', 'maya@example.test')).toMatch(/most common/);
    expect(passwordProblem('QwertyUiop', 'maya@example.test')).toMatch(/most common/);
    expect(passwordProblem('1234567890', 'maya@example.test')).toMatch(/most common/);
  });

  it('refuses the e-mail address or its name part as the password', () => {
    expect(passwordProblem('Maya.Lopez@Example.test', 'maya.lopez@example.test')).toMatch(/e-mail/);
    expect(passwordProblem('maya.lopez', 'maya.lopez@example.test')).toMatch(/e-mail/);
  });

  it('refuses one character repeated', () => {
    expect(passwordProblem('zzzzzzzzzzzz', 'maya@example.test')).toMatch(/repeat/);
  });
});
