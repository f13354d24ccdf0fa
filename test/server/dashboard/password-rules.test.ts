import { describe, expect, test } from 'bun:test';
import { PASSWORD_MIN, passwordProblem } from '../../../server/dashboard/password-rules.ts';

describe('passwordProblem', () => {
  test('refuses anything shorter than 12 characters, the probe\'s 12345678 included', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(passwordProblem('12345678')).toContain('at least 12');
    expect(passwordProblem('elevenchars')).toContain('at least 12');
  });

  test.each([
    ['a common password with digits added', 'password1234'],
    ['the same with capitals and a symbol', 'Password1234!'],
    ['a keyboard row with digits', 'qwerty123456'],
    ['a digit run', '123456789012'],
    ['a digit run backwards and wrapping', '210987654321'],
    ['the alphabet', 'abcdefghijkl'],
    ['one character repeated', 'aaaaaaaaaaaa'],
    ['a common word repeated', 'monkeymonkey'],
    ['a common word with a year', 'iloveyou2024'],
  ])('refuses %s (%s)', (_why, password) => {
    expect(passwordProblem(password)).toContain('most common');
  });

  test.each(['correct horse battery staple', 'tunnel owner password', 'x93847561029', 'Zebra-piano-7-lamp'])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeUndefined();
  });

  test('refuses more than 256 characters', () => {
    expect(passwordProblem('a b'.repeat(100))).toContain('at most 256');
  });
});
