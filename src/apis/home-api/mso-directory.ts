// Which MSO a connection speaks for: the CN of its TLS client certificate, or (plain TCP)
// the source address listed for it in HOME_API_MSO_ADDRESSES. The MSO's group is looked up
// by id or exact name when the connection opens, so a group created after start-up counts.

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../../common/auth/principal';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Group } from '../../identity/group.entity';
import { HomeApiMso } from './home-api-config';
import { msoPrincipal, plainAddress } from './mso-principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConnectedMso {
  name: string;
  principal: Principal;
}

export type MsoLookup = { mso: ConnectedMso } | { refused: string };

@Injectable()
export class MsoDirectory {
  private readonly msos: HomeApiMso[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    this.msos = config.homeApi?.msos ?? [];
  }

  /** `certificateName`: the peer certificate's CN when the listener uses TLS. */
  async identify(remoteAddress: string | undefined, certificateName: string | undefined): Promise<MsoLookup> {
    const address = plainAddress(remoteAddress);
    const mso =
      certificateName !== undefined
        ? this.msos.find((m) => m.name === certificateName.toUpperCase())
        : this.msos.find((m) => m.addresses.includes(address));
    if (mso === undefined) return { refused: certificateName !== undefined ? `certificate CN ${certificateName} is no configured MSO` : `no MSO is configured for address ${address}` };
    const where = UUID.test(mso.group) ? { id: mso.group.toLowerCase() } : { name: mso.group };
    const group = await this.dataSource.manager.findOneBy(Group, where);
    if (group === null) return { refused: `group ${mso.group} of MSO ${mso.name} does not exist` };
    return { mso: { name: mso.name, principal: msoPrincipal(mso.name, group.id) } };
  }
}
