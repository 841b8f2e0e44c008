// The redirector (operations.md section 9, TIP's OvsdbRedirector): a listener of its own
// (CLUSTER_REDIRECTOR_LISTEN) that identifies each device as the device port does (echo,
// schema, AWLAN_Node; over ssl the certificate CN must be the serial), asks the placement
// where it belongs, writes AWLAN_Node.manager_addr and lets it go. Unknown serials are
// redirected too: the instance they land on records them as unclaimed. Nothing is written
// to the database here.

import { Logger } from '@nestjs/common';
import { OvsdbError, OvsdbListener } from '@lib/ovsdb';
import type { OvsdbListenerOptions, OvsdbSession } from '@lib/ovsdb';
import { printable } from '../validation/serial';
import { identifyDevice, OPENSYNC_DB } from './device-identification';
import type { IdentifiedDevice } from './device-identification';
import type { DevicePlacement } from './device-placement';
import { HandshakeGate } from './handshake-gate';
import { redirectDevice } from './redirect-device';

export interface RedirectorOptions {
  listener: OvsdbListenerOptions;
  placement: DevicePlacement;
  /** The canonical serial the device may use (the device port's rule), or undefined (then closed). */
  acceptSerial(device: IdentifiedDevice): string | undefined;
  handshakes: HandshakeGate;
  transactTimeoutMs: number;
}

export class RedirectorListener {
  private readonly logger = new Logger('Redirector');
  private readonly listener: OvsdbListener;
  readonly stats = { redirected: 0, noInstance: 0, failed: 0 };

  constructor(private readonly options: RedirectorOptions) {
    this.listener = new OvsdbListener({ ...options.listener, logger: this.logger });
    this.listener.sessions.subscribe((session) => void this.onSession(session));
  }

  get addresses(): OvsdbListener['addresses'] {
    return this.listener.addresses;
  }

  async start(): Promise<void> {
    await this.listener.start();
  }

  close(): Promise<void> {
    return this.listener.close();
  }

  private async onSession(session: OvsdbSession): Promise<void> {
    try {
      await session.echo([]);
      await this.options.handshakes.run(async () => {
        if (!session.isClosed) await session.getSchema(OPENSYNC_DB);
      });
      if (session.isClosed) return;
      const device = await identifyDevice(session);
      const serial = this.options.acceptSerial(device);
      if (serial === undefined || session.isClosed) return;
      session.serial = serial;
      const target = await this.options.placement.target(serial);
      if (target === undefined) {
        this.stats.noInstance++;
        this.logger.warn(`[${session.label}] no live instance to send the device to; it will retry`);
        session.close('no live instance');
        return;
      }
      session.establish();
      await redirectDevice(session, target, this.options.transactTimeoutMs);
      this.stats.redirected++;
      this.logger.debug(`[${session.label}] redirected to ${target}`);
    } catch (err) {
      this.stats.failed++;
      if (session.isClosed) return;
      const code = err instanceof OvsdbError ? err.code : 'INTERNAL';
      this.logger.warn(`[${session.label}] redirect failed: ${code}: ${printable(err instanceof Error ? err.message : String(err), 300)}`);
      session.close(`redirect failed: ${code}`);
    }
  }
}
