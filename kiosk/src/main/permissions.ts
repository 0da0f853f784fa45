// Deny by default. Electron approves every permission request unless told otherwise; we allow the camera
// (document camera, QR scanning) only while the capture screen is showing, and nothing else ever.
import type { Session } from 'electron';
import { originOf as parseOrigin } from './trusted-url';

export interface PermissionPolicy {
  /** True while the requesting window shows a screen that legitimately uses the camera. */
  captureActive(webContentsId: number): boolean;
  /** True while the window shows the remote-help call screen: camera and microphone, nothing else. */
  callActive?(webContentsId: number): boolean;
  trustedOrigins: readonly string[];
}

export function decidePermission(
  permission: string,
  origin: string,
  mediaTypes: readonly string[] | undefined,
  policy: PermissionPolicy,
  webContentsId = -1,
): boolean {
  if (!policy.trustedOrigins.includes(origin)) return false;
  if (permission !== 'media') return false;
  const types = mediaTypes ?? [];
  const videoOnly = types.length > 0 && types.every((t) => t === 'video');
  if (videoOnly && policy.captureActive(webContentsId)) return true;
  const call = types.length > 0 && types.every((t) => t === 'video' || t === 'audio');
  return call && (policy.callActive?.(webContentsId) ?? false);
}

export function attachPermissionHandlers(session: Session, policy: PermissionPolicy): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const origin = originOf(details.requestingUrl);
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined;
    callback(decidePermission(permission, origin, mediaTypes, policy, contents.id));
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const mediaType = (details as { mediaType?: string }).mediaType;
    return decidePermission(permission, originOf(requestingOrigin), mediaType ? [mediaType] : undefined, policy, contents?.id ?? -1);
  });
  session.setDevicePermissionHandler(() => false);
}

function originOf(url: string): string {
  return parseOrigin(url) ?? 'null';
}
