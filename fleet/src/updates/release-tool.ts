// Release tooling: signs one package and publishes the channel's manifest envelope into a feed folder. The signing
// key is a PKCS#8 PEM held on the release machine (or an HSM in front of the same statements), never on terminals.
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ReleaseManifest, type SignedManifest } from '@easydo/core/services/update/manifest';
import { manifestStatement, packageStatement, signData, type SigningKey } from '@easydo/core/services/update/signing';
import { sha512File } from '@easydo/core/services/update/verify';

export interface PublishOptions {
  feedRoot: string;
  channel: string;
  packageName: string;
  version: string;
  minFromVersion: string;
  debPath: string;
  key: Pick<SigningKey, 'id' | 'privateKeyPem'>;
  rollout: ReleaseManifest['rollout'];
  killSwitch?: boolean;
  now?: number;
  /** Tests: publish a manifest whose package claim was signed by another key. */
  packageKey?: Pick<SigningKey, 'id' | 'privateKeyPem'>;
}

export async function publishRelease(o: PublishOptions): Promise<ReleaseManifest> {
  const { size } = await stat(o.debPath);
  const sha512 = await sha512File(o.debPath);
  const pkgKey = o.packageKey ?? o.key;
  const signature = signData(pkgKey, packageStatement({ name: o.packageName, version: o.version, size, sha512 }));
  await mkdir(join(o.feedRoot, 'packages'), { recursive: true });
  const fileName = basename(o.debPath);
  await copyFile(o.debPath, join(o.feedRoot, 'packages', fileName));
  const manifest = ReleaseManifest.parse({
    schema: 1,
    channel: o.channel,
    packageName: o.packageName,
    version: o.version,
    minFromVersion: o.minFromVersion,
    publishedAt: new Date(o.now ?? Date.now()).toISOString(),
    package: { url: `../../packages/${fileName}`, size, sha512, signature, keyId: pkgKey.id },
    rollout: o.rollout,
    killSwitch: o.killSwitch ?? false,
  });
  await writeManifest(o.feedRoot, o.channel, manifest, o.key);
  return manifest;
}

export async function writeManifest(feedRoot: string, channel: string, manifest: ReleaseManifest, key: Pick<SigningKey, 'id' | 'privateKeyPem'>): Promise<SignedManifest> {
  const body = JSON.stringify(manifest);
  const envelope: SignedManifest = { keyId: key.id, signature: signData(key, manifestStatement(body)), body };
  await mkdir(join(feedRoot, 'channels', channel), { recursive: true });
  await writeFile(join(feedRoot, 'channels', channel, 'manifest.json'), JSON.stringify(envelope));
  return envelope;
}
