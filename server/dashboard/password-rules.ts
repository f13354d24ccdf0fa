// What a new owner password must be: at least 12 characters, and not one of the most common passwords or a
// keyboard or number run. Pure, so the setup page says the same as the server before anything is sent.
import { COMMON_PASSWORDS } from './common-passwords.ts';

/** NIST SP 800-63B asks for at least 8; 12 puts an online guesser far past any list worth trying. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// Runs people type as "random": digits, the alphabet and the keyboard rows, either way round.
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop', '1qaz2wsx3edc4rfv5tgb'];

function isRun(text: string): boolean {
  if (new Set(text).size === 1) return true;
  return RUNS.some((run) => {
    // A run may wrap around ("890123456789"): look inside the run repeated enough times to hold the text.
    const long = run.repeat(Math.ceil(text.length / run.length) + 1);
    const reversed = [...long].reverse().join('');
    return long.includes(text) || reversed.includes(text);
  });
}

/** A word repeated ("monkeymonkey") as the word once, else undefined. */
function repeatedUnit(text: string): string | undefined {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size);
  }
  return undefined;
}

/** Why a chosen password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `The password needs at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `The password may have at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  // "Password1234!" is "password" to anyone guessing: compare without the digits and symbols people add at the end.
  const stem = lower.replace(/[^a-z]+$/, '');
  // A short stem is not a run worth refusing ("x93847561029" keeps its 11 digits of strength).
  const shapes = stem.length >= 6 ? [lower, stem] : [lower];
  const weak = (text: string) => {
    const unit = repeatedUnit(text);
    return isRun(text) || COMMON_PASSWORDS.has(text) || (unit !== undefined && (COMMON_PASSWORDS.has(unit) || isRun(unit)));
  };
  if (COMMON_PASSWORDS.has(stem) || shapes.some(weak)) {
    return 'This password is one of the most common ones (or a run like 123456789012): choose another, e.g. a few unrelated words.';
  }
  return undefined;
}
