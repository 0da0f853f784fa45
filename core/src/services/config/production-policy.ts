// What the production profile refuses in a configuration that the schema accepts: everything that is only fit for
// development (simulated reader, virtual printer, SANE's test scanner, the embedded sandbox), a backend that is
// not https, a fleet broker without TLS, and the development maintenance PIN. Used at start-up (kiosk/src/app/startup.ts) and by admin's
// config save when the terminal runs in production, so a saved config can always start again.
import { SANDBOX_PROGRESS_HOST, type TerminalConfig, type TerminalRole } from './schema';
import { isDevelopmentPinHash } from './pin-policy';

export type Profile = 'development' | 'production';

export interface PolicyRefusal {
  /** Dotted config path. */
  field: string;
  reason: string;
}

/** role: what the terminal runs as, when known (start-up, admin save): a counter refuses the keyboard wedge. */
export function productionRefusals(config: TerminalConfig, role?: TerminalRole): PolicyRefusal[] {
  const refusals: PolicyRefusal[] = [];
  const refuse = (field: string, reason: string) => refusals.push({ field, reason });
  const { backend, devices } = config;

  if (backend.kind === 'embedded-sandbox') refuse('backend.kind', 'the embedded sandbox is a development backend: configure the acceptance platform (kind "remote")');
  else if (new URL(backend.url).protocol !== 'https:') refuse('backend.url', 'the acceptance platform must be reached over https');
  if (config.progressHost === SANDBOX_PROGRESS_HOST) refuse('progressHost', "the receipt QR would open the sandbox's placeholder: give the host of the platform's progress page");

  if (devices.idReader.transport === 'simulator') refuse('devices.idReader.transport', 'the simulated card reader is for development: configure "serial" or "hid"');
  if (devices.qrScanner?.transport === 'simulator') refuse('devices.qrScanner.transport', 'the simulated 2D scanner is for development: configure "serial", "hidPos" or "keyboardWedge"');
  // The wedge types codes as keystrokes; a counter's staff windows get no wedge filter, so a scanned code would land
  // in whatever field has focus there (kiosk/src/main/electron-shell.ts attaches it to resident-facing windows only).
  if (role === 'counter' && devices.qrScanner?.transport === 'keyboardWedge') {
    refuse('devices.qrScanner.transport', 'a counter cannot use a keyboard-wedge 2D scanner (its codes would be typed into the focused field): configure "serial" or "hidPos"');
  }
  if (devices.receiptPrinter.address === 'virtual') refuse('devices.receiptPrinter.address', 'the virtual printer is for development: give the printer address (tcp://, file:, serial:)');
  if (devices.scanner.source === 'sane' && devices.scanner.device.split(':')[0] === 'test') {
    refuse('devices.scanner.device', 'SANE\'s "test" device is a simulator: give the scanner\'s SANE name, or source "none"');
  }

  if (config.fleet && new URL(config.fleet.brokerUrl).protocol !== 'mqtts:') refuse('fleet.brokerUrl', 'the fleet broker must be reached over TLS (mqtts://)');

  if (config.update && new URL(config.update.feedUrl).protocol !== 'https:') refuse('update.feedUrl', 'the update feed must be reached over https');

  // Remote help's TURN relay carries the call's media and its credential: only over TLS (turns:).
  config.remoteHelp?.iceServers.forEach((server, i) => {
    server.urls.forEach((url, j) => {
      if (/^turn:/i.test(url)) refuse(`remoteHelp.iceServers.${i}.urls.${j}`, 'a TURN server must be reached over TLS: use "turns:"');
    });
  });

  if (isDevelopmentPinHash(config.adminPinHash)) refuse('adminPinHash', 'this is the development PIN: set the terminal\'s own with `npm run set-pin`');
  config.admin.operators?.forEach((operator, i) => {
    if (isDevelopmentPinHash(operator.pinHash)) refuse(`admin.operators.${i}.pinHash`, 'this is the development PIN: set this operator\'s own with `npm run set-pin`');
  });
  return refusals;
}
