// A throwaway self-signed certificate made at test time (openssl; ca-certificates pulls it in on Debian), for the
// TLS servers the tests stand up: a client metadata document host, the https tunnel in front of the binary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCert {
  cert: string;
  key: string;
}

export function selfSignedCert(hostname: string): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'mcpdash-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-subj', `/CN=${hostname}`, '-addext', `subjectAltName=DNS:${hostname}`,
    ], { stdio: 'ignore' });
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
