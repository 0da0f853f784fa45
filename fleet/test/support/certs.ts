// A throw-away certificate authority made with openssl for one test run: the broker's server certificate
// (localhost / 127.0.0.1) and one client certificate per terminal whose CN is the terminal id (the broker takes
// the CN as the username: `use_identity_as_username`). EC P-256 keys, so a few hundred are quick to make.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface KeyPair {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
}

export interface TestCa {
  dir: string;
  caFile: string;
  ca: string;
  server: KeyPair;
  /** A client certificate for this CN, signed by this CA (made once, then reused). */
  client(cn: string): KeyPair;
}

function keyPair(dir: string, name: string): KeyPair {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

function newKey(dir: string, name: string): void {
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`], dir);
}

function signed(dir: string, name: string, cn: string, caName: string, extensions: string): KeyPair {
  newKey(dir, name);
  openssl(['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`], dir);
  writeFileSync(path.join(dir, `${name}.ext`), extensions);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', `${caName}.crt`, '-CAkey', `${caName}.key`, '-CAcreateserial', '-days', '2', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.crt`],
    dir,
  );
  return keyPair(dir, name);
}

/** Makes a CA named `name` in `dir` with a server certificate for localhost. */
export function makeTestCa(dir: string, name = 'ca'): TestCa {
  newKey(dir, name);
  openssl(['req', '-x509', '-new', '-key', `${name}.key`, '-subj', `/CN=Easy-Do test fleet CA ${name}`, '-days', '2', '-sha256', '-out', `${name}.crt`], dir);
  const server = signed(dir, `${name}-server`, 'localhost', name, 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  const clients = new Map<string, KeyPair>();
  return {
    dir,
    caFile: path.join(dir, `${name}.crt`),
    ca: readFileSync(path.join(dir, `${name}.crt`), 'utf8'),
    server,
    client(cn: string) {
      let pair = clients.get(cn);
      if (!pair) {
        pair = signed(dir, `${name}-client-${cn}`, cn, name, 'extendedKeyUsage=clientAuth\n');
        clients.set(cn, pair);
      }
      return pair;
    },
  };
}
