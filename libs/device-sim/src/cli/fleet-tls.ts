// Client certificates for ssl: controllers. A device presents a certificate whose CN is its
// serial: DIR/<serial>.pem + DIR/<serial>.key when present, else the shared DIR/client.pem
// + DIR/client.key (the controller then sees that certificate's CN). DIR/ca.pem is trusted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DialOptions } from '../server/stream-endpoints';

export class FleetTls {
  private readonly ca: Buffer;
  private readonly shared?: { key: Buffer; cert: Buffer };

  constructor(private readonly dir: string) {
    this.ca = readFileSync(join(dir, 'ca.pem'));
    const cert = join(dir, 'client.pem');
    const key = join(dir, 'client.key');
    if (existsSync(cert) && existsSync(key)) this.shared = { cert: readFileSync(cert), key: readFileSync(key) };
  }

  forSerial(serial: string): DialOptions['tls'] {
    const cert = join(this.dir, `${serial}.pem`);
    const key = join(this.dir, `${serial}.key`);
    if (existsSync(cert) && existsSync(key)) return { ca: this.ca, cert: readFileSync(cert), key: readFileSync(key) };
    if (!this.shared) throw new Error(`no certificate for ${serial} in ${this.dir} (and no client.pem/client.key)`);
    return { ca: this.ca, ...this.shared };
  }
}
