// Printer addresses from configuration: tcp://host[:port], serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0
// (or a bare absolute path). Configuration is a trust boundary, so the address is checked here.
import { deviceFileTransport } from './device-file';
import { serialTransport } from './serial';
import { tcpTransport } from './tcp';
import { TransportError, type PrinterTransport } from './transport';

export function transportFromUrl(address: string): PrinterTransport {
  if (address.startsWith('/') || /^\\\\\.\\/.test(address)) return deviceFileTransport(address);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new TransportError('badUrl', `not a printer address: ${JSON.stringify(address)}`);
  }
  switch (url.protocol) {
    case 'tcp:': {
      const port = url.port === '' ? 9100 : Number(url.port);
      if (!url.hostname) throw new TransportError('badUrl', 'tcp printer address needs a host');
      return tcpTransport(url.hostname, port);
    }
    case 'serial:': {
      const baud = Number(url.searchParams.get('baud') ?? '115200');
      if (!Number.isInteger(baud) || baud <= 0) throw new TransportError('badUrl', `bad baud rate in ${address}`);
      return serialTransport(decodeURIComponent(url.pathname), baud);
    }
    case 'file:':
      return deviceFileTransport(decodeURIComponent(url.pathname));
  }
  throw new TransportError('badUrl', `unsupported printer address scheme ${url.protocol} (tcp:, serial:, file:)`);
}
