// Live device views of nodes whose device another instance holds (set by the cluster; a
// single process holds every connected device, and an absent connection means offline).

import type { NodeRadio, NodeVif } from '../graphql/node-device.types';
import type { VifAudience } from './vif-row-visibility';

export interface RemoteDeviceViews {
  /** The holder's answer; undefined when no live instance holds the device (offline). */
  vifs(nodeId: string, serial: string, audience: VifAudience): Promise<NodeVif[] | undefined>;
  radios(nodeId: string, serial: string): Promise<NodeRadio[] | undefined>;
}
