// A short random id per browser, sent with feedback so the assistant can tell answers from the same browser apart.
// Not an identity: nothing about the person, kept in localStorage, a new one where storage is off.
import { VIEWER_ID_PATTERN } from '../../../server/dashboard/answer-rules.ts';

const KEY = 'mcpdash-viewer';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

let memo: string | undefined;

export function viewerId(): string {
  if (memo) return memo;
  try {
    const stored = localStorage.getItem(KEY);
    if (stored && VIEWER_ID_PATTERN.test(stored)) return (memo = stored);
    memo = randomId();
    localStorage.setItem(KEY, memo);
  } catch {
    // Storage blocked (private mode, embedded browser): one id for this page's life.
    memo ??= randomId();
  }
  return memo;
}
